# plain.tcl --
#
#	The census a Tcl programmer would write without tkleak, for the
#	speed comparison in bench.tcl: the same kinds of objects found with
#	the introspection commands (winfo, namespace, info, image, after,
#	bindtags, bind, menu index), identities kept in a dict by type.
#
#	By default it does less than tkleak, so its ratio to tkleak is a
#	lower bound: no sizes, commands are one type (no proc kind), no
#	scripts fetched for bindings or after events, and widget and image
#	commands are counted as commands rather than left out. Given a
#	variable for sizes, it also learns what tkleak learns, except
#	variable sizes (reading a value could fire a trace): procs as a type
#	of their own with their body length, binding and after scripts'
#	lengths, photo sizes.
#
# Copyright (c) 2026 the tkleak developers. See the file "LICENSE".

namespace eval ::bench::plain {
    namespace export census count
}

# ::bench::plain::census --
#
#	Take a census of the app with plain Tcl.
#
# Arguments:
#	bytesVar	optional: a variable in the caller that receives a
#			dict TYPE -> bytes; giving it makes the census learn
#			kinds and sizes too (see the file header).
#
# Results:
#	A dict TYPE -> list of identities.

proc ::bench::plain::census {{bytesVar {}}} {
    set census {}
    set tags {}
    set full [expr {$bytesVar ne ""}]
    if {$full} {
	upvar 1 $bytesVar bytes
    }
    set bytes {}
    Windows . census tags
    foreach tag [dict keys $tags] {
	foreach seq [bind $tag] {
	    dict lappend census binding [list $tag $seq]
	    if {$full} {
		dict incr bytes binding [string length [bind $tag $seq]]
	    }
	}
    }
    Namespace :: census bytes $full
    foreach img [image names] {
	set type "image [image type $img]"
	dict lappend census $type $img
	if {$full && [image type $img] eq "photo"} {
	    dict incr bytes $type [expr {[image width $img] * [image height $img] * 4}]
	}
    }
    foreach id [after info] {
	dict lappend census after $id
	if {$full} {
	    dict incr bytes after [string length [lindex [after info $id] 0]]
	}
    }
    return $census
}

# ::bench::plain::count --
#
#	The number of objects in a census from census.
#
# Arguments:
#	census	a dict TYPE -> list of identities.

proc ::bench::plain::count {census} {
    set n 0
    dict for {type ids} $census {
	incr n [llength $ids]
    }
    return $n
}

# ::bench::plain::Windows --
#
#	Count W and its descendants by class, collect the bind tags they
#	use, and count the entries of menus.
#
# Arguments:
#	w		a window path.
#	censusVar	the caller's census dict.
#	tagsVar		the caller's dict of bind tags seen (tag -> 1).

proc ::bench::plain::Windows {w censusVar tagsVar} {
    upvar 1 $censusVar census $tagsVar tags
    set class [winfo class $w]
    dict lappend census "widget $class" $w
    foreach tag [bindtags $w] {
	dict set tags $tag 1
    }
    if {$class eq "Menu"} {
	set end [$w index end]
	if {$end ne "none"} {
	    for {set i 0} {$i <= $end} {incr i} {
		dict lappend census "menu entry" [list $w $i]
	    }
	}
    }
    foreach child [winfo children $w] {
	Windows $child census tags
    }
}

# ::bench::plain::Namespace --
#
#	Count namespace NS, its commands and variables, and recurse into
#	its children.
#
# Arguments:
#	ns		a fully qualified namespace name.
#	censusVar	the caller's census dict.
#	bytesVar	the caller's dict TYPE -> bytes.
#	full		1 to tell procs from other commands and size them.

proc ::bench::plain::Namespace {ns censusVar bytesVar full} {
    upvar 1 $censusVar census $bytesVar bytes
    dict lappend census namespace $ns
    set prefix [expr {$ns eq "::" ? "::" : "${ns}::"}]
    if {$full} {
	set procs {}
	foreach p [info procs $prefix*] {
	    dict set procs $p 1
	}
	foreach cmd [info commands $prefix*] {
	    if {[dict exists $procs $cmd]} {
		dict lappend census "command proc" $cmd
		dict incr bytes "command proc" [expr {[string length $cmd]
			+ [string length [info body $cmd]]}]
	    } else {
		dict lappend census command $cmd
	    }
	}
    } else {
	foreach cmd [info commands $prefix*] {
	    dict lappend census command $cmd
	}
    }
    foreach var [info vars $prefix*] {
	dict lappend census variable $var
    }
    foreach child [namespace children $ns] {
	Namespace $child census bytes $full
    }
}
