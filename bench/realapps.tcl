# realapps.tcl --
#
#	The measuring half of the real-application benchmark (issue 14),
#	sourced into the interpreter of a real app that already runs with
#	tkleak loaded: bench/realapps-idle.py sources it into IDLE's Tk,
#	bench/realapps-gitk.tcl into gitk's wish. It times the calls a user
#	makes from the menu or the panel, each as a median of several runs,
#	and prints each beside its ratio to the census of the same run and
#	the verdict against issue 14's targets. Ratios, not times, are what
#	the targets hold: the machine is shared and its clock is noisy.
#
# Copyright (c) 2026 the tkleak developers. See the file "LICENSE".

namespace eval ::bench::realapps {}

# bench::realapps::Time --
#
#	Runs SCRIPT at the global level RUNS times, each run preceded by
#	PREP (untimed), and returns the median time in milliseconds with
#	the min-max: {median min max}.
#
# Arguments:
#	runs	how many timed runs
#	script	the timed script
#	prep	a script run untimed before each run

proc ::bench::realapps::Time {runs script {prep {}}} {
    set times {}
    for {set i 0} {$i < $runs} {incr i} {
	uplevel #0 $prep
	set t0 [clock microseconds]
	uplevel #0 $script
	lappend times [expr {([clock microseconds] - $t0) / 1000.0}]
    }
    set times [lsort -real $times]
    list [lindex $times [expr {$runs / 2}]] [lindex $times 0] \
	[lindex $times end]
}

# bench::realapps::Row --
#
#	Prints one row of the table: the measure, its time with min-max,
#	its ratio to the census, the target (a ratio, or {} for none) and
#	the verdict. Returns nothing.

proc ::bench::realapps::Row {measure t census target {unit x}} {
    lassign $t med lo hi
    if {$unit eq "x"} {
	set ratio [format %.2fx [expr {$med / $census}]]
	set figure $med
    } else {
	set ratio $unit
	set figure $med
    }
    if {$target eq ""} {
	set tg -; set verdict -
    } else {
	set tg "<= [lindex $target 0]"
	set verdict [expr {[lindex $target 1] <= [lindex $target 0]
	    ? "met" : "NOT met"}]
    }
    puts [format "| %s | %.1f ms (%.1f-%.1f) | %s | %s | %s |" \
	$measure $med $lo $hi $ratio $tg $verdict]
}

# bench::realapps::run --
#
#	Measures the app this interpreter runs and prints its table.
#
# Arguments:
#	app	the app's name for the header ("IDLE, 30 editors")
#	refname	the name asked of tkleak::refs (one of the app's menus)
#	action	a script doing one user action that opens and closes a
#		window (an editor in IDLE), events processed
#	runs	timed runs a figure (median)
#
# Results:
#	None; the table goes to stdout.

proc ::bench::realapps::run {app refname action runs} {
    tkleak::record off
    set sum [tkleak::summary]
    set total 0
    dict for {type d} $sum {
	incr total [dict get $d count]
    }
    set counts {}
    foreach type {{command proc} {command tkinter} {command native} widget binding
	    {text tag} variable {array element} after {image photo}} {
	set n 0
	dict for {t d} $sum {
	    if {$t eq $type || [string match "$type *" $t]} {
		incr n [dict get $d count]
	    }
	}
	if {$n} {
	    lappend counts "$type $n"
	}
    }
    puts "\n### $app\n"
    puts "$total objects by tkleak: [join $counts {, }]."
    puts "Times: median of $runs runs after one untimed run (min-max),\
	but for the first calls (one run);\
	ratio: to the census of this run.\n"
    puts "| measure | time | ratio to census | target | verdict |"
    puts "|---|---|---|---|---|"

    # One untimed run of each first, as a user's second click.
    tkleak::summary
    set census [Time $runs {tkleak::summary}]
    set c [lindex $census 0]
    Row "census (tkleak::summary)" $census $c {} [format "%.0f objects/ms" \
	[expr {$total / $c}]]
    puts [format "| census: at most 10 ms | %.1f ms | - | <= 10 ms | %s |" \
	$c [expr {$c <= 10 ? "met" : "NOT met"}]]
    tkleak::calibrate
    Row "calibrate" [Time $runs {tkleak::calibrate}] $c {}
    # The first index parses every slot text; later ones find the texts
    # kept. Timed once: a user's first click.
    set t0 [clock microseconds]
    set orphansOff [tkleak::orphans]
    set first [expr {([clock microseconds] - $t0) / 1000.0}]
    Row "orphans, recording off, first call" [list $first $first $first] \
	$c {}
    # The census right after it: tkleak's own bytes include the "seen"
    # table the index filled.
    Row "census after the first orphans" [Time 1 {tkleak::summary}] $c {}
    set t [Time $runs {tkleak::orphans}]
    Row "orphans, recording off ([llength $orphansOff] found)" $t $c \
	[list 6 [expr {[lindex $t 0] / $c}]]
    tkleak::orphans
    Row "census after orphans" [Time $runs {tkleak::summary}] $c {}
    set refsOff [tkleak::refs $refname]
    set t [Time $runs [list tkleak::refs $refname]]
    Row "refs $refname, recording off ([llength $refsOff] referrers)" \
	$t $c [list 3 [expr {[lindex $t 0] / $c}]]
    uplevel #0 $action
    set openOff [Time $runs $action]
    Row "one open+close, recording off" $openOff $c {}

    set t [Time $runs {tkleak::record on} {tkleak::record off}]
    Row "record on" $t $c [list 2 [expr {[lindex $t 0] / $c}]]
    set orphansOn [tkleak::orphans]
    set t [Time $runs {tkleak::orphans}]
    Row "orphans, recording on ([llength $orphansOn] found,\
	[expr {$orphansOn eq $orphansOff ? "the same" : "NOT the same"}])" \
	$t $c [list 2 [expr {[lindex $t 0] / $c}]]
    set refsOn [tkleak::refs $refname]
    set t [Time $runs [list tkleak::refs $refname]]
    Row "refs $refname, recording on ([llength $refsOn] referrers,\
	[expr {$refsOn eq $refsOff ? "the same" : "NOT the same"}])" \
	$t $c [list 1 [expr {[lindex $t 0] / $c}]]
    uplevel #0 $action
    set openOn [Time $runs $action]
    Row "one open+close, recording on" $openOn $c {}
    set t [Time $runs {tkleak::orphans} $action]
    Row "orphans, recording on, after one open+close" $t $c {}
    tkleak::record off
    set cost [expr {100.0 * ([lindex $openOn 0] / [lindex $openOff 0] - 1)}]
    puts [format "| recording's cost on one open+close | %+.1f%% | - |\
	<= +15%% | %s |" $cost [expr {$cost <= 15 ? "met" : "NOT met"}]]
}
