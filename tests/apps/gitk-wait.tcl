# gitk-wait.tcl -- waiting for Debian's gitk (/usr/bin/gitk), sourced into
# the wish that runs it by gitk-start.tcl, for the real-application test
# (gitk-driver.tcl), the benchmark (bench/realapps-gitk.tcl) and the
# tutorial's script (demo/gitk-tutorial.tcl).
#
# Copyright (c) 2026 the tkleak developers. See the file "LICENSE".

# waitFor condition ?seconds? --
#	Runs the event loop until CONDITION, a global expression, is true:
#	gitk reads commits from git log through file events. An error after
#	SECONDS (30 unless given).
proc waitFor {condition {seconds 30}} {
    set deadline [expr {[clock milliseconds] + 1000 * $seconds}]
    while {![uplevel #0 [list expr $condition]]} {
	if {[clock milliseconds] > $deadline} {
	    error "gitk did not come to \"$condition\" within $seconds s"
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
