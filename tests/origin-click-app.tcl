# origin-click-app.tcl -- an app whose menu entry and binding call a proc
# that makes a proc and an option menu (Tk's library makes its widgets),
# with known line numbers, for origin.test (library frames).

namespace eval ::clickapp {}

proc ::clickapp::newWindow {n} {
    proc ::clickapp::cb$n {} {}
    tk_optionMenu .clickapp_o$n ::clickapp::choice$n a b
}

proc ::clickapp::setup {} {
    menu .clickapp_m -tearoff 0
    .clickapp_m add command -label New -command {::clickapp::newWindow 1}
    toplevel .clickapp_t
    frame .clickapp_t.f -width 20 -height 20
    pack .clickapp_t.f
    bind .clickapp_t.f <<New>> {::clickapp::newWindow 2}
}
