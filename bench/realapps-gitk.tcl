# realapps-gitk.tcl -- the real-application benchmark on gitk (issue 14).
#
# Usage: wish realapps-gitk.tcl REPO ?RUNS?
#
# Runs Debian's gitk (/usr/bin/gitk) in this wish on the git repository
# REPO (bench/realapps.sh makes one of 5,000 commits), waits until gitk
# has read every commit, then times through bench/realapps.tcl the calls
# a user makes; the window opened and closed is View > New view... and
# its Cancel button, clicked the way a user's clicks do (menu invoke,
# button invoke).
#
# Copyright (c) 2026 the tkleak developers. See the file "LICENSE".

set here [file dirname [file normalize [info script]]]
lassign $argv repo runs
if {$runs eq ""} {
    set runs 5
}
cd $repo
source [file join $here .. tests apps gitk-start.tcl]
source [file join $here realapps.tcl]

# newViewCancel --
#	View > New view..., then Cancel in the view editor.
proc newViewCancel {} {
    .bar.view invoke [.bar.view index "New view..."]
    update
    .gitkview.buts.can invoke
    update
}

waitFor {[info exists ::viewcomplete(0)] && [gitkIdle]} 120
puts "\n(gitk [exec git --version], Tk [info patchlevel],\
    [exec git rev-list --count HEAD] commits)"
::bench::realapps::run "gitk, [exec git rev-list --count HEAD] commits" \
    .bar newViewCancel $runs
exit
