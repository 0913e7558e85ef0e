# model.tcl --
#
#	The panel's model and its refresh: the snapshots it takes in the
#	target (Census, Remember, Prune), the Diff, Calibrate and Orphans
#	actions, the Record checkbutton, and auto refresh cut into steps
#	that run as separate after events (Tick, Step1-3, Timed; the
#	orphans as a stepped scan, tkleak::orphanscan, one step an event). What it
#	computes goes into the shared state of panel.tcl; the views read it
#	from there.
#
# Copyright (c) 2026 the tkleak developers. See the file "LICENSE".

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
    StopScan
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
    StopScan
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
    StopScan
    foreach step {Step1 Step2 Step3} {
	Timed $step $job
    }
    return $diff
}

# ::tkleak::panel::Step1, Step2, Step3 --
#
#	The steps of a refresh: the census; the diff and the Diff view;
#	the orphans, the Orphans view and the status line. In auto refresh
#	the orphans are a stepped scan (tkleak::orphanscan) of steps of at
#	most about $budget microseconds each: Step3 begins it or takes its
#	next step, and Tick calls it again, an event each, until the scan
#	is done. A scan that ends "changed" (the app made or deleted
#	windows, bindings, menu entries, canvas items or traces meanwhile)
#	leaves the orphans shown as they were, for the next refresh.
#
# Arguments:
#	job	the refresh's generation; a step of an older refresh, cut
#		short by a Diff or Calibrate, does nothing.
#	lazy	(optional) 1 in auto refresh: Step3 may skip the orphans
#		when the census did not change since the last refresh, and
#		scans in steps.
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
    variable scanning
    variable budget
    variable stats
    if {$job != $generation} {
	CancelScan
	return 0
    }
    if {$scanning eq ""} {
	# Without recording, orphans take a walk of every slot (150 ms on
	# the benchmark app): auto refresh skips it while nothing changed,
	# nine ticks in ten.
	if {$lazy && !$changed && [incr unchanged] < 10} {
	    return 1
	}
	set unchanged 0
	if {!$lazy || [catch {
	    T ::tkleak::orphanscan begin -budget $budget
	} r]} {
	    # At once (Refresh), or a target whose tkleak cannot step.
	    Orphaned [T ::tkleak::orphans]
	    return 1
	}
	set scanning $job
	dict set stats scanSteps 1
    } else {
	set r [T ::tkleak::orphanscan step]
	dict incr stats scanSteps
    }
    switch -- [dict get $r state] {
	done {
	    set scanning ""
	    dict set stats orphanSteps [dict get $r steps]
	    Orphaned [dict get $r orphans]
	}
	changed {
	    # The app changed under the scan: the orphans shown stay.
	    set scanning ""
	    dict incr stats discarded
	}
    }
    return 1
}

# ::tkleak::panel::CancelScan --
#
#	Drops the stepped orphan scan of auto refresh, in the target too.
#
# Arguments:
#	None.

proc ::tkleak::panel::CancelScan {} {
    variable scanning
    if {$scanning ne ""} {
	set scanning ""
	T ::tkleak::orphanscan cancel
    }
}

# ::tkleak::panel::StopScan --
#
#	A Diff, Calibrate or Refresh cuts the auto refresh under way short:
#	its orphan scan is dropped and its next step unscheduled; auto
#	refresh goes on an interval later.
#
# Arguments:
#	None.

proc ::tkleak::panel::StopScan {} {
    variable scanning
    if {$scanning ne ""} {
	CancelScan
	Auto
    }
}

# ::tkleak::panel::Timed --
#
#	Runs one refresh step and keeps the time it took (the time it
#	blocks the event loop) and the longest so far; a refresh is counted
#	when its orphans are done.
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
    variable scanning
    set t0 [clock microseconds]
    set ran [$step $job $lazy]
    set us [expr {[clock microseconds] - $t0}]
    if {$ran} {
	dict set stats $step $us
	if {$us > [dict get $stats longest]} {
	    dict set stats longest $us
	    dict set stats longestStep $step
	}
	if {$step eq "Step3" && $scanning eq ""} {
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
    } else {
	Quiet {catch ::tkleak::panel::CancelScan}
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
#	app's own events are handled between them (the orphans' too, one
#	event a step of their scan); the next refresh is scheduled when the
#	last step is done.
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
	Quiet {catch ::tkleak::panel::CancelScan}
	return
    }
    if {$job eq ""} {
	set job [incr generation]
    }
    if {[catch {Timed Step$step $job 1} ran]} {
	set auto 0
	Quiet {catch ::tkleak::panel::CancelScan}
	Status "Auto refresh stopped: $ran"
	return
    }
    variable scanning
    if {$ran && $step < 3} {
	set afterId [after 0 [list ::tkleak::panel::Tick $job [incr step]]]
    } elseif {$ran && $scanning ne ""} {
	# The orphan scan's next step, an event of its own.
	set afterId [after 0 [list ::tkleak::panel::Tick $job 3]]
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
    # A scan of auto refresh under way would show an older answer later.
    StopScan
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
	# The plot only when it is shown (12 ms a refresh on the widget
	# demo); showing its tab draws it.
	if {[.tkleak.nb select] eq ".tkleak.nb.growth"} {
	    Plot
	}
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
