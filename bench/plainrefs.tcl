# plainrefs.tcl --
#
#	The orphan finder a Tcl programmer would write without tkleak, for
#	the speed comparison with "tkleak::orphans" (recording off) in
#	bench.tcl. It does the same work with the introspection commands:
#	it walks every window ("winfo children"), reads each one's slot
#	options from "configure" (the options whose class ends in Command
#	or Image, and -menu), "entrycget"s every menu entry, reads every
#	binding of every bind tag in use ("bind"), the "wm protocol"
#	handlers of toplevels, the pending "after" scripts, canvas items'
#	and text tags' bindings and images; splits each script into words
#	as tkleak's word scanner does and looks each distinct word up
#	("info commands", "image names", the windows walked), building an
#	index KEY -> referrers. Then, like tkleak::orphans, it lists the
#	commands of every namespace, the images and the menus, and reports
#	those that did not exist at "mark", that no slot names now, and
#	that some earlier call saw named (detached), or that have the shape
#	of a tkinter callback wrapper or are images (unreferenced).
#
#	It does a little less than tkleak: no variable traces (finding them
#	would take a "trace info variable" per variable), no "retains" for
#	detached menus, and command types only for the orphans it reports.
#	So its ratio to tkleak::orphans is a lower bound.
#
#	Keys are those of tkleak's index: "c" + a fully qualified command
#	name, "i" + an image name, "w" + a window path.
#
# Copyright (c) 2026 the tkleak developers. See the file "LICENSE".

namespace eval ::bench::plainrefs {
    namespace export mark orphans refs

    # Keys of the commands, images and menus that existed at "mark".
    variable since {}

    # Key -> the last referrer seen ({owner O slot S}), as tkleak's
    # "seen" table: filled by every call of orphans or refs.
    variable seen {}
}

# ::bench::plainrefs::mark --
#
#	Note the commands, images and menus that exist now; later calls of
#	orphans report none of them.
#
# Arguments:
#	none.

proc ::bench::plainrefs::mark {} {
    variable since
    set since [Objects [Windows] [Images]]
    return [dict size $since]
}

# ::bench::plainrefs::refs --
#
#	The live referrers of command, image or window NAME.
#
# Arguments:
#	name	a fully qualified command name, an image name or a window
#		path.
#
# Results:
#	A list of {owner OWNER slot SLOT} dicts.

proc ::bench::plainrefs::refs {name} {
    set index [Index windows images]
    Remember $index
    set result {}
    foreach key [list w$name i$name c$name] {
	if {[dict exists $index $key]} {
	    lappend result {*}[dict get $index $key]
	}
    }
    return $result
}

# ::bench::plainrefs::orphans --
#
#	The orphans among the objects that did not exist at "mark".
#
# Arguments:
#	none.
#
# Results:
#	A list of dicts {name N type T reason R last L}, in tkleak's order
#	(types in name order, names sorted within a type).

proc ::bench::plainrefs::orphans {} {
    variable since
    variable seen
    set index [Index windows images]
    Remember $index
    set objects [Objects $windows $images]

    # Forget what died, so "seen" stays as large as the app.
    dict for {key last} $seen {
	set name [string range $key 1 end]
	switch -- [string index $key 0] {
	    c {set alive [dict exists $objects $key]}
	    i {set alive [dict exists $images $name]}
	    w {set alive [dict exists $windows $name]}
	}
	if {!$alive} {
	    dict unset seen $key
	}
    }

    set found {}
    dict for {key type} $objects {
	if {[dict exists $since $key] || [dict exists $index $key]} {
	    continue
	}
	set name [string range $key 1 end]
	if {$type eq "widget Menu"
		&& ([string match *#* $name] || [winfo ismapped $name])} {
	    continue
	}
	if {[dict exists $seen $key]} {
	    set reason detached
	    set last [dict get $seen $key]
	} elseif {[string index $key 0] eq "c"
		&& [regexp {^::[0-9]+[^:0-9][^:]*$} $name]
		&& [info procs $name] eq ""} {
	    set reason unreferenced
	    set last {}
	} elseif {[string index $key 0] eq "i"
		&& ![regexp {^(::)?t?tk::} $name]} {
	    # An image no slot ever named (the rule of issue 12), but
	    # not one of Tk's library's (tk_messageBox's icons).
	    set reason unreferenced
	    set last {}
	} else {
	    continue
	}
	if {$type eq "command"} {
	    set type [CommandType $name]
	}
	lappend found [list $type $name] \
		[list name $name type $type reason $reason last $last]
    }
    set result {}
    set found [lsort -stride 2 -index {0 1} $found]
    foreach {sortKey orphan} [lsort -stride 2 -index {0 0} $found] {
	lappend result $orphan
    }
    return $result
}

# ::bench::plainrefs::Remember --
#
#	Note the last referrer of every key of INDEX in "seen".

proc ::bench::plainrefs::Remember {index} {
    variable seen
    dict for {key refs} $index {
	dict set seen $key [lindex $refs end]
    }
}

# ::bench::plainrefs::Windows --
#
#	Every window path, as a dict path -> class.

proc ::bench::plainrefs::Windows {} {
    set windows {}
    set queue [list .]
    while {[llength $queue]} {
	set next {}
	foreach w $queue {
	    dict set windows $w [winfo class $w]
	    lappend next {*}[winfo children $w]
	}
	set queue $next
    }
    return $windows
}

# ::bench::plainrefs::Images --
#
#	Every image name, as a dict name -> type.

proc ::bench::plainrefs::Images {} {
    set images {}
    foreach img [image names] {
	dict set images $img [image type $img]
    }
    return $images
}

# ::bench::plainrefs::Objects --
#
#	What orphans may report: the commands of every namespace (not
#	widget or image commands, not tkleak's own), the images and the
#	menus, as a dict KEY -> type ("command" for every command, typed
#	later only when reported).
#
# Arguments:
#	windows	a dict from Windows.
#	images	a dict from Images.

proc ::bench::plainrefs::Objects {windows images} {
    set objects {}
    set queue [list ::]
    while {[llength $queue]} {
	set next {}
	foreach ns $queue {
	    if {$ns eq "::tkleak"} {
		continue
	    }
	    set prefix [expr {$ns eq "::" ? "::" : "${ns}::"}]
	    foreach cmd [info commands $prefix*] {
		set tail [string range $cmd [string length $prefix] end]
		if {$ns eq "::" && ([dict exists $windows $tail]
			|| [dict exists $images $tail])} {
		    continue
		}
		dict set objects c$cmd command
	    }
	    lappend next {*}[namespace children $ns]
	}
	set queue $next
    }
    dict for {img type} $images {
	dict set objects i$img "image $type"
    }
    dict for {w class} $windows {
	if {$class eq "Menu"} {
	    dict set objects w$w "widget Menu"
	}
    }
    return $objects
}

# ::bench::plainrefs::CommandType --
#
#	The census type of command NAME, as tkleak names it.

proc ::bench::plainrefs::CommandType {name} {
    if {[info procs $name] ne ""} {
	return "command proc"
    }
    if {[interp alias {} $name] ne ""} {
	return "command alias"
    }
    if {[namespace ensemble exists $name]} {
	return "command ensemble"
    }
    if {[info object isa object $name]} {
	return "object [info object class $name]"
    }
    return "command native"
}

# ::bench::plainrefs::Index --
#
#	Build the reference index of every slot of the app.
#
# Arguments:
#	windowsVar	receives the dict of Windows.
#	imagesVar	receives the dict of Images.
#
# Results:
#	A dict KEY -> list of {owner O slot S} dicts.

proc ::bench::plainrefs::Index {windowsVar imagesVar} {
    upvar 1 $windowsVar windows $imagesVar images
    set windows [Windows]
    set images [Images]
    set index {}
    set memo {}
    set tags {}
    dict for {w class} $windows {
	foreach tag [bindtags $w] {
	    dict set tags $tag 1
	}
	foreach spec [$w configure] {
	    if {[llength $spec] != 5} {
		continue
	    }
	    lassign $spec opt - optClass - value
	    if {[string match *Command $optClass]
		    || [string match *Image $optClass] || $opt eq "-menu"} {
		Add $w $opt $value
	    }
	}
	if {[winfo toplevel $w] eq $w} {
	    foreach protocol [wm protocol $w] {
		Add $w "wm protocol $protocol" [wm protocol $w $protocol]
	    }
	}
	switch -- $class {
	    Menu {Menu $w}
	    Canvas {Canvas $w}
	    Text {Text $w}
	}
    }
    foreach tag [dict keys $tags] {
	set prefix [expr {[string index $tag 0] eq "." ? "bind" : "bind $tag"}]
	foreach seq [bind $tag] {
	    Add $tag "$prefix $seq" [bind $tag $seq]
	}
    }
    foreach id [after info] {
	Add after "after $id" [lindex [after info $id] 0]
    }
    return $index
}

# ::bench::plainrefs::Menu --
#
#	Index the -command, -image, -selectimage and cascade -menu of each
#	entry of menu M.

proc ::bench::plainrefs::Menu {m} {
    upvar 1 index index memo memo windows windows images images
    set end [$m index end]
    if {$end eq "none"} {
	return
    }
    for {set i 0} {$i <= $end} {incr i} {
	set type [$m type $i]
	switch -- $type {
	    tearoff - separator {continue}
	    checkbutton - radiobutton {set opts {-command -image -selectimage}}
	    cascade {set opts {-command -image -menu}}
	    default {set opts {-command -image}}
	}
	foreach opt $opts {
	    Add $m "entry $i $opt" [$m entrycget $i $opt]
	}
    }
}

# ::bench::plainrefs::Canvas --
#
#	Index canvas C's image items and the bindings of its items and tags.

proc ::bench::plainrefs::Canvas {c} {
    upvar 1 index index memo memo windows windows images images
    set tags {}
    foreach id [$c find all] {
	if {[$c type $id] eq "image"} {
	    Add $c "item $id -image" [$c itemcget $id -image]
	}
	foreach seq [$c bind $id] {
	    Add $c "item $id bind $seq" [$c bind $id $seq]
	}
	foreach tag [$c gettags $id] {
	    dict set tags $tag 1
	}
    }
    foreach tag [dict keys $tags] {
	foreach seq [$c bind $tag] {
	    Add $c "tag $tag bind $seq" [$c bind $tag $seq]
	}
    }
}

# ::bench::plainrefs::Text --
#
#	Index text widget T's tag bindings and embedded images.

proc ::bench::plainrefs::Text {t} {
    upvar 1 index index memo memo windows windows images images
    foreach tag [$t tag names] {
	foreach seq [$t tag bind $tag] {
	    Add $t "tag $tag bind $seq" [$t tag bind $tag $seq]
	}
    }
    foreach img [$t image names] {
	Add $t "image $img -image" [$t image cget $img -image]
    }
}

# ::bench::plainrefs::Add --
#
#	Index one slot: every object that a word of TEXT names (words split
#	at white space and { } [ ] " ; as tkleak splits them, $-words
#	skipped), TEXT whole, or its first list element, gets the referrer
#	{owner OWNER slot SLOT}. Uses the caller's index, memo (word ->
#	keys), windows and images.

proc ::bench::plainrefs::Add {owner slot text} {
    upvar 1 index index memo memo windows windows images images
    if {$text eq ""} {
	return
    }
    set words [regexp -all -inline {(?:[^\s{}\[\]";\\]|\\.)+} $text]
    lappend words $text
    if {![catch {lindex $text 0} first]} {
	lappend words $first
    }
    set keys {}
    foreach word $words {
	if {[string index $word 0] eq "\$"} {
	    continue
	}
	if {![dict exists $memo $word]} {
	    dict set memo $word [Resolve $word $windows $images]
	}
	foreach key [dict get $memo $word] {
	    dict set keys $key 1
	}
    }
    set ref [list owner $owner slot $slot]
    foreach key [dict keys $keys] {
	dict lappend index $key $ref
    }
}

# ::bench::plainrefs::Resolve --
#
#	What WORD names: a list of keys (a window, else an image, else a
#	command as Tcl finds it from the global namespace).

proc ::bench::plainrefs::Resolve {word windows images} {
    if {[dict exists $windows $word]} {
	return [list w$word]
    }
    if {[dict exists $images $word]} {
	return [list i$word]
    }
    set fq [expr {[string match ::* $word] ? $word : "::$word"}]
    set found [info commands [string map {* \\* ? \\? [ \\[ ] \\] \\ \\\\} $fq]]
    if {$found eq "" || [string match ::tkleak::* $fq]} {
	return {}
    }
    return [list c$fq]
}
