# panel-gitk.tcl -- the panel's auto refresh on gitk (issue 14).
#
# Usage: wish panel-gitk.tcl REPO ?REFRESHES?
#
# Runs Debian's gitk in this wish on the repository REPO (bench/realapps.sh
# makes one of 5,000 commits), waits until it has read every commit, then
# times the panel's refresh steps (bench/panel-realapps.tcl).
#
# Copyright (c) 2026 the tkleak developers. See the file "LICENSE".

set here [file dirname [file normalize [info script]]]
lassign $argv repo n
if {$n eq ""} {
    set n 5
}
cd $repo
set argv {}
set argc 0
source /usr/bin/gitk
package require tkleak
source [file join $here .. tests apps gitk-wait.tcl]
source [file join $here panel-realapps.tcl]
waitFor {[info exists ::viewcomplete(0)] && [gitkIdle]} 120
::bench::panelsteps::run "gitk, [exec git rev-list --count HEAD] commits" $n
exit
