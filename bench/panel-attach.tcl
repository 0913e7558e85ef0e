# panel-attach.tcl -- the panel side of bench/panel-attach.sh: attaches
# to "gitkbench" (bench/panel-attach-app.tcl) and runs 5 auto refreshes
# every 300 ms, recording off then on; prints the longest panel step
# (a round trip of sends: longer than the app's block), the steps of an
# orphan scan, and the longest gap the app's own ticker saw.
#
# Copyright (c) 2026 the tkleak developers. See the file "LICENSE".

package require tkleak
wm withdraw .
while {"gitkbench" ni [winfo interps]
	|| [catch {send gitkbench set ::ready}]} {
    after 500
}
tkleak::attach gitkbench
foreach record {off on} {
    ::tkleak::panel::T ::tkleak::record $record
    ::tkleak::panel::Calibrate
    set ::tkleak::panel::interval 300
    set ::tkleak::panel::auto 1
    ::tkleak::panel::Auto
    set s [dict get $::tkleak::panel::stats refreshes]
    while {[dict get $::tkleak::panel::stats refreshes] < $s + 1} {
	vwait ::tkleak::panel::stats
    }
    send gitkbench {set ::maxGap 0}
    dict set ::tkleak::panel::stats longest 0
    set s [dict get $::tkleak::panel::stats refreshes]
    while {[dict get $::tkleak::panel::stats refreshes] < $s + 5} {
	vwait ::tkleak::panel::stats
    }
    set ::tkleak::panel::auto 0
    ::tkleak::panel::Auto
    set st $::tkleak::panel::stats
    puts [format "attached, recording %s: longest panel step (round trip)\
	%.1f ms (%s), orphan steps %s, the app's longest gap %.1f ms" \
	$record [expr {[dict get $st longest] / 1000.0}] \
	[dict get $st longestStep] [expr {[dict exists $st orphanSteps]
	    ? [dict get $st orphanSteps] : "-"}] \
	[expr {[send gitkbench set ::maxGap] / 1000.0}]]
}
catch {send gitkbench exit}
exit
