# gitk-tutorial.tcl -- the gitk section of doc/tutorial.md: runs Debian's
# gitk (/usr/bin/gitk) in this wish on the git repository that is the
# current directory, creates and deletes views through gitk's View menu
# and asks tkleak. Run it in a repository, with a HOME of its own so that
# gitk reads and saves no settings of yours:
#   HOME=$(mktemp -d) TCLLIBPATH=$TKLEAK/build xvfb-run -a wish \
#       $TKLEAK/demo/gitk-tutorial.tcl ?fix?
# With "fix", delview is first redefined as the tutorial's fix. With
# TKLEAK_TUTORIAL_PANEL=FILE.png, the panel's Details of ::viewname(2) is
# shown at the end and the screen saved to FILE.png.

set here [file dirname [file normalize [info script]]]
set fix [expr {[lindex $argv 0] eq "fix"}]
source [file join $here .. tests apps gitk-start.tcl]

# newAndDelete --
#	View > New view..., OK; once gitk shows it, View > Delete view.
proc newAndDelete {} {
    .bar.view invoke [.bar.view index "New view..."]
    update
    .gitkview.buts.ok invoke
    update
    waitFor {$::curview != 0 && [gitkIdle]}
    .bar.view invoke [.bar.view index "Delete view"]
    update
    waitFor {$::curview == 0 && [gitkIdle]}
}

# perArray --
#	The new array elements of the snapshot OLD, counted by array.
proc perArray {old} {
    set per {}
    foreach e [tkleak::new {array element} $old] {
	dict incr per [string range $e 0 [string first ( $e]-1]
    }
    lsort -stride 2 -index 1 -integer -decreasing $per
}

if {$fix} {
    # The fix: what newview, newviewok and showview set for view N goes
    # with the view.
    rename delview gitk_delview
    proc delview {} {
	global curview
	set n $curview
	gitk_delview
	if {$n == 0} return
	foreach a [info globals] {
	    if {[array exists ::$a]} {
		array unset ::$a $n
		array unset ::$a $n,*
	    }
	}
    }
}

waitFor {[info exists ::viewcomplete(0)] && [gitkIdle]}
newAndDelete
puts "% tkleak::calibrate"; puts [tkleak::calibrate]
puts "% tkleak::record on"; puts [tkleak::record on]
foreach i {1 2 3} { newAndDelete }
puts "% tkleak::print_diff"; tkleak::print_diff
puts "% perArray baseline"
foreach {a n} [perArray baseline] { puts [format "%-16s %4d" $a $n] }
if {!$fix} {
    puts "% tkleak::new {array element} baseline (the view 2 ones of viewname, viewfiles)"
    puts [lsearch -all -inline -regexp [tkleak::new {array element} baseline] \
	{^::view(name|files)\(2\)$}]
    puts "% tkleak::origin ::viewname(2)"
    puts [tkleak::origin ::viewname(2)]
}
puts "% tkleak::diff baseline -by origin (the first 8 lines)"
set k 0
dict for {line g} [tkleak::diff baseline -by origin] {
    if {[incr k] > 8} break
    puts [list $line $g]
}
if {[info exists ::env(TKLEAK_TUTORIAL_PANEL)]} {
    # The panel's Details of one leaked element, for a screenshot.
    tkleak::panel details
    tkleak::panel::Details ::viewname(2)
    update
    after 3000 {set ::shown 1}
    vwait ::shown
    exec xwd -root -silent | convert xwd:- $::env(TKLEAK_TUTORIAL_PANEL)
}
exit
