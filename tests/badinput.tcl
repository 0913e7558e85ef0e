# badinput.tcl --
#
#	The bad-input sweep shared by badinput.test (tclsh) and
#	badinput-tk.test (wish): every public tkleak command, every
#	argument and every option, fed wrong argument counts, unknown
#	names, huge, negative and non-numbers, empty strings, embedded NULs
#	a name of a megabyte, 10,000 open braces, a list of 10,000 words and
#	odd characters. Each call must either succeed or fail
#	with an error code starting with TKLEAK, and a failed call must
#	leave the snapshots, the settings and the recording status as they
#	were.
#
# Copyright (c) 2026 the tkleak developers. See the file "LICENSE".

namespace eval sweep {
    # The values fed into every argument and every option value.
    variable bad [list {} - -- " " "a\0b" "\0" [string repeat x 1048576] \
	-1 0 2147483647 2147483648 9223372036854775807 \
	99999999999999999999 -99999999999999999999 1e308 NaN 0x7fffffff \
	"1 2" "\{" "\[exit 3\]" "\$x" [string repeat "\{" 10000] \
	[lrepeat 10000 marker] "\u00e9\uFFFF" "\uD800"]

    # What every command takes. For each: args, its arguments in order
    # with a valid value each; required, how many must be given; options,
    # each with a valid value; script, the arguments that are scripts the
    # command evaluates (an error there is the script's own, so they get
    # no bad values); tk, 1 when it needs Tk. A value "@app" is this
    # app's send name.
    variable table {
	snapshot	{args {{name marker_new}} required 0}
	snapshots	{args {} required 0}
	forget		{args {{name marker_a}} required 1}
	summary		{args {{name marker_a}} required 0}
	objects		{args {{type {command proc}} {name marker_a}} required 1}
	diff		{args {{old marker_a} {new marker_b}} required 1
			 options {-by type}}
	new		{args {{type {command proc}} {old marker_a}
			 {new marker_b}} required 2 options {-origins 0}}
	gone		{args {{type {command proc}} {old marker_a}
			 {new marker_b}} required 2 options {-origins 0}}
	grown		{args {{type variable} {old marker_a}
			 {new marker_b}} required 2}
	format_diff	{args {{old marker_a} {new marker_b}} required 1}
	print_diff	{args {{channel @null}} required 0}
	calibrate	{args {} required 0}
	heap		{args {} required 0}
	gc		{args {} required 0}
	detach		{args {} required 0}
	widget		{args {{path .}} required 1 tk 1}
	configure	{args {} required 0 options {-depth 8
			 -maxsnapshots 0 -origins 1 -refs 0 -skipped 0
			 -walk @walk}}
	refs		{args {{name ::set}} required 1}
	orphans		{args {} required 0 options {-since marker_a}}
	orphanscan	{args {{subcommand begin}} required 1
			 options {-since marker_a -budget 0}}
	record		{args {{action status}} required 1}
	origin		{args {{name ::set}} required 1}
	typeof		{args {{name ::set}} required 1}
	pycallable	{args {{names ::set}} required 1}
	leaktest	{args {{script {}}} required 1 script 0
			 options {-iterations 3 -warmup 0 -heap 0}}
	assertNoLeak	{args {{script {}}} required 1 script 0
			 options {-iterations 3 -warmup 0 -heap 0}}
	menu		{args {{menubar .marker_mb}} required 1 tk 1
			 options {-label Memory -print 0}}
	panel		{args {{view diff}} required 0 tk 1}
	attach		{args {{app @app}} required 1 tk 1
			 options {-timeout 5000}}
    }

    # The channel print_diff writes to in the sweep.
    variable null [open /dev/null w]

    # What went wrong, one line a call; how many calls were made.
    variable failures {}
    variable calls 0
}

# sweep::Spec --
#	The table entry of CMD, with its defaults filled in.
proc sweep::Spec {cmd} {
    variable table
    dict merge {args {} required 0 options {} script {} tk 0} \
	[dict get $table $cmd]
}

# sweep::Commands --
#	The commands to sweep: all of them with Tk, the others without.
proc sweep::Commands {} {
    variable table
    set tk [expr {![catch {package present Tk}]}]
    set cmds {}
    foreach cmd [dict keys $table] {
	if {$tk || ![dict get [Spec $cmd] tk]} {
	    lappend cmds $cmd
	}
    }
    return $cmds
}

# sweep::Value --
#	A table value, with @null, @walk and @app made real.
proc sweep::Value {value} {
    variable null
    switch -- $value {
	@null {return $null}
	@walk {return [tkleak::configure -walk]}
	@app {return [tk appname]}
    }
    return $value
}

# sweep::Valid --
#	The valid words of CMD: every argument, then every option with its
#	value.
proc sweep::Valid {cmd} {
    set words {}
    foreach arg [dict get [Spec $cmd] args] {
	lappend words [Value [lindex $arg 1]]
    }
    return $words
}

# sweep::Fixtures --
#	Makes the snapshots marker_a and marker_b and the menu .marker_mb
#	when they are missing.
proc sweep::Fixtures {} {
    foreach name {marker_a marker_b} {
	if {$name ni [tkleak::snapshots]} {
	    tkleak::snapshot $name
	}
    }
    if {![catch {package present Tk}] && ![winfo exists .marker_mb]} {
	menu .marker_mb
    }
}

# sweep::State --
#	What a failed call must leave as it was.
proc sweep::State {} {
    set settings [tkleak::configure]
    dict unset settings -skipped
    list snapshots [tkleak::snapshots] settings $settings \
	record [tkleak::record status]
}

# sweep::Show --
#	A word as it can be read in a failure line.
proc sweep::Show {word} {
    if {[string length $word] > 40} {
	set word "[string range $word 0 15]...([string length $word] chars)"
    }
    string map [list \0 \\0] $word
}

# sweep::Try --
#	Calls tkleak::CMD with WORDS and notes a failure when the call fails
#	with an error code that is not TKLEAK's or changes anything. A call
#	that succeeds is undone (new snapshots forgotten, settings and
#	recording put back, the panel closed).
#
# Results:
#	{code errorcode message} of the call.
proc sweep::Try {cmd words} {
    variable failures
    variable calls
    incr calls
    Fixtures
    set before [State]
    set code [catch {tkleak::$cmd {*}$words} msg opts]
    set ec [expr {$code == 1 ? [dict get $opts -errorcode] : ""}]
    set call "tkleak::$cmd [join [lmap w $words {Show $w}]]"
    if {$code == 1} {
	if {[lindex $ec 0] ne "TKLEAK"} {
	    lappend failures "$call: [Show $msg] ($ec)"
	}
	set after [State]
	foreach key {snapshots settings record} {
	    if {[dict get $before $key] ne [dict get $after $key]} {
		lappend failures "$call failed and changed $key:\
		    [dict get $before $key] -> [dict get $after $key]"
	    }
	}
    } elseif {$code != 0} {
	lappend failures "$call: return code $code"
    }
    Restore $before
    return [list $code $ec $msg]
}

# sweep::Restore --
#	Puts back what a successful call may have changed.
proc sweep::Restore {before} {
    foreach name [tkleak::snapshots] {
	if {$name ni [dict get $before snapshots]} {
	    tkleak::forget $name
	}
    }
    tkleak::configure {*}[dict get $before settings]
    if {[tkleak::record status] != [dict get $before record]} {
	tkleak::record [expr {[dict get $before record] ? "on" : "off"}]
    }
    if {![catch {package present Tk}]} {
	destroy .tkleak .marker_mb
    }
}

# sweep::Options --
#	The options of CMD as the command itself names them in the error
#	for an unknown option, or {} when it takes none (it then says
#	"wrong # args").
proc sweep::Options {cmd} {
    Fixtures
    set before [State]
    catch {tkleak::$cmd {*}[Valid $cmd] -marker_zzz 1} msg
    Restore $before
    if {[regexp {^bad option "-marker_zzz": must be (.*)$} $msg -> list]} {
	return [lsort [split [regsub -all {,? or |, } $list " "]]]
    }
    if {[string match "wrong # args*" $msg]} {
	return {}
    }
    return [list unexpected: $msg]
}

# sweep::Counts --
#	CMD with from none to two more words than all its valid words.
proc sweep::Counts {cmd} {
    set words [Valid $cmd]
    dict for {opt value} [dict get [Spec $cmd] options] {
	lappend words $opt [Value $value]
    }
    for {set n 0} {$n <= [llength $words] + 2} {incr n} {
	set call [lrange $words 0 $n-1]
	while {[llength $call] < $n} {
	    lappend call marker_extra
	}
	Try $cmd $call
    }
}

# sweep::Arguments --
#	CMD with each bad value in each argument that is not a script.
proc sweep::Arguments {cmd} {
    variable bad
    set valid [Valid $cmd]
    set scripts [dict get [Spec $cmd] script]
    for {set i 0} {$i < [llength $valid]} {incr i} {
	if {$i in $scripts} {
	    continue
	}
	foreach value $bad {
	    Try $cmd [lreplace $valid $i $i $value]
	}
    }
}

# sweep::OptionValues --
#	CMD with each bad value as the name and as the value of each option.
proc sweep::OptionValues {cmd} {
    variable bad
    set valid [Valid $cmd]
    dict for {opt value} [dict get [Spec $cmd] options] {
	foreach word $bad {
	    Try $cmd [list {*}$valid $opt $word]
	    Try $cmd [list {*}$valid $word [Value $value]]
	}
    }
}

# sweep::Prefixes --
#	CMD with every unique prefix of every option: each must do what the
#	full name does. Every ambiguous prefix must fail as ambiguous.
proc sweep::Prefixes {cmd} {
    variable failures
    set valid [Valid $cmd]
    set options [dict get [Spec $cmd] options]
    set names [dict keys $options]
    dict for {opt value} $options {
	set full [lrange [Try $cmd [list {*}$valid $opt [Value $value]]] 0 1]
	for {set n 1} {$n < [string length $opt]} {incr n} {
	    set prefix [string range $opt 0 $n-1]
	    set matches [lsearch -all -inline -glob $names $prefix*]
	    lassign [Try $cmd [list {*}$valid $prefix [Value $value]]] \
		code ec msg
	    if {[llength $matches] == 1 && [list $code $ec] ne $full} {
		lappend failures "tkleak::$cmd $prefix: $code $ec $msg,\
		    but $opt: $full"
	    }
	    if {[llength $matches] > 1 && ($code != 1
		    || ![string match "ambiguous option*" $msg])} {
		lappend failures "tkleak::$cmd $prefix: $code $msg"
	    }
	}
    }
}

# sweep::Run --
#	Runs one part of the sweep (Counts, Arguments, OptionValues,
#	Prefixes) over every command there is to sweep.
#
# Results:
#	The failures, one line each; {} when all is well.
proc sweep::Run {part} {
    variable failures {}
    foreach cmd [Commands] {
	$part $cmd
    }
    Restore [State]
    foreach name {marker_a marker_b} {
	if {$name in [tkleak::snapshots]} {
	    tkleak::forget $name
	}
    }
    return $failures
}
