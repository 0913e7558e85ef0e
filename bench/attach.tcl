# attach.tcl --
#
#	The workload for the cost of live recording (tkleak::record): a
#	loop that does what an app does all day to its slots. Each
#	iteration configures a button's -command, adds a menu entry with a
#	-command and deletes it again, and rebinds a button's <Enter>
#	binding, each time with a new script naming a callback proc. While
#	recording is on, every one of those calls goes through tkleak's
#	hook, which logs the slot, the new script and (with origins) where
#	the call was made; the names the script holds are resolved when
#	someone asks. bench.tcl times the loop with recording off and on in
#	the same run, and the first tkleak::orphans after it.
#
# Copyright (c) 2026 the tkleak developers. See the file "LICENSE".

namespace eval ::bench::attach {
    namespace export setup run
}

# ::bench::attach::setup --
#
#	Make the widgets the loop works on (a button and a menu, in a frame
#	of their own) and the callback proc its scripts name.
#
# Arguments:
#	none.

proc ::bench::attach::setup {} {
    frame .benchattach
    button .benchattach.b -text attach
    menu .benchattach.m -tearoff 0
    proc ::bench::attach::callback {args} {}
}

# ::bench::attach::run --
#
#	The loop.
#
# Arguments:
#	n	the number of iterations.

proc ::bench::attach::run {n} {
    set b .benchattach.b
    set m .benchattach.m
    for {set i 0} {$i < $n} {incr i} {
	$b configure -command [list ::bench::attach::callback button $i]
	$m add command -label "e$i" \
		-command [list ::bench::attach::callback entry $i]
	$m delete 0
	bind $b <Enter> [list ::bench::attach::callback enter $i]
    }
}
