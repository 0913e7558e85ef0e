# grow.tcl --
#
#	How a snapshot's time grows with the number of procs in one
#	namespace. bench.tcl runs this file in a process of its own, so that
#	the procs are laid out in memory as a freshly started app would lay
#	them out, not in memory the benchmark's other runs freed (which
#	slows the walk through them). The procs live in a child interpreter
#	without Tk, so that they are nearly all the census counts.
#
#	Usage: wish grow.tcl ?-runs N? ?-sizes {N ...}?
#
#	Prints one line, a Tcl list of rows {procs objects medianUs}.
#
# Copyright (c) 2026 the tkleak developers. See the file "LICENSE".

namespace eval ::bench::grow {
    variable options {-runs 5 -sizes {0 10000 100000 1000000}}
}

# ::bench::grow::Median --
#
#	The median of a non-empty list of numbers.
#
# Arguments:
#	values	the numbers.

proc ::bench::grow::Median {values} {
    set sorted [lsort -real $values]
    set n [llength $sorted]
    set mid [expr {$n / 2}]
    if {$n % 2} {
	return [lindex $sorted $mid]
    }
    return [expr {([lindex $sorted $mid-1] + [lindex $sorted $mid]) / 2.0}]
}

# ::bench::grow::run --
#
#	Grow a namespace of a child interpreter through SIZES procs and
#	time snapshots at each size (median of RUNS after a warm-up run).
#
# Arguments:
#	runs	timed runs per size.
#	sizes	increasing proc counts.
#
# Results:
#	A list of rows {procs objects medianUs}.

proc ::bench::grow::run {runs sizes} {
    set child [interp create]
    $child eval {package require tkleak; namespace eval ::grow {}}
    set have 0
    set rows {}
    foreach n $sizes {
	$child eval [list apply {{from to} {
	    for {set i $from} {$i < $to} {incr i} {
		proc ::grow::p$i {} {}
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
set opts [dict merge $::bench::grow::options $argv]
if {[catch {
    puts [::bench::grow::run [dict get $opts -runs] [dict get $opts -sizes]]
} msg opts]} {
    puts stderr [dict get $opts -errorinfo]
    exit 1
}
exit 0
