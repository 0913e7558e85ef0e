# plot.tcl --
#
#	The Growth view: counts and bytes of each type over the censuses
#	the panel took, drawn on a canvas of its own, or with Plotchart
#	when the panel runs in an inspector process of its own.
#
# Copyright (c) 2026 the tkleak developers. See the file "LICENSE".

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
