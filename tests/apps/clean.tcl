# clean.tcl -- the editor of leaky.tcl with its leak fixed: closing a
# window deletes its Windows menu entry and the entry's wakeup proc. The
# action: app::openClose.

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
    set index [.mb.windows index $label]
    rename [.mb.windows entrycget $index -command] {}
    .mb.windows delete $index
}

proc app::openClose {} {
    app::close [app::open]
}

menu .mb
. configure -menu .mb
menu .mb.windows -tearoff 0
.mb add cascade -label Windows -menu .mb.windows
