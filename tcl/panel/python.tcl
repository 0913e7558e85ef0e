# python.tcl --
#
#	The Python side of a tkinter target, when its tkleak module
#	registered ::tkleak::py (python/tkleak): the callables behind
#	tkinter's wrappers, what each orphan keeps alive in Python, and
#	Python types' growth beside the Tcl types in the Diff view.
#
# Copyright (c) 2026 the tkleak developers. See the file "LICENSE".

# ::tkleak::panel::PyHas --
#
#	Whether the target's tkleak module registered a command of
#	::tkleak::py (tkleak's own namespace: never an app's command).
#
# Arguments:
#	cmd	describe or keepsalive.

proc ::tkleak::panel::PyHas {cmd} {
    return [expr {![catch {T ::info commands ::tkleak::py::$cmd} found]
	&& $found ne ""}]
}

# ::tkleak::panel::PyCall --
#
#	Calls a command of ::tkleak::py in the target, through T (so, when
#	attached, in the attached app): the module answers through
#	tkinter, which saves and restores its own state around the call.
#
# Arguments:
#	args	the command's name in ::tkleak::py and its arguments.
#
# Results:
#	Its result, or "" when it is missing or fails (the app's
#	errorInfo and errorCode stay as they were).

proc ::tkleak::panel::PyCall {cmd args} {
    if {![PyHas $cmd] || [catch {
	Quiet [list ::tkleak::panel::T ::tkleak::py::$cmd {*}$args]
    } result]} {
	return ""
    }
    return $result
}

# ::tkleak::panel::PyDescribe --
#
#	Learns the Python callables of the tkinter wrappers among NAMES
#	(::tkleak::py::describe), for the Diff, Orphans and Details views.
#
# Arguments:
#	names	a list of command names.

proc ::tkleak::panel::PyDescribe {names} {
    variable pyNames
    if {[llength $names]} {
	if {[PyHas describe]} {
	    set found [PyCall describe $names]
	} else {
	    set found [CDescribe $names]
	}
	if {[llength $found] % 2 == 0} {
	    # Bounded: a long session keeps the callables last asked for.
	    if {[dict size $pyNames] > 5000} {
		set pyNames [dict create]
	    }
	    set pyNames [dict merge $pyNames $found]
	}
    }
}

# ::tkleak::panel::CDescribe --
#
#	The Python callables of the tkinter wrappers among NAMES as the C
#	core reads them (tkleak::pycallable, which runs no Python code),
#	for an app that has not imported the tkleak module: a dict name ->
#	"module.qualname of Class (file:line)", as the module writes them.
#
# Arguments:
#	names	a list of command names.

proc ::tkleak::panel::CDescribe {names} {
    if {[catch {T ::tkleak::pycallable $names} found]
	    || [llength $found] % 2} {
	return {}
    }
    set out [dict create]
    dict for {name c} $found {
	set text [dict get $c qualname]
	if {[dict get $c module] ne ""} {
	    set text [dict get $c module].$text
	}
	if {[dict get $c bound] ne ""} {
	    append text " of " [dict get $c bound]
	}
	if {[dict get $c file] ne ""} {
	    append text " ([file tail [dict get $c file]]:[dict get $c line])"
	}
	dict set out $name $text
    }
    return $out
}

# ::tkleak::panel::PyToolbar --
#
#	Shows the Python checkbutton when the target has the tkleak
#	module's ::tkleak::py::growth, and hides it (unchecked) otherwise.
#
# Arguments:
#	None.

proc ::tkleak::panel::PyToolbar {} {
    variable pyGrowth
    set b .tkleak.bar.python
    if {![winfo exists $b]} {
	return
    }
    if {[PyHas growth]} {
	if {[winfo manager $b] eq ""} {
	    pack $b -side left -padx {4 0} -pady 4 -after .tkleak.bar.record
	}
    } elseif {[winfo manager $b] ne ""} {
	pack forget $b
	set pyGrowth 0
    }
}

# ::tkleak::panel::PyGrowth --
#
#	The Python types' growth from "from" to "to", when the Python
#	checkbutton is on and the module counted Python objects at both
#	(it does at the censuses the panel takes while it is on).
#
# Arguments:
#	None.

proc ::tkleak::panel::PyGrowth {} {
    variable pyGrowth
    variable pyDiff [dict create]
    variable pySummary [dict create]
    variable pyNote ""
    variable from
    variable to
    if {!$pyGrowth || $from eq "" || $to eq "" || $from eq $to} {
	return
    }
    set g [PyCall growth diff $from $to]
    if {[dict exists $g diff]} {
	set pyDiff [dict get $g diff]
	set pySummary [dict get $g summary]
    } else {
	set pyNote "No Python counts at [Label $from]: they start with the\
	    next census."
    }
}

# ::tkleak::panel::PyHead --
#
#	Adds to the Diff view's heading how many Python types changed, or
#	PyGrowth's note.
#
# Arguments:
#	None.

proc ::tkleak::panel::PyHead {} {
    variable pyNote
    variable pyDiff
    set note $pyNote
    set n [dict size $pyDiff]
    if {$n} {
	set note "Python: $n [expr {$n == 1 ? "type" : "types"}] changed."
    }
    if {$note ne "" && [winfo exists .tkleak.nb.diff.head]} {
	.tkleak.nb.diff.head configure \
	    -text "[.tkleak.nb.diff.head cget -text] $note"
    }
}

# ::tkleak::panel::PyOrphans --
#
#	After the orphans were counted: when the target has the tkleak
#	module, the callables of the orphan wrappers and what each orphan
#	(a wrapper, or a widget whose entries' wrappers it retains) alone
#	keeps alive on the Python side, at most 1000 of them.
#
# Arguments:
#	None.

proc ::tkleak::panel::PyOrphans {} {
    variable orphans
    variable python [PyHas keepsalive]
    variable keeps [dict create]
    variable keepsTotal ""
    variable pyColumn 0
    variable pyNames
    set wrappers {}
    set held {}
    foreach o $orphans {
	set type [dict get $o type]
	if {$type eq "command tkinter"} {
	    lappend wrappers [dict get $o name]
	    lappend held [dict get $o name]
	} elseif {[string match {widget *} $type]} {
	    lappend held [dict get $o name]
	}
    }
    PyDescribe [lrange $wrappers 0 999]
    if {!$python} {
	# Without the module, the callables the C core read.
	foreach name [lrange $wrappers 0 999] {
	    if {[dict exists $pyNames $name]} {
		set pyColumn 1
		break
	    }
	}
	return
    }
    if {[llength $held]} {
	set k [PyCall keepsalive [lrange $held 0 999]]
	if {[dict exists $k each] && [dict get $k objects] > 0} {
	    set keeps [dict get $k each]
	    set keepsTotal [dict get $k text]
	}
    }
}

# ::tkleak::panel::PythonFunction --
#
#	The Python function a tkinter callback wrapper calls, from the
#	wrapper's name: tkinter names it by id() and __name__.
#
# Arguments:
#	name	the wrapper's name, "::140234567marker_wakeup".

proc ::tkleak::panel::PythonFunction {name} {
    regsub {^(::)?[0-9]+} $name {} func
    return $func
}
