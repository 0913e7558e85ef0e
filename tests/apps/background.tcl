# background.tcl -- a Tcl/Tk app that finishes loading in the background
# (an after event, as an app reading a repository with file events
# does) and takes its title from its command line. Its action refuses
# to run before the app is loaded. The action: open_close; ready when
# $::loaded.

set ::loaded 0
wm title . [join $::argv +]
after 300 {set ::loaded 1}

proc open_close {} {
    if {!$::loaded} {
	error "not loaded yet"
    }
    if {[wm title .] ne "alpha+beta"} {
	error "arguments not passed: [wm title .]"
    }
    toplevel .t
    destroy .t
}
