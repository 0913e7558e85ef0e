# origin-net-app.tcl -- a timer that reschedules itself and a leak, with
# known line numbers, for origin.test (diff -by origin counts net growth).

namespace eval ::netapp {variable ticks 0}

proc ::netapp::tick {} {
    variable ticks
    incr ticks
    set ::netapp::id [after 1 ::netapp::tick]
}

proc ::netapp::leak {i} {
    proc ::netapp::leaked$i {} {}
}
