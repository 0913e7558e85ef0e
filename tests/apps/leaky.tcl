# leaky.tcl -- a small editor for tkleak-check's tests, with the leak of
# IDLE under Python 2.4: each window gets a "wakeup" proc on an entry of
# the Windows menu, and closing the window deletes the entry, not the
# proc. The action: app::openClose.

namespace eval app {
    variable count 0
}

proc app::open {} {
    variable count
    set n [incr count]
    set w .edit$n
    toplevel $w
    wm title $w "Untitled $n"
    text $w.text -width 40 -height 5
    button $w.close -text Close -command [list app::close $w]
    pack $w.text $w.close
    proc ::app::wakeup$n {} [list raise $w]
    .mb.windows add command -label "Untitled $n" -command ::app::wakeup$n
    return $w
}

proc app::close {w} {
    set label [wm title $w]
    destroy $w
    .mb.windows delete [.mb.windows index $label]
}

proc app::openClose {} {
    app::close [app::open]
}

menu .mb
. configure -menu .mb
menu .mb.windows -tearoff 0
.mb add cascade -label Windows -menu .mb.windows
