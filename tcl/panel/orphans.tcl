# orphans.tcl --
#
#	The Orphans view: objects nothing reachable refers to any more,
#	with what each keeps alive and where it was made, and its text
#	form OrphansText.
#
# Copyright (c) 2026 the tkleak developers. See the file "LICENSE".

# ::tkleak::panel::FillOrphans --
#
#	Fills the Orphans view.
#
# Arguments:
#	None.

proc ::tkleak::panel::FillOrphans {} {
    variable orphans
    variable items
    variable itemSeq
    set t .tkleak.nb.orphans.tree
    if {![winfo exists $t]} {
	return
    }
    foreach id [$t children {}] {
	dict unset items $id
    }
    $t delete [$t children {}]
    variable orphansAsked
    set n [llength $orphans]
    .tkleak.nb.orphans.head configure -text [expr {
	!$orphansAsked ? "Orphans not looked for yet: press Orphans."
	: $n == 0 ? "No orphans since the baseline."
	: "$n [expr {$n == 1 ? "orphan" : "orphans"}] since the baseline:\
	    made since, and named by no live slot."}]
    variable python
    variable pyColumn
    variable pyNames
    variable keeps
    variable keepsTotal
    if {$python && $keepsTotal ne ""} {
	.tkleak.nb.orphans.head configure \
	    -text "[.tkleak.nb.orphans.head cget -text] On the Python side\
		they keep alive $keepsTotal."
    }
    $t configure -displaycolumns [expr {$python
	? {type reason python keeps last retains origin}
	: $pyColumn ? {type reason python last retains origin}
	: {type reason last retains origin}}]
    set sorted [lsort -dictionary -index 1 [lmap o $orphans {
	list "[dict get $o reason] [dict get $o type]" [dict get $o name] $o
    }]]
    foreach k [lsort -index 0 $sorted] {
	set o [lindex $k 2]
	set id r[incr itemSeq]
	set name [dict get $o name]
	dict set items $id [dict create type [dict get $o type] name $name]
	set last ""
	if {[dict get $o last] ne ""} {
	    set last "[dict get $o last owner] [dict get $o last slot]"
	} elseif {[dict get $o type] eq "command tkinter"} {
	    set last "(none; Python: [PythonFunction $name])"
	    if {($python || $pyColumn) && [dict exists $pyNames $name]} {
		# The Python column says it whole.
		set last "(none)"
	    }
	}
	set values [list [dict get $o type] [dict get $o reason] $last \
	    [Retains [dict get $o retains]] [Origin $o]]
	if {$python || $pyColumn} {
	    set callable ""
	    if {[dict exists $pyNames $name]} {
		set callable [dict get $pyNames $name]
	    }
	    set kept ""
	    if {[dict exists $keeps $name]} {
		set kept [dict get $keeps $name text]
	    }
	    lappend values $callable $kept
	}
	$t insert {} end -id $id -text $name -tags [dict get $o reason] \
	    -values $values
    }
    set tab .tkleak.nb.orphans
    .tkleak.nb tab $tab -text [expr {$n ? "Orphans ($n)" : "Orphans"}]
    Fit $t
}

# ::tkleak::panel::Origin --
#
#	Where an orphan was made or last attached, when the C core
#	recorded it (its "origin": frames {file line proc lang lib},
#	innermost first): the innermost frame of the app's own code (lib
#	0; the innermost frame when all are library frames).
#
# Arguments:
#	o	the orphan's record, or any dict with an origin.
#	how	(optional) app: "editor.tcl:42 ::editor::NewWindow"; short:
#		"editor.tcl:42"; all: every frame, one a line.

proc ::tkleak::panel::Origin {o {how app}} {
    if {![dict exists $o origin] || [llength [dict get $o origin]] == 0} {
	return ""
    }
    set frames [dict get $o origin]
    if {$how ne "all"} {
	set pick [lindex $frames 0]
	foreach frame $frames {
	    if {![dict exists $frame lib] || ![dict get $frame lib]} {
		set pick $frame
		break
	    }
	}
	set frames [list $pick]
    }
    set lines {}
    foreach frame $frames {
	set where ""
	if {[dict exists $frame file] && [dict get $frame file] ne ""} {
	    set where [file tail [dict get $frame file]]
	    if {[dict exists $frame line] && [dict get $frame line] > 0} {
		append where : [dict get $frame line]
	    }
	}
	if {$how ne "short"} {
	    if {[dict exists $frame proc] && [dict get $frame proc] ne ""} {
		append where " " [dict get $frame proc]
	    }
	    if {[dict exists $frame lang] && [dict get $frame lang] eq "python"} {
		append where " (Python)"
	    }
	}
	lappend lines [string trim $where]
    }
    return [join $lines \n]
}

# ::tkleak::panel::Retains --
#
#	Says what an orphan keeps alive: "3 menu entry, 1 command proc".
#
# Arguments:
#	retains	a dict type -> count.

proc ::tkleak::panel::Retains {retains} {
    set parts {}
    dict for {type n} $retains {
	lappend parts "$n $type"
    }
    return [join $parts ", "]
}

# ::tkleak::panel::OrphansText --
#
#	The Orphans view as text: a table of name, type, reason, last
#	referrer, what each retains, and where it was made when the C
#	core recorded it.
#
# Arguments:
#	None.

proc ::tkleak::panel::OrphansText {} {
    variable orphans
    if {![llength $orphans]} {
	return "Orphans: none."
    }
    # The origin column only when the C core recorded origins.
    set origins [lmap o $orphans {Origin $o}]
    set withOrigin [expr {[string trim [join $origins ""]] ne ""}]
    set rows [list {name type reason {last referrer} retains origin}]
    foreach o $orphans origin $origins {
	set last [dict get $o last]
	if {$last ne ""} {
	    set last "[dict get $last owner] [dict get $last slot]"
	}
	lappend rows [list [dict get $o name] [dict get $o type] \
	    [dict get $o reason] $last [Retains [dict get $o retains]] $origin]
    }
    if {!$withOrigin} {
	set rows [lmap row $rows {lrange $row 0 end-1}]
    }
    set widths [lrepeat [llength [lindex $rows 0]] 0]
    foreach row $rows {
	set i 0
	foreach cell $row {
	    lset widths $i [expr {max([lindex $widths $i], [string length $cell])}]
	    incr i
	}
    }
    set lines [list "Orphans ([llength $orphans]):"]
    foreach row $rows {
	set line ""
	foreach cell $row wd $widths {
	    append line [format "%-*s  " $wd $cell]
	}
	lappend lines [string trimright $line]
    }
    return [join $lines \n]
}
