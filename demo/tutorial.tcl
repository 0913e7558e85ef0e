# tutorial.tcl -- the Tcl half of doc/tutorial.md: run it with
#   TCLLIBPATH=$PWD/build xvfb-run -a wish demo/tutorial.tcl
# to reproduce the output pasted there.

source [file join [file dirname [info script]] editor.tcl]
proc where {stack} {
    foreach f $stack {
	if {![dict get $f lib]} {
	    return "[dict get $f file]:[dict get $f line] ([dict get $f proc])"
	}
    }
}
proc show {script} {
    foreach o [uplevel #0 $script] { puts [dict remove $o origin] }
}
proc showWhere {} {
    foreach o [tkleak::orphans] {
	puts "[dict get $o name]  [where [dict get $o origin]]"
    }
}
proc play {} { foreach i {1 2 3} { editor::CloseWindow [editor::NewWindow]; update } }
update
puts "% tkleak::calibrate"; puts [tkleak::calibrate]
puts "% tkleak::record on"; puts [tkleak::record on]
play
puts "% tkleak::print_diff"; tkleak::print_diff
puts "% tkleak::new {command proc} baseline"; puts [tkleak::new {command proc} baseline]
puts "% tkleak::orphans"; show tkleak::orphans
puts "% where each orphan was attached (the innermost app frame of its origin)"
showWhere
puts "% tkleak::diff baseline -by origin"; puts [tkleak::diff baseline -by origin]
puts "% tkleak::refs ::editor::NewWindow"; puts [join [tkleak::refs ::editor::NewWindow] \n]
exit
