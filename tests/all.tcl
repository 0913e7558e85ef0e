# all.tcl --
#
#	Runs every tests/*.test file in its own process, with tclsh or, for
#	files that say "# Needs: Tk", with wish, and sums the results.
#	Prints "tcltest: N passed, N failed" and exits 1 when any test
#	failed or a file could not run.
#
#	Usage: tclsh all.tcl ?-tclsh PATH? ?-wish PATH? ?-match GLOB?
#
# Copyright (c) 2026 the tkleak developers. See the file "LICENSE".

set dir [file dirname [file normalize [info script]]]
array set opt [list -tclsh [info nameofexecutable] -wish wish -match *]
array set opt $argv

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
    set code [catch {exec $shell [file join $dir $file] 2>@1} out]
    puts $out
    if {[regexp -line {^\S+:\s+Total\s+(\d+)\s+Passed\s+(\d+)\s+Skipped\s+(\d+)\s+Failed\s+(\d+)} \
	    $out -> total p s f]} {
	incr passed $p
	incr failed $f
	incr failed $s
    } else {
	puts "$file: did not finish (exit: [lindex $::errorCode end])"
	incr failed
    }
}
puts "tcltest: $passed passed, $failed failed"
exit [expr {$failed > 0}]
