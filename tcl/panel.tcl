# panel.tcl --
#
#	The tkleak panel: the toplevel .tkleak, with four views over the C
#	core's censuses (a Diff tree, the Orphans, the Details of one
#	object, a Growth plot), a status line, auto refresh, Copy and Save.
#	Every view also has a text form (DiffText, OrphansText,
#	DetailsText), which the Memory menu prints with -print 1.
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
    variable sortBy {dbytes decreasing}

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

    # Timing of refresh steps, in microseconds.
    variable stats [dict create refreshes 0 last 0 longest 0 longestStep ""]

    # The largest number of objects listed under one Diff row.
    variable maxChildren 500

    # The Attach to... menu's radiobuttons.
    variable choice ""

    # The panel's first size; it widens to show its columns whole.
    variable size {1000 540}

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

# ::tkleak::panel::Prime --
#
#	Creates, if missing, the state Tk's library scripts create on the
#	first use of a widget class the panel uses (hovering a treeview's
#	column separator saves the cursor in an array element, dragging a
#	scrollbar makes an array), as Tk would make it. Run by
#	tkleak::menu, so that it exists before the user calibrates. (A
#	sweep of clicks, hovers and keys over every widget of the panel
#	found these two.)
#
# Arguments:
#	None.

proc ::tkleak::panel::Prime {} {
    if {[namespace exists ::ttk::treeview]
	    && ![info exists ::ttk::treeview::State(userConfCursor)]} {
	set ::ttk::treeview::State(userConfCursor) {}
    }
    # A scrollbar's first drag makes its State array (emptied again on
    # release).
    if {[namespace exists ::ttk::scrollbar]
	    && ![array exists ::ttk::scrollbar::State]} {
	array set ::ttk::scrollbar::State {}
    }
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

# ::tkleak::panel::Record --
#
#	The Record checkbutton: turns live recording (tkleak::record) on or
#	off in the target, so that an attached panel can record too; an
#	error (an app gone) goes to the status line and the checkbutton
#	shows the target's status again.
#
# Arguments:
#	None.

proc ::tkleak::panel::Record {} {
    variable record
    if {[catch {T ::tkleak::record [expr {$record ? "on" : "off"}]} msg]} {
	Status "Error: $msg"
    }
    RecordStatus
}

# ::tkleak::panel::RecordStatus --
#
#	Shows the target's recording status on the Record checkbutton (and
#	on the Memory menus', when the target is this app).
#
# Arguments:
#	None.

proc ::tkleak::panel::RecordStatus {} {
    variable record
    variable target
    if {![catch {T ::tkleak::record status} now]} {
	set record $now
	if {$target eq ""} {
	    set ::tkleak::menu::record $now
	}
    }
}

# ::tkleak::panel::Title --
#
#	The panel's window title, naming the app inspected.
#
# Arguments:
#	None.

proc ::tkleak::panel::Title {} {
    variable target
    if {$target eq ""} {
	return "tkleak: [tk appname]"
    }
    return "tkleak: $target (attached)"
}

# ::tkleak::panel::Build --
#
#	Makes the panel's widgets.
#
# Arguments:
#	w	the toplevel's path, .tkleak.

proc ::tkleak::panel::Build {w} {
    toplevel $w
    wm title $w [Title]
    variable size
    wm geometry $w [join $size x]
    wm minsize $w 600 300

    set bar [ttk::frame $w.bar]
    ttk::button $bar.calibrate -text Calibrate \
	-command [list ::tkleak::panel::Calibrate]
    ttk::button $bar.diff -text Diff -command [list ::tkleak::panel::Action diff]
    ttk::button $bar.orphans -text Orphans \
	-command [list ::tkleak::panel::Action orphans]
    ttk::checkbutton $bar.record -text "Record" \
	-variable ::tkleak::panel::record -command [list ::tkleak::panel::Record]
    # Packed by PyToolbar when the app has the tkleak module.
    ttk::checkbutton $bar.python -text "Python" \
	-variable ::tkleak::panel::pyGrowth -command [list ::tkleak::panel::Diffed]
    ttk::separator $bar.sep1 -orient vertical
    ttk::checkbutton $bar.auto -text "Auto refresh" \
	-variable ::tkleak::panel::auto -command [list ::tkleak::panel::Auto]
    ttk::menubutton $bar.every -menu $bar.every.m -width 9
    menu $bar.every.m -tearoff 0
    foreach s {1 2 5 10 30} {
	$bar.every.m add radiobutton -label "every $s s" -value [expr {$s * 1000}] \
	    -variable ::tkleak::panel::interval -command [list ::tkleak::panel::Auto]
    }
    ttk::separator $bar.sep2 -orient vertical
    ttk::menubutton $bar.copy -text Copy -menu $bar.copy.m
    menu $bar.copy.m -tearoff 0
    ttk::menubutton $bar.save -text Save -menu $bar.save.m
    menu $bar.save.m -tearoff 0
    foreach {what label} {
	difftext "Diff as text" diffjson "Diff as JSON"
	orphanstext "Orphans as text" orphansjson "Orphans as JSON"
	details "Details as text"
    } {
	$bar.copy.m add command -label $label \
	    -command [list ::tkleak::panel::Copy $what]
	$bar.save.m add command -label "$label..." \
	    -command [list ::tkleak::panel::SaveAs $what]
    }
    ttk::menubutton $bar.attach -text "Attach to..." -menu $bar.attach.m
    menu $bar.attach.m -tearoff 0 \
	-postcommand [list ::tkleak::panel::AttachMenu $bar.attach.m]
    pack $bar.calibrate $bar.diff $bar.orphans $bar.record -side left \
	-padx {4 0} -pady 4
    pack $bar.sep1 -side left -fill y -padx 6 -pady 4
    pack $bar.auto $bar.every -side left -padx {0 4}
    pack $bar.sep2 -side left -fill y -padx 6 -pady 4
    pack $bar.copy $bar.save -side left -padx {0 4}
    pack $bar.attach -side right -padx 4
    IntervalLabel
    PyToolbar

    set nb [ttk::notebook $w.nb]

    # Diff: one row per type that changed, its new and gone objects
    # below it.
    set f [ttk::frame $nb.diff]
    ttk::label $f.head -anchor w
    set t [Tree $f.tree {
	#0 Type 220 w
	count "# objects" 0 e
	dcount "+/- objects" 0 e
	bytes "total size" 0 e
	dbytes "+/- size" 0 e
	note "Orphan: last referrer" 260 w
    }]
    $t tag configure grow -foreground #b00000
    $t tag configure shrink -foreground #006000
    $t tag configure object -foreground #202020
    $t tag configure orphan -foreground #b00000
    $t tag configure more -foreground #606060
    foreach col {count dcount bytes dbytes} {
	$t heading $col -command [list ::tkleak::panel::Sort $col]
    }
    $t heading #0 -command [list ::tkleak::panel::Sort type]
    bind $t <<TreeviewOpen>> [list ::tkleak::panel::Expand %W]
    bind $t <Double-Button-1> [list ::tkleak::panel::Activate %W %x %y]
    bind $t <<TreeviewSelect>> [list ::tkleak::panel::Plot]
    ttk::checkbutton $f.by -text "Group by origin" \
	-variable ::tkleak::panel::byOrigin -command [list ::tkleak::panel::Diffed]
    # Layout's grid, with the checkbutton at the end of the heading row.
    grid $f.head -row 0 -column 0 -sticky we -padx 4 -pady 4
    grid $f.by -row 0 -column 1 -columnspan 2 -sticky e -padx 4 -pady 4
    grid $f.tree -row 1 -column 0 -columnspan 2 -sticky nsew
    grid $f.sy -row 1 -column 2 -sticky ns
    grid $f.sx -row 2 -column 0 -columnspan 2 -sticky we
    grid rowconfigure $f 1 -weight 1
    grid columnconfigure $f 0 -weight 1
    $nb add $f -text Diff

    set f [ttk::frame $nb.orphans]
    ttk::label $f.head -anchor w
    set t [Tree $f.tree {
	#0 Name 240 w
	type Type 0 w
	reason Reason 0 w
	last "Last referrer" 0 w
	retains Retains 0 w
	origin Origin 160 w
	python Python 0 w
	keeps "Keeps alive" 0 w
    }]
    # The Python columns show only for an app with the tkleak module
    # (FillOrphans); the origin stretches, as the last column shown.
    $t configure -displaycolumns {type reason last retains origin}
    $t column origin -stretch 1
    $t column keeps -stretch 0
    $t tag configure detached -foreground #b00000
    $t tag configure unreferenced -foreground #804000
    bind $t <Double-Button-1> [list ::tkleak::panel::Activate %W %x %y]
    Layout $f
    $nb add $f -text Orphans

    set f [ttk::frame $nb.details]
    ttk::frame $f.top
    ttk::label $f.top.l -text "Name:"
    ttk::entry $f.top.name -width 40
    ttk::button $f.top.show -text Show \
	-command [list ::tkleak::panel::DetailsFromEntry $f.top.name]
    bind $f.top.name <Return> [list ::tkleak::panel::DetailsFromEntry %W]
    pack $f.top.l -side left
    pack $f.top.name -side left -fill x -expand 1 -padx 4
    pack $f.top.show -side left
    set t [Tree $f.tree {
	#0 Field 150 w
	value Value 600 w
    }]
    $t configure -height 8
    text $f.body -height 8 -wrap none -font TkFixedFont -relief flat \
	-background #f6f6f6 -state disabled
    # Tk's Text bindings remember an anchor per text widget in tk::Priv
    # and never drop it: a click would leave an element behind.
    bindtags $f.body [list $f.body $w all]
    pack $f.top -side top -fill x -padx 4 -pady 4
    pack $f.body -side bottom -fill both -padx 4 -pady 4
    pack $f.sy -side right -fill y -padx {0 4}
    pack $f.tree -side top -fill both -expand 1 -padx {4 0}
    $nb add $f -text Details

    set f [ttk::frame $nb.growth]
    ttk::label $f.head -anchor w
    canvas $f.c -background white -highlightthickness 0 -width 600 -height 360
    bind $f.c <Configure> [list ::tkleak::panel::Plot]
    pack $f.head -side top -fill x -padx 4 -pady 4
    pack $f.c -side top -fill both -expand 1 -padx 4 -pady {0 4}
    $nb add $f -text Growth
    bind $nb <<NotebookTabChanged>> [list ::tkleak::panel::TabChanged %W]

    ttk::label $w.status -anchor w -relief sunken -padding {4 1}
    pack $bar -side top -fill x
    pack $w.status -side bottom -fill x
    pack $nb -side top -fill both -expand 1
    bind $w <Destroy> [list ::tkleak::panel::Destroyed %W]
}

# ::tkleak::panel::Tree --
#
#	Makes a treeview with headings, and its scrollbars.
#
# Arguments:
#	t	the treeview's path.
#	spec	a list of column, heading, minimum width (0: the heading's
#		width) and anchor, four words a column; "#0" is the tree
#		column.
#
# Results:
#	The treeview's path.

proc ::tkleak::panel::Tree {t spec} {
    set cols {}
    foreach {col head width anchor} $spec {
	if {$col ne "#0"} {
	    lappend cols $col
	}
    }
    set f [string range $t 0 [string last . $t]-1]
    ttk::treeview $t -columns $cols -selectmode extended \
	-yscrollcommand [list $f.sy set] -xscrollcommand [list $f.sx set]
    ttk::scrollbar $f.sy -orient vertical -command [list $t yview]
    ttk::scrollbar $f.sx -orient horizontal -command [list $t xview]
    # Only the last column stretches: the others keep the width Fit
    # gives them, the last takes what is left.
    set last [lindex $spec end-3]
    foreach {col head width anchor} $spec {
	set min [expr {[font measure TkHeadingFont $head] + 28}]
	$t heading $col -text $head -anchor $anchor
	$t column $col -anchor $anchor -minwidth $min \
	    -width [expr {max($min, $width)}] -stretch [expr {$col eq $last}]
    }
    return $t
}

# ::tkleak::panel::Layout --
#
#	Grids a view's heading label, treeview and scrollbars.
#
# Arguments:
#	f	the view's frame, holding head, tree, sy and sx.

proc ::tkleak::panel::Layout {f} {
    grid $f.head - -sticky we -padx 4 -pady 4
    grid $f.tree $f.sy -sticky nsew
    grid $f.sx -sticky we
    grid rowconfigure $f 1 -weight 1
    grid columnconfigure $f 0 -weight 1
}

# ::tkleak::panel::Destroyed --
#
#	The panel is gone: stops auto refresh and forgets the snapshots
#	only its views needed. The reference of the next Diff stays.
#
# Arguments:
#	w	the window destroyed (the binding fires for every child).

proc ::tkleak::panel::Destroyed {w} {
    variable afterId
    variable generation
    variable from
    variable to
    variable ref
    variable items
    if {$w ne ".tkleak"} {
	return
    }
    incr generation
    if {$afterId ne ""} {
	after cancel $afterId
	set afterId ""
    }
    set from $ref
    set to $ref
    set items [dict create]
    Quiet {catch ::tkleak::panel::Prune}
    variable target
    if {$target ne ""} {
	::tkleak::attach::Release $target
    }
    if {$::tkleak::attach::exitOnClose} {
	after idle [list ::tkleak::attach::Quit]
    }
}

# ::tkleak::panel::Show --
#
#	Brings a view to the front.
#
# Arguments:
#	view	diff, orphans, details or growth.

proc ::tkleak::panel::Show {view} {
    if {[winfo exists .tkleak.nb.$view]} {
	.tkleak.nb select .tkleak.nb.$view
    }
}

# ::tkleak::panel::TabChanged --
#
#	Redraws the plot when the Growth view comes to the front.
#
# Arguments:
#	nb	the notebook.

proc ::tkleak::panel::TabChanged {nb} {
    if {[$nb select] eq "$nb.growth"} {
	Plot
    }
}

# ::tkleak::panel::Census --
#
#	Takes a census in the target and keeps it as a new panel
#	snapshot; records its time, heap and RSS, and adds a point to the
#	growth history.
#
# Arguments:
#	kind	what it is for: start, diff or refresh.
#
# Results:
#	The snapshot's name.

proc ::tkleak::panel::Census {kind} {
    variable seq
    set name ::tkleak::panel[incr seq]
    while {$name in [T ::tkleak::snapshots]} {
	set name ::tkleak::panel[incr seq]
    }
    T ::tkleak::snapshot $name
    Remember $name $kind
    return $name
}

# ::tkleak::panel::Remember --
#
#	Records when a snapshot was taken and the heap then, and adds its
#	totals to the growth history.
#
# Arguments:
#	name	the snapshot.
#	kind	start, diff, refresh or calibrate.

proc ::tkleak::panel::Remember {name kind} {
    variable info
    variable history
    variable maxHistory
    set heap [dict merge {tkleak 0} [T ::tkleak::heap]]
    set sum [T ::tkleak::summary $name]
    set counts [dict create]
    set total 0
    dict for {type cb} $sum {
	dict set counts $type [dict get $cb count]
	incr total [dict get $cb count]
    }
    variable pyGrowth
    if {$pyGrowth} {
	PyCall growth mark $name
    }
    variable kinds
    set now [clock milliseconds]
    dict incr kinds $kind
    dict set info $name [dict create kind $kind time $now \
	n [dict get $kinds $kind] heap [dict get $heap heap] \
	rss [dict get $heap rss] own [dict get $heap tkleak] total $total]
    lappend history [dict create time $now total $total \
	heap [dict get $heap heap] rss [dict get $heap rss] counts $counts]
    if {[llength $history] > $maxHistory} {
	set history [lrange $history end-[expr {$maxHistory - 1}] end]
    }
}

# ::tkleak::panel::Prune --
#
#	Forgets every panel snapshot that is neither the reference nor one
#	of the two the Diff view compares, and the records of snapshots
#	the target no longer has (forgotten by the user, or dropped by
#	-maxsnapshots).
#
# Arguments:
#	None.

proc ::tkleak::panel::Prune {} {
    variable info
    variable ref
    variable from
    variable to
    set kept [T ::tkleak::snapshots]
    foreach name [dict keys $info] {
	if {$name ni $kept} {
	    dict unset info $name
	} elseif {$name ni [list $ref $from $to]
		&& [string match ::tkleak::panel* $name]} {
	    T ::tkleak::forget $name
	    dict unset info $name
	}
    }
}

# ::tkleak::panel::Check --
#
#	Drops the panel's hold on snapshots the target no longer has.
#
# Arguments:
#	None.

proc ::tkleak::panel::Check {} {
    variable ref
    variable from
    variable to
    set kept [T ::tkleak::snapshots]
    foreach var {ref from to} {
	if {[set $var] ne "" && [set $var] ni $kept} {
	    set $var ""
	}
    }
    if {$from eq "" || $to eq ""} {
	set from $to
	if {$from eq ""} {
	    set from $ref
	    set to $ref
	}
    }
}

# ::tkleak::panel::Start --
#
#	Takes the reference of the first Diff when there is none yet, so
#	that a Diff without a Calibrate compares with the time the menu
#	was installed or the panel opened.
#
# Arguments:
#	None.

proc ::tkleak::panel::Start {} {
    variable ref
    variable from
    variable to
    Check
    if {$ref eq ""} {
	set ref [Census start]
	set from $ref
	set to $ref
    }
}

# ::tkleak::panel::Calibrate --
#
#	Calibrate: makes now the baseline of tkleak::calibrate, of the
#	orphans, and of the next Diff.
#
# Arguments:
#	None.

proc ::tkleak::panel::Calibrate {} {
    variable ref
    variable from
    variable to
    variable generation
    incr generation
    set ref [T ::tkleak::calibrate]
    Remember $ref calibrate
    set from $ref
    set to $ref
    Prune
    Diffed
    # Nothing made since the baseline can be an orphan of it yet.
    Orphaned {}
}

# ::tkleak::panel::Diff --
#
#	Diff: a census now, compared with the previous Diff or Calibrate
#	(or with the panel's first census); this census becomes the
#	reference of the next Diff. Computes the orphans too.
#
# Arguments:
#	None.
#
# Results:
#	The diff shown, as tkleak::diff returns it.

proc ::tkleak::panel::Diff {} {
    variable ref
    variable from
    variable to
    variable diff
    variable generation
    incr generation
    Check
    set now [Census diff]
    set from [expr {$ref eq "" ? $now : $ref}]
    set to $now
    set ref $now
    Prune
    Diffed
    Orphaned [T ::tkleak::orphans]
    return $diff
}

# ::tkleak::panel::Refresh --
#
#	A refresh done at once (auto refresh does the same steps one
#	event at a time): a census now, compared with the start of the
#	view shown; the reference of the next Diff does not move.
#
# Arguments:
#	None.
#
# Results:
#	The diff shown.

proc ::tkleak::panel::Refresh {} {
    variable diff
    variable generation
    set job [incr generation]
    foreach step {Step1 Step2 Step3} {
	Timed $step $job
    }
    return $diff
}

# ::tkleak::panel::Step1, Step2, Step3 --
#
#	The steps of a refresh: the census; the diff and the Diff view;
#	the orphans, the Orphans view and the status line.
#
# Arguments:
#	job	the refresh's generation; a step of an older refresh, cut
#		short by a Diff or Calibrate, does nothing.
#	lazy	(optional) 1 in auto refresh: Step3 may skip the orphans
#		when the census did not change since the last refresh.
#
# Results:
#	1 when the step ran, 0 when it was cut short.

proc ::tkleak::panel::Step1 {job {lazy 0}} {
    variable generation
    variable from
    variable to
    variable ref
    variable changed
    if {$job != $generation} {
	return 0
    }
    Check
    set now [Census refresh]
    set changed [expr {$to eq "" || [dict size [T ::tkleak::diff $to $now]] > 0}]
    if {$from eq ""} {
	set from $now
	set ref $now
    }
    set to $now
    Prune
    return 1
}

proc ::tkleak::panel::Step2 {job {lazy 0}} {
    variable generation
    if {$job != $generation} {
	return 0
    }
    Diffed
    return 1
}

proc ::tkleak::panel::Step3 {job {lazy 0}} {
    variable generation
    variable changed
    variable unchanged
    if {$job != $generation} {
	return 0
    }
    # Without recording, orphans take a walk of every slot (150 ms on
    # the benchmark app): auto refresh skips it while nothing changed,
    # nine ticks in ten.
    if {$lazy && !$changed && [incr unchanged] < 10} {
	return 1
    }
    set unchanged 0
    Orphaned [T ::tkleak::orphans]
    return 1
}

# ::tkleak::panel::Timed --
#
#	Runs one refresh step and keeps the time it took (the time it
#	blocks the event loop) and the longest so far.
#
# Arguments:
#	step	Step1, Step2 or Step3.
#	job	the refresh's generation.
#	lazy	(optional) as for the steps.
#
# Results:
#	The step's result.

proc ::tkleak::panel::Timed {step job {lazy 0}} {
    variable stats
    set t0 [clock microseconds]
    set ran [$step $job $lazy]
    set us [expr {[clock microseconds] - $t0}]
    if {$ran} {
	dict set stats $step $us
	if {$us > [dict get $stats longest]} {
	    dict set stats longest $us
	    dict set stats longestStep $step
	}
	if {$step eq "Step3"} {
	    dict incr stats refreshes
	    dict set stats last [expr {[dict get $stats Step1]
		+ [dict get $stats Step2] + $us}]
	    Status
	}
    }
    return $ran
}

# ::tkleak::panel::Auto --
#
#	Starts, restarts or stops auto refresh, as the Auto refresh
#	checkbutton and the interval say.
#
# Arguments:
#	None.

proc ::tkleak::panel::Auto {} {
    variable auto
    variable afterId
    variable interval
    IntervalLabel
    if {$afterId ne ""} {
	after cancel $afterId
	set afterId ""
    }
    if {$auto && [winfo exists .tkleak]} {
	set afterId [after $interval [list ::tkleak::panel::Tick]]
    }
}

# ::tkleak::panel::IntervalLabel --
#
#	Shows the auto refresh interval on its menubutton.
#
# Arguments:
#	None.

proc ::tkleak::panel::IntervalLabel {} {
    variable interval
    if {[winfo exists .tkleak.bar.every]} {
	set s [expr {$interval / 1000.0}]
	if {$s == int($s)} {
	    set s [expr {int($s)}]
	}
	.tkleak.bar.every configure -text "every $s s"
    }
}

# ::tkleak::panel::Tick --
#
#	One auto refresh: its steps run as separate after events, so the
#	app's own events are handled between them; the next refresh is
#	scheduled when the last step is done.
#
# Arguments:
#	job	(optional) the refresh under way, and step, the next step.

proc ::tkleak::panel::Tick {{job {}} {step 1}} {
    variable afterId
    variable generation
    variable auto
    variable interval
    # Called directly, a tick replaces the one pending.
    if {$afterId ne ""} {
	after cancel $afterId
	set afterId ""
    }
    if {!$auto || ![winfo exists .tkleak]} {
	return
    }
    if {$job eq ""} {
	set job [incr generation]
    }
    if {[catch {Timed Step$step $job 1} ran]} {
	set auto 0
	Status "Auto refresh stopped: $ran"
	return
    }
    if {$ran && $step < 3} {
	set afterId [after 0 [list ::tkleak::panel::Tick $job [incr step]]]
    } else {
	set afterId [after $interval [list ::tkleak::panel::Tick]]
    }
}

# ::tkleak::panel::Action --
#
#	A toolbar button: Diff or Orphans, with errors (an attached app
#	that went away) shown in the status line rather than thrown.
#
# Arguments:
#	what	diff or orphans.

proc ::tkleak::panel::Action {what} {
    if {[catch {
	if {$what eq "diff"} {
	    Diff
	} else {
	    Orphans
	}
    } msg]} {
	Status "Error: $msg"
	return
    }
    Show $what
}

# ::tkleak::panel::Orphans --
#
#	Computes the orphans now and shows them.
#
# Arguments:
#	None.
#
# Results:
#	The orphans, as tkleak::orphans returns them.

proc ::tkleak::panel::Orphans {} {
    variable orphans
    Orphaned [T ::tkleak::orphans]
    return $orphans
}

# ::tkleak::panel::Diffed --
#
#	The diff of from->to has to be shown: computes it and fills the
#	Diff view, the plot and the status line.
#
# Arguments:
#	None.

proc ::tkleak::panel::Diffed {} {
    variable from
    variable to
    variable diff
    variable summary
    variable byOrigin
    variable groups
    set groups [dict create]
    if {$from eq "" || $to eq ""} {
	set diff [dict create]
	set summary [dict create]
    } else {
	set diff [T ::tkleak::diff $from $to]
	set summary [T ::tkleak::summary $to]
	if {$byOrigin && $from ne $to} {
	    set groups [T ::tkleak::diff $from $to -by origin]
	}
    }
    if {[winfo exists .tkleak]} {
	PyToolbar
    }
    PyGrowth
    if {[winfo exists .tkleak]} {
	FillDiff
	PyHead
	Plot
	Status
    }
}

# ::tkleak::panel::Orphaned --
#
#	New orphans have been counted: keeps them, relabels the Memory
#	menus (when the panel inspects their app) and fills the views.
#
# Arguments:
#	list	the orphans, as tkleak::orphans returns them.

proc ::tkleak::panel::Orphaned {list} {
    variable orphans
    variable orphanOf
    variable orphansAsked 1
    set orphans [lmap o $list {
	if {[Own [dict get $o name]]} continue
	set o
    }]
    set orphanOf [dict create]
    foreach o $orphans {
	dict set orphanOf [dict get $o name] $o
    }
    if {![Isolated]} {
	::tkleak::menu::ShowCount [llength $orphans]
    }
    PyOrphans
    if {[winfo exists .tkleak]} {
	FillOrphans
	FillDiffNotes
	Status
    }
}

# ::tkleak::panel::Label --
#
#	Names a snapshot for people: "Calibrate", "Diff 3", "Refresh 7".
#	(No clock format: it would load Tcl's clock library into the app,
#	fifty procs in the next diff.)
#
# Arguments:
#	name	the snapshot.

proc ::tkleak::panel::Label {name} {
    variable info
    if {![dict exists $info $name]} {
	return $name
    }
    set kind [dict get $info $name kind]
    set what [dict get {start "Panel start" diff Diff refresh Refresh
	calibrate Calibrate} $kind]
    if {$kind in {diff refresh}} {
	append what " " [dict get $info $name n]
    }
    return $what
}

# ::tkleak::panel::Elapsed --
#
#	The time between two snapshots the panel took, as " (42.1 s
#	later)", or nothing under a tenth of a second.
#
# Arguments:
#	a, b	the snapshots.

proc ::tkleak::panel::Elapsed {a b} {
    variable info
    if {![dict exists $info $a] || ![dict exists $info $b]} {
	return ""
    }
    set s [expr {([dict get $info $b time] - [dict get $info $a time]) / 1000.0}]
    if {$s < 0.1} {
	return ""
    }
    return [format " (%.1f s later)" $s]
}

# ::tkleak::panel::Rows --
#
#	The rows of the Diff view, sorted.
#
# Arguments:
#	None.
#
# Results:
#	A list of dicts: type, count, bytes (in "to"), dcount, dbytes.

proc ::tkleak::panel::Rows {} {
    variable diff
    variable summary
    variable sortBy
    variable pyDiff
    variable pySummary
    set sums [dict merge $summary $pySummary]
    set rows {}
    dict for {type d} [dict merge $diff $pyDiff] {
	set count 0
	set bytes 0
	if {[dict exists $sums $type]} {
	    set count [dict get $sums $type count]
	    set bytes [dict get $sums $type bytes]
	}
	lappend rows [dict create type $type count $count bytes $bytes \
	    dcount [dict get $d count] dbytes [dict get $d bytes]]
    }
    lassign $sortBy key order
    if {$key eq "type"} {
	return [lmap k [lsort -$order -dictionary -index 0 \
	    [lmap r $rows {list [dict get $r type] $r}]] {lindex $k 1}]
    }
    # Like format_diff: by size change, then count change, then name.
    set second [expr {$key eq "dcount" ? "dbytes" : "dcount"}]
    set keyed [lmap r $rows {
	list [dict get $r $key] [dict get $r $second] [dict get $r type] $r
    }]
    set keyed [lsort -dictionary -index 2 $keyed]
    set keyed [lsort -$order -integer -index 1 $keyed]
    set keyed [lsort -$order -integer -index 0 $keyed]
    return [lmap k $keyed {lindex $k 3}]
}

# ::tkleak::panel::Sort --
#
#	A click on a Diff heading: sorts by that column, largest first;
#	a second click reverses the order.
#
# Arguments:
#	col	type, count, dcount, bytes or dbytes.

proc ::tkleak::panel::Sort {col} {
    variable sortBy
    if {[lindex $sortBy 0] eq $col} {
	set order [expr {[lindex $sortBy 1] eq "decreasing"
	    ? "increasing" : "decreasing"}]
    } else {
	set order [expr {$col eq "type" ? "increasing" : "decreasing"}]
    }
    set sortBy [list $col $order]
    FillDiff
}

# ::tkleak::panel::FillDiff --
#
#	Fills the Diff view from the diff, keeping the rows that were
#	open and selected open and selected.
#
# Arguments:
#	None.

proc ::tkleak::panel::FillDiff {} {
    variable from
    variable to
    variable items
    variable itemSeq
    variable diff
    set t .tkleak.nb.diff.tree
    if {![winfo exists $t]} {
	return
    }
    set open {}
    set selected {}
    foreach id [$t children {}] {
	if {[dict exists $items $id type]} {
	    set type [dict get $items $id type]
	    if {[$t item $id -open]} {
		lappend open $type
	    }
	}
    }
    foreach id [$t selection] {
	if {[dict exists $items $id type] && ![dict exists $items $id name]} {
	    lappend selected [dict get $items $id type]
	}
    }
    $t delete [$t children {}]
    set items [dict create]

    if {$from eq "" || $to eq ""} {
	set head "No census yet."
    } elseif {$from eq $to} {
	set head "[Label $to]: [Count [Total $to]] objects. Act in the app,\
	    then Diff to see what it left behind."
    } else {
	set n [dict size $diff]
	set head "Changes from [Label $from] to [Label $to][Elapsed $from $to]:\
	    $n [expr {$n == 1 ? "type" : "types"}] changed."
    }
    variable byOrigin
    if {$byOrigin && $from ne "" && $to ne "" && $from ne $to} {
	append head " Grouped by the line that made or attached them."
	.tkleak.nb.diff.head configure -text $head
	$t heading #0 -text "Origin: file:line proc"
	$t heading note -text "New objects"
	FillGroups $t
	return
    }
    $t heading #0 -text Type
    $t heading note -text "Orphan: last referrer"
    .tkleak.nb.diff.head configure -text $head

    set reselect {}
    foreach r [Rows] {
	set id t[incr itemSeq]
	set type [dict get $r type]
	dict set items $id [dict create type $type]
	set tags {}
	if {[dict get $r dcount] > 0 || [dict get $r dbytes] > 0} {
	    set tags grow
	} elseif {[dict get $r dcount] < 0} {
	    set tags shrink
	}
	$t insert {} end -id $id -text $type -tags $tags -values [list \
	    [Count [dict get $r count]] [Signed [dict get $r dcount]] \
	    [Size [dict get $r bytes]] [Size [dict get $r dbytes] 1] {}]
	# A placeholder child, so the row can be opened; Expand fills it.
	$t insert $id end -id p$id -text ...
	if {$type in $open} {
	    Populate $t $id
	    $t item $id -open 1
	}
	if {$type in $selected} {
	    lappend reselect $id
	}
    }
    $t selection set $reselect
    Fit $t
}

# ::tkleak::panel::FillGroups --
#
#	Fills the Diff view with one row per origin of the new and gone
#	objects (tkleak::diff -by origin), by net growth, largest first:
#	the line of the app's code, its net growth (made less gone), and
#	of which types. Opening a row lists the objects.
#
# Arguments:
#	t	the Diff treeview, emptied.

proc ::tkleak::panel::FillGroups {t} {
    variable groups
    variable items
    variable itemSeq
    dict for {origin g} $groups {
	set id t[incr itemSeq]
	dict set items $id [dict create origin $origin \
	    types [dict get $g types]]
	set parts {}
	foreach {type n} [dict get $g types] {
	    lappend parts "$n $type"
	}
	set parts [join $parts ", "]
	if {[dict exists $g gone] && [dict get $g gone] > 0} {
	    # Net growth: say what it nets, so that a line that makes and
	    # deletes as many (a periodic timer) reads as churn, not growth.
	    append parts " ([dict get $g created] made,\
		[dict get $g gone] gone)"
	}
	$t insert {} end -id $id -text [OriginLabel $origin] -tags grow \
	    -values [list {} [Signed [dict get $g count]] {} {} $parts]
	$t insert $id end -id p$id -text ...
    }
    Fit $t
}

# ::tkleak::panel::OriginLabel --
#
#	How a group of tkleak::diff -by origin is shown: "editor.tcl:42
#	::editor::NewWindow" for "/path/editor.tcl:42 (::editor::NewWindow)".
#
# Arguments:
#	origin	the group's key; "(no origin: WHY)" for objects with no
#		origin, shown as it is.

proc ::tkleak::panel::OriginLabel {origin} {
    if {$origin eq ""} {
	return "(no origin)"
    }
    if {[regexp {^(.*):(-?[0-9]+) \((.*)\)$} $origin -> file line proc]} {
	return [string trim "[file tail $file]:$line $proc"]
    }
    return $origin
}

# ::tkleak::panel::AppKey --
#
#	The key tkleak::diff -by origin groups a stack under: "FILE:LINE
#	(PROC)" of its innermost frame not marked lib, else of its innermost
#	frame with a file, or "" (the object is in a "(no origin: ...)"
#	group).
#
# Arguments:
#	stack	an origin stack.

proc ::tkleak::panel::AppKey {stack} {
    foreach libToo {0 1} {
	foreach frame $stack {
	    if {!$libToo && [dict exists $frame lib] && [dict get $frame lib]} {
		continue
	    }
	    if {[dict exists $frame file] && [dict get $frame file] ne ""
		    && [dict exists $frame line]} {
		set proc [expr {[dict exists $frame proc] ? [dict get $frame proc] : ""}]
		return "[dict get $frame file]:[dict get $frame line] ($proc)"
	    }
	}
    }
    return ""
}

# ::tkleak::panel::PopulateOrigin --
#
#	Replaces an origin row's placeholder with the new objects of its
#	types whose origin is that row's, at most maxChildren of them.
#
# Arguments:
#	t	the Diff treeview.
#	id	the row of an origin.

proc ::tkleak::panel::PopulateOrigin {t id} {
    variable items
    variable itemSeq
    variable from
    variable to
    variable maxChildren
    $t delete p$id
    set origin [dict get $items $id origin]
    set shown 0
    set rest 0
    if {[string match "(no origin*" $origin]} {
	set origin ""
    }
    foreach {type n} [dict get $items $id types] {
	foreach {cmd sign} {::tkleak::new + ::tkleak::gone -} {
	    foreach {name stack} [T $cmd $type $from $to -origins 1] {
		if {[AppKey $stack] ne $origin} {
		    continue
		}
		if {$shown == $maxChildren} {
		    incr rest
		    continue
		}
		incr shown
		set oid o[incr itemSeq]
		dict set items $oid [dict create type $type name $name sign $sign]
		$t insert $id end -id $oid -text "$sign $name ($type)" \
		    -tags object -values [list {} {} {} {} {}]
	    }
	}
    }
    if {$rest > 0} {
	$t insert $id end -id m$id -tags more \
	    -text "... and $rest more (Copy or Save lists them all)"
    }
    FillDiffNotes
}

# ::tkleak::panel::Expand --
#
#	A Diff row was opened: lists its new and gone objects.
#
# Arguments:
#	t	the Diff treeview.

proc ::tkleak::panel::Expand {t} {
    set id [$t focus]
    if {[$t exists p$id]} {
	Populate $t $id
    }
}

# ::tkleak::panel::Populate --
#
#	Replaces a Diff row's placeholder with the objects of its type
#	that are new (tkleak::new) and gone (tkleak::gone) from "from" to
#	"to", at most maxChildren of them and a last row saying how many
#	more there are.
#
# Arguments:
#	t	the Diff treeview.
#	id	the row of a type.

proc ::tkleak::panel::Populate {t id} {
    variable items
    variable itemSeq
    variable from
    variable to
    variable maxChildren
    if {[dict exists $items $id origin]} {
	PopulateOrigin $t $id
	return
    }
    if {[$t exists p$id]} {
	$t delete p$id
    }
    set type [dict get $items $id type]
    if {[string match {python *} $type]} {
	$t insert $id end -id m$id -tags more \
	    -text "(Python objects: counted by type, not named)"
	return
    }
    set new [T ::tkleak::new $type $from $to]
    set gone [T ::tkleak::gone $type $from $to]
    if {$type eq "command tkinter"} {
	PyDescribe [lrange $new 0 $maxChildren-1]
    }
    set shown 0
    foreach {list sign} [list $new + $gone -] {
	foreach name $list {
	    if {$shown == $maxChildren} {
		break
	    }
	    incr shown
	    set oid o[incr itemSeq]
	    dict set items $oid [dict create type $type name $name sign $sign]
	    $t insert $id end -id $oid -text "$sign $name" -tags object \
		-values [list {} {} {} {} {}]
	}
    }
    set rest [expr {[llength $new] + [llength $gone] - $shown}]
    if {$rest > 0} {
	$t insert $id end -id m$id -tags more \
	    -text "... and $rest more (Copy or Save lists them all)"
    }
    if {[llength $new] + [llength $gone] == 0} {
	$t insert $id end -id m$id -tags more \
	    -text "(the same objects: only their sizes changed)"
    }
    FillDiffNotes
}

# ::tkleak::panel::FillDiffNotes --
#
#	Writes, beside each object listed in the Diff view, what the
#	panel knows of it: the orphan's reason and last referrer, or the
#	Python function of a tkinter wrapper.
#
# Arguments:
#	None.

proc ::tkleak::panel::FillDiffNotes {} {
    variable items
    set t .tkleak.nb.diff.tree
    if {![winfo exists $t]} {
	return
    }
    dict for {id item} $items {
	if {![dict exists $item name] || ![$t exists $id]} {
	    continue
	}
	set name [dict get $item name]
	set note [Note [dict get $item type] $name]
	if {[dict get $item sign] eq "-"} {
	    set note gone
	}
	$t set $id note $note
	$t item $id -tags [expr {[OrphanOf $name] ne "" ? "orphan" : "object"}]
    }
    Fit $t
}

# ::tkleak::panel::Note --
#
#	One line about an object: "detached: .mb.windows entry 0 -command
#	(editor.tcl:42)" for an orphan (its reason,
#	last referrer and where that was made, when recorded), the Python
#	function of a tkinter wrapper.
#
# Arguments:
#	type	its census type.
#	name	its name.

proc ::tkleak::panel::Note {type name} {
    set o [OrphanOf $name]
    set parts {}
    if {$o ne ""} {
	set part [dict get $o reason]
	if {[dict get $o last] ne ""} {
	    append part ": [dict get $o last owner] [dict get $o last slot]"
	}
	# Only file:line here; the Orphans view has the proc too.
	set origin [Origin $o short]
	if {$origin ne ""} {
	    append part " ($origin)"
	}
	lappend parts $part
    }
    variable pyNames
    if {$type eq "command tkinter"} {
	if {[dict exists $pyNames $name]} {
	    lappend parts "\u2192 [dict get $pyNames $name]"
	} else {
	    lappend parts "Python: [PythonFunction $name]"
	}
    }
    return [join $parts "; "]
}

# ::tkleak::panel::PyHas --
#
#	Whether the target's tkleak module registered a command of
#	::tkleak::py (tkleak's own namespace: never an app's command).
#
# Arguments:
#	cmd	describe or keepsalive.

proc ::tkleak::panel::PyHas {cmd} {
    return [expr {![catch {T ::info commands ::tkleak::py::$cmd} found]
	&& $found ne ""}]
}

# ::tkleak::panel::PyCall --
#
#	Calls a command of ::tkleak::py in the target, through T (so, when
#	attached, in the attached app): the module answers through
#	tkinter, which saves and restores its own state around the call.
#
# Arguments:
#	args	the command's name in ::tkleak::py and its arguments.
#
# Results:
#	Its result, or "" when it is missing or fails (the app's
#	errorInfo and errorCode stay as they were).

proc ::tkleak::panel::PyCall {cmd args} {
    if {![PyHas $cmd] || [catch {
	Quiet [list ::tkleak::panel::T ::tkleak::py::$cmd {*}$args]
    } result]} {
	return ""
    }
    return $result
}

# ::tkleak::panel::PyDescribe --
#
#	Learns the Python callables of the tkinter wrappers among NAMES
#	(::tkleak::py::describe), for the Diff, Orphans and Details views.
#
# Arguments:
#	names	a list of command names.

proc ::tkleak::panel::PyDescribe {names} {
    variable pyNames
    if {[llength $names]} {
	set found [PyCall describe $names]
	if {[llength $found] % 2 == 0} {
	    # Bounded: a long session keeps the callables last asked for.
	    if {[dict size $pyNames] > 5000} {
		set pyNames [dict create]
	    }
	    set pyNames [dict merge $pyNames $found]
	}
    }
}

# ::tkleak::panel::PyToolbar --
#
#	Shows the Python checkbutton when the target has the tkleak
#	module's ::tkleak::py::growth, and hides it (unchecked) otherwise.
#
# Arguments:
#	None.

proc ::tkleak::panel::PyToolbar {} {
    variable pyGrowth
    set b .tkleak.bar.python
    if {![winfo exists $b]} {
	return
    }
    if {[PyHas growth]} {
	if {[winfo manager $b] eq ""} {
	    pack $b -side left -padx {4 0} -pady 4 -after .tkleak.bar.record
	}
    } elseif {[winfo manager $b] ne ""} {
	pack forget $b
	set pyGrowth 0
    }
}

# ::tkleak::panel::PyGrowth --
#
#	The Python types' growth from "from" to "to", when the Python
#	checkbutton is on and the module counted Python objects at both
#	(it does at the censuses the panel takes while it is on).
#
# Arguments:
#	None.

proc ::tkleak::panel::PyGrowth {} {
    variable pyGrowth
    variable pyDiff [dict create]
    variable pySummary [dict create]
    variable pyNote ""
    variable from
    variable to
    if {!$pyGrowth || $from eq "" || $to eq "" || $from eq $to} {
	return
    }
    set g [PyCall growth diff $from $to]
    if {[dict exists $g diff]} {
	set pyDiff [dict get $g diff]
	set pySummary [dict get $g summary]
    } else {
	set pyNote "No Python counts at [Label $from]: they start with the\
	    next census."
    }
}

# ::tkleak::panel::PyHead --
#
#	Adds to the Diff view's heading how many Python types changed, or
#	PyGrowth's note.
#
# Arguments:
#	None.

proc ::tkleak::panel::PyHead {} {
    variable pyNote
    variable pyDiff
    set note $pyNote
    set n [dict size $pyDiff]
    if {$n} {
	set note "Python: $n [expr {$n == 1 ? "type" : "types"}] changed."
    }
    if {$note ne "" && [winfo exists .tkleak.nb.diff.head]} {
	.tkleak.nb.diff.head configure \
	    -text "[.tkleak.nb.diff.head cget -text] $note"
    }
}

# ::tkleak::panel::PyOrphans --
#
#	After the orphans were counted: when the target has the tkleak
#	module, the callables of the orphan wrappers and what each orphan
#	(a wrapper, or a widget whose entries' wrappers it retains) alone
#	keeps alive on the Python side, at most 1000 of them.
#
# Arguments:
#	None.

proc ::tkleak::panel::PyOrphans {} {
    variable orphans
    variable python [PyHas keepsalive]
    variable keeps [dict create]
    variable keepsTotal ""
    if {!$python} {
	return
    }
    set wrappers {}
    set held {}
    foreach o $orphans {
	set type [dict get $o type]
	if {$type eq "command tkinter"} {
	    lappend wrappers [dict get $o name]
	    lappend held [dict get $o name]
	} elseif {[string match {widget *} $type]} {
	    lappend held [dict get $o name]
	}
    }
    PyDescribe [lrange $wrappers 0 999]
    if {[llength $held]} {
	set k [PyCall keepsalive [lrange $held 0 999]]
	if {[dict exists $k each] && [dict get $k objects] > 0} {
	    set keeps [dict get $k each]
	    set keepsTotal [dict get $k text]
	}
    }
}

# ::tkleak::panel::Own --
#
#	Whether a name is tkleak's by the census's own rule: in ::tkleak,
#	or the command of a window with a path component "tkleak" (after
#	its last '#', so menu clones count). The C core leaves these out
#	of the census; with recording on, its orphan list still gives the
#	Memory cascade's widget commands, so the panel drops them itself.
#
# Arguments:
#	name	a command, image or menu name.

proc ::tkleak::panel::Own {name} {
    if {[string match ::tkleak::* $name]} {
	return 1
    }
    set path [regsub {^::} $name {}]
    if {[string index $path 0] ne "."} {
	return 0
    }
    foreach part [lrange [split $path .] 1 end] {
	set part [lindex [split $part #] end]
	if {$part eq "tkleak" || [string match tkleak_* $part]} {
	    return 1
	}
    }
    return 0
}

# ::tkleak::panel::OrphanOf --
#
#	The orphan record of a name, or "".
#
# Arguments:
#	name	a command, image or menu name.

proc ::tkleak::panel::OrphanOf {name} {
    variable orphanOf
    if {[dict exists $orphanOf $name]} {
	return [dict get $orphanOf $name]
    }
    return ""
}

# ::tkleak::panel::PythonFunction --
#
#	The Python function a tkinter callback wrapper calls, from the
#	wrapper's name: tkinter names it by id() and __name__.
#
# Arguments:
#	name	the wrapper's name, "::140234567marker_wakeup".

proc ::tkleak::panel::PythonFunction {name} {
    regsub {^(::)?[0-9]+} $name {} func
    return $func
}

# ::tkleak::panel::FillOrphans --
#
#	Fills the Orphans view.
#
# Arguments:
#	None.

proc ::tkleak::panel::FillOrphans {} {
    variable orphans
    variable items
    variable itemSeq
    set t .tkleak.nb.orphans.tree
    if {![winfo exists $t]} {
	return
    }
    foreach id [$t children {}] {
	dict unset items $id
    }
    $t delete [$t children {}]
    variable orphansAsked
    set n [llength $orphans]
    .tkleak.nb.orphans.head configure -text [expr {
	!$orphansAsked ? "Orphans not looked for yet: press Orphans."
	: $n == 0 ? "No orphans since the baseline."
	: "$n [expr {$n == 1 ? "orphan" : "orphans"}] since the baseline:\
	    made since, and named by no live slot."}]
    variable python
    variable pyNames
    variable keeps
    variable keepsTotal
    if {$python && $keepsTotal ne ""} {
	.tkleak.nb.orphans.head configure \
	    -text "[.tkleak.nb.orphans.head cget -text] On the Python side\
		they keep alive $keepsTotal."
    }
    $t configure -displaycolumns [expr {$python
	? {type reason python keeps last retains origin}
	: {type reason last retains origin}}]
    set sorted [lsort -dictionary -index 1 [lmap o $orphans {
	list "[dict get $o reason] [dict get $o type]" [dict get $o name] $o
    }]]
    foreach k [lsort -index 0 $sorted] {
	set o [lindex $k 2]
	set id r[incr itemSeq]
	set name [dict get $o name]
	dict set items $id [dict create type [dict get $o type] name $name]
	set last ""
	if {[dict get $o last] ne ""} {
	    set last "[dict get $o last owner] [dict get $o last slot]"
	} elseif {[dict get $o type] eq "command tkinter"} {
	    set last "(none; Python: [PythonFunction $name])"
	    if {$python && [dict exists $pyNames $name]} {
		# The Python column says it whole.
		set last "(none)"
	    }
	}
	set values [list [dict get $o type] [dict get $o reason] $last \
	    [Retains [dict get $o retains]] [Origin $o]]
	if {$python} {
	    set callable ""
	    if {[dict exists $pyNames $name]} {
		set callable [dict get $pyNames $name]
	    }
	    set kept ""
	    if {[dict exists $keeps $name]} {
		set kept [dict get $keeps $name text]
	    }
	    lappend values $callable $kept
	}
	$t insert {} end -id $id -text $name -tags [dict get $o reason] \
	    -values $values
    }
    set tab .tkleak.nb.orphans
    .tkleak.nb tab $tab -text [expr {$n ? "Orphans ($n)" : "Orphans"}]
    Fit $t
}

# ::tkleak::panel::Origin --
#
#	Where an orphan was made or last attached, when the C core
#	recorded it (its "origin": frames {file line proc lang lib},
#	innermost first): the innermost frame of the app's own code (lib
#	0; the innermost frame when all are library frames).
#
# Arguments:
#	o	the orphan's record, or any dict with an origin.
#	how	(optional) app: "editor.tcl:42 ::editor::NewWindow"; short:
#		"editor.tcl:42"; all: every frame, one a line.

proc ::tkleak::panel::Origin {o {how app}} {
    if {![dict exists $o origin] || [llength [dict get $o origin]] == 0} {
	return ""
    }
    set frames [dict get $o origin]
    if {$how ne "all"} {
	set pick [lindex $frames 0]
	foreach frame $frames {
	    if {![dict exists $frame lib] || ![dict get $frame lib]} {
		set pick $frame
		break
	    }
	}
	set frames [list $pick]
    }
    set lines {}
    foreach frame $frames {
	set where ""
	if {[dict exists $frame file] && [dict get $frame file] ne ""} {
	    set where [file tail [dict get $frame file]]
	    if {[dict exists $frame line] && [dict get $frame line] > 0} {
		append where : [dict get $frame line]
	    }
	}
	if {$how ne "short"} {
	    if {[dict exists $frame proc] && [dict get $frame proc] ne ""} {
		append where " " [dict get $frame proc]
	    }
	    if {[dict exists $frame lang] && [dict get $frame lang] eq "python"} {
		append where " (Python)"
	    }
	}
	lappend lines [string trim $where]
    }
    return [join $lines \n]
}

# ::tkleak::panel::Retains --
#
#	Says what an orphan keeps alive: "3 menu entry, 1 command proc".
#
# Arguments:
#	retains	a dict type -> count.

proc ::tkleak::panel::Retains {retains} {
    set parts {}
    dict for {type n} $retains {
	lappend parts "$n $type"
    }
    return [join $parts ", "]
}

# ::tkleak::panel::Fit --
#
#	Widens a treeview's columns to their longest value among the
#	first rows, so no heading or number is clipped; the window may
#	then scroll sideways.
#
# Arguments:
#	t	the treeview.

proc ::tkleak::panel::Fit {t} {
    if {[llength [$t children {}]] == 0} {
	return
    }
    set font TkDefaultFont
    set cols [$t cget -columns]
    set widths [dict create]
    # The first rows tell: measuring thousands would slow each refresh.
    set ids [lrange [$t children {}] 0 199]
    foreach id $ids {
	lappend ids {*}[lrange [$t children $id] 0 49]
    }
    set ids [lrange $ids 0 399]
    set tree 0
    foreach id $ids {
	set indent [expr {[$t parent $id] eq "" ? 30 : 50}]
	set tree [expr {max($tree, [font measure $font [$t item $id -text]] + $indent)}]
	foreach col $cols v [$t item $id -values] {
	    set wd [expr {[font measure $font $v] + 16}]
	    if {![dict exists $widths $col] || [dict get $widths $col] < $wd} {
		dict set widths $col $wd
	    }
	}
    }
    set total 0
    set shown [$t cget -displaycolumns]
    foreach col [linsert $cols 0 #0] {
	if {$col ne "#0" && $shown ne "#all" && $col ni $shown} {
	    continue
	}
	set wd [expr {$col eq "#0" ? $tree : ([dict exists $widths $col]
	    ? [dict get $widths $col] : 0)}]
	set min [$t column $col -minwidth]
	$t column $col -width [expr {max($min, $wd)}]
	incr total [expr {max($min, $wd)}]
    }
    # Widen the panel, never narrow it, so that every column shows whole
    # (up to the screen's width; beyond, the view scrolls sideways).
    set top [winfo toplevel $t]
    set want [expr {min($total + 40, [winfo screenwidth $top] - 40)}]
    if {[winfo ismapped $top]} {
	set width [winfo width $top]
	set height [winfo height $top]
    } else {
	# Not shown yet: the size Build asked for.
	variable size
	lassign $size width height
	if {[regexp {^(\d+)x(\d+)} [wm geometry $top] -> w h] && $w > 1} {
	    lassign [list $w $h] width height
	}
    }
    if {$want > $width} {
	wm geometry $top ${want}x$height
    }
}

# ::tkleak::panel::Activate --
#
#	A double click on an object in the Diff or Orphans view: shows its
#	details.
#
# Arguments:
#	t	the treeview.
#	x, y	where the click was.

proc ::tkleak::panel::Activate {t x y} {
    variable items
    set id [$t identify item $x $y]
    if {$id ne "" && [dict exists $items $id name]} {
	Details [dict get $items $id name] [dict get $items $id type]
	Show details
    }
}

# ::tkleak::panel::DetailsFromEntry --
#
#	The Show button and Return in the Details view's name entry.
#
# Arguments:
#	e	the entry.

proc ::tkleak::panel::DetailsFromEntry {e} {
    set name [string trim [$e get]]
    if {$name ne ""} {
	if {[catch {Details $name} msg]} {
	    Status "Error: $msg"
	}
    }
}

# ::tkleak::panel::Details --
#
#	Looks an object up in the target and shows it in the Details
#	view.
#
# Arguments:
#	name	a command, image, window or any census identity.
#	type	(optional) its census type, when known.
#
# Results:
#	The details, a list of field, value pairs.

proc ::tkleak::panel::Details {name {type {}}} {
    # Looking an object up catches errors (a proc's args of a command
    # that is none); the app's errorInfo and errorCode stay as they were.
    return [Quiet [list ::tkleak::panel::LookUp $name $type]]
}

# ::tkleak::panel::Quiet --
#
#	Runs a command and puts back ::errorInfo and ::errorCode, which the
#	errors it catches would change: they are variables of the app, and
#	a changed size would show in its next diff.
#
# Arguments:
#	cmd	the command, as a list.
#
# Results:
#	The command's result or error.

proc ::tkleak::panel::Quiet {cmd} {
    set saved {}
    foreach var {::errorInfo ::errorCode} {
	if {[info exists $var]} {
	    lappend saved $var [set $var]
	}
    }
    set code [catch {uplevel 1 $cmd} result opts]
    foreach var {::errorInfo ::errorCode} {
	if {[dict exists $saved $var]} {
	    set $var [dict get $saved $var]
	} else {
	    unset -nocomplain $var
	}
    }
    return -options $opts $result
}

# ::tkleak::panel::LookUp --
#
#	The work of Details.
#
# Arguments:
#	name, type	as for Details.

proc ::tkleak::panel::LookUp {name type} {
    variable details
    if {$type eq ""} {
	set type [TypeOf $name]
    }
    set fields [list Name $name Type [expr {$type eq "" ? "(not found)" : $type}]]
    set body ""
    switch -glob -- $type {
	{command *} - {object *} {
	    set kind [lindex $type 1]
	    if {[string match {object *} $type]} {
		set kind object
	    }
	    lappend fields Kind [dict get {proc "Tcl procedure" alias
		"alias or imported command" ensemble "namespace ensemble"
		tkinter "Python tkinter callback" native "C command"
		object "TclOO object"} $kind]
	    lappend fields "Implemented by" [Library $name $kind]
	    switch -- $kind {
		proc {
		    if {![catch {ArgSpec $name} args]} {
			lappend fields Arguments \
			    [expr {[llength $args] ? $args : "(none)"}]
			set body [T ::info body $name]
		    }
		}
		alias {
		    if {![catch {T ::namespace origin $name} origin]
			    && $origin ne $name} {
			lappend fields "Imported from" $origin
		    } elseif {![catch {T ::interp alias {} $name} target]} {
			lappend fields "Alias of" $target
		    }
		}
		ensemble {
		    catch {
			lappend fields Namespace \
			    [T ::namespace ensemble configure $name -namespace]
		    }
		}
		tkinter {
		    lappend fields "Python function" [PythonFunction $name]
		    variable pyNames
		    PyDescribe [list $name]
		    if {[dict exists $pyNames $name]} {
			lappend fields "Python callable" [dict get $pyNames $name]
		    }
		}
	    }
	}
	{widget *} {
	    # Read through Tk's own C procedures (tkleak::widget), never
	    # through the command at the widget's path: a megawidget's
	    # methods would run.
	    if {![catch {T ::tkleak::widget $name} w]} {
		lappend fields Class [dict get $w class] \
		    Manager [dict get $w manager] Mapped [dict get $w mapped]
		if {![dict get $w read]} {
		    lappend fields Options \
			"(not read: no widget command of Tk's found)"
		}
		foreach opt [dict get $w options] {
		    if {[llength $opt] == 5 && [lindex $opt 4] ne ""
			    && [regexp {(Command|Image)$} [lindex $opt 2]]} {
			lappend fields [lindex $opt 0] [lindex $opt 4]
		    }
		}
	    } else {
		lappend fields Exists no
	    }
	}
	{image *} {
	    if {![catch {T ::image width $name} w]} {
		lappend fields Size "$w x [T ::image height $name]" \
		    "In use" [T ::image inuse $name]
	    } else {
		lappend fields Exists no
	    }
	}
    }
    set o [OrphanOf $name]
    if {$o ne ""} {
	lappend fields Orphan [dict get $o reason]
	if {[dict get $o last] ne ""} {
	    lappend fields "Last referrer" \
		"[dict get $o last owner] [dict get $o last slot]"
	}
	if {[dict size [dict get $o retains]]} {
	    lappend fields Retains [Retains [dict get $o retains]]
	}
    }
    if {$type eq "command tkinter" || [string match {widget *} $type]} {
	lappend fields {*}[KeepsAlive $name]
    }
    lappend fields {*}[Origins $name]
    if {[string match {command *} $type] || [string match {object *} $type]
	    || [string match {widget *} $type] || [string match {image *} $type]} {
	if {[catch {T ::tkleak::refs $name} refs]} {
	    lappend fields Referrers "(none: no longer exists)"
	} elseif {[llength $refs] == 0} {
	    lappend fields Referrers "(none)"
	} else {
	    foreach r $refs {
		lappend fields Referrer "[dict get $r owner] [dict get $r slot]"
	    }
	}
    }
    set details [dict create name $name type $type fields $fields body $body]
    FillDetails
    return $fields
}

# ::tkleak::panel::KeepsAlive --
#
#	What a tkinter wrapper (or the wrappers a widget's entries
#	registered) alone keeps alive on the Python side, as Details
#	fields: "Keeps alive" and its summary, then one row a Python type,
#	largest first (at most 12), when the target has the tkleak module
#	and it keeps something alive.
#
# Arguments:
#	name	a command or a window.

proc ::tkleak::panel::KeepsAlive {name} {
    set k [PyCall keepsalive [list $name]]
    if {![dict exists $k objects] || [dict get $k objects] == 0} {
	return {}
    }
    set fields [list "Keeps alive" [dict get $k text]]
    set n 0
    foreach {type cb} [dict get $k types] {
	if {[incr n] > 12} {
	    lappend fields "  ..." "[expr {[dict size [dict get $k types]] - 12}]\
		more types"
	    break
	}
	lassign $cb count bytes
	lappend fields "  $type" "[Count $count], [Size $bytes]"
    }
    return $fields
}

# ::tkleak::panel::Origins --
#
#	Where an object was made and attached, as Details fields, from
#	tkleak::origin when the target's tkleak has it and recorded
#	something: "Created at" and one "Attached at" an attachment, each
#	the innermost frame of the app's own code.
#
# Arguments:
#	name	a command, image or window.

proc ::tkleak::panel::Origins {name} {
    if {[T ::info commands ::tkleak::origin] eq ""
	    || [catch {T ::tkleak::origin $name} origin]} {
	return {}
    }
    set fields {}
    set where [Origin [dict create origin [dict get $origin created]]]
    if {$where ne ""} {
	lappend fields "Created at" $where
    }
    foreach {slot stack} [dict get $origin attached] {
	set where [Origin [dict create origin $stack]]
	lappend fields "Attached at" \
	    "[dict get $slot owner] [dict get $slot slot]: [expr {$where eq "" ? "?" : $where}]"
    }
    return $fields
}

# ::tkleak::panel::ArgSpec --
#
#	A proc's arguments as written in its definition, defaults
#	included: {a {b 2} args}.
#
# Arguments:
#	name	the proc.

proc ::tkleak::panel::ArgSpec {name} {
    set spec {}
    foreach arg [T ::info args $name] {
	if {[T ::info default $name $arg ::tkleak::panel::Default]} {
	    lappend spec [list $arg [T ::set ::tkleak::panel::Default]]
	} else {
	    lappend spec $arg
	}
    }
    return $spec
}

# ::tkleak::panel::TypeOf --
#
#	The census type of a name in the target, looked up in a fresh
#	census: a window, an image, a command or an object.
#
# Arguments:
#	name	what the user typed.

proc ::tkleak::panel::TypeOf {name} {
    if {[string index $name 0] eq "." && [T ::winfo exists $name]} {
	return "widget [T ::winfo class $name]"
    }
    if {$name in [T ::image names]} {
	return "image [T ::image type $name]"
    }
    set fq [T ::namespace which -command $name]
    if {$fq eq ""} {
	# A namespace variable or array element, by its full name ("info
	# exists" runs no trace and makes nothing).
	if {[string match ::* $name] && [T ::info exists $name]} {
	    return [expr {[regexp {^[^(]*\(.*\)$} $name]
		? "array element" : "variable"}]
	}
	return ""
    }
    set sum [T ::tkleak::summary]
    foreach type [dict keys $sum] {
	if {([string match {command *} $type] || [string match {object *} $type])
		&& $fq in [T ::tkleak::objects $type]} {
	    return $type
	}
    }
    return ""
}

# ::tkleak::panel::Library --
#
#	What implements a command: the Tcl library for procs, aliases and
#	ensembles, Python's _tkinter for tkinter wrappers (the census
#	tells them by the library their C function is in). The C core
#	does not say which library a plain C command comes from.
#
# Arguments:
#	name	the command.
#	kind	proc, alias, ensemble, tkinter, native or object.

proc ::tkleak::panel::Library {name kind} {
    switch -- $kind {
	proc - alias - ensemble {
	    return "Tcl [T ::info patchlevel] (script level)"
	}
	tkinter {
	    return "_tkinter (Python)"
	}
	object {
	    return "TclOO, class [T ::info object class $name]"
	}
	default {
	    return "C code (tkleak does not report its library)"
	}
    }
}

# ::tkleak::panel::FillDetails --
#
#	Fills the Details view from the details looked up last.
#
# Arguments:
#	None.

proc ::tkleak::panel::FillDetails {} {
    variable details
    set f .tkleak.nb.details
    if {![winfo exists $f]} {
	return
    }
    set t $f.tree
    $t delete [$t children {}]
    set body ""
    if {[dict size $details]} {
	set i 0
	foreach {field value} [dict get $details fields] {
	    $t insert {} end -id d[incr i] -text $field -values [list $value]
	}
	set body [dict get $details body]
	$f.top.name delete 0 end
	$f.top.name insert 0 [dict get $details name]
    }
    $f.body configure -state normal
    $f.body delete 1.0 end
    $f.body insert end $body
    $f.body configure -state disabled
    Fit $t
}

# ::tkleak::panel::Total --
#
#	The number of objects in a snapshot the panel took.
#
# Arguments:
#	name	the snapshot.

proc ::tkleak::panel::Total {name} {
    variable info
    if {[dict exists $info $name total]} {
	return [dict get $info $name total]
    }
    return 0
}

# ::tkleak::panel::Status --
#
#	Writes the status line: heap (and the app's and tkleak's own growth
#	over the diff shown) and RSS at the last census, objects,
#	orphans, the last refresh's time and the longest a refresh step
#	blocked the event loop, and the app inspected.
#
# Arguments:
#	message	(optional) a message to show instead of the timing.

proc ::tkleak::panel::Status {{message {}}} {
    variable info
    variable to
    variable orphans
    variable stats
    variable target
    if {![winfo exists .tkleak.status]} {
	return
    }
    variable from
    set parts {}
    if {[dict exists $info $to]} {
	set heap "heap [Size [dict get $info $to heap]]"
	# The growth shown is the app's: tkleak's own (its snapshots,
	# tables, the panel's data) apart, as in format_diff's heap line.
	if {$from ne $to && [dict exists $info $from]} {
	    set own [expr {[dict get $info $to own] - [dict get $info $from own]}]
	    append heap ": app [Size [expr {[dict get $info $to heap]
		- [dict get $info $from heap] - $own}] 1],\
		tkleak [Size $own 1]"
	}
	lappend parts $heap "RSS [Size [dict get $info $to rss]]" \
	    "[Count [dict get $info $to total]] objects"
    }
    lappend parts "[llength $orphans] orphans"
    if {$message ne ""} {
	lappend parts $message
    } elseif {[dict get $stats refreshes]} {
	lappend parts [format "refresh %.0f ms (longest block %.0f ms)" \
	    [expr {[dict get $stats last] / 1000.0}] \
	    [expr {[dict get $stats longest] / 1000.0}]]
    }
    lappend parts [expr {$target eq "" ? "this app" : "attached to $target"}]
    .tkleak.status configure -text [join $parts "  \u00b7  "]
}

# ::tkleak::panel::Count, Signed, Size --
#
#	Number formats: 123,955; +3 and -2; sizes as format_diff writes
#	them (base 1024: 280 B, 14.26 KB), signed with SIGNED 1.
#
# Arguments:
#	n	the number.
#	signed	(Size) 1 for a leading + on growth.

proc ::tkleak::panel::Count {n} {
    set s [string trimleft $n -]
    while {[regsub {^(\d+)(\d{3})} $s {\1,\2} s]} {}
    return [expr {$n < 0 ? "-$s" : $s}]
}

proc ::tkleak::panel::Signed {n} {
    # Not with expr: it would read "+3" back as the number 3.
    if {$n > 0} {
	return +[Count $n]
    }
    return [Count $n]
}

proc ::tkleak::panel::Size {n {signed 0}} {
    set mag [expr {abs($n)}]
    set sign [expr {$n < 0 ? "-" : ($signed && $n > 0 ? "+" : "")}]
    if {$mag < 1024} {
	return "$sign$mag B"
    }
    foreach unit {KB MB GB TB} {
	set mag [expr {$mag / 1024.0}]
	if {$mag < 1024 || $unit eq "TB"} {
	    return [format "%s%.2f %s" $sign $mag $unit]
	}
    }
}

# ::tkleak::panel::DiffText --
#
#	The Diff view as text: format_diff's table (pympler's), then the
#	new and gone objects of each changed type with their notes.
#
# Arguments:
#	max	(optional) the most objects listed a type; 0 lists all.
#
# Results:
#	The text, without a final newline.

proc ::tkleak::panel::DiffText {{max 0}} {
    variable from
    variable to
    if {$from eq "" || $to eq ""} {
	return "No census yet."
    }
    set lines [list [string trimright [T ::tkleak::format_diff $from $to] \n]]
    foreach r [Rows] {
	set type [dict get $r type]
	foreach {cmd sign} {new + gone -} {
	    if {[string match {python *} $type]} {
		continue
	    }
	    set names [T ::tkleak::$cmd $type $from $to]
	    if {![llength $names]} {
		continue
	    }
	    lappend lines "" "[string totitle $cmd] $type ([llength $names]):"
	    set i 0
	    foreach name $names {
		if {$max && [incr i] > $max} {
		    lappend lines "  ... and [expr {[llength $names] - $max}] more"
		    break
		}
		set note [expr {$sign eq "+" ? [Note $type $name] : ""}]
		lappend lines "  $name[expr {$note eq "" ? "" : "  ($note)"}]"
	    }
	}
    }
    return [join $lines \n]
}

# ::tkleak::panel::OrphansText --
#
#	The Orphans view as text: a table of name, type, reason, last
#	referrer, what each retains, and where it was made when the C
#	core recorded it.
#
# Arguments:
#	None.

proc ::tkleak::panel::OrphansText {} {
    variable orphans
    if {![llength $orphans]} {
	return "Orphans: none."
    }
    # The origin column only when the C core recorded origins.
    set origins [lmap o $orphans {Origin $o}]
    set withOrigin [expr {[string trim [join $origins ""]] ne ""}]
    set rows [list {name type reason {last referrer} retains origin}]
    foreach o $orphans origin $origins {
	set last [dict get $o last]
	if {$last ne ""} {
	    set last "[dict get $last owner] [dict get $last slot]"
	}
	lappend rows [list [dict get $o name] [dict get $o type] \
	    [dict get $o reason] $last [Retains [dict get $o retains]] $origin]
    }
    if {!$withOrigin} {
	set rows [lmap row $rows {lrange $row 0 end-1}]
    }
    set widths [lrepeat [llength [lindex $rows 0]] 0]
    foreach row $rows {
	set i 0
	foreach cell $row {
	    lset widths $i [expr {max([lindex $widths $i], [string length $cell])}]
	    incr i
	}
    }
    set lines [list "Orphans ([llength $orphans]):"]
    foreach row $rows {
	set line ""
	foreach cell $row wd $widths {
	    append line [format "%-*s  " $wd $cell]
	}
	lappend lines [string trimright $line]
    }
    return [join $lines \n]
}

# ::tkleak::panel::DetailsText --
#
#	The Details view as text: one "field: value" line each, then the
#	body of a proc.
#
# Arguments:
#	None.

proc ::tkleak::panel::DetailsText {} {
    variable details
    if {![dict size $details]} {
	return "No details shown."
    }
    set lines {}
    foreach {field value} [dict get $details fields] {
	lappend lines "$field: $value"
    }
    if {[dict get $details body] ne ""} {
	lappend lines "Body:" [dict get $details body]
    }
    return [join $lines \n]
}

# ::tkleak::panel::Json --
#
#	JSON values, written by tcllib's json::write when the panel may
#	use it (see the notes at the top), else by the few lines below;
#	both give the same data.
#
# Arguments:
#	kind	string, number, array (args: JSON texts) or object (args:
#		key, JSON text, ...).
#	args	the value(s).

proc ::tkleak::panel::Json {kind args} {
    if {[JsonWrite]} {
	switch -- $kind {
	    string {return [::json::write string [lindex $args 0]]}
	    number {return [lindex $args 0]}
	    array {return [::json::write array {*}$args]}
	    object {return [::json::write object {*}$args]}
	}
    }
    switch -- $kind {
	string {
	    set s [string map {\\ \\\\ \" \\\" \n \\n \r \\r \t \\t \b \\b \f \\f} \
		[lindex $args 0]]
	    # The other control characters, as \u00XX.
	    set out ""
	    foreach c [split $s ""] {
		if {[scan $c %c code] && $code < 0x20} {
		    append out [format "\\u%04x" $code]
		} else {
		    append out $c
		}
	    }
	    return "\"$out\""
	}
	number {
	    return [lindex $args 0]
	}
	array {
	    return "\[[join $args ", "]\]"
	}
	object {
	    set parts {}
	    foreach {k v} $args {
		lappend parts "[Json string $k]: $v"
	    }
	    return "{[join $parts ", "]}"
	}
    }
}

# ::tkleak::panel::JsonWrite --
#
#	Whether Json uses tcllib's json::write: in an inspector process of
#	its own, when tcllib is installed; in the app itself only when the
#	app has loaded it, since loading it would add to the census.
#
# Arguments:
#	None.

proc ::tkleak::panel::JsonWrite {} {
    if {[Isolated]} {
	return [expr {![catch {package require json::write}]}]
    }
    return [expr {[package provide json::write] ne ""}]
}

# ::tkleak::panel::DiffJson --
#
#	The Diff view as JSON: the two censuses compared, each changed
#	type with its counts and the names of its new and gone objects,
#	and the heap and RSS of both censuses.
#
# Arguments:
#	None.

proc ::tkleak::panel::DiffJson {} {
    variable from
    variable to
    variable info
    set rows {}
    if {$from ne "" && $to ne ""} {
	foreach r [Rows] {
	    set type [dict get $r type]
	    set kv [list type [Json string $type]]
	    foreach k {count bytes dcount dbytes} {
		lappend kv $k [Json number [dict get $r $k]]
	    }
	    foreach cmd {new gone} {
		if {[string match {python *} $type]} {
		    continue
		}
		lappend kv $cmd [Json array {*}[lmap n \
		    [T ::tkleak::$cmd $type $from $to] {Json string $n}]]
	    }
	    lappend rows [Json object {*}$kv]
	}
    }
    set snaps {}
    foreach {key name} [list from $from to $to] {
	set kv [list name [Json string $name] label [Json string [Label $name]]]
	if {[dict exists $info $name]} {
	    foreach k {time heap rss total} {
		lappend kv $k [Json number [dict get $info $name $k]]
	    }
	}
	lappend snaps $key [Json object {*}$kv]
    }
    return [Json object {*}$snaps types [Json array {*}$rows]]
}

# ::tkleak::panel::OrphansJson --
#
#	The orphans as JSON: an array of objects with name, type, reason,
#	last (owner and slot, or null), retains (type -> count) and origin
#	(the frames the C core recorded, innermost first; empty when it
#	recorded none).
#
# Arguments:
#	None.

proc ::tkleak::panel::OrphansJson {} {
    variable orphans
    set list {}
    foreach o $orphans {
	set last null
	if {[dict get $o last] ne ""} {
	    set last [Json object owner [Json string [dict get $o last owner]] \
		slot [Json string [dict get $o last slot]]]
	}
	set retains {}
	dict for {type n} [dict get $o retains] {
	    lappend retains $type [Json number $n]
	}
	set origin {}
	if {[dict exists $o origin]} {
	    foreach frame [dict get $o origin] {
		set kv {}
		dict for {k v} $frame {
		    lappend kv $k [expr {$k in {line lib} && [string is entier -strict $v]
			? [Json number $v] : [Json string $v]}]
		}
		lappend origin [Json object {*}$kv]
	    }
	}
	lappend list [Json object name [Json string [dict get $o name]] \
	    type [Json string [dict get $o type]] \
	    reason [Json string [dict get $o reason]] \
	    last $last retains [Json object {*}$retains] \
	    origin [Json array {*}$origin]]
    }
    return [Json array {*}$list]
}

# ::tkleak::panel::Export --
#
#	The text Copy and Save give.
#
# Arguments:
#	what	difftext, diffjson, orphanstext, orphansjson or details.

proc ::tkleak::panel::Export {what} {
    switch -- $what {
	difftext {return [DiffText]}
	diffjson {return [DiffJson]}
	orphanstext {return [OrphansText]}
	orphansjson {return [OrphansJson]}
	details {return [DetailsText]}
	default {
	    return -code error -errorcode [list TKLEAK PANEL EXPORT $what] \
		"bad export \"$what\": must be difftext, diffjson,\
		orphanstext, orphansjson or details"
	}
    }
}

# ::tkleak::panel::Copy --
#
#	Puts a view's text or JSON on the clipboard.
#
# Arguments:
#	what	as for Export.

proc ::tkleak::panel::Copy {what} {
    set text [Export $what]
    clipboard clear -displayof .tkleak
    clipboard append -displayof .tkleak -- $text
    Status "Copied [string length $text] characters."
}

# ::tkleak::panel::Save --
#
#	Writes a view's text or JSON to a file, UTF-8.
#
# Arguments:
#	what	as for Export.
#	file	the file's name.

proc ::tkleak::panel::Save {what file} {
    set text [Export $what]
    set f [open $file w]
    fconfigure $f -encoding utf-8
    puts $f $text
    close $f
    Status "Saved [file tail $file]."
}

# ::tkleak::panel::SaveAs --
#
#	The Save menu: asks for a file name, with tk_getSaveFile in an
#	inspector process of its own, else with a one-line prompt (Tk's
#	file dialog keeps state in the app's namespaces), then saves.
#
# Arguments:
#	what	as for Export.

proc ::tkleak::panel::SaveAs {what} {
    set ext [expr {[string match *json $what] ? ".json" : ".txt"}]
    set initial [file join [pwd] tkleak-$what$ext]
    if {[Isolated]} {
	set file [tk_getSaveFile -parent .tkleak -initialfile [file tail $initial] \
	    -initialdir [pwd] -defaultextension $ext]
	if {$file ne ""} {
	    Save $what $file
	}
	return
    }
    set d .tkleak.save
    destroy $d
    toplevel $d
    wm title $d "Save"
    wm transient $d .tkleak
    ttk::label $d.l -text "Save to file:"
    ttk::entry $d.e -width 60
    $d.e insert 0 $initial
    ttk::frame $d.b
    ttk::button $d.b.ok -text Save -default active \
	-command [list ::tkleak::panel::SaveOk $d $what]
    ttk::button $d.b.cancel -text Cancel -command [list destroy $d]
    pack $d.b.cancel $d.b.ok -side right -padx 4
    pack $d.l -side top -anchor w -padx 8 -pady {8 2}
    pack $d.e -side top -fill x -padx 8
    pack $d.b -side top -fill x -pady 8
    bind $d.e <Return> [list ::tkleak::panel::SaveOk $d $what]
    bind $d.e <Escape> [list destroy $d]
    focus $d.e
}

# ::tkleak::panel::SaveOk --
#
#	The Save prompt's Save button.
#
# Arguments:
#	d	the prompt.
#	what	as for Export.

proc ::tkleak::panel::SaveOk {d what} {
    set file [$d.e get]
    destroy $d
    if {[catch {Save $what $file} msg]} {
	Status "Error: $msg"
    }
}

# ::tkleak::panel::AttachMenu --
#
#	Fills the Attach to... menu with the Tk apps on this display.
#
# Arguments:
#	m	the menu.

proc ::tkleak::panel::AttachMenu {m} {
    variable target
    variable choice $target
    $m delete 0 end
    set me [tk appname]
    $m add radiobutton -label "This app ($me)" -value "" \
	-variable ::tkleak::panel::choice \
	-command [list ::tkleak::panel::AttachTo ""]
    foreach app [lsort -dictionary [winfo interps -displayof .tkleak]] {
	if {$app eq $me} {
	    continue
	}
	$m add radiobutton -label $app -value $app \
	    -variable ::tkleak::panel::choice \
	    -command [list ::tkleak::panel::AttachTo $app]
    }
}

# ::tkleak::panel::AttachTo --
#
#	An entry of the Attach to... menu.
#
# Arguments:
#	app	the send name chosen, or "" for this app.

proc ::tkleak::panel::AttachTo {app} {
    if {[catch {
	if {$app eq ""} {
	    Local
	} else {
	    ::tkleak::attach $app
	}
    } msg]} {
	Status "Error: $msg"
    }
}

# ::tkleak::panel::Plot --
#
#	Draws the Growth view: the total number of objects, the heap and
#	RSS, and the counts of the selected types (the types selected in
#	the Diff view, else the ones that grew most) over the censuses
#	the panel took. Plotchart draws it when the panel runs in a
#	process of its own and tklib is installed, a plain canvas chart
#	otherwise.
#
# Arguments:
#	None.

proc ::tkleak::panel::Plot {} {
    variable history
    set c .tkleak.nb.growth.c
    if {![winfo exists $c]} {
	return
    }
    set types [PlotTypes]
    set n [llength $history]
    .tkleak.nb.growth.head configure -text [expr {$n == 0 ? "No census yet." :
	"$n [expr {$n == 1 ? "census" : "censuses"}] since the panel\
	    started. Types: [expr {[llength $types] ? [join $types ", "]
		: "none grew"}] (select rows in the Diff view to choose)."}]
    set t0 [expr {$n ? [dict get [lindex $history 0] time] : 0}]
    set xs [lmap p $history {expr {([dict get $p time] - $t0) / 1000.0}}]
    set panes [list \
	[list "Objects" [list total [lmap p $history {dict get $p total}]]] \
	[list "Heap and RSS (MB)" \
	    [list heap [lmap p $history {expr {[dict get $p heap] / 1048576.0}}] \
		RSS [lmap p $history {expr {[dict get $p rss] / 1048576.0}}]]]]
    # Types differ in size by orders of magnitude; their change since
    # the first census shares one scale.
    set series {}
    foreach type $types {
	set counts [lmap p $history {
	    expr {[dict exists $p counts $type]
		? [dict get $p counts $type] : 0}
	}]
	set c0 [lindex $counts 0]
	lappend series $type [lmap v $counts {expr {$v - $c0}}]
    }
    lappend panes [list "Selected types (change in count)" $series]
    if {[Isolated] && ![catch {package require Plotchart}]} {
	PlotChart $c $xs $panes
    } else {
	PlotCanvas $c $xs $panes
    }
}

# ::tkleak::panel::PlotTypes --
#
#	The types the Growth view plots: those selected in the Diff view,
#	else the five whose count grew most in the diff shown.
#
# Arguments:
#	None.

proc ::tkleak::panel::PlotTypes {} {
    variable items
    variable diff
    set t .tkleak.nb.diff.tree
    set types {}
    if {[winfo exists $t]} {
	foreach id [$t selection] {
	    if {[dict exists $items $id type]} {
		set type [dict get $items $id type]
		if {$type ni $types} {
		    lappend types $type
		}
	    }
	}
    }
    if {![llength $types]} {
	set grew {}
	dict for {type d} $diff {
	    if {[dict get $d count] > 0} {
		lappend grew [list $type [dict get $d count]]
	    }
	}
	set types [lmap g [lrange [lsort -integer -decreasing -index 1 $grew] 0 4] {
	    lindex $g 0
	}]
    }
    return $types
}

# ::tkleak::panel::Range --
#
#	A y range for values: their minimum and maximum, widened when
#	equal.
#
# Arguments:
#	values	numbers.

proc ::tkleak::panel::Range {values} {
    set lo [tcl::mathfunc::min {*}$values]
    set hi [tcl::mathfunc::max {*}$values]
    if {$hi - $lo < 1e-9} {
	set pad [expr {abs($hi) > 0 ? abs($hi) * 0.05 : 1}]
	set lo [expr {$lo - $pad}]
	set hi [expr {$hi + $pad}]
    }
    return [list $lo $hi]
}

# ::tkleak::panel::PlotCanvas --
#
#	The chart drawn with canvas items alone: one pane a group of
#	series, stacked, each with its own y scale; a line per series
#	(tagged "series"), a dot per point when there is one point.
#
# Arguments:
#	c	the canvas.
#	xs	the x values (seconds since the first census).
#	panes	a list of {title {name values name values ...}}.

proc ::tkleak::panel::PlotCanvas {c xs panes} {
    $c delete all
    set W [winfo width $c]
    set H [winfo height $c]
    if {$W < 50} {
	set W [$c cget -width]
	set H [$c cget -height]
    }
    set colors {#1f5fbf #c03020 #208040 #a06000 #7030a0 #008080 #606060}
    set font TkSmallCaptionFont
    set left [expr {[font measure $font 000,000,000] + 12}]
    set right 16
    set paneH [expr {$H / double([llength $panes])}]
    set xmax [expr {[llength $xs] ? max(1.0, [lindex $xs end]) : 1.0}]
    set top 0.0
    foreach pane $panes {
	lassign $pane title series
	set y0 [expr {$top + 18}]
	set y1 [expr {$top + $paneH - 22}]
	set x0 $left
	set x1 [expr {$W - $right}]
	$c create text $x0 [expr {$top + 3}] -anchor nw -text $title -font $font
	$c create rectangle $x0 $y0 $x1 $y1 -outline #b0b0b0
	set all {}
	foreach {name values} $series {
	    lappend all {*}$values
	}
	if {[llength $all]} {
	    lassign [Range $all] lo hi
	    foreach v [list $lo $hi] y [list $y1 $y0] {
		$c create text [expr {$x0 - 4}] $y -anchor e -font $font \
		    -text [PlotNumber $v]
	    }
	    $c create text $x0 [expr {$y1 + 2}] -anchor nw -font $font -text 0s
	    $c create text $x1 [expr {$y1 + 2}] -anchor ne -font $font \
		-text [format [expr {$xmax < 10 ? "%.1fs" : "%.0fs"}] $xmax]
	    set i 0
	    set lx [expr {$x1 - 4}]
	    foreach {name values} $series {
		set color [lindex $colors [expr {$i % [llength $colors]}]]
		set coords {}
		foreach x $xs v $values {
		    lappend coords [expr {$x0 + ($x1 - $x0) * $x / $xmax}] \
			[expr {$y1 - ($y1 - $y0) * ($v - $lo) / ($hi - $lo)}]
		}
		if {[llength $coords] >= 4} {
		    $c create line $coords -fill $color -width 2 \
			-tags [list series s$i]
		} elseif {[llength $coords] == 2} {
		    lassign $coords px py
		    $c create oval [expr {$px - 3}] [expr {$py - 3}] \
			[expr {$px + 3}] [expr {$py + 3}] -fill $color \
			-outline $color -tags [list series s$i]
		}
		set id [$c create text $lx [expr {$y0 + 3}] -anchor ne \
		    -text $name -fill $color -font $font -tags legend]
		lassign [$c bbox $id] bx0 by0 bx1 by1
		$c lower [$c create rectangle [expr {$bx0 - 3}] $by0 \
		    [expr {$bx1 + 3}] $by1 -fill white -outline white \
		    -tags legend] $id
		set lx [expr {$bx0 - 10}]
		incr i
	    }
	    $c raise legend
	}
	set top [expr {$top + $paneH}]
    }
}

# ::tkleak::panel::PlotNumber --
#
#	A y-axis label: 123,955 or 118.6.
#
# Arguments:
#	v	the value.

proc ::tkleak::panel::PlotNumber {v} {
    if {abs($v - round($v)) < 1e-6 || abs($v) >= 1000} {
	return [Count [expr {round($v)}]]
    }
    return [format %.1f $v]
}

# ::tkleak::panel::PlotChart --
#
#	The chart drawn by tklib's Plotchart, one XY plot a pane, in an
#	inspector process (the caller checked). Plotchart's state for the
#	canvas is cleared before each drawing, so it does not grow.
#
# Arguments:
#	c, xs, panes	as for PlotCanvas.

proc ::tkleak::panel::PlotChart {c xs panes} {
    ::Plotchart::clearcanvas $c
    set W [winfo width $c]
    set H [winfo height $c]
    set paneH [expr {$H / [llength $panes]}]
    set last [expr {[llength $xs] ? [lindex $xs end] : 0}]
    set xscale [::Plotchart::determineScale 0 [expr {max(1.0, $last)}]]
    lset xscale 0 0
    set colors {#1f5fbf #c03020 #208040 #a06000 #7030a0 #008080 #606060}
    set font TkSmallCaptionFont
    set top 0
    foreach pane $panes {
	lassign $pane title series
	set all {}
	foreach {name values} $series {
	    lappend all {*}$values
	}
	if {![llength $all]} {
	    set all 0
	}
	set yscale [::Plotchart::determineScale {*}[Range $all]]
	set p [::Plotchart::createXYPlot $c $xscale $yscale \
	    -box [list 0 $top $W $paneH]]
	set step [lindex $yscale 2]
	$p yconfig -format [expr {$step == int($step) ? "%.0f" : "%.1f"}]
	$p xconfig -format [expr {[lindex $xscale 2] < 1 ? "%.1fs" : "%.0fs"}]
	$p title $title
	$p legendconfig -font $font -position top-left \
	    -spacing [expr {[font metrics $font -linespace] + 2}]
	set i 0
	foreach {name values} $series {
	    set color [lindex $colors [expr {$i % [llength $colors]}]]
	    $p dataconfig s$i -colour $color -width 2
	    $p legend s$i $name
	    foreach x $xs v $values {
		$p plot s$i $x $v
	    }
	    incr i
	}
	incr top $paneH
    }
}
