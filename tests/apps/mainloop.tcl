# mainloop.tcl -- a tclsh-style app that ends in its own event loop
# (vwait forever) after an update at start-up: tkleak-check must test it
# from inside that loop. It leaks one photo image a run. The action:
# app::refresh.

namespace eval app {}

proc app::refresh {} {
    .preview configure -image [image create photo -width 8 -height 8]
}

label .preview
pack .preview
update
vwait forever
