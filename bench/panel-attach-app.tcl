# panel-attach-app.tcl -- the app side of bench/panel-attach.sh: gitk on
# the repository REPO, under the send name "gitkbench", with a 5 ms
# ticker that keeps the longest gap it saw (::maxGap, in microseconds)
# and a new proc every 200 ms (every refresh counts the orphans).
#
# Usage: wish panel-attach-app.tcl REPO
#
# Copyright (c) 2026 the tkleak developers. See the file "LICENSE".

set here [file dirname [file normalize [info script]]]
cd [lindex $argv 0]
set argv {}
set argc 0
source /usr/bin/gitk
tk appname gitkbench
source [file join $here .. tests apps gitk-wait.tcl]
waitFor {[info exists ::viewcomplete(0)] && [gitkIdle]} 120
set ::maxGap 0
proc tick {last} {
    set now [clock microseconds]
    if {$now - $last > $::maxGap} {
	set ::maxGap [expr {$now - $last}]
    }
    after 5 [list tick $now]
}
proc churn {i} {
    proc ::bench_churn$i {} {}
    after 200 [list churn [incr i]]
}
after 5 [list tick [clock microseconds]]
after 200 {churn 0}
set ::ready 1
