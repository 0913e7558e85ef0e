# sizes.tcl --
#
#	How much of the heap's growth the diff's bytes account for (issue
#	12, "Sizes"): an app that leaks 400 small frames each with a button,
#	an entry and a label, 400 procs called once, 400 array elements and
#	400 32x32 photos, after a warm-up round of 50. Prints each type's
#	rows, the heap's growth (tkleak's own part taken off) and the ratio.
#
#	Usage: TCLLIBPATH=build xvfb-run -a wish bench/sizes.tcl
#
# Copyright (c) 2026 the tkleak developers. See the file "LICENSE".

package require tkleak
proc heapNow {} {
    set h [tkleak::heap]
    expr {[dict get $h heap] - [dict get $h tkleak]}
}
proc leak {n} {
    for {set i 0} {$i < $n} {incr i} {
	set f [frame .f$::round$i]
	button $f.b -text "Button $i"
	entry $f.e
	label $f.l -text "Label $i"
	pack $f.b $f.e $f.l
	proc ::p$::round$i {a b} "set x \[expr {\$a + \$b + $i}\]; return \$x"
	::p$::round$i 1 2
	set ::arr${::round}($i) "value number $i of the array"
	image create photo ::img$::round$i -width 32 -height 32
	::img$::round$i put red -to 0 0 32 32
    }
}
set ::round 0
leak 50
incr ::round
update
tkleak::snapshot s1
set h0 [heapNow]
leak 400
update
tkleak::snapshot s2
set h1 [heapNow]
set total 0
foreach {type d} [tkleak::diff s1 s2] {
    incr total [dict get $d bytes]
    puts [format "%-30s %6d %10d" $type [dict get $d count] [dict get $d bytes]]
}
puts "heap growth [expr {$h1-$h0}] diff bytes $total ratio [format %.2f [expr {double($total)/($h1-$h0)}]]"
exit
