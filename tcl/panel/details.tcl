# details.tcl --
#
#	The Details view: everything tkleak knows about one object (its
#	type, value, references, origin, what implements it), looked up in
#	the target without running any of its code, and its text form
#	DetailsText.
#
# Copyright (c) 2026 the tkleak developers. See the file "LICENSE".

# ::tkleak::panel::DetailsFromEntry --
#
#	The Show button and Return in the Details view's name entry.
#
# Arguments:
#	e	the entry.

proc ::tkleak::panel::DetailsFromEntry {e} {
    set name [string trim [$e get]]
    if {$name ne ""} {
	if {[catch {Details $name} msg]} {
	    Status "Error: $msg"
	}
    }
}

# ::tkleak::panel::Details --
#
#	Looks an object up in the target and shows it in the Details
#	view.
#
# Arguments:
#	name	a command, image, window or any census identity.
#	type	(optional) its census type, when known.
#
# Results:
#	The details, a list of field, value pairs.

proc ::tkleak::panel::Details {name {type {}}} {
    # Looking an object up catches errors (a proc's args of a command
    # that is none); the app's errorInfo and errorCode stay as they were.
    return [Quiet [list ::tkleak::panel::LookUp $name $type]]
}

# ::tkleak::panel::Quiet --
#
#	Runs a command and puts back ::errorInfo and ::errorCode, which the
#	errors it catches would change: they are variables of the app, and
#	a changed size would show in its next diff.
#
# Arguments:
#	cmd	the command, as a list.
#
# Results:
#	The command's result or error.

proc ::tkleak::panel::Quiet {cmd} {
    set saved {}
    foreach var {::errorInfo ::errorCode} {
	if {[info exists $var]} {
	    lappend saved $var [set $var]
	}
    }
    set code [catch {uplevel 1 $cmd} result opts]
    foreach var {::errorInfo ::errorCode} {
	if {[dict exists $saved $var]} {
	    set $var [dict get $saved $var]
	} else {
	    unset -nocomplain $var
	}
    }
    return -options $opts $result
}

# ::tkleak::panel::LookUp --
#
#	The work of Details.
#
# Arguments:
#	name, type	as for Details.

proc ::tkleak::panel::LookUp {name type} {
    variable details
    if {$type eq ""} {
	set type [TypeOf $name]
    }
    set fields [list Name $name Type [expr {$type eq "" ? "(not found)" : $type}]]
    set body ""
    switch -glob -- $type {
	{command *} - {object *} {
	    set kind [lindex $type 1]
	    if {[string match {object *} $type]} {
		set kind object
	    }
	    lappend fields Kind [dict get {proc "Tcl procedure" alias
		"alias or imported command" ensemble "namespace ensemble"
		tkinter "Python tkinter callback" native "C command"
		object "TclOO object"} $kind]
	    lappend fields "Implemented by" [Library $name $kind]
	    switch -- $kind {
		proc {
		    if {![catch {ArgSpec $name} args]} {
			lappend fields Arguments \
			    [expr {[llength $args] ? $args : "(none)"}]
			set body [T ::info body $name]
		    }
		}
		alias {
		    if {![catch {T ::namespace origin $name} origin]
			    && $origin ne $name} {
			lappend fields "Imported from" $origin
		    } elseif {![catch {T ::interp alias {} $name} target]} {
			lappend fields "Alias of" $target
		    }
		}
		ensemble {
		    catch {
			lappend fields Namespace \
			    [T ::namespace ensemble configure $name -namespace]
		    }
		}
		tkinter {
		    lappend fields "Python function" [PythonFunction $name]
		    variable pyNames
		    PyDescribe [list $name]
		    if {[dict exists $pyNames $name]} {
			lappend fields "Python callable" [dict get $pyNames $name]
		    }
		}
	    }
	}
	{widget *} {
	    # Read through Tk's own C procedures (tkleak::widget), never
	    # through the command at the widget's path: a megawidget's
	    # methods would run.
	    if {![catch {T ::tkleak::widget $name} w]} {
		lappend fields Class [dict get $w class] \
		    Manager [dict get $w manager] Mapped [dict get $w mapped]
		if {![dict get $w read]} {
		    lappend fields Options \
			"(not read: no widget command of Tk's found)"
		}
		foreach opt [dict get $w options] {
		    if {[llength $opt] == 5 && [lindex $opt 4] ne ""
			    && [regexp {(Command|Image)$} [lindex $opt 2]]} {
			lappend fields [lindex $opt 0] [lindex $opt 4]
		    }
		}
	    } else {
		lappend fields Exists no
	    }
	}
	{image *} {
	    if {![catch {T ::image width $name} w]} {
		lappend fields Size "$w x [T ::image height $name]" \
		    "In use" [T ::image inuse $name]
	    } else {
		lappend fields Exists no
	    }
	}
    }
    set o [OrphanOf $name]
    if {$o ne ""} {
	lappend fields Orphan [dict get $o reason]
	if {[dict get $o last] ne ""} {
	    lappend fields "Last referrer" \
		"[dict get $o last owner] [dict get $o last slot]"
	}
	if {[dict size [dict get $o retains]]} {
	    lappend fields Retains [Retains [dict get $o retains]]
	}
    }
    if {$type eq "command tkinter" || [string match {widget *} $type]} {
	lappend fields {*}[KeepsAlive $name]
    }
    lassign [Origins $name] originFields stack
    lappend fields {*}$originFields
    if {[string match {command *} $type] || [string match {object *} $type]
	    || [string match {widget *} $type] || [string match {image *} $type]} {
	if {[catch {T ::tkleak::refs $name} refs]} {
	    lappend fields Referrers "(none: no longer exists)"
	} elseif {[llength $refs] == 0} {
	    lappend fields Referrers "(none)"
	} else {
	    foreach r $refs {
		lappend fields Referrer "[dict get $r owner] [dict get $r slot]"
	    }
	}
    }
    set details [dict create name $name type $type fields $fields body $body \
	stack $stack]
    FillDetails
    return $fields
}

# ::tkleak::panel::KeepsAlive --
#
#	What a tkinter wrapper (or the wrappers a widget's entries
#	registered) alone keeps alive on the Python side, as Details
#	fields: "Keeps alive" and its summary, then one row a Python type,
#	largest first (at most 12), when the target has the tkleak module
#	and it keeps something alive.
#
# Arguments:
#	name	a command or a window.

proc ::tkleak::panel::KeepsAlive {name} {
    set k [PyCall keepsalive [list $name]]
    if {![dict exists $k objects] || [dict get $k objects] == 0} {
	return {}
    }
    set fields [list "Keeps alive" [dict get $k text]]
    set n 0
    foreach {type cb} [dict get $k types] {
	if {[incr n] > 12} {
	    lappend fields "  ..." "[expr {[dict size [dict get $k types]] - 12}]\
		more types"
	    break
	}
	lassign $cb count bytes
	lappend fields "  $type" "[Count $count], [::tkleak::Bytes $bytes]"
    }
    return $fields
}

# ::tkleak::panel::Origins --
#
#	Where an object was made and attached, as Details fields, from
#	tkleak::origin when the target's tkleak has it and recorded
#	something: "Created at" and one "Attached at" an attachment, each
#	the innermost frame of the app's own code; and the whole stack it
#	was created by, which the view lists under "Created at".
#
# Arguments:
#	name	a command, image or window.
#
# Results:
#	A list of two: the fields (name, value, ...) and the creation
#	stack (frames {file line proc lang lib}, innermost first; empty
#	when nothing was recorded).

proc ::tkleak::panel::Origins {name} {
    if {[T ::info commands ::tkleak::origin] eq ""
	    || [catch {T ::tkleak::origin $name} origin]} {
	return {{} {}}
    }
    set fields {}
    set created [dict get $origin created]
    set where [Origin [dict create origin $created]]
    if {$where ne ""} {
	lappend fields "Created at" $where
    } else {
	set created {}
    }
    foreach {slot stack} [dict get $origin attached] {
	set where [Origin [dict create origin $stack]]
	lappend fields "Attached at" \
	    "[dict get $slot owner] [dict get $slot slot]: [expr {$where eq "" ? "?" : $where}]"
    }
    return [list $fields $created]
}

# ::tkleak::panel::Frames --
#
#	The creation stack of the Details view, a frame a row, innermost
#	first: whether the frame is the app's own code or a library's
#	(Tk's and Tcl's libraries, tcllib, tklib, tkinter, frames without
#	a file: see tkleak::origin), and where it is.
#
# Arguments:
#	stack	frames {file line proc lang lib}.
#
# Results:
#	A list of {app|library where}, where as "editor.tcl:42
#	::editor::NewWindow".

proc ::tkleak::panel::Frames {stack} {
    lmap frame $stack {
	set where [Origin [dict create origin [list $frame]] all]
	list [expr {[dict exists $frame lib] && [dict get $frame lib]
	    ? "library" : "app"}] [expr {$where eq "" ? "?" : $where}]
    }
}

# ::tkleak::panel::ArgSpec --
#
#	A proc's arguments as written in its definition, defaults
#	included: {a {b 2} args}.
#
# Arguments:
#	name	the proc.

proc ::tkleak::panel::ArgSpec {name} {
    set spec {}
    foreach arg [T ::info args $name] {
	if {[T ::info default $name $arg ::tkleak::panel::Default]} {
	    lappend spec [list $arg [T ::set ::tkleak::panel::Default]]
	} else {
	    lappend spec $arg
	}
    }
    return $spec
}

# ::tkleak::panel::TypeOf --
#
#	The census type of a name in the target, from tkleak::typeof (no
#	census taken): a window, an image, a command or an object, or a
#	namespace, the first of these it names; else a namespace variable or
#	array element.
#
# Arguments:
#	name	what the user typed.

proc ::tkleak::panel::TypeOf {name} {
    set type [lindex [T ::tkleak::typeof $name] 0]
    # A namespace variable or array element, by its full name ("info
    # exists" runs no trace and makes nothing).
    if {$type eq "" && [string match ::* $name] && [T ::info exists $name]} {
	return [expr {[regexp {^[^(]*\(.*\)$} $name]
	    ? "array element" : "variable"}]
    }
    return $type
}

# ::tkleak::panel::Library --
#
#	What implements a command: the Tcl library for procs, aliases and
#	ensembles, Python's _tkinter for tkinter wrappers (the census
#	tells them by the library their C function is in). The C core
#	does not say which library a plain C command comes from.
#
# Arguments:
#	name	the command.
#	kind	proc, alias, ensemble, tkinter, native or object.

proc ::tkleak::panel::Library {name kind} {
    switch -- $kind {
	proc - alias - ensemble {
	    return "Tcl [T ::info patchlevel] (script level)"
	}
	tkinter {
	    return "_tkinter (Python)"
	}
	object {
	    return "TclOO, class [T ::info object class $name]"
	}
	default {
	    return "C code (tkleak does not report its library)"
	}
    }
}

# ::tkleak::panel::FillDetails --
#
#	Fills the Details view from the details looked up last.
#
# Arguments:
#	None.

proc ::tkleak::panel::FillDetails {} {
    variable details
    set f .tkleak.nb.details
    if {![winfo exists $f]} {
	return
    }
    set t $f.tree
    $t delete [$t children {}]
    set body ""
    if {[dict size $details]} {
	set i 0
	foreach {field value} [dict get $details fields] {
	    set id d[incr i]
	    $t insert {} end -id $id -text $field -values [list $value]
	    if {$field eq "Created at" && [dict exists $details stack]} {
		# The whole stack below it, the app's frames marked, the
		# libraries' dimmed, open: the line that matters may be
		# one of the callers.
		foreach frame [Frames [dict get $details stack]] {
		    lassign $frame kind where
		    $t insert $id end -id d[incr i] -tags $kind \
			-text [expr {$kind eq "app" ? "\u25b8 app" : "  library"}] \
			-values [list $where]
		}
		$t item $id -open 1
	    }
	}
	set body [dict get $details body]
	$f.top.name delete 0 end
	$f.top.name insert 0 [dict get $details name]
    }
    $f.body configure -state normal
    $f.body delete 1.0 end
    $f.body insert end $body
    $f.body configure -state disabled
    # The body pane only for a proc's body: without one, the fields and
    # the creation stack get its room.
    if {$body eq ""} {
	pack forget $f.body
    } elseif {[winfo manager $f.body] eq ""} {
	pack $f.body -side bottom -fill both -padx 4 -pady 4 -before $f.sy
    }
    Fit $t
}

# ::tkleak::panel::DetailsText --
#
#	The Details view as text: one "field: value" line each, then the
#	body of a proc.
#
# Arguments:
#	None.

proc ::tkleak::panel::DetailsText {} {
    variable details
    if {![dict size $details]} {
	return "No details shown."
    }
    set lines {}
    foreach {field value} [dict get $details fields] {
	lappend lines "$field: $value"
	if {$field eq "Created at" && [dict exists $details stack]} {
	    foreach frame [Frames [dict get $details stack]] {
		lassign $frame kind where
		lappend lines [format "  %-8s %s" \
		    [expr {$kind eq "app" ? "> app" : "library"}] $where]
	    }
	}
    }
    if {[dict get $details body] ne ""} {
	lappend lines "Body:" [dict get $details body]
    }
    return [join $lines \n]
}
