# attach.tcl --
#
#	tkleak::attach: the panel in an inspector process of its own,
#	inspecting another Tk app through Tk's send. The app needs nothing
#	but a running event loop: tkleak is loaded into it on the first
#	call, from the files this process loaded it from.
#
#	Tk's send waits for an answer as long as the app lives, so a busy
#	or stopped app would freeze the inspector. Every call is therefore
#	sent with -async, wrapped in a lambda that sends the result back
#	(again -async) to this process, which waits for it in the event
#	loop with a timeout. A late answer, after the timeout, is dropped.
#
# Copyright (c) 2026 the tkleak developers. See the file "LICENSE".

namespace eval ::tkleak::attach {
    # The longest a call may take, in milliseconds.
    variable timeout 5000

    # Calls under way: id -> "" while waiting, then {code result
    # errorcode} or "timeout".
    variable pending [dict create]
    variable seq 0

    # Run in the app: evaluates the command at global level and sends
    # the outcome back to the inspector ME, as call ID. The app's
    # errorInfo and errorCode stay as they were: the inspector's errors
    # are none of its business, and a changed size would show in a diff.
    variable lambda {{me id cmd} {
	set saved {}
	foreach var {::errorInfo ::errorCode} {
	    if {[info exists $var]} {
		lappend saved $var [set $var]
	    }
	}
	set code [catch {uplevel #0 $cmd} result opts]
	set ec [expr {$code == 1 ? [dict get $opts -errorcode] : ""}]
	foreach var {::errorInfo ::errorCode} {
	    if {[dict exists $saved $var]} {
		set $var [dict get $saved $var]
	    } else {
		unset -nocomplain $var
	    }
	}
	send -async -- $me [list ::tkleak::attach::Reply $id $code $result $ec]
    }}

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
#	Loads tkleak into APP unless it has it, with the load script of
#	the tkleak this process runs.
#
# Arguments:
#	app	the app's send name.
#
# Results:
#	The version of tkleak in the app.

proc ::tkleak::attach::Load {app} {
    set version [package present tkleak]
    set script [package ifneeded tkleak $version]
    return [Send $app [list ::apply {{version script} {
	if {[catch {package present tkleak}]} {
	    package ifneeded tkleak $version $script
	    package require tkleak $version
	}
	package present tkleak
    }} $version $script]]
}

# ::tkleak::attach::Send --
#
#	Runs a command in APP and waits, in the event loop, for its
#	result, at most the timeout.
#
# Arguments:
#	app	the app's send name.
#	cmd	the command, as a list.
#
# Results:
#	The command's result, or its error with its error code;
#	TKLEAK ATTACH UNREACHABLE when send fails, TKLEAK ATTACH TIMEOUT
#	when no answer comes in time.

proc ::tkleak::attach::Send {app cmd} {
    variable pending
    variable seq
    variable timeout
    variable lambda
    set id [incr seq]
    set script [list ::apply $lambda [tk appname] $id $cmd]
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
#	An answer from the app (sent by the lambda), or the timeout.
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

# ::tkleak::attach::Quit --
#
#	Ends an inspector process whose panel was closed.
#
# Arguments:
#	None.

proc ::tkleak::attach::Quit {} {
    destroy .
}
