# common.tcl --
#
#	Set-up shared by the tcltest files: tcltest, the package from the
#	build tree (TCLLIBPATH), and helpers.

package require tcltest 2.5
namespace import ::tcltest::*
configure {*}$argv
package require tkleak

# errcode script --
#	Runs SCRIPT, which must fail, and returns "message | errorcode".
proc errcode {script} {
    if {![catch {uplevel 1 $script} msg opts]} {
	return "no error: $msg"
    }
    return "$msg | [dict get $opts -errorcode]"
}

# forgetAll --
#	Drops every kept snapshot.
proc forgetAll {} {
    foreach s [tkleak::snapshots] {
	tkleak::forget $s
    }
}

# The heap figure means something unless malloc is not the C library's
# (valgrind replaces it, and mallinfo2 then reads zero): tests of the
# heap line's figures need it.
testConstraint heapMeasures [apply {{} {
    set h0 [dict get [tkleak::heap] heap]
    set big [string repeat x 4000000]
    expr {[dict get [tkleak::heap] heap] - $h0 >= 4000000}
}}]
