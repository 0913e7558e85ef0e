# util.tcl --
#
#	What the Tcl files of tkleak share, so that each question has one
#	answer: the JSON writer (leaktest's --json, the panel's Copy and
#	Save) and the byte formatter (leaktest's table, the panel's views
#	and status line), which follows format.c's, so that a size prints
#	the same in format_diff's heap line, in leaktest and in the panel.
#	Plain Tcl: loads nothing, so it may run inside the app inspected.
#
# Copyright (c) 2026 the tkleak developers. See the file "LICENSE".

# ::tkleak::Json --
#
#	A JSON value, on one line, with no space between its tokens.
#
# Arguments:
#	kind	string, number, array (args: JSON texts) or object (args:
#		key, JSON text, key, JSON text, ...).
#	args	the value, or the members.
#
# Results:
#	The JSON text. A string has quotes, backslashes and control
#	characters escaped; a number is an integer as given, another real
#	in Tcl's shortest form (2 -> 2, 2.0 -> 2.0), and anything JSON
#	cannot read (infinities, NaN, not a number) is null.

proc ::tkleak::Json {kind args} {
    switch -- $kind {
	string {
	    set s [string map {\" \\\" \\ \\\\ \n \\n \r \\r \t \\t \b \\b \f \\f} \
		[lindex $args 0]]
	    foreach part [lreverse [regexp -all -inline -indices {[\x00-\x1f]} $s]] {
		lassign $part at
		set s [string replace $s $at $at \
		    [format \\u%04x [scan [string index $s $at] %c]]]
	    }
	    return "\"$s\""
	}
	number {
	    set x [lindex $args 0]
	    if {[string is entier -strict $x]} {
		return [expr {$x}]
	    }
	    if {[string is double -strict $x] && ![string match -nocase *n* $x]} {
		return [expr {double($x)}]
	    }
	    return null
	}
	array {
	    return "\[[join $args ,]\]"
	}
	object {
	    set members {}
	    foreach {k v} $args {
		lappend members "[Json string $k]:$v"
	    }
	    return "\{[join $members ,]\}"
	}
    }
    return -code error -errorcode {TKLEAK ARGS} \
	"bad kind \"$kind\": must be string, number, array or object"
}

# ::tkleak::Bytes --
#
#	A size in bytes as format.c's TkleakFormatSignedSize writes it in
#	format_diff's heap line: base 1024, whole bytes up to 1024, then
#	KB, MB, GB, TB, PB or EB with two decimals ("280 B", "1024 B",
#	"14.26 KB"); a fraction of a byte (a rate) is rounded.
#
# Arguments:
#	n	the number of bytes, integer or real.
#	signed	1 for a sign on every size, "+0 B" included, as the heap
#		line has; 0 (the default) for a sign on negative ones only.
#
# Results:
#	The text.

proc ::tkleak::Bytes {n {signed 0}} {
    set mag [expr {abs($n)}]
    set sign [expr {$n < 0 ? "-" : ($signed ? "+" : "")}]
    set degree 0
    while {$mag > 1024.0 && $degree < 6} {
	set mag [expr {$mag / 1024.0}]
	incr degree
    }
    if {$degree == 0} {
	return [format "%s%.0f B" $sign $mag]
    }
    return [format "%s%.2f %s" $sign $mag \
	[lindex {B KB MB GB TB PB EB} $degree]]
}
