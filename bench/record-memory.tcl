# record-memory.tcl --
#
#	Recording's memory over a long run (issue 11.6): the heap growth per
#	cycle of a clean open/close action (a toplevel with buttons whose
#	-command procs are made and deleted with it, a menu entry, a
#	binding, 40 after events that fire and one that is cancelled), from
#	cycle 100 to the last, with recording off, and with recording on
#	and toggled (off and on again) every ten cycles, as leaktest, the
#	menu and the panel do. Prints one line per mode.
#
#	Usage: TCLLIBPATH=build wish bench/record-memory.tcl ?cycles?
#
# Copyright (c) 2026 the tkleak developers. See the file "LICENSE".

package require Tk
package require tkleak
wm withdraw .

set n 0
proc OpenClose {} {
    set n [incr ::n]
    toplevel .w
    proc ::cb_ok$n {} {}
    proc ::cb_cancel$n {} {}
    button .w.ok -command ::cb_ok$n
    button .w.cancel -command [list ::cb_cancel$n]
    menu .w.m -tearoff 0
    .w.m add command -label x -command [list ::cb_ok$n]
    bind .w.ok <Enter> [list ::cb_ok$n]
    for {set i 0} {$i < 20} {incr i} {
	after idle [list ::cb_ok$n]
	after 0 ::cb_ok$n
    }
    set id [after 100000 ::cb_cancel$n]
    update
    after cancel $id
    destroy .w
    rename ::cb_ok$n {}
    rename ::cb_cancel$n {}
    update
}

proc Run {mode count} {
    if {$mode eq "on"} {
	tkleak::record on
    }
    for {set c 1} {$c <= $count} {incr c} {
	OpenClose
	if {$mode eq "on" && $c % 10 == 0} {
	    tkleak::record off
	    tkleak::record on
	}
	if {$c == 100} {
	    set h0 [dict get [tkleak::heap] heap]
	}
    }
    set h1 [dict get [tkleak::heap] heap]
    tkleak::record off
    puts [format "recording %-3s %5d cycles: heap +%7.1f KB from cycle 100,\
	    %6.1f bytes a cycle" $mode $count [expr {($h1 - $h0) / 1024.0}] \
	    [expr {($h1 - $h0) / double($count - 100)}]]
}

set count [expr {[llength $argv] ? [lindex $argv 0] : 600}]
Run off $count
Run on $count
exit
