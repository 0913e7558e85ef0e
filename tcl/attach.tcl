# attach.tcl --
#
#	tkleak::attach: the panel in an inspector process of its own,
#	inspecting another Tk app through Tk's send. The app needs nothing
#	but a running event loop: tkleak is loaded into it on the first
#	call, from the files this process loaded it from.
#
#	Tk's send waits for an answer as long as the app lives, so a busy
#	or stopped app would freeze the inspector. Every call is therefore
#	sent with -async, wrapped in a script that sends the result back
#	(again -async) to this process, which waits for it in the event
#	loop with a timeout. A late answer, after the timeout, is dropped.
#
#	The app is someone else's, and may have replaced any command of
#	Tcl or Tk with a proc of its own (tkdiff has a global "proc apply
#	{{remark 0}}"). So nothing sent there is a lambda or calls a
#	command by a name the app may have taken over: the wrapper calls
#	built-ins by their names under ::tcl where they have one, a probe
#	sent first learns which global procs the app has, and attach
#	refuses an app that replaced one of the few commands tkleak cannot
#	do without there, naming them. Letting go of the app (closing the
#	panel, attaching elsewhere) undoes what attaching did there.
#
# Copyright (c) 2026 the tkleak developers. See the file "LICENSE".

namespace eval ::tkleak::attach {
    # The longest a call may take, in milliseconds.
    variable timeout 5000

    # Calls under way: id -> "" while waiting, then {code result
    # errorcode} or "timeout".
    variable pending [dict create]
    variable seq 0

    # Run in the app, as a script of its own (no lambda and no proc: the
    # app may have replaced ::apply, as tkdiff does, or any other
    # command): evaluates @CMD@ at global level and sends the outcome back
    # to the inspector @ME@ as call @ID@. Every name is fully qualified,
    # and what has a name under ::tcl is called by it, so only the
    # commands in "needs" below run; the call's state lives in one array,
    # @VAR@, unset at the end. The app's errorInfo and errorCode stay as
    # they were: the inspector's errors are none of its business, and a
    # changed size would show in a diff. Should loading tkleak fail, the
    # namespace the script made is removed.
    variable wrapper {
	::if {[::tcl::info::exists ::errorInfo]} {
	    ::set @VAR@(errorInfo) $::errorInfo
	}
	::if {[::tcl::info::exists ::errorCode]} {
	    ::set @VAR@(errorCode) $::errorCode
	}
	::set @VAR@(code) [::catch {::uplevel #0 @CMD@} @VAR@(result) @VAR@(opts)]
	::set @VAR@(ec) {}
	::if {$@VAR@(code) == 1} {
	    ::set @VAR@(ec) [::tcl::dict::get $@VAR@(opts) -errorcode]
	}
	::if {[::tcl::info::exists @VAR@(errorInfo)]} {
	    ::set ::errorInfo $@VAR@(errorInfo)
	} else {
	    ::unset -nocomplain ::errorInfo
	}
	::if {[::tcl::info::exists @VAR@(errorCode)]} {
	    ::set ::errorCode $@VAR@(errorCode)
	} else {
	    ::unset -nocomplain ::errorCode
	}
	::send -async -- @ME@ [::list ::tkleak::attach::Reply @ID@ \
	    $@VAR@(code) $@VAR@(result) $@VAR@(ec)]
	::unset @VAR@
	::if {![::tcl::string::length [::tcl::info::commands ::tkleak::snapshot]]} {
	    ::tcl::namespace::delete ::tkleak
	}
    }

    # The global commands of Tcl and Tk that run in the app for
    # tkleak: to answer a call (the wrapper above), and to load tkleak
    # (the top level of its Tcl files, the probes of its C part, and
    # Tcl's auto_import, which an import runs and which reads the
    # tclIndex files once). An app that replaced one of them with a
    # proc would have its own code run there, so attach refuses it at
    # once and names them. Any other command the app replaced (apply,
    # after, update, bind...) is never called in the app: Send refuses
    # a call that would.
    variable needs {
	array canvas catch close continue destroy dict error eval expr
	fconfigure file for foreach gets if incr info interp lindex list
	llength load menu namespace open proc read return send set source
	string unset uplevel variable
    }

    # App -> the built-in commands it replaced with procs of its own, as
    # fully qualified names (from the probe that attach sends first).
    variable redefined [dict create]

    # App -> what to undo when the panel lets go of it: whether attach
    # loaded tkleak there, its recording status and its snapshots before.
    variable before [dict create]

    # Whether closing the panel ends this process: set when attach
    # finds an empty main window, the sign of a wish started to
    # inspect.
    variable exitOnClose 0
}

# ::tkleak::attach --
#
#	Opens the panel on another Tk app of this display, loading tkleak
#	into that app when it has not loaded it.
#
# Arguments:
#	args	the app's send name (winfo interps lists them; this app's
#		own name points the panel back at this app), then
#		optionally -timeout MS: the longest a call into the app
#		may take before it fails with TKLEAK ATTACH TIMEOUT
#		(1 to 3600000, an hour; default 5000).
#
# Results:
#	The panel's path, .tkleak.

proc ::tkleak::attach {args} {
    variable attach::timeout
    set args [lassign $args app]
    if {$app eq "" || [llength $args] % 2} {
	return -code error -errorcode {TKLEAK USAGE} \
	    "wrong # args: should be \"tkleak::attach app ?-timeout ms?\""
    }
    foreach {word value} $args {
	set opt [Match option {-timeout} $word ATTACH OPTION $word]
	set wait [Bounded $value 1 3600000 [list ATTACH VALUE $opt] \
	    "a number of milliseconds"]
    }
    NeedTk tkleak::attach
    if {$app eq [tk appname]} {
	panel::Local
	return [panel]
    }
    if {$app ni [winfo interps]} {
	return -code error -errorcode [list TKLEAK ATTACH UNKNOWN $app] \
	    "no Tk app named \"$app\" on this display"
    }
    if {[info exists wait]} {
	set timeout $wait
    }
    attach::Load $app
    if {![winfo exists .tkleak] && [winfo children .] eq ""} {
	wm withdraw .
	set attach::exitOnClose 1
    }
    panel::Retarget $app
    return [panel]
}

# ::tkleak::attach::Load --
#
#	Loads tkleak into APP unless it has it, from the files this
#	process loaded it from. First a probe, one command of built-ins
#	under ::tcl, asks whether tkleak is there and which global procs
#	the app has: an app that replaced a command tkleak needs there
#	(see "needs") is refused before anything runs in it. Then the
#	shared library and tkleak.tcl are loaded directly, not through
#	package ifneeded, whose script is a lambda.
#
# Arguments:
#	app	the app's send name.
#
# Results:
#	None. TKLEAK ATTACH REDEFINED app names when the app replaced
#	commands tkleak needs.
#
# Side effects:
#	Notes in "redefined" the built-ins the app replaced, and in
#	"before" what Release has to undo.

proc ::tkleak::attach::Load {app} {
    variable redefined
    variable needs
    variable before
    lassign [Probe $app] loaded procs
    set ours [info procs ::*]
    set builtins [lmap c [info commands ::*] {
	if {$c in $ours} continue
	set c
    }]
    set replaced [lsort [lmap p $procs {
	if {$p ni $builtins} continue
	set p
    }]]
    dict set redefined $app $replaced
    set bad [lmap p $replaced {
	if {[string range $p 2 end] ni $needs} continue
	set p
    }]
    if {[llength $bad]} {
	return -code error \
	    -errorcode [list TKLEAK ATTACH REDEFINED $app $bad] \
	    "tkleak::attach: \"$app\" redefines [join $bad {, }], which tkleak\
		needs to run there"
    }
    if {!$loaded} {
	foreach pair [info loaded {}] {
	    lassign $pair file prefix
	    if {$prefix eq "Tkleak"} {
		break
	    }
	}
	Send $app [list ::tcl::namespace::eval :: [join [list \
	    [list ::load $file Tkleak] \
	    [list ::source [file join $::tkleak::library tkleak.tcl]]] \n]]
	dict set before $app [dict create loaded 1 record 0 snapshots {}]
    } elseif {![dict exists $before $app]} {
	dict set before $app [dict create loaded 0 \
	    record [Send $app {::tkleak::record status}] \
	    snapshots [Send $app ::tkleak::snapshots]]
    }
}

# ::tkleak::attach::Probe --
#
#	Asks APP whether it has tkleak and which global procs it has, with
#	one command that calls nothing the app can have replaced at global
#	level but send.
#
# Arguments:
#	app	the app's send name.
#
# Results:
#	A list: 1 when tkleak is loaded there, else 0; the app's global
#	procs, fully qualified.

proc ::tkleak::attach::Probe {app} {
    variable seq
    set id [incr seq]
    set script [list ::send -async -- [tk appname] \
	::tkleak::attach::Probed $id]
    append script { [::tcl::string::length [::tcl::info::commands ::tkleak::snapshot]]} \
	{ [::tcl::info::procs ::*]}
    return [Await $app $id $script]
}

# ::tkleak::attach::Probed --
#
#	The probe's answer (sent by APP with its words concatenated).
#
# Arguments:
#	id	the call.
#	loaded	the length of the name of tkleak's snapshot command
#		there: 0 when tkleak is not loaded.
#	args	the app's global procs.

proc ::tkleak::attach::Probed {id loaded args} {
    Reply $id 0 [list [expr {$loaded > 0}] $args] {}
}

# ::tkleak::attach::Release --
#
#	The panel lets go of APP: undoes what attaching did there. When
#	attach loaded tkleak, tkleak::detach; otherwise the snapshots
#	made since are forgotten and recording is set back as it was.
#	Errors (an app gone) are ignored.
#
# Arguments:
#	app	the app's send name.

proc ::tkleak::attach::Release {app} {
    variable before
    if {![dict exists $before $app]} {
	return
    }
    set was [dict get $before $app]
    dict unset before $app
    catch {
	if {[dict get $was loaded]} {
	    Send $app ::tkleak::detach
	} else {
	    foreach name [Send $app ::tkleak::snapshots] {
		if {$name ni [dict get $was snapshots]} {
		    Send $app [list ::tkleak::forget $name]
		}
	    }
	    Send $app [list ::tkleak::record \
		[expr {[dict get $was record] ? "on" : "off"}]]
	}
    }
}

# ::tkleak::attach::Send --
#
#	Runs a command in APP and waits, in the event loop, for its
#	result, at most the timeout. A command whose name is a built-in
#	the app replaced with a proc is not sent: it would run the app's
#	code.
#
# Arguments:
#	app	the app's send name.
#	cmd	the command, as a list.
#
# Results:
#	The command's result, or its error with its error code;
#	TKLEAK ATTACH UNREACHABLE when send fails, TKLEAK ATTACH TIMEOUT
#	when no answer comes in time, TKLEAK ATTACH REDEFINED app name for
#	a replaced command.

proc ::tkleak::attach::Send {app cmd} {
    variable seq
    variable wrapper
    variable redefined
    set name ::[string trimleft [lindex $cmd 0] :]
    if {[dict exists $redefined $app]
	    && $name in [dict get $redefined $app]} {
	return -code error \
	    -errorcode [list TKLEAK ATTACH REDEFINED $app $name] \
	    "\"$app\" redefines $name: tkleak does not call it there"
    }
    set id [incr seq]
    set script [list ::tcl::namespace::eval ::tkleak::attach [string map [list \
	@VAR@ ::tkleak::attach::Call_[pid]_$id @CMD@ [list $cmd] \
	@ME@ [list [tk appname]] @ID@ $id] $wrapper]]
    return [Await $app $id $script]
}

# ::tkleak::attach::Await --
#
#	Sends SCRIPT, which answers call ID, to APP and waits for the
#	answer in the event loop, at most the timeout.
#
# Arguments:
#	app	the app's send name.
#	id	the call.
#	script	the script.
#
# Results:
#	As for Send.

proc ::tkleak::attach::Await {app id script} {
    variable pending
    variable timeout
    if {[catch {send -async -- $app $script} msg]} {
	return -code error -errorcode [list TKLEAK ATTACH UNREACHABLE $app] \
	    "cannot reach \"$app\": $msg"
    }
    dict set pending $id ""
    set timer [after $timeout [list ::tkleak::attach::Reply $id timeout {} {}]]
    while {[dict get $pending $id] eq ""} {
	vwait ::tkleak::attach::pending
    }
    after cancel $timer
    set answer [dict get $pending $id]
    dict unset pending $id
    if {$answer eq "timeout"} {
	return -code error -errorcode [list TKLEAK ATTACH TIMEOUT $app] \
	    "\"$app\" did not answer within $timeout ms"
    }
    lassign $answer code result ec
    if {$code == 1} {
	return -code error -errorcode $ec $result
    }
    return $result
}

# ::tkleak::attach::Reply --
#
#	An answer from the app (sent by the wrapper), or the timeout.
#
# Arguments:
#	id	the call.
#	code	the command's return code, or "timeout".
#	result	its result.
#	ec	its error code.

proc ::tkleak::attach::Reply {id code result ec} {
    variable pending
    if {![dict exists $pending $id] || [dict get $pending $id] ne ""} {
	return
    }
    if {$code eq "timeout"} {
	dict set pending $id timeout
    } else {
	dict set pending $id [list $code $result $ec]
    }
}

# ::tkleak::detach --
#
#	Removes from this app what tkleak keeps: every snapshot, an orphan
#	scan under way, and recording with its hooks. What stays is the
#	loaded package: its commands and namespaces under ::tkleak, which
#	no census counts.
#	The panel's Release calls it in an app that attach loaded tkleak
#	into.
#
# Arguments:
#	None.

proc ::tkleak::detach {args} {
    if {[llength $args]} {
	return -code error -errorcode {TKLEAK USAGE} \
	    "wrong # args: should be \"tkleak::detach\""
    }
    ::tkleak::record off
    ::tkleak::orphanscan cancel
    foreach name [::tkleak::snapshots] {
	::tkleak::forget $name
    }
    return
}

# ::tkleak::attach::Quit --
#
#	Ends an inspector process whose panel was closed.
#
# Arguments:
#	None.

proc ::tkleak::attach::Quit {} {
    destroy .
}
