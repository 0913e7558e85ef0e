# afters.tcl --
#
#	How a snapshot's time grows with the number of pending after
#	events (issue 16: asking "after info ID" of each made it quadratic).
#	bench.tcl runs this file in a process of its own, as grow.tcl. The
#	events are made in a child interpreter without Tk, so that they are
#	nearly all the census counts; each is a timer with a shorter delay
#	than the one before, which Tcl puts at the head of its timer queue
#	(with equal delays, making N of them would itself take N*N/2 steps).
#
#	Usage: wish afters.tcl ?-runs N? ?-sizes {N ...}? ?-walk private|public?
#
#	Prints one line, a Tcl list of rows {events objects medianUs}.
#
# Copyright (c) 2026 the tkleak developers. See the file "LICENSE".

namespace eval ::bench::afters {
    variable options {-runs 5 -sizes {5000 20000} -walk private}
}

# ::bench::afters::Median --
#
#	The median of a non-empty list of numbers.
#
# Arguments:
#	values	the numbers.

proc ::bench::afters::Median {values} {
    set sorted [lsort -real $values]
    set n [llength $sorted]
    set mid [expr {$n / 2}]
    if {$n % 2} {
	return [lindex $sorted $mid]
    }
    return [expr {([lindex $sorted $mid-1] + [lindex $sorted $mid]) / 2.0}]
}

# ::bench::afters::run --
#
#	Make SIZES pending after events in a child interpreter, in turn, and
#	time snapshots at each size on WALK (median of RUNS after a warm-up
#	run).
#
# Arguments:
#	runs	timed runs per size.
#	sizes	increasing event counts.
#	walk	private or public (tkleak::configure -walk).
#
# Results:
#	A list of rows {events objects medianUs}.

proc ::bench::afters::run {runs sizes walk} {
    set child [interp create]
    $child eval {package require tkleak}
    $child eval [list tkleak::configure -walk $walk]
    set have 0
    set rows {}
    foreach n $sizes {
	$child eval [list apply {{from to} {
	    for {set i $from} {$i < $to} {incr i} {
		after [expr {1000000000 - $i}] [list set ::bench_after $i]
	    }
	}} $have $n]
	set have $n
	set objects 0
	dict for {type row} [$child eval {tkleak::summary}] {
	    incr objects [dict get $row count]
	}
	set times {}
	for {set i 0} {$i <= $runs} {incr i} {
	    set t0 [clock microseconds]
	    set name [$child eval {tkleak::snapshot}]
	    set t [expr {[clock microseconds] - $t0}]
	    $child eval [list tkleak::forget $name]
	    if {$i > 0} {
		lappend times $t
	    }
	}
	lappend rows [list $n $objects [Median $times]]
    }
    interp delete $child
    return $rows
}

if {[info exists ::tk_version]} {
    wm withdraw .
}
set opts [dict merge $::bench::afters::options $argv]
if {[catch {
    puts [::bench::afters::run [dict get $opts -runs] \
	    [dict get $opts -sizes] [dict get $opts -walk]]
} msg opts]} {
    puts stderr [dict get $opts -errorinfo]
    exit 1
}
exit 0
