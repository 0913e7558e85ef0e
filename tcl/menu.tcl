# menu.tcl --
#
#	The Memory menu: a cascade that tkleak::menu adds to an app's
#	menubar, with Calibrate, Diff, Orphans, Open Panel and a Record
#	Attachments checkbutton. The entries call the panel (panel.tcl);
#	with -print 1 the Diff and the Orphans are also written to stdout,
#	so a headless run still shows them.
#
#	The cascade is always $menubar.tkleak, so that it and the clones Tk
#	makes of it are left out of every census. Its variables live in
#	::tkleak::menu, its scripts start with a ::tkleak:: command.
#
# Copyright (c) 2026 the tkleak developers. See the file "LICENSE".

namespace eval ::tkleak::menu {
    # cascade path -> dict of its options (-print) and the index of the
    # Orphans entry.
    variable cascades [dict create]

    # The Record Attachments checkbutton's variable, shared by every
    # cascade, kept in step with [tkleak::record status].
    variable record 0
}

# ::tkleak::menu --
#
#	Adds the Memory cascade to a menubar, or returns the one it has.
#
# Arguments:
#	args	menubar, the path of an existing menu widget (a menubar,
#		or any menu), then options: -label TEXT (default
#		"Memory"), -print BOOL (default 0: also write Diff and
#		Orphans to stdout).
#
# Results:
#	The path of the cascade menu, $menubar.tkleak. A second call on one
#	menubar adds nothing and only applies the options given.

proc ::tkleak::menu {args} {
    if {[llength $args] % 2 == 0} {
	return -code error -errorcode {TKLEAK USAGE} \
	    "wrong # args: should be \"tkleak::menu menubar ?-label text? ?-print bool?\""
    }
    set args [lassign $args menubar]
    set opts [dict create -label Memory -print 0]
    set given {}
    foreach {word value} $args {
	set opt [Match option {-label -print} $word MENU OPTION $word]
	if {$opt eq "-print" && ![string is boolean -strict $value]} {
	    return -code error -errorcode [list TKLEAK MENU VALUE $opt] \
		"expected boolean for -print but got \"$value\""
	}
	dict set opts $opt $value
	dict set given $opt $value
    }
    NeedTk tkleak::menu
    if {![winfo exists $menubar] || [winfo class $menubar] ne "Menu"} {
	return -code error -errorcode [list TKLEAK MENU UNKNOWN $menubar] \
	    "\"$menubar\" is not a menu"
    }

    variable menu::cascades
    set m $menubar.tkleak
    if {[winfo exists $m]} {
	if {[dict exists $given -print]} {
	    dict set cascades $m -print [dict get $opts -print]
	}
	return $m
    }

    # Tk's lazy state first, before anything the user will diff against
    # can be taken: see ::tkleak::panel::Prime.
    ::tkleak::panel::Prime

    ::menu $m -tearoff 0 -postcommand [list ::tkleak::menu::Post $m]
    $m add command -label Calibrate -command [list ::tkleak::menu::Calibrate $m]
    $m add command -label Diff -command [list ::tkleak::menu::Diff $m]
    $m add command -label Orphans -command [list ::tkleak::menu::Orphans $m]
    set orphansIndex [$m index end]
    $m add command -label "Open Panel" -command [list ::tkleak::panel]
    $m add separator
    $m add checkbutton -label "Record Attachments" \
	-variable ::tkleak::menu::record -command [list ::tkleak::menu::Record]
    $menubar add cascade -label [dict get $opts -label] -menu $m
    dict set cascades $m [dict create -print [dict get $opts -print] \
	orphans $orphansIndex]
    menu::Sync

    # The first Diff needs a reference even without a Calibrate.
    ::tkleak::panel::Start
    return $m
}

# ::tkleak::menu::Calibrate --
#
#	The Calibrate entry: makes now the baseline (tkleak::calibrate) and
#	the reference of the next Diff. The menu always works on its own
#	app: a panel attached elsewhere comes back to it.
#
# Arguments:
#	m	the cascade invoked.

proc ::tkleak::menu::Calibrate {m} {
    ::tkleak::panel::Local
    ::tkleak::panel::Calibrate
}

# ::tkleak::menu::Diff --
#
#	The Diff entry: diffs against the previous Diff or Calibrate, shows
#	the result in the panel's Diff view and, with -print 1, writes the
#	table and what leaked to stdout.
#
# Arguments:
#	m	the cascade invoked.

proc ::tkleak::menu::Diff {m} {
    variable cascades
    ::tkleak::panel::Local
    ::tkleak::panel
    ::tkleak::panel::Diff
    ::tkleak::panel::Show diff
    if {[dict exists $cascades $m] && [dict get $cascades $m -print]} {
	puts stdout [::tkleak::panel::DiffText 20]
	flush stdout
    }
}

# ::tkleak::menu::Orphans --
#
#	The Orphans entry: shows the panel's orphans view, freshly
#	computed, and with -print 1 writes the list to stdout.
#
# Arguments:
#	m	the cascade invoked.

proc ::tkleak::menu::Orphans {m} {
    variable cascades
    ::tkleak::panel::Local
    ::tkleak::panel
    ::tkleak::panel::Orphans
    ::tkleak::panel::Show orphans
    if {[dict exists $cascades $m] && [dict get $cascades $m -print]} {
	puts stdout [::tkleak::panel::OrphansText]
	flush stdout
    }
}

# ::tkleak::menu::Record --
#
#	The Record Attachments checkbutton: turns live recording on or off
#	as the checkbutton's variable says.
#
# Arguments:
#	None.

proc ::tkleak::menu::Record {} {
    variable record
    ::tkleak::record [expr {$record ? "on" : "off"}]
    Sync
}

# ::tkleak::menu::Post --
#
#	Run when a Memory cascade is posted: brings the Orphans count and
#	the Record checkbutton up to date, so a leak shows in the menu
#	without opening the panel.
#
# Arguments:
#	m	the cascade being posted.

proc ::tkleak::menu::Post {m} {
    Sync
    set n 0
    foreach o [::tkleak::orphans] {
	if {![::tkleak::panel::Own [dict get $o name]]} {
	    incr n
	}
    }
    ShowCount $n
}

# ::tkleak::menu::Sync --
#
#	Puts the Record Attachments checkbutton in step with the C core,
#	where the app may have switched recording itself.
#
# Arguments:
#	None.

proc ::tkleak::menu::Sync {} {
    variable record
    set now [::tkleak::record status]
    if {$record != $now} {
	set record $now
    }
}

# ::tkleak::menu::ShowCount --
#
#	Relabels the Orphans entry of every Memory cascade: "Orphans" when
#	there are none, "Orphans (N)" otherwise. Called by the panel each
#	time it has counted.
#
# Arguments:
#	n	the number of orphans.

proc ::tkleak::menu::ShowCount {n} {
    variable cascades
    set label [expr {$n > 0 ? "Orphans ($n)" : "Orphans"}]
    dict for {m info} $cascades {
	if {![winfo exists $m]} {
	    dict unset cascades $m
	    continue
	}
	set i [dict get $info orphans]
	if {[$m entrycget $i -label] ne $label} {
	    $m entryconfigure $i -label $label
	}
    }
}
