# leaktest.tcl --
#
#	The speed of tkleak::leaktest on the benchmark app (app.tcl, about
#	120,000 objects): a leak test of 10 iterations (and the default 2
#	warm-up runs) against the script's own run time. The target: the
#	test finishes within 10 times the script's own run time plus 0.5 s.
#	"The script's own run time" is read two ways, and both are printed:
#	one run of the script (the strict reading), and the 12 runs the test
#	makes (the script's whole share of the test).
#
#	Usage: wish leaktest.tcl ?-runs N?   (TCLLIBPATH finds tkleak)
#
#	Each action is timed alone (median of 25 runs, each followed by
#	"update" as leaktest does) and inside leaktest (median of N runs,
#	default 5, "clock microseconds" around the call).
#
# Copyright (c) 2026 the tkleak developers. See the file "LICENSE".

namespace eval ::bench {
    variable dir [file dirname [file normalize [info script]]]
}
source [file join $::bench::dir app.tcl]
package require tkleak

# The actions: nothing at all; a dialog of 20 buttons with commands and
# a binding, opened, drawn and closed; the same dialog leaving a proc
# behind, for which leaktest also indexes every slot to find orphans.
proc ::bench::leakyDialog {} {
    dialog
    proc ::bench::leaked[llength [info commands ::bench::leaked*]] {} {}
}

proc ::bench::dialog {} {
    toplevel .bench_dialog
    for {set i 0} {$i < 20} {incr i} {
	button .bench_dialog.b$i -text $i -command [list set ::bench::clicked $i]
	bind .bench_dialog.b$i <Enter> [list set ::bench::hover $i]
	pack .bench_dialog.b$i
    }
    update idletasks
    destroy .bench_dialog
}

proc ::bench::Median {values} {
    set sorted [lsort -real $values]
    set n [llength $sorted]
    if {$n % 2} {
	return [lindex $sorted [expr {$n / 2}]]
    }
    expr {([lindex $sorted $n/2-1] + [lindex $sorted $n/2]) / 2.0}
}

proc ::bench::main {argv} {
    set opts [dict merge {-runs 5} $argv]
    wm withdraw .
    app::build
    set objects 0
    dict for {type row} [tkleak::summary] {
	incr objects [dict get $row count]
    }
    puts "Tcl [info patchlevel], [exec nproc] cores; app: $objects objects."
    puts ""
    puts "| action | one run | leaktest, 10 iterations | 10 x one run + 0.5 s | 10 x 12 runs + 0.5 s | verdict |"
    puts "|---|---|---|---|---|---|"
    foreach {label script} {
	"empty script" {}
	"dialog of 20 buttons" ::bench::dialog
	"the dialog, leaking a proc" ::bench::leakyDialog
    } {
	set alone {}
	for {set i 0} {$i < 25} {incr i} {
	    set t0 [clock microseconds]
	    uplevel #0 $script
	    update
	    lappend alone [expr {[clock microseconds] - $t0}]
	}
	set one [Median $alone]
	set tests {}
	for {set i 0} {$i < [dict get $opts -runs]} {incr i} {
	    set t0 [clock microseconds]
	    set r [tkleak::leaktest $script]
	    lappend tests [expr {[clock microseconds] - $t0}]
	}
	append label " ([expr {[dict get $r leaking] ? "leak" : "no leak"}])"
	set test [Median $tests]
	set strict [expr {10 * $one + 500000}]
	set loose [expr {10 * 12 * $one + 500000}]
	puts [format "| %s | %.1f ms | %.0f ms (%.0f-%.0f) | %.0f ms | %.0f ms |\
		%s |" $label [expr {$one / 1000.0}] [expr {$test / 1000.0}] \
		[expr {[tcl::mathfunc::min {*}$tests] / 1000.0}] \
		[expr {[tcl::mathfunc::max {*}$tests] / 1000.0}] \
		[expr {$strict / 1000.0}] [expr {$loose / 1000.0}] \
		[expr {$test <= $strict ? "met (both readings)"
		    : $test <= $loose ? "met (12 runs), NOT met (one run)"
		    : "NOT met"}]]
    }

    # Where the time of one leak test goes, on the empty script.
    puts ""
    puts "| part of a leak test | ms |"
    puts "|---|---|"
    foreach {label cmd} {
	"record on + off" {tkleak::record on; tkleak::record off}
	"snapshot + forget" {tkleak::forget [tkleak::snapshot]}
	"summary (one census; 10 per test)" {tkleak::summary}
	"orphans -since a snapshot" {tkleak::orphans -since bench_o}
    } {
	tkleak::snapshot bench_o
	set times {}
	for {set i 0} {$i < [dict get $opts -runs]} {incr i} {
	    set t0 [clock microseconds]
	    uplevel #0 $cmd
	    lappend times [expr {[clock microseconds] - $t0}]
	}
	tkleak::forget bench_o
	puts [format "| %s | %.1f |" $label [expr {[Median $times] / 1000.0}]]
    }
}

if {[catch {::bench::main $argv} msg opts]} {
    puts stderr [dict get $opts -errorinfo]
    exit 1
}
exit 0
