# editor.tcl --
#
#	The tkleak demo: a small editor with a Windows menu, leaking the way
#	IDLE did under Python 2.4. Every window it opens gets a "wakeup"
#	proc wired to an entry of the Windows menu; closing the window
#	deletes the entry but not the proc, so each closed window leaves a
#	proc behind. Use the Memory menu: Calibrate, open and close a
#	window, Diff.
#
#	With TKLEAK_DEMO_AUTO set (./quickstart demo does so when there is
#	no display), it plays that story by itself and prints the diffs.
#
# Copyright (c) 2026 the tkleak developers. See the file "LICENSE".

package require Tk
package require tkleak

namespace eval editor {
    variable count 0
}

# editor::NewWindow --
#	Opens an editor window and lists it in the Windows menu.
proc editor::NewWindow {} {
    variable count
    set n [incr count]
    set w .edit$n
    toplevel $w
    wm title $w "Untitled $n"
    text $w.text -width 60 -height 15 -undo 1
    ttk::scrollbar $w.sb -command [list $w.text yview]
    $w.text configure -yscrollcommand [list $w.sb set]
    ttk::button $w.close -text Close -command [list editor::CloseWindow $w]
    pack $w.close -side bottom -anchor e
    pack $w.sb -side right -fill y
    pack $w.text -side left -fill both -expand 1
    $w.text insert end "Window $n.\n"
    wm protocol $w WM_DELETE_WINDOW [list editor::CloseWindow $w]

    # The leak: a proc per window, for the Windows menu.
    proc ::editor::wakeup$n {} [list raise $w]
    .mb.windows add command -label "Untitled $n" -command ::editor::wakeup$n
    return $w
}

# editor::CloseWindow --
#	Closes W and removes its Windows menu entry, but forgets the
#	entry's wakeup proc: the bug this demo is about.
proc editor::CloseWindow {w} {
    set label [wm title $w]
    destroy $w
    set last [.mb.windows index end]
    for {set i 0} {$last ne "none" && $i <= $last} {incr i} {
	if {[.mb.windows type $i] eq "command"
		&& [.mb.windows entrycget $i -label] eq $label} {
	    .mb.windows delete $i
	    break
	}
    }
}

wm title . "tkleak demo editor"
menu .mb
. configure -menu .mb
menu .mb.file -tearoff 0
.mb add cascade -label File -menu .mb.file
.mb.file add command -label "New Window" -command editor::NewWindow
.mb.file add separator
.mb.file add command -label Quit -command exit
menu .mb.windows -tearoff 0
.mb add cascade -label Windows -menu .mb.windows
text .text -width 72 -height 10 -wrap word
pack .text -fill both -expand 1
.text insert end "What to click:\n\n"
.text insert end "1. Memory > Calibrate.\n"
.text insert end "2. File > New Window, then the new window's Close button. Three times.\n"
.text insert end "3. Memory > Diff: three procs more, each with the Windows menu entry\
    it came from.\n"

if {[info commands ::tkleak::menu] ne ""} {
    tkleak::menu .mb -print 1
    # Recording sees each wakeup proc attached to its menu entry, so
    # the Orphans view can tell it was detached and from where.
    tkleak::record on
    .text insert end "4. Memory > Orphans: the procs no menu entry calls any more, and\
	the line that attached them.\n"
} else {
    menu .mb.tkleak -tearoff 0
    .mb add cascade -label Memory -menu .mb.tkleak
    .mb.tkleak add command -label Calibrate -command tkleak::calibrate
    .mb.tkleak add command -label Diff -command tkleak::print_diff
}

# editor::Auto --
#	Plays the story without a user, through the Memory menu's own
#	entries: Calibrate, open and close three windows, Diff, Orphans.
#	The menu prints both (-print 1).
proc editor::Auto {} {
    update
    .mb.tkleak invoke Calibrate
    puts "Open and close three windows, then Diff:"
    foreach i {1 2 3} {
	CloseWindow [NewWindow]
	update
    }
    .mb.tkleak invoke Diff
    if {[info commands ::tkleak::menu] ne ""} {
	puts ""
	.mb.tkleak invoke Orphans*
    } else {
	puts "\nWhat leaked (tkleak::new {command proc} baseline):"
	puts [tkleak::new {command proc} baseline]
    }
    exit
}

if {[info exists ::env(TKLEAK_DEMO_AUTO)]} {
    editor::Auto
}
