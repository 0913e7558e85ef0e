# origin-var-app.tcl -- an app for origin.test's origin-7.*: each kind of
# object made by a line of its own. The line numbers are in the tests; the
# backslash-newline below joins two lines in the body Tcl keeps.
namespace eval ::varapp {}
proc ::varapp::make {n} {
    global varapp_arr
    set words [list a \
	b]
    set varapp_arr($n) $n
    set ::varapp::scalar $n
    interp alias {} ::varapp::alias$n {} ::varapp::make
    set item [.varapp_c create line 0 0 $n $n]
    set obj [::varapp::Thing new]
    return [list $item $obj]
}
oo::class create ::varapp::Thing {}
