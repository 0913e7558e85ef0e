# gitk-driver.tcl -- runs Debian's gitk (/usr/bin/gitk) in this wish on
# the git repository that is the current directory, and leak-tests two
# actions the way a user's clicks do them, through gitk's menus (menu
# invoke) and buttons; writes one line a case to the file named by its
# first argument: {case leaking growth {orphan type and reason ...}}.
# Run by realapps-gitk.test in a process of its own (gitk reads its
# repository in the background and owns the main window).

set here [file dirname [file normalize [info script]]]
set out [open [lindex $argv 0] w]
set argv {}
set argc 0
source /usr/bin/gitk
package require tkleak
source [file join $here driver.tcl]

# waitFor condition --
#	Runs the event loop until CONDITION, a global expression, is true:
#	gitk reads commits from git log through file events. An error after
#	30 s.
proc waitFor {condition} {
    set deadline [expr {[clock milliseconds] + 30000}]
    while {![uplevel #0 [list expr $condition]]} {
	if {[clock milliseconds] > $deadline} {
	    error "gitk did not come to \"$condition\" within 30 s"
	}
	after 20 {set ::tick 1}
	vwait ::tick
    }
}

# gitkIdle --
#	Whether gitk has finished what a view change starts: reading the
#	commits, then the tree and blob diffs of the commit it selects. A
#	user sees the diff before clicking on; clicking Delete view while
#	gitk still reads a diff makes gitk itself fail ("can't read
#	treediffs(...)" in a modal error dialog), with or without tkleak.
proc gitkIdle {} {
    expr {[info exists ::viewcomplete($::curview)]
	&& $::viewcomplete($::curview)
	&& ![info exists ::treepending]
	&& ([array exists ::blobdifffd] ? [array size ::blobdifffd] == 0 : 1)
	&& [llength $::runq] == 0}
}

# invokeEntry menu label --
#	A click on the entry LABEL of gitk's menu MENU.
proc invokeEntry {menu label} {
    $menu invoke [$menu index $label]
    update
}

# View > New view..., OK in the view editor; once the view is read, View
# > Delete view.
proc viewCreateDelete {} {
    invokeEntry .bar.view "New view..."
    .gitkview.buts.ok invoke
    update
    waitFor {$::curview != 0 && [gitkIdle]}
    invokeEntry .bar.view "Delete view"
    waitFor {$::curview == 0 && [gitkIdle]}
}

# Help > About gitk, then its Close button.
proc aboutOpenClose {} {
    invokeEntry .bar.help "About gitk"
    [lsearch -inline -glob [winfo children .about] *.ok] invoke
    update
}

if {[catch {waitFor {[info exists ::viewcomplete(0)] && [gitkIdle]}} msg]} {
    puts $out [list load error $msg]
}
RunCases $out {viewCreateDelete aboutOpenClose}
exit
