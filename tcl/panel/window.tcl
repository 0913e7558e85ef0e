# window.tcl --
#
#	The panel's toplevel .tkleak: its widgets (Build), the notebook of
#	views, the status line, the Attach to... menu, the number
#	formatting every view shares (Count, Signed, Size), and the Tk
#	state Prime creates before the user calibrates.
#
# Copyright (c) 2026 the tkleak developers. See the file "LICENSE".

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
    # Two rows, the second used only when the panel is too narrow for
    # one (ToolbarRows); the buttons are the bar's, packed into either,
    # and made after them so that they stack above them.
    ttk::frame $bar.row1
    ttk::frame $bar.row2
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
    pack $bar.row1 -side top -fill x
    pack $bar.calibrate $bar.diff $bar.orphans $bar.record -in $bar.row1 \
	-side left -padx {4 0} -pady 4
    pack $bar.sep1 -in $bar.row1 -side left -fill y -padx 6 -pady 4
    pack $bar.auto $bar.every -in $bar.row1 -side left -padx {0 4}
    ToolbarRows 1
    bind $bar <Configure> [list ::tkleak::panel::ToolbarRows]
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
    $t tag configure library -foreground #909090
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

    ttk::label $w.status -anchor w -justify left -relief sunken \
	-padding {4 1}
    bind $w.status <Configure> [list ::tkleak::panel::StatusLines]
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
    Quiet {catch ::tkleak::panel::CancelScan}
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
    # Three levels: a Diff row, a group of objects alike, its objects.
    set ids [lrange [$t children {}] 0 199]
    set level $ids
    foreach depth {1 2} {
	set below {}
	foreach id $level {
	    lappend below {*}[lrange [$t children $id] 0 49]
	}
	lappend ids {*}[lrange $below 0 199]
	set level [lrange $below 0 199]
    }
    # Font measure is what costs (14 ms a refresh on the widget demo);
    # the same texts come back at every refresh, so their widths are
    # kept, and forgotten when many or when the font changed.
    variable measured
    variable measuredIn
    set actual [font actual $font]
    if {[dict size $measured] > 20000 || $actual ne $measuredIn} {
	set measured [dict create]
	set measuredIn $actual
    }
    set tree 0
    foreach id $ids {
	set indent 30
	for {set p [$t parent $id]} {$p ne ""} {set p [$t parent $p]} {
	    incr indent 20
	}
	set s [$t item $id -text]
	if {![dict exists $measured $s]} {
	    dict set measured $s [font measure $font $s]
	}
	set tree [expr {max($tree, [dict get $measured $s] + $indent)}]
	foreach col $cols v [$t item $id -values] {
	    if {![dict exists $measured $v]} {
		dict set measured $v [font measure $font $v]
	    }
	    set wd [expr {[dict get $measured $v] + 16}]
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
	set heap "heap [::tkleak::Bytes [dict get $info $to heap]]"
	# The growth shown is the app's: tkleak's own (its snapshots,
	# tables, the panel's data) apart, as in format_diff's heap line.
	if {$from ne $to && [dict exists $info $from]} {
	    set own [expr {[dict get $info $to own] - [dict get $info $from own]}]
	    append heap ": app [::tkleak::Bytes [expr {[dict get $info $to heap]
		- [dict get $info $from heap] - $own}] 1],\
		tkleak [::tkleak::Bytes $own 1]"
	}
	lappend parts $heap "RSS [::tkleak::Bytes [dict get $info $to rss]]" \
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
    variable statusParts $parts
    StatusLines
}

# ::tkleak::panel::ToolbarRows --
#
#	Puts the toolbar's second group (Copy, Save, Attach to...) at the
#	end of its first row when the panel is wide enough for both groups,
#	else on a row of its own, so that no button is cut off at the
#	panel's narrower sizes (the packer clips what does not fit).
#
# Arguments:
#	one	(optional) 1: in the first row, whatever the width (the
#		panel's first layout).

proc ::tkleak::panel::ToolbarRows {{one 0}} {
    set bar .tkleak.bar
    if {![winfo exists $bar.row2]} {
	return
    }
    set split [expr {[winfo manager $bar.row2] ne ""}]
    set need [expr {[winfo reqwidth $bar.row1]
	+ ($split ? [winfo reqwidth $bar.row2] : 0)}]
    set row [expr {$one || [winfo width $bar] >= $need ? "row1" : "row2"}]
    if {$one || ($row eq "row2") != $split} {
	pack forget $bar.sep2 $bar.copy $bar.save $bar.attach
	if {$row eq "row2"} {
	    pack $bar.row2 -side top -fill x -after $bar.row1
	} else {
	    pack forget $bar.row2
	    pack $bar.sep2 -in $bar.row1 -side left -fill y -padx 6 -pady 4
	}
	if {$row eq "row1"} {
	    pack $bar.copy $bar.save -in $bar.row1 -side left -padx {0 4}
	    pack $bar.attach -in $bar.row1 -side right -padx 4
	} else {
	    pack $bar.copy $bar.save -in $bar.row2 -side left -padx {4 0} \
		-pady {0 4}
	    pack $bar.attach -in $bar.row2 -side right -padx 4 -pady {0 4}
	}
    }
}

# ::tkleak::panel::StatusLines --
#
#	Shows the status line's parts on one line when they fit the
#	panel's width, else on as many as they need, broken between parts
#	only, so that the whole status reads at any width (an attached
#	app's, with the refresh's timing, is wider than the panel's first
#	size).
#
# Arguments:
#	None.

proc ::tkleak::panel::StatusLines {} {
    variable statusParts
    set l .tkleak.status
    if {![winfo exists $l]} {
	return
    }
    set font [$l cget -font]
    if {$font eq ""} {
	set font [ttk::style lookup TLabel -font]
    }
    if {$font eq ""} {
	set font TkDefaultFont
    }
    set width [winfo width $l]
    if {$width <= 1} {
	# Not shown yet: the panel's width.
	set width [winfo width .tkleak]
	if {$width <= 1} {
	    variable size
	    set width [lindex $size 0]
	}
    }
    # The label's padding and border.
    set room [expr {$width - 16}]
    set lines {}
    set line ""
    foreach part $statusParts {
	set joined [expr {$line eq "" ? $part : "$line  \u00b7  $part"}]
	if {$line ne "" && [font measure $font $joined] > $room} {
	    lappend lines $line
	    set line $part
	} else {
	    set line $joined
	}
    }
    lappend lines $line
    set text [join $lines \n]
    if {[$l cget -text] ne $text} {
	$l configure -text $text
    }
}

# ::tkleak::panel::Count, Signed --
#
#	Number formats: 123,955; +3 and -2. (Sizes are ::tkleak::Bytes's,
#	util.tcl.)
#
# Arguments:
#	n	the number.

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
