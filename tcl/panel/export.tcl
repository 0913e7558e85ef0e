# export.tcl --
#
#	Copy and Save of a view: as text (the views' text forms) or JSON
#	(a JSON writer of the panel's own, so that inspecting this
#	interpreter loads no package), to the clipboard or a file.
#
# Copyright (c) 2026 the tkleak developers. See the file "LICENSE".

# ::tkleak::panel::Json --
#
#	JSON values, written by tcllib's json::write when the panel may
#	use it (see the notes at the top), else by tkleak's own writer
#	(::tkleak::Json, util.tcl, which leaktest uses too); both give the
#	same data.
#
# Arguments:
#	kind	string, number, array (args: JSON texts) or object (args:
#		key, JSON text, ...).
#	args	the value(s).

proc ::tkleak::panel::Json {kind args} {
    if {[JsonWrite]} {
	switch -- $kind {
	    string {return [::json::write string [lindex $args 0]]}
	    number {return [lindex $args 0]}
	    array {return [::json::write array {*}$args]}
	    object {return [::json::write object {*}$args]}
	}
    }
    ::tkleak::Json $kind {*}$args
}

# ::tkleak::panel::JsonWrite --
#
#	Whether Json uses tcllib's json::write: in an inspector process of
#	its own, when tcllib is installed; in the app itself only when the
#	app has loaded it, since loading it would add to the census.
#
# Arguments:
#	None.

proc ::tkleak::panel::JsonWrite {} {
    if {[Isolated]} {
	return [expr {![catch {package require json::write}]}]
    }
    return [expr {[package provide json::write] ne ""}]
}

# ::tkleak::panel::DiffJson --
#
#	The Diff view as JSON: the two censuses compared, each changed
#	type with its counts and the names of its new and gone objects,
#	and the heap and RSS of both censuses.
#
# Arguments:
#	None.

proc ::tkleak::panel::DiffJson {} {
    variable from
    variable to
    variable info
    set rows {}
    if {$from ne "" && $to ne ""} {
	foreach r [Rows] {
	    set type [dict get $r type]
	    set kv [list type [Json string $type]]
	    foreach k {count bytes dcount dbytes} {
		lappend kv $k [Json number [dict get $r $k]]
	    }
	    foreach cmd {new gone} {
		if {[string match {python *} $type]} {
		    continue
		}
		lappend kv $cmd [Json array {*}[lmap n \
		    [T ::tkleak::$cmd $type $from $to] {Json string $n}]]
	    }
	    lappend rows [Json object {*}$kv]
	}
    }
    set snaps {}
    foreach {key name} [list from $from to $to] {
	set kv [list name [Json string $name] label [Json string [Label $name]]]
	if {[dict exists $info $name]} {
	    foreach k {time heap rss total} {
		lappend kv $k [Json number [dict get $info $name $k]]
	    }
	}
	lappend snaps $key [Json object {*}$kv]
    }
    return [Json object {*}$snaps types [Json array {*}$rows]]
}

# ::tkleak::panel::OrphansJson --
#
#	The orphans as JSON: an array of objects with name, type, reason,
#	last (owner and slot, or null), retains (type -> count) and origin
#	(the frames the C core recorded, innermost first; empty when it
#	recorded none).
#
# Arguments:
#	None.

proc ::tkleak::panel::OrphansJson {} {
    variable orphans
    set list {}
    foreach o $orphans {
	set last null
	if {[dict get $o last] ne ""} {
	    set last [Json object owner [Json string [dict get $o last owner]] \
		slot [Json string [dict get $o last slot]]]
	}
	set retains {}
	dict for {type n} [dict get $o retains] {
	    lappend retains $type [Json number $n]
	}
	set origin {}
	if {[dict exists $o origin]} {
	    foreach frame [dict get $o origin] {
		set kv {}
		dict for {k v} $frame {
		    lappend kv $k [expr {$k in {line lib} && [string is entier -strict $v]
			? [Json number $v] : [Json string $v]}]
		}
		lappend origin [Json object {*}$kv]
	    }
	}
	lappend list [Json object name [Json string [dict get $o name]] \
	    type [Json string [dict get $o type]] \
	    reason [Json string [dict get $o reason]] \
	    last $last retains [Json object {*}$retains] \
	    origin [Json array {*}$origin]]
    }
    return [Json array {*}$list]
}

# ::tkleak::panel::Export --
#
#	The text Copy and Save give.
#
# Arguments:
#	what	difftext, diffjson, orphanstext, orphansjson or details.

proc ::tkleak::panel::Export {what} {
    switch -- $what {
	difftext {return [DiffText]}
	diffjson {return [DiffJson]}
	orphanstext {return [OrphansText]}
	orphansjson {return [OrphansJson]}
	details {return [DetailsText]}
	default {
	    return -code error -errorcode [list TKLEAK PANEL EXPORT $what] \
		"bad export \"$what\": must be difftext, diffjson,\
		orphanstext, orphansjson or details"
	}
    }
}

# ::tkleak::panel::Copy --
#
#	Puts a view's text or JSON on the clipboard.
#
# Arguments:
#	what	as for Export.

proc ::tkleak::panel::Copy {what} {
    set text [Export $what]
    clipboard clear -displayof .tkleak
    clipboard append -displayof .tkleak -- $text
    Status "Copied [string length $text] characters."
}

# ::tkleak::panel::Save --
#
#	Writes a view's text or JSON to a file, UTF-8.
#
# Arguments:
#	what	as for Export.
#	file	the file's name.

proc ::tkleak::panel::Save {what file} {
    set text [Export $what]
    set f [open $file w]
    fconfigure $f -encoding utf-8
    puts $f $text
    close $f
    Status "Saved [file tail $file]."
}

# ::tkleak::panel::SaveAs --
#
#	The Save menu: asks for a file name, with tk_getSaveFile in an
#	inspector process of its own, else with a one-line prompt (Tk's
#	file dialog keeps state in the app's namespaces), then saves.
#
# Arguments:
#	what	as for Export.

proc ::tkleak::panel::SaveAs {what} {
    set ext [expr {[string match *json $what] ? ".json" : ".txt"}]
    set initial [file join [pwd] tkleak-$what$ext]
    if {[Isolated]} {
	set file [tk_getSaveFile -parent .tkleak -initialfile [file tail $initial] \
	    -initialdir [pwd] -defaultextension $ext]
	if {$file ne ""} {
	    Save $what $file
	}
	return
    }
    set d .tkleak.save
    destroy $d
    toplevel $d
    wm title $d "Save"
    wm transient $d .tkleak
    ttk::label $d.l -text "Save to file:"
    ttk::entry $d.e -width 60
    $d.e insert 0 $initial
    ttk::frame $d.b
    ttk::button $d.b.ok -text Save -default active \
	-command [list ::tkleak::panel::SaveOk $d $what]
    ttk::button $d.b.cancel -text Cancel -command [list destroy $d]
    pack $d.b.cancel $d.b.ok -side right -padx 4
    pack $d.l -side top -anchor w -padx 8 -pady {8 2}
    pack $d.e -side top -fill x -padx 8
    pack $d.b -side top -fill x -pady 8
    bind $d.e <Return> [list ::tkleak::panel::SaveOk $d $what]
    bind $d.e <Escape> [list destroy $d]
    focus $d.e
}

# ::tkleak::panel::SaveOk --
#
#	The Save prompt's Save button.
#
# Arguments:
#	d	the prompt.
#	what	as for Export.

proc ::tkleak::panel::SaveOk {d what} {
    set file [$d.e get]
    destroy $d
    if {[catch {Save $what $file} msg]} {
	Status "Error: $msg"
    }
}
