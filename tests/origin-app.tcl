# origin-app.tcl -- an app with known line numbers for origin.test.
# Line 3 is blank on purpose.

namespace eval ::originapp {}

proc ::originapp::open {n} {
    proc ::originapp::wakeup$n {} {}
    .originapp_m add command -label $n -command ::originapp::wakeup$n
    image create photo originapp_img$n -width 1 -height 1
    label .originapp_l$n -image originapp_img$n
}

proc ::originapp::close {n} {
    .originapp_m delete 0
    destroy .originapp_l$n
}

proc ::originapp::schedule {} {
    return [after 600000 [list set ::originapp::fired 1]]
}

proc ::originapp::hover {w} {
    bind $w <1> [list set ::originapp::clicked $w]
}

proc ::originapp::objects {} {
    oo::class create ::originapp::Doc
    return [::originapp::Doc new]
}
