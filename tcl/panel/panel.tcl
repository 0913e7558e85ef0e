# panel.tcl --
#
#	The tkleak panel: the toplevel .tkleak, with four views over the C
#	core's censuses (a Diff tree, the Orphans, the Details of one
#	object, a Growth plot), a status line, auto refresh, Copy and Save.
#	Every view also has a text form (DiffText, OrphansText,
#	DetailsText), which the Memory menu prints with -print 1.
#
#	The panel is split by concern, as tklib's tablelist splits its
#	scripts; this file holds what they share and sources the others:
#
#	panel.tcl	the shared state (below), ::tkleak::panel, and the
#			target the panel inspects (T, Retarget)
#	model.tcl	the snapshots, Diff, Calibrate, Orphans, Record, and
#			auto refresh in steps
#	window.tcl	the toplevel, the status line, number formatting
#	diff.tcl	the Diff view
#	orphans.tcl	the Orphans view
#	python.tcl	the Python side of a tkinter target
#	details.tcl	the Details view
#	plot.tcl	the Growth view
#	export.tcl	Copy and Save, text and JSON
#
#	The snapshots and what is computed from them (ref, from, to, info,
#	history, diff, summary, orphans, orphanOf, groups) are written by
#	model.tcl, by Retarget when the target changes and by Destroyed
#	when the panel closes; python.tcl keeps the Python side's (pyNames,
#	keeps, pyDiff, ...). The views read them and write only their own
#	state (items, sortBy, details).
#
#	Notes on implementation:
#
#	The panel inspects a "target": this interpreter, or another Tk app
#	reached through send (attach.tcl). Every call into the target goes
#	through T with a command built as a list, so no name the panel
#	shows is ever evaluated, and the same code serves both.
#
#	The panel must never show up in what it measures. Its windows are
#	under .tkleak, its variables in ::tkleak::panel, its after scripts
#	start with a ::tkleak:: command, and the census skips all of these.
#	What the census cannot skip is state the panel would add outside
#	::tkleak: a package it loads (tcllib, Plotchart: thousands of
#	objects; even clock format loads fifty procs), Tk's file dialog (a
#	namespace of state), Tk library state created on first use, the
#	app's errorInfo changed by a caught error. So when the panel
#	inspects its own interpreter it loads nothing, uses its own JSON
#	writer (json::write only when the app has loaded it already), a
#	canvas chart rather than Plotchart and a one-line file prompt
#	rather than tk_getSaveFile, and puts errorInfo back (Quiet); when
#	it runs in an inspector process of its own (tkleak::attach) it
#	uses them all. Prime creates Tk's lazy state the panel's widgets
#	would create, as early as tkleak::menu runs.
#
#	Snapshots: the panel keeps at most three of its own, named
#	::tkleak::panelN: "ref", the census of the last Diff (the reference
#	of the next one), and "from" and "to", the two censuses the Diff
#	view compares. Calibrate uses the snapshot "baseline" of
#	tkleak::calibrate instead of one of its own. Every other panel
#	snapshot is forgotten as soon as it is replaced.
#
#	A refresh (auto refresh, or Refresh) keeps "from" and moves "to"
#	to now: the Diff view then shows what grew since the Diff or
#	Calibrate it was showing. Auto refresh runs its steps (census,
#	diff, orphans) as separate after events and never calls update,
#	so the app handles its events between them; each step's time is
#	measured and the longest is shown in the status line. The census
#	step blocks about 30 ms on the 120k-object benchmark app; the
#	orphans step, without recording, walks every slot (100-170 ms
#	there), so auto refresh skips it while the census is unchanged.
#	The views' own work stays small: the Growth plot is drawn only
#	while its tab is shown, and the widths Fit measures are kept, so a
#	refresh measures only texts it has not seen (on the widget demo
#	these took the Diff step from 27 ms to 3 ms).
#
# Copyright (c) 2026 the tkleak developers. See the file "LICENSE".

namespace eval ::tkleak::panel {
    # The app inspected: "" for this interpreter, else its send name.
    variable target ""

    # The three snapshots described above, and for each snapshot the
    # panel knows: what made it, when, and the heap and RSS then.
    variable ref ""
    variable from ""
    variable to ""
    variable info [dict create]
    variable seq 0
    variable kinds [dict create]

    # What the views show: the diff of from->to, the summary of "to",
    # the orphans, the object of the Details view.
    variable diff [dict create]
    variable summary [dict create]
    variable orphans {}
    variable orphanOf [dict create]
    variable details {}

    # Whether the orphans have been looked for since the panel opened:
    # an empty list before then means nothing.
    variable orphansAsked 0

    # Tree items: generated id -> dict (type, and name for an object).
    variable items [dict create]
    variable itemSeq 0
    variable sortBy {dcount decreasing}

    # Whether the Diff view groups the growth by the line of code that
    # made it (tkleak::diff -by origin), and those groups.
    variable byOrigin 0
    variable groups [dict create]

    # Auto refresh.
    variable auto 0
    variable interval 2000
    variable afterId ""
    variable generation 0

    # Growth: one point per census the panel took.
    variable history {}
    variable maxHistory 500

    # Whether the last refresh's census differed from the one before,
    # and how many refreshes in a row left the orphans uncounted.
    variable changed 1
    variable unchanged 0

    # Auto refresh's orphans: the refresh (generation) whose stepped
    # scan (tkleak::orphanscan) is under way in the target, or "", and
    # the time in microseconds each of its steps may take.
    variable scanning ""
    variable budget 5000

    # Timing of refresh steps, in microseconds.
    variable stats [dict create refreshes 0 last 0 longest 0 longestStep ""]

    # The largest number of objects listed under one Diff row, and the
    # fewest objects alike (elements of one array, names that differ
    # only by a number) shown as one row of their own.
    variable maxChildren 500
    variable minGroup 10

    # The Attach to... menu's radiobuttons.
    variable choice ""

    # The panel's first size; it widens to show its columns whole. The
    # widths of the texts it measured to do so (Fit), by text, and the
    # font they were measured in.
    variable size {1000 540}
    variable measured [dict create]
    variable measuredIn ""

    # The parts of the status line (Status), which StatusLines puts on
    # as many lines as the panel's width needs.
    variable statusParts {}

    # Whether the panel or the menu ever inspected this interpreter.
    variable inspectedHere 0

    # The Record checkbutton: live recording in the target, on or off.
    variable record 0

    # The Python side of tkinter wrappers, when the target's tkleak
    # module registered ::tkleak::py (python/tkleak): whether it did at
    # the last orphans, each wrapper's callable (name -> "module.qualname
    # of Class (file:line)"), what each orphan alone keeps alive (name ->
    # text) and what they all do together.
    variable python 0
    variable pyNames [dict create]
    variable keeps [dict create]
    variable keepsTotal ""

    # Without the module: whether the C core read (tkleak::pycallable)
    # the callable of an orphan wrapper, for the Orphans view's Python
    # column.
    variable pyColumn 0

    # The Python checkbutton (shown when the module registered
    # ::tkleak::py::growth): Python types' growth beside the Tcl types
    # in the Diff view, "python TYPE" -> {count bytes}, and their counts
    # in "to".
    variable pyGrowth 0
    variable pyDiff [dict create]
    variable pySummary [dict create]
    variable pyNote ""
}
# ::tkleak::panel --
#
#	Opens the panel, or raises it, and shows a view.
#
# Arguments:
#	args	optionally the view to show: diff, orphans, details or
#		growth; by default the view shown last.
#
# Results:
#	The panel's path, .tkleak.

proc ::tkleak::panel {args} {
    set w .tkleak
    if {[llength $args] > 1} {
	return -code error -errorcode {TKLEAK USAGE} \
	    "wrong # args: should be \"tkleak::panel ?view?\""
    }
    set view [lindex $args 0]
    if {$view ne ""} {
	set view [Match view {diff orphans details growth} $view \
	    PANEL VIEW $view]
    }
    NeedTk tkleak::panel
    if {![winfo exists $w]} {
	if {$panel::target ne ""} {
	    attach::Load $panel::target
	}
	panel::Prime
	panel::Build $w
	panel::Start
	panel::RecordStatus
	panel::FillDiff
	panel::FillOrphans
	panel::Status
    } else {
	wm deiconify $w
	raise $w
    }
    if {$view eq "orphans"} {
	# Asked for by name: look for them now.
	panel::Orphans
	panel::FillOrphans
	panel::Status
    }
    if {$view ne ""} {
	panel::Show $view
    }
    return $w
}

# ::tkleak::panel::T --
#
#	Runs a command in the target: here, or in the attached app.
#
# Arguments:
#	args	the command, word by word (never a script).
#
# Results:
#	The command's result; its error, or TKLEAK ATTACH ... when the
#	attached app does not answer.

proc ::tkleak::panel::T {args} {
    variable target
    variable inspectedHere
    if {$target eq ""} {
	set inspectedHere 1
	return [uplevel #0 $args]
    }
    return [::tkleak::attach::Send $target $args]
}

# ::tkleak::panel::Isolated --
#
#	Whether the panel runs in an inspector process: it inspects
#	another app, and tkleak has never inspected this one, so packages
#	it loads here change no census anyone looks at.
#
# Arguments:
#	None.

proc ::tkleak::panel::Isolated {} {
    variable target
    variable inspectedHere
    return [expr {$target ne "" && !$inspectedHere}]
}

# ::tkleak::panel::Local --
#
#	Points the panel back at its own interpreter when it was attached
#	to another app.
#
# Arguments:
#	None.

proc ::tkleak::panel::Local {} {
    variable target
    if {$target ne ""} {
	Retarget ""
    }
}

# ::tkleak::panel::Retarget --
#
#	Makes APP the app inspected: forgets the panel's snapshots in the
#	old target (when it still answers), clears every view and the
#	growth history, and takes a first census in the new target.
#
# Arguments:
#	app	a send name, or "" for this interpreter.

proc ::tkleak::panel::Retarget {app} {
    variable target
    variable ref
    variable from
    variable to
    variable info
    variable history
    variable diff
    variable summary
    variable orphans
    variable orphanOf
    variable details
    variable generation

    incr generation
    CancelScan
    foreach name [dict keys $info] {
	if {[string match ::tkleak::panel* $name]} {
	    Quiet [list catch [list ::tkleak::panel::T ::tkleak::forget $name]]
	}
    }
    if {$target ne "" && $target ne $app} {
	::tkleak::attach::Release $target
    }
    set target $app
    set ref ""
    set from ""
    set to ""
    set info [dict create]
    set history {}
    set diff [dict create]
    set summary [dict create]
    set orphans {}
    set orphanOf [dict create]
    set details {}
    variable kinds [dict create]
    variable stats [dict create refreshes 0 last 0 longest 0 longestStep ""]
    # What the Python side of the last app said belongs to it alone.
    variable python 0
    variable pyColumn 0
    variable pyNames [dict create]
    variable keeps [dict create]
    variable keepsTotal ""
    variable pyGrowth 0
    variable pyDiff [dict create]
    variable pySummary [dict create]
    variable pyNote ""
    Start
    RecordStatus
    if {[winfo exists .tkleak]} {
	FillDiff
	FillOrphans
	FillDetails
	Plot
	Status
	wm title .tkleak [Title]
    }
}

# The other files of the panel, beside this one.

foreach ::tkleak::panel::File {
    model.tcl window.tcl diff.tcl orphans.tcl python.tcl details.tcl
    plot.tcl export.tcl
} {
    source [file join $::tkleak::library panel $::tkleak::panel::File]
}
unset ::tkleak::panel::File
