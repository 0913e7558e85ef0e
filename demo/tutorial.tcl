# tutorial.tcl -- the Tcl half of doc/tutorial.md: run it with
#   TCLLIBPATH=$PWD/build xvfb-run -a wish demo/tutorial.tcl
# to reproduce the output pasted there.

source [file join [file dirname [info script]] editor.tcl]
proc play {} { foreach i {1 2 3} { editor::CloseWindow [editor::NewWindow]; update } }
update
puts "% tkleak::calibrate"; puts [tkleak::calibrate]
puts "% tkleak::record on"; puts [tkleak::record on]
play
puts "% tkleak::print_diff"; tkleak::print_diff
puts "% tkleak::new {command proc} baseline"; puts [tkleak::new {command proc} baseline]
puts "% tkleak::orphans"; foreach o [tkleak::orphans] { puts $o }
puts "% tkleak::refs ::editor::NewWindow"; puts [join [tkleak::refs ::editor::NewWindow] \n]
exit
