# tkleak.tcl --
#
#	The Tcl part of the tkleak package: the ::tkleak ensemble over the
#	commands the C core registers, and the Tcl-level features, one file
#	each: leaktest.tcl (automatic verdicts), menu.tcl (the Memory menu),
#	panel/ (the inspector panel), attach.tcl (the panel on another
#	app through send). Loaded by pkgIndex.tcl after the
#	shared library. Only the menu and the panel need Tk, and only when
#	they are called.
#
# Copyright (c) 2026 the tkleak developers. See the file "LICENSE".

namespace eval ::tkleak {
    variable library [file dirname [file normalize [info script]]]

    namespace export snapshot snapshots forget summary diff objects new \
	gone grown format_diff print_diff calibrate heap gc configure refs orphans \
	orphanscan \
	record origin typeof pycallable widget leaktest assertNoLeak menu panel attach detach
}

# ::tkleak::Match --
#
#	Reads a word that names an option or a keyword the way Tcl's own
#	commands do (tcl::prefix match): the word or its unique prefix.
#
# Arguments:
#	what	what the words are, for the message: "option", "view".
#	table	the words it may be.
#	word	the word given.
#	args	the error code after TKLEAK.
#
# Results:
#	The full word. An unknown, ambiguous or empty word is an error
#	"bad WHAT "x": must be ..." or "ambiguous WHAT "x": must be ...",
#	error code TKLEAK ARGS.

proc ::tkleak::Match {what table word args} {
    tcl::prefix match -message $what \
	-error [list -errorcode [list TKLEAK {*}$args]] $table $word
}

# ::tkleak::Bounded --
#
#	Reads a number that must lie within a documented range.
#
# Arguments:
#	value	the value given.
#	min	the least it may be.
#	max	the most it may be.
#	code	the error code after TKLEAK.
#	what	what it is, for the message.
#	option	the option it is the value of, for the message, or "".
#
# Results:
#	The integer. Anything else is an error "expected WHAT from MIN to
#	MAX ?for OPTION? but got "x"", error code TKLEAK CODE.

proc ::tkleak::Bounded {value min max code what {option {}}} {
    if {![string is entier -strict $value] || $value < $min
	    || $value > $max} {
	set for [expr {$option eq "" ? "" : " for $option"}]
	return -code error -errorcode [list TKLEAK {*}$code] \
	    "expected $what from $min to $max$for but got \"$value\""
    }
    expr {$value + 0}
}

# ::tkleak::NeedTk --
#
#	Loads Tk for the commands that show something (menu, panel,
#	attach), after they have checked their arguments, so that a call
#	with bad arguments loads nothing; and fails with a TKLEAK error
#	when Tk cannot serve them: no display, or the app destroyed its
#	main window "." while its interpreter lives on (what closing the
#	last window does in an app that keeps running), after which every
#	Tk command fails.
#
# Arguments:
#	cmd	the tkleak command asking, for the message.
#
# Results:
#	None. An error TKLEAK TK UNAVAILABLE with Tk's message when Tk
#	cannot be loaded, TKLEAK TK DESTROYED when "." is gone.

proc ::tkleak::NeedTk {cmd} {
    if {[catch {package require Tk} msg]} {
	return -code error -level 2 -errorcode {TKLEAK TK UNAVAILABLE} \
	    "$cmd needs Tk: $msg"
    }
    if {[catch {winfo exists .}]} {
	return -code error -level 2 -errorcode {TKLEAK TK DESTROYED} \
	    "$cmd needs Tk, but the application's main window \".\" was destroyed"
    }
}

foreach ::tkleak::File {util.tcl leaktest.tcl menu.tcl panel/panel.tcl attach.tcl} {
    if {[file exists [file join $::tkleak::library $::tkleak::File]]} {
	source [file join $::tkleak::library $::tkleak::File]
    }
}
unset ::tkleak::File

namespace eval ::tkleak {
    namespace ensemble create
}
