# panel.tcl -- how long the tkleak panel blocks the event loop on
# the 120k-object benchmark app (bench/app.tcl).
#
#   cd /work/main/build && TCLLIBPATH=$PWD xvfb-run -a -s "-screen 0 1280x800x24" \
#       wish ../bench/panel.tcl ?refreshes? ?record? ?churn?
#
# record 1 (default) turns tkleak::record on; churn 1 makes the app
# define a proc every 300 ms, so every refresh sees a change.
#
# Prints the time of a menu Diff (census + diff + orphans + views), and,
# over N auto refreshes (1 s apart), the longest single step as the panel
# measures it, the longest gap an independent 5 ms ticker saw, and how
# many steps the orphans' stepped scan took. The real apps' figures are
# bench/panel-idle.py's and bench/panel-gitk.tcl's.
package require tkleak
source [file join [file dirname [info script]] app.tcl]
set n [expr {[llength $argv] ? [lindex $argv 0] : 10}]
set record [expr {[llength $argv] > 1 ? [lindex $argv 1] : 1}]
set churn [expr {[llength $argv] > 2 ? [lindex $argv 2] : 0}]
puts "app: [::bench::app::build]"
menu .mb; . configure -menu .mb
menu .mb.windows -tearoff 0; .mb add cascade -label Windows -menu .mb.windows
tkleak::menu .mb
tkleak::record [expr {$record ? "on" : "off"}]
puts "recording: [tkleak::record status]"
update
puts "census objects: [tcl::mathop::+ {*}[lmap {t d} [tkleak::summary] {dict get $d count}]]"
set t [time {.mb.tkleak invoke Calibrate}]
puts "Calibrate: [expr {[lindex $t 0]/1000}] ms"
foreach i {1 2 3} {
    proc ::bench_wakeup$i {} {}
    .mb.windows add command -label w$i -command ::bench_wakeup$i
    .mb.windows delete end
}
update
set t [time {.mb.tkleak invoke Diff}]
puts "Diff (menu, opens the panel): [expr {[lindex $t 0]/1000}] ms"
puts "  rows: $::tkleak::panel::diff"
set t [time {.mb.tkleak invoke Diff}]
puts "Diff again: [expr {[lindex $t 0]/1000}] ms"
puts "  orphans: [lmap o $::tkleak::panel::orphans {dict get $o name}]"
update

# The probe: a 5 ms ticker; the largest lateness is how long the event
# loop was blocked.
set ::maxGap 0
proc tick {last} {
    set now [clock microseconds]
    set gap [expr {$now - $last}]
    if {$gap > $::maxGap} {set ::maxGap $gap}
    after 5 [list tick $now]
}
after 5 [list tick [clock microseconds]]
set ::tkleak::panel::interval 1000
proc churn {i} {proc ::churn$i {} {}; after 300 [list churn [incr i]]}
if {$churn} {churn 0}
set ::tkleak::panel::auto 1
dict set ::tkleak::panel::stats longest 0
::tkleak::panel::Auto
proc waitRefreshes {n} {
    set start [dict get $::tkleak::panel::stats refreshes]
    while {[dict get $::tkleak::panel::stats refreshes] < $start + $n} {
	vwait ::tkleak::panel::stats
    }
}
after 300 {set ::go 1}
vwait ::go
set ::maxGap 0
waitRefreshes $n
set s $::tkleak::panel::stats
puts [format "auto refresh x%d: steps of the last one: census %.1f ms, diff+view %.1f ms, orphans %.1f ms" \
    $n [expr {[dict get $s Step1]/1000.0}] [expr {[dict get $s Step2]/1000.0}] [expr {[dict get $s Step3]/1000.0}]]
puts [format "longest step (panel): %.1f ms (%s); longest gap seen by a 5 ms ticker: %.1f ms" \
    [expr {[dict get $s longest]/1000.0}] [dict get $s longestStep] [expr {$::maxGap/1000.0}]]
# Since issue 14 the orphans of auto refresh are a stepped scan.
if {[dict exists $s orphanSteps]} {
    puts "orphans: a scan of [dict get $s orphanSteps] steps (the last step above is one of them)"
}
puts "snapshots kept: [tkleak::snapshots]"
exit
