# all.tcl --
#
#	Runs every tests/*.test file in its own process, with tclsh or, for
#	files that say "# Needs: Tk", with wish, and sums the results.
#	Prints "tcltest: N passed, N failed" and exits 1 when any test
#	failed or a file could not run.
#
#	Usage: tclsh all.tcl ?-tclsh PATH? ?-wish PATH? ?-match GLOB?
#		?-label TEXT? ?-preload LIB? ?-wrapper CMDPREFIX?
#		?-skip PATTERNS?
#
#	-preload sets LD_PRELOAD for the test processes only (an
#	AddressSanitizer runtime for an uninstrumented tclsh); -wrapper runs
#	each of them under a command (valgrind), and a wrapper that exits 99
#	counts as a failure; -skip passes tcltest's -skip, for tests that
#	cannot mean anything in that mode (heap figures under valgrind),
#	and those skips are reported, not counted.
#
# Copyright (c) 2026 the tkleak developers. See the file "LICENSE".

set dir [file dirname [file normalize [info script]]]
array set opt [list -tclsh [info nameofexecutable] -wish wish -match * \
    -label tcltest -preload {} -wrapper {} -skip {}]
array set opt $argv
if {$opt(-preload) ne ""} {
    set ::env(LD_PRELOAD) $opt(-preload)
}
set skipped 0

set passed 0
set failed 0
foreach file [lsort [glob -directory $dir -tails *.test]] {
    if {![string match $opt(-match) $file]} {
	continue
    }
    set f [open [file join $dir $file]]
    set needsTk [regexp -line {^# Needs: Tk} [read $f]]
    close $f
    set shell [expr {$needsTk ? $opt(-wish) : $opt(-tclsh)}]
    set args [list [file join $dir $file]]
    if {$opt(-skip) ne ""} {
	lappend args -skip $opt(-skip)
    }
    set code [catch {exec {*}$opt(-wrapper) $shell {*}$args 2>@1} out]
    puts $out
    if {$code && [lindex $::errorCode 0] eq "CHILDSTATUS"
	    && [lindex $::errorCode 2] == 99} {
	puts "$file: the wrapper ($opt(-wrapper)) reported errors"
	incr failed
    }
    if {[regexp -line {^\S+:\s+Total\s+(\d+)\s+Passed\s+(\d+)\s+Skipped\s+(\d+)\s+Failed\s+(\d+)} \
	    $out -> total p s f]} {
	incr passed $p
	incr failed $f
	if {$opt(-skip) ne ""} {
	    incr skipped $s
	} else {
	    incr failed $s
	}
    } else {
	puts "$file: did not finish (exit: [lindex $::errorCode end])"
	incr failed
    }
}
if {$skipped} {
    puts "$opt(-label): $skipped tests skipped on purpose (-skip $opt(-skip))"
}
puts "$opt(-label): $passed passed, $failed failed"
exit [expr {$failed > 0}]
