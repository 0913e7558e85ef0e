# diff.tcl --
#
#	The Diff view: one row per type that grew or shrank, its objects
#	(or the lines of code that made them, with "By origin") filled in
#	when a row is opened, the notes on each object, and its text form
#	DiffText.
#
# Copyright (c) 2026 the tkleak developers. See the file "LICENSE".

# ::tkleak::panel::Rows --
#
#	The rows of the Diff view, sorted.
#
# Arguments:
#	None.
#
# Results:
#	A list of dicts: type, count, bytes (in "to"), dcount, dbytes.

proc ::tkleak::panel::Rows {} {
    variable diff
    variable summary
    variable sortBy
    variable pyDiff
    variable pySummary
    set sums [dict merge $summary $pySummary]
    set rows {}
    dict for {type d} [dict merge $diff $pyDiff] {
	set count 0
	set bytes 0
	if {[dict exists $sums $type]} {
	    set count [dict get $sums $type count]
	    set bytes [dict get $sums $type bytes]
	}
	lappend rows [dict create type $type count $count bytes $bytes \
	    dcount [dict get $d count] dbytes [dict get $d bytes]]
    }
    lassign $sortBy key order
    if {$key eq "type"} {
	return [lmap k [lsort -$order -dictionary -index 0 \
	    [lmap r $rows {list [dict get $r type] $r}]] {lindex $k 1}]
    }
    # By the column's change, then the other change, then name. Count
    # change comes first by default, so that a leak of many small
    # objects (1,689 array elements) is not last behind a few large
    # ones; a click on "Size change" sorts as format_diff does.
    set second [expr {$key eq "dcount" ? "dbytes" : "dcount"}]
    set keyed [lmap r $rows {
	list [dict get $r $key] [dict get $r $second] [dict get $r type] $r
    }]
    set keyed [lsort -dictionary -index 2 $keyed]
    set keyed [lsort -$order -integer -index 1 $keyed]
    set keyed [lsort -$order -integer -index 0 $keyed]
    return [lmap k $keyed {lindex $k 3}]
}

# ::tkleak::panel::Sort --
#
#	A click on a Diff heading: sorts by that column, largest first;
#	a second click reverses the order.
#
# Arguments:
#	col	type, count, dcount, bytes or dbytes.

proc ::tkleak::panel::Sort {col} {
    variable sortBy
    if {[lindex $sortBy 0] eq $col} {
	set order [expr {[lindex $sortBy 1] eq "decreasing"
	    ? "increasing" : "decreasing"}]
    } else {
	set order [expr {$col eq "type" ? "increasing" : "decreasing"}]
    }
    set sortBy [list $col $order]
    FillDiff
}

# ::tkleak::panel::FillDiff --
#
#	Fills the Diff view from the diff, keeping the rows that were
#	open and selected open and selected.
#
# Arguments:
#	None.

proc ::tkleak::panel::FillDiff {} {
    variable from
    variable to
    variable items
    variable itemSeq
    variable diff
    set t .tkleak.nb.diff.tree
    if {![winfo exists $t]} {
	return
    }
    set open {}
    set selected {}
    foreach id [$t children {}] {
	if {[dict exists $items $id type]} {
	    set type [dict get $items $id type]
	    if {[$t item $id -open]} {
		lappend open $type
	    }
	}
    }
    foreach id [$t selection] {
	if {[dict exists $items $id type] && ![dict exists $items $id name]} {
	    lappend selected [dict get $items $id type]
	}
    }
    $t delete [$t children {}]
    set items [dict create]

    if {$from eq "" || $to eq ""} {
	set head "No census yet."
    } elseif {$from eq $to} {
	set head "[Label $to]: [Count [Total $to]] objects. Act in the app,\
	    then Diff to see what it left behind."
    } else {
	set n [dict size $diff]
	set head "Changes from [Label $from] to [Label $to][Elapsed $from $to]:\
	    $n [expr {$n == 1 ? "type" : "types"}] changed."
    }
    variable byOrigin
    if {$byOrigin && $from ne "" && $to ne "" && $from ne $to} {
	append head " Grouped by the line that made or attached them."
	.tkleak.nb.diff.head configure -text $head
	$t heading #0 -text "Origin: file:line proc"
	$t heading note -text "New objects"
	FillGroups $t
	return
    }
    $t heading #0 -text Type
    $t heading note -text "Orphan: last referrer"
    .tkleak.nb.diff.head configure -text $head

    set reselect {}
    foreach r [Rows] {
	set id t[incr itemSeq]
	set type [dict get $r type]
	dict set items $id [dict create type $type]
	set tags {}
	if {[dict get $r dcount] > 0 || [dict get $r dbytes] > 0} {
	    set tags grow
	} elseif {[dict get $r dcount] < 0} {
	    set tags shrink
	}
	$t insert {} end -id $id -text $type -tags $tags -values [list \
	    [Count [dict get $r count]] [Signed [dict get $r dcount]] \
	    [::tkleak::Bytes [dict get $r bytes]] [::tkleak::Bytes [dict get $r dbytes] 1] {}]
	# A placeholder child, so the row can be opened; Expand fills it.
	$t insert $id end -id p$id -text ...
	if {$type in $open} {
	    Populate $t $id
	    $t item $id -open 1
	}
	if {$type in $selected} {
	    lappend reselect $id
	}
    }
    $t selection set $reselect
    Fit $t
}

# ::tkleak::panel::FillGroups --
#
#	Fills the Diff view with one row per origin of the new and gone
#	objects (tkleak::diff -by origin), by net growth, largest first:
#	the line of the app's code, its net growth (made less gone), and
#	of which types. Opening a row lists the objects.
#
# Arguments:
#	t	the Diff treeview, emptied.

proc ::tkleak::panel::FillGroups {t} {
    variable groups
    variable items
    variable itemSeq
    dict for {origin g} $groups {
	set id t[incr itemSeq]
	dict set items $id [dict create origin $origin \
	    types [dict get $g types]]
	set parts {}
	foreach {type n} [dict get $g types] {
	    lappend parts "$n $type"
	}
	set parts [join $parts ", "]
	if {[dict exists $g gone] && [dict get $g gone] > 0} {
	    # Net growth: say what it nets, so that a line that makes and
	    # deletes as many (a periodic timer) reads as churn, not growth.
	    append parts " ([dict get $g created] made,\
		[dict get $g gone] gone)"
	}
	$t insert {} end -id $id -text [OriginLabel $origin] -tags grow \
	    -values [list {} [Signed [dict get $g count]] {} {} $parts]
	$t insert $id end -id p$id -text ...
    }
    Fit $t
}

# ::tkleak::panel::OriginLabel --
#
#	How a group of tkleak::diff -by origin is shown: "editor.tcl:42
#	::editor::NewWindow" for "/path/editor.tcl:42 (::editor::NewWindow)".
#
# Arguments:
#	origin	the group's key; "(no origin: WHY)" for objects with no
#		origin, shown as it is.

proc ::tkleak::panel::OriginLabel {origin} {
    if {$origin eq ""} {
	return "(no origin)"
    }
    if {[regexp {^(.*):(-?[0-9]+) \((.*)\)$} $origin -> file line proc]} {
	return [string trim "[file tail $file]:$line $proc"]
    }
    return $origin
}

# ::tkleak::panel::AppKey --
#
#	The key tkleak::diff -by origin groups a stack under: "FILE:LINE
#	(PROC)" of its innermost frame not marked lib, else of its innermost
#	frame with a file, or "" (the object is in a "(no origin: ...)"
#	group).
#
# Arguments:
#	stack	an origin stack.

proc ::tkleak::panel::AppKey {stack} {
    foreach libToo {0 1} {
	foreach frame $stack {
	    if {!$libToo && [dict exists $frame lib] && [dict get $frame lib]} {
		continue
	    }
	    if {[dict exists $frame file] && [dict get $frame file] ne ""
		    && [dict exists $frame line]} {
		set proc [expr {[dict exists $frame proc] ? [dict get $frame proc] : ""}]
		return "[dict get $frame file]:[dict get $frame line] ($proc)"
	    }
	}
    }
    return ""
}

# ::tkleak::panel::PopulateOrigin --
#
#	Replaces an origin row's placeholder with the new objects of its
#	types whose origin is that row's, at most maxChildren of them.
#
# Arguments:
#	t	the Diff treeview.
#	id	the row of an origin.

proc ::tkleak::panel::PopulateOrigin {t id} {
    variable items
    variable itemSeq
    variable from
    variable to
    variable maxChildren
    $t delete p$id
    set origin [dict get $items $id origin]
    set shown 0
    set rest 0
    if {[string match "(no origin*" $origin]} {
	set origin ""
    }
    foreach {type n} [dict get $items $id types] {
	foreach {cmd sign} {::tkleak::new + ::tkleak::gone -} {
	    foreach {name stack} [T $cmd $type $from $to -origins 1] {
		if {[AppKey $stack] ne $origin} {
		    continue
		}
		if {$shown == $maxChildren} {
		    incr rest
		    continue
		}
		incr shown
		set oid o[incr itemSeq]
		dict set items $oid [dict create type $type name $name sign $sign]
		$t insert $id end -id $oid -text "$sign $name ($type)" \
		    -tags object -values [list {} {} {} {} {}]
	    }
	}
    }
    if {$rest > 0} {
	$t insert $id end -id m$id -tags more \
	    -text "... and $rest more (Copy or Save lists them all)"
    }
    FillDiffNotes
}

# ::tkleak::panel::Expand --
#
#	A Diff row was opened: lists its new and gone objects.
#
# Arguments:
#	t	the Diff treeview.

proc ::tkleak::panel::Expand {t} {
    set id [$t focus]
    if {[$t exists p$id]} {
	Populate $t $id
    }
}

# ::tkleak::panel::Populate --
#
#	Replaces a Diff row's placeholder with the objects of its type
#	that are new (tkleak::new) and gone (tkleak::gone) from "from" to
#	"to", at most maxChildren of them and a last row saying how many
#	more there are.
#
# Arguments:
#	t	the Diff treeview.
#	id	the row of a type.

proc ::tkleak::panel::Populate {t id} {
    variable items
    variable itemSeq
    variable from
    variable to
    variable maxChildren
    if {[dict exists $items $id origin]} {
	PopulateOrigin $t $id
	return
    }
    if {[dict exists $items $id group]} {
	PopulateGroup $t $id
	return
    }
    if {[$t exists p$id]} {
	$t delete p$id
    }
    set type [dict get $items $id type]
    if {[string match {python *} $type]} {
	$t insert $id end -id m$id -tags more \
	    -text "(Python objects: counted by type, not named)"
	return
    }
    set new [T ::tkleak::new $type $from $to]
    set gone [T ::tkleak::gone $type $from $to]
    if {$type eq "command tkinter"} {
	PyDescribe [lrange $new 0 $maxChildren-1]
    }
    set shown 0
    set rest 0
    foreach {list sign} [list $new + $gone -] {
	# Many objects alike (the elements of one array, names that differ
	# only by a number) are one row, opened to list them.
	lassign [Groups $type $list] groups singles
	foreach {key names} $groups {
	    if {$shown == $maxChildren} {
		incr rest [llength $names]
		continue
	    }
	    incr shown
	    set n [llength $names]
	    set gid g[incr itemSeq]
	    dict set items $gid [dict create type $type group $key \
		names $names sign $sign]
	    $t insert $id end -id $gid -text "$sign $key" -tags group \
		-values [list {} [Signed [expr {$sign eq "+" ? $n : -$n}]] {} {} \
		"[Count $n] [expr {$sign eq "+" ? "new" : "gone"}],\
		[expr {[string match {*(\*)} $key] ? "elements of one array"
		    : "names that differ only by a number"}]"]
	    $t insert $gid end -id p$gid -text ...
	}
	foreach name $singles {
	    if {$shown == $maxChildren} {
		incr rest
		continue
	    }
	    incr shown
	    set oid o[incr itemSeq]
	    dict set items $oid [dict create type $type name $name sign $sign]
	    $t insert $id end -id $oid -text "$sign $name" -tags object \
		-values [list {} {} {} {} {}]
	}
    }
    if {$rest > 0} {
	$t insert $id end -id m$id -tags more \
	    -text "... and $rest more (Copy or Save lists them all)"
    }
    if {[llength $new] + [llength $gone] == 0} {
	$t insert $id end -id m$id -tags more \
	    -text "(the same objects: only their sizes changed)"
    }
    FillDiffNotes
}

# ::tkleak::panel::Groups --
#
#	Sorts the new (or gone) objects of one type into groups of objects
#	alike, so that the Diff view shows 1,572 new elements of one array
#	as one row rather than 500 rows and "... and 1,072 more": the
#	elements of one array ("::a(*)"), and names that differ only by a
#	number ("::cb*", ".top*.f", "after#*"). A group has at least
#	minGroup names; fewer are listed one by one.
#
# Arguments:
#	type	the census type of the names.
#	names	the names, in tkleak::new's order.
#
# Results:
#	A list of two: the groups as a dict key -> names, largest first;
#	and the names in no group, in their order.

proc ::tkleak::panel::Groups {type names} {
    variable minGroup
    if {[llength $names] < $minGroup} {
	return [list {} $names]
    }
    set byKey [dict create]
    set keys {}
    foreach name $names {
	if {$type eq "array element"
		&& [set open [string first ( $name]] > 0} {
	    set key "[string range $name 0 $open-1](*)"
	} else {
	    set key [regsub -all {[0-9]+} $name *]
	}
	lappend keys $key
	dict lappend byKey $key $name
    }
    set sized {}
    dict for {key list} $byKey {
	if {[llength $list] >= $minGroup} {
	    lappend sized [list [llength $list] $key $list]
	}
    }
    if {![llength $sized]} {
	return [list {} $names]
    }
    set groups {}
    foreach g [lsort -integer -decreasing -index 0 $sized] {
	lappend groups [lindex $g 1] [lindex $g 2]
    }
    set singles {}
    foreach name $names key $keys {
	if {![dict exists $groups $key]} {
	    lappend singles $name
	}
    }
    return [list $groups $singles]
}

# ::tkleak::panel::PopulateGroup --
#
#	Replaces a group row's placeholder with its names, at most
#	maxChildren of them.
#
# Arguments:
#	t	the Diff treeview.
#	id	the row of a group.

proc ::tkleak::panel::PopulateGroup {t id} {
    variable items
    variable itemSeq
    variable maxChildren
    $t delete p$id
    set type [dict get $items $id type]
    set sign [dict get $items $id sign]
    set names [dict get $items $id names]
    foreach name [lrange $names 0 $maxChildren-1] {
	set oid o[incr itemSeq]
	dict set items $oid [dict create type $type name $name sign $sign]
	$t insert $id end -id $oid -text "$sign $name" -tags object \
	    -values [list {} {} {} {} {}]
    }
    if {[llength $names] > $maxChildren} {
	$t insert $id end -id m$id -tags more -text "... and\
	    [Count [expr {[llength $names] - $maxChildren}]] more (Copy or\
	    Save lists them all)"
    }
    FillDiffNotes
}

# ::tkleak::panel::FillDiffNotes --
#
#	Writes, beside each object listed in the Diff view, what the
#	panel knows of it: the orphan's reason and last referrer, or the
#	Python function of a tkinter wrapper.
#
# Arguments:
#	None.

proc ::tkleak::panel::FillDiffNotes {} {
    variable items
    set t .tkleak.nb.diff.tree
    if {![winfo exists $t]} {
	return
    }
    dict for {id item} $items {
	if {![dict exists $item name] || ![$t exists $id]} {
	    continue
	}
	set name [dict get $item name]
	set note [Note [dict get $item type] $name]
	if {[dict get $item sign] eq "-"} {
	    set note gone
	}
	$t set $id note $note
	$t item $id -tags [expr {[OrphanOf $name] ne "" ? "orphan" : "object"}]
    }
    Fit $t
}

# ::tkleak::panel::Note --
#
#	One line about an object: "detached: .mb.windows entry 0 -command
#	(editor.tcl:42)" for an orphan (its reason,
#	last referrer and where that was made, when recorded), the Python
#	function of a tkinter wrapper.
#
# Arguments:
#	type	its census type.
#	name	its name.

proc ::tkleak::panel::Note {type name} {
    set o [OrphanOf $name]
    set parts {}
    if {$o ne ""} {
	set part [dict get $o reason]
	if {[dict get $o last] ne ""} {
	    append part ": [dict get $o last owner] [dict get $o last slot]"
	}
	# Only file:line here; the Orphans view has the proc too.
	set origin [Origin $o short]
	if {$origin ne ""} {
	    append part " ($origin)"
	}
	lappend parts $part
    }
    variable pyNames
    if {$type eq "command tkinter"} {
	if {[dict exists $pyNames $name]} {
	    lappend parts "\u2192 [dict get $pyNames $name]"
	} else {
	    lappend parts "Python: [PythonFunction $name]"
	}
    }
    return [join $parts "; "]
}

# ::tkleak::panel::PyTable --
#
#	Format_diff's table with the Python rows of the Diff view (the
#	Python checkbutton on) among the Tcl types, laid out as the table
#	is, as the tkleak module's print_diff(python=True) does: by size
#	change, then count change, then name.
#
# Arguments:
#	table	format_diff's text, its heap line last.
#
# Results:
#	The table, unchanged when there are no Python rows.

proc ::tkleak::panel::PyTable {table} {
    variable diff
    variable pyDiff
    if {![dict size $pyDiff]} {
	return $table
    }
    set rows [dict merge $diff $pyDiff]
    set width 5
    foreach type [dict keys $rows] {
	set width [expr {max($width, [string length $type])}]
    }
    set keyed [lsort [lmap {type d} $rows {
	list $type [dict get $d count] [dict get $d bytes]
    }]]
    set keyed [lsort -decreasing -integer -index 1 $keyed]
    set keyed [lsort -decreasing -integer -index 2 $keyed]
    set lines [list [format "%*s | %11s | %12s" $width types "# objects" \
	"total size"] "[string repeat = $width] | [string repeat = 11] |\
	[string repeat = 12]"]
    foreach k $keyed {
	lassign $k type count bytes
	lappend lines [format "%*s | %11s | %12s" $width $type $count \
	    [TableSize $bytes]]
    }
    lappend lines [lindex [split $table \n] end]
    return [join $lines \n]
}

# ::tkleak::panel::TableSize --
#
#	A size as format_diff's table writes it (TkleakFormatSize in
#	src/format.c, pympler's): "280     B", "14.26 KB".
#
# Arguments:
#	n	bytes.

proc ::tkleak::panel::TableSize {n} {
    set v [expr {abs(double($n))}]
    set d 0
    while {$v > 1024.0 && $d < 6} {
	set v [expr {$v / 1024.0}]
	incr d
    }
    if {$d == 0} {
	return [format "%4d     B" $n]
    }
    return [format "%7.2f %s" [expr {$n < 0 ? -$v : $v}] \
	[lindex {B KB MB GB TB PB EB} $d]]
}

# ::tkleak::panel::DiffText --
#
#	The Diff view as text: format_diff's table (pympler's), then the
#	new and gone objects of each changed type with their notes.
#
# Arguments:
#	max	(optional) the most objects listed a type; 0 lists all.
#
# Results:
#	The text, without a final newline.

proc ::tkleak::panel::DiffText {{max 0}} {
    variable from
    variable to
    if {$from eq "" || $to eq ""} {
	return "No census yet."
    }
    set lines [list [PyTable [string trimright \
	[T ::tkleak::format_diff $from $to] \n]]]
    foreach r [Rows] {
	set type [dict get $r type]
	foreach {cmd sign} {new + gone -} {
	    if {[string match {python *} $type]} {
		continue
	    }
	    set names [T ::tkleak::$cmd $type $from $to]
	    if {![llength $names]} {
		continue
	    }
	    lappend lines "" "[string totitle $cmd] $type ([llength $names]):"
	    set i 0
	    foreach name $names {
		if {$max && [incr i] > $max} {
		    lappend lines "  ... and [expr {[llength $names] - $max}] more"
		    break
		}
		set note [expr {$sign eq "+" ? [Note $type $name] : ""}]
		lappend lines "  $name[expr {$note eq "" ? "" : "  ($note)"}]"
	    }
	}
    }
    return [join $lines \n]
}
