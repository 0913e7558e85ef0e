# leaktest.tcl --
#
#	Part of the tkleak package (see tkleak.tcl): automatic leak verdicts
#	for a repeated action. tkleak::leaktest runs a script over and over,
#	takes a census after each run and says which types grow steadily;
#	tkleak::assertNoLeak turns that into a one-line test. The table and
#	JSON forms of a verdict, used by assertNoLeak and tkleak-check, are
#	here too.
#
#	Notes on implementation:
#
#	The verdict rule (Judge) must ignore what a real app does once or a
#	bounded number of times: a cache filled in the first runs, a one-off
#	step, a widget made and destroyed on alternate runs. So a type leaks
#	only when it grows in each third of the run, its values in the last
#	third all lie above those in the first, and its Theil-Sen slope (the
#	median of the slopes between every two censuses, which one step
#	cannot move much) is positive. The man page, section LEAK TESTS,
#	states the rule; the tests in tests/leaktest.test pin it.
#
#	leaktest must not see itself. Its state lives in the locals of its
#	procedures (a census counts no locals) and its commands in ::tkleak
#	(a census leaves ::tkleak out). Its own heap use, the rows it keeps
#	per census, is measured around the bookkeeping and taken off the
#	heap figures.
#
# Copyright (c) 2026 the tkleak developers. See the file "LICENSE".

namespace eval ::tkleak::leaktest {
    # The options and their defaults.
    variable defaults {-heap 0 -iterations 10 -warmup 2}

    # The least and the most each count may be (tkleak(n)): the verdict
    # compares every pair of runs, so its time and memory grow with the
    # square of the iterations.
    variable limits {-iterations {3 1000} -warmup {0 1000}}

    # Heap growth per iteration, in bytes, below which the heap is not
    # judged to leak: malloc and Tcl's object caches move the heap by a
    # few hundred bytes a run in clean scripts.
    variable heapFloor 4096

    # Types that also leak by their bytes alone: a variable leaks by
    # growing as well as by multiplying.
    variable byBytes {variable {array element}}
}

# ::tkleak::leaktest --
#
#	Run SCRIPT at global level, WARMUP times untimed and then ITERATIONS
#	times with a census after each, and judge which types leak.
#
# Arguments:
#	script	the action to repeat; it should leave nothing behind.
#	args	option-value pairs: -iterations N (3 to 1000, default 10),
#		-warmup W (0 to 1000, default 2), -heap BOOL (default 0: the heap
#		is measured but does not count in the verdict).
#
# Results:
#	A dict: leaking 0|1, growth {TYPE rate ...} (only leaking types,
#	objects per iteration), bytes {TYPE rate ...} (the same types,
#	bytes per iteration), heap (bytes per iteration), heapLeaking 0|1
#	(only with -heap 1), orphans (as tkleak::orphans), iterations,
#	warmup, counts {TYPE {c0 c1 ... cN} ...} (every type seen, c0 after
#	the warm-up), sizes (their bytes, likewise), heaps. An error of SCRIPT is raised with its own message,
#	error code and error info; no snapshot is left behind and the
#	recording status is as it was.

proc ::tkleak::leaktest {args} {
    if {[llength $args] % 2 != 1} {
	return -code error -errorcode {TKLEAK USAGE} \
	    "wrong # args: should be \"tkleak::leaktest script\
	    ?-iterations N? ?-warmup W? ?-heap bool?\""
    }
    set script [lindex $args 0]
    set opts [leaktest::Options [lrange $args 1 end]]
    set iterations [dict get $opts -iterations]
    set warmup [dict get $opts -warmup]
    set total [expr {$warmup + $iterations}]

    for {set run 1} {$run <= $warmup} {incr run} {
	leaktest::Run $script $run $total
    }

    # Recording is on during the run, so that a command or image attached
    # and detached within it is known to tkleak::orphans as detached.
    # The cap on kept snapshots is lifted during the run, so that its two
    # snapshots neither push out the user's nor each other.
    set recording [tkleak::record status]
    set cap [tkleak::configure -maxsnapshots]
    set snap [leaktest::SnapshotName tkleak::leaktest]
    set end [leaktest::SnapshotName tkleak::leaktest-end]
    try {
	tkleak::configure -maxsnapshots 0
	if {!$recording} {
	    tkleak::record on
	}
	tkleak::gc
	tkleak::snapshot $snap
	set rows {}
	set heaps {}
	set own 0
	for {set i 0} {$i <= $iterations} {incr i} {
	    if {$i > 0} {
		leaktest::Run $script [expr {$warmup + $i}] $total
	    }
	    set raw [leaktest::Heap]
	    lappend heaps [expr {$raw - $own}]
	    if {$i == 0} {
		set summary [tkleak::summary $snap]
	    } elseif {$i == $iterations} {
		tkleak::snapshot $end
		set summary [tkleak::summary $end]
	    } else {
		set summary [tkleak::summary]
	    }
	    lappend rows [leaktest::Measures $summary]
	    incr own [expr {[leaktest::Heap] - $raw}]
	}
	set orphans [leaktest::Orphans $snap $end]
    } finally {
	foreach name [list $snap $end] {
	    if {$name in [tkleak::snapshots]} {
		tkleak::forget $name
	    }
	}
	if {!$recording} {
	    tkleak::record off
	}
	tkleak::configure -maxsnapshots $cap
    }
    return [leaktest::Verdict $rows $heaps $orphans $opts]
}

# ::tkleak::assertNoLeak --
#
#	tkleak::leaktest for test suites: nothing when SCRIPT does not leak,
#	an error carrying the growth table when it does.
#
# Arguments:
#	script	the action to repeat.
#	args	the options of tkleak::leaktest.
#
# Results:
#	The empty string. A leak is an error whose message is the table of
#	tkleak::leaktest::Format and whose error code is TKLEAK LEAKTEST
#	LEAK followed by the leaking types (and "heap" when the heap leaks).

proc ::tkleak::assertNoLeak {args} {
    if {[llength $args] % 2 != 1} {
	return -code error -errorcode {TKLEAK USAGE} \
	    "wrong # args: should be \"tkleak::assertNoLeak script\
	    ?-iterations N? ?-warmup W? ?-heap bool?\""
    }
    set result [tkleak::leaktest {*}$args]
    if {![dict get $result leaking]} {
	return
    }
    set what [dict keys [dict get $result growth]]
    if {[dict exists $result heapLeaking] && [dict get $result heapLeaking]} {
	lappend what heap
    }
    return -code error -errorcode [list TKLEAK LEAKTEST LEAK {*}$what] \
	[leaktest::Format $result]
}

# ::tkleak::leaktest::Options --
#
#	Check leaktest's options, all before anything runs.
#
# Arguments:
#	optlist	option-value pairs.
#
# Results:
#	The options merged over the defaults, with canonical names and
#	values (-heap 0 or 1). A bad option or value is an error TKLEAK
#	LEAKTEST OPTION|VALUE option.

proc ::tkleak::leaktest::Options {optlist} {
    variable defaults
    variable limits
    set opts $defaults
    foreach {option value} $optlist {
	set name [::tkleak::Match option [dict keys $defaults] $option \
	    LEAKTEST OPTION $option]
	switch -- $name {
	    -iterations - -warmup {
		lassign [dict get $limits $name] min max
		dict set opts $name [::tkleak::Bounded $value $min $max \
		    [list LEAKTEST VALUE $name] "an integer" $name]
	    }
	    -heap {
		if {![string is boolean -strict $value]} {
		    return -code error \
			-errorcode [list TKLEAK LEAKTEST VALUE $name] \
			"expected a boolean for $name but got \"$value\""
		}
		dict set opts $name [expr {$value ? 1 : 0}]
	    }
	}
    }
    return $opts
}

# ::tkleak::leaktest::Run --
#
#	Evaluate the script once at global level, then process pending
#	events, as the app's event loop would after an action, so that work
#	deferred with "after idle" is done before the census.
#
# Arguments:
#	script	the script.
#	run	which run this is, from 1, and
#	total	how many there are, for the error info.
#
# Results:
#	None. An error of the script is re-raised with its message, error
#	code and error info, the frames of leaktest left out; "break" and
#	"continue" are errors TKLEAK LEAKTEST CODE.

proc ::tkleak::leaktest::Run {script run total} {
    set code [catch {uplevel #0 $script} msg opts]
    if {$code == 1} {
	set info [dict get $opts -errorinfo]
	set where "script of tkleak::leaktest"
	if {[regexp -indices {\n    \("uplevel" body line (\d+)\)\n    invoked\
		from within\n"uplevel #0 \$script"$} $info tail line]} {
	    append where " line [string range $info {*}$line]"
	    set info [string range $info 0 [lindex $tail 0]-1]
	}
	append info "\n    ($where, run $run of $total)"
	return -code error -errorcode [dict get $opts -errorcode] \
	    -errorinfo $info $msg
    }
    if {$code == 3 || $code == 4} {
	set word [expr {$code == 3 ? "break" : "continue"}]
	return -code error -errorcode [list TKLEAK LEAKTEST CODE $word] \
	    "the script of tkleak::leaktest invoked \"$word\" outside of a\
	    loop (run $run of $total)"
    }
    # In a tkinter app, what the action left in reference cycles holds
    # Tcl variables, images and commands until Python's collector runs:
    # collect it now, so that every census sees only what the app keeps.
    tkleak::gc
    update
}

# ::tkleak::leaktest::SnapshotName --
#
#	A snapshot name no one uses.
#
# Arguments:
#	base	the name wanted.
#
# Results:
#	BASE, with a number added when that is taken.

proc ::tkleak::leaktest::SnapshotName {base} {
    set taken [tkleak::snapshots]
    set name $base
    for {set n 2} {$name in $taken} {incr n} {
	set name $base$n
    }
    return $name
}

# ::tkleak::leaktest::Orphans --
#
#	The orphans made during the run. Only an object that is new at the
#	end can be one, so tkleak::orphans, which indexes every slot of the
#	app (about 120 ms for 120k objects), runs only when some command,
#	TclOO object, image or menu is.
#
# Arguments:
#	snap	the snapshot taken before the first iteration, and
#	end	the one taken after the last.
#
# Results:
#	A list as from tkleak::orphans -since SNAP.

proc ::tkleak::leaktest::Orphans {snap end} {
    foreach type [dict keys [tkleak::summary $end]] {
	if {[regexp {^(command|object|image) |^widget Menu$} $type]
		&& [llength [tkleak::new $type $snap $end]]} {
	    return [tkleak::orphans -since $snap]
	}
    }
    return {}
}

# ::tkleak::leaktest::Heap --
#
#	Bytes in use by malloc now.

proc ::tkleak::leaktest::Heap {} {
    dict get [tkleak::heap] heap
}

# ::tkleak::leaktest::Measures --
#
#	The figures judged for each type of a census.
#
# Arguments:
#	summary	a dict TYPE -> {count N bytes B} from tkleak::summary.
#
# Results:
#	A dict TYPE -> {N B}.

proc ::tkleak::leaktest::Measures {summary} {
    dict map {type cell} $summary {
	list [dict get $cell count] [dict get $cell bytes]
    }
}

# ::tkleak::leaktest::Verdict --
#
#	Judge every type and the heap and build leaktest's result.
#
# Arguments:
#	rows	one Measures dict per census, the first after the warm-up.
#	heaps	the heap bytes at each census, leaktest's own use taken off.
#	orphans	the orphans of the run.
#	opts	the checked options.
#
# Results:
#	The result dict of tkleak::leaktest.

proc ::tkleak::leaktest::Verdict {rows heaps orphans opts} {
    variable heapFloor
    set types {}
    foreach row $rows {
	lappend types {*}[dict keys $row]
    }
    variable byBytes
    set counts {}
    set sizes {}
    set growth {}
    set bytes {}
    foreach type [lsort -unique $types] {
	set series {}
	set bseries {}
	foreach row $rows {
	    lassign [expr {[dict exists $row $type]
		? [dict get $row $type] : {0 0}}] n b
	    lappend series $n
	    lappend bseries $b
	}
	dict set counts $type $series
	dict set sizes $type $bseries
	# Judge, with the slope (quadratic in N) only for series that pass
	# the linear tests. A type leaks by its count, or, for the types of
	# byBytes, by its bytes alone; its objects and its bytes per
	# iteration are reported apart.
	set rate 0.0
	set leaks 0
	if {[Steady $series]} {
	    set rate [TheilSen $series]
	    set leaks [expr {$rate > 0}]
	}
	if {$leaks || ($type in $byBytes && [lindex [Judge $bseries] 0])} {
	    dict set growth $type $rate
	    dict set bytes $type [TheilSen $bseries]
	}
    }
    lassign [Judge $heaps] heapGrows heapRate
    set leaking [expr {[dict size $growth] > 0}]
    set result [list leaking $leaking growth $growth bytes $bytes \
	heap $heapRate]
    if {[dict get $opts -heap]} {
	set heapLeaking [expr {$heapGrows && $heapRate >= $heapFloor}]
	dict set result heapLeaking $heapLeaking
	dict set result leaking [expr {$leaking || $heapLeaking}]
    }
    dict set result orphans $orphans
    dict set result iterations [dict get $opts -iterations]
    dict set result warmup [dict get $opts -warmup]
    dict set result counts $counts
    dict set result sizes $sizes
    dict set result heaps $heaps
    return $result
}

# ::tkleak::leaktest::Judge --
#
#	The verdict rule on one series of figures. Interpreter-free: it
#	reads nothing but its argument.
#
# Arguments:
#	series	the figures c0 ... cN (N >= 3), one per census.
#
# Results:
#	A list {leaks rate}: leaks is 1 when the series grows steadily (each
#	third of the run ends higher than it began, at the censuses
#	round(N/3) and round(2N/3); every figure of the last third, from
#	round(2N/3) on, is above every figure of the first, up to
#	round(N/3); and rate > 0); rate is the Theil-Sen slope, the median
#	of (cj - ci) / (j - i) over all i < j, as a double.

proc ::tkleak::leaktest::Judge {series} {
    set rate [TheilSen $series]
    list [expr {[Steady $series] && $rate > 0}] $rate
}

# ::tkleak::leaktest::Steady --
#
#	The first two tests of Judge: the series rises over each third and
#	its last third lies above its first.
#
# Arguments:
#	series	the figures c0 ... cN (N >= 3).
#
# Results:
#	1 or 0.

proc ::tkleak::leaktest::Steady {series} {
    set n [expr {[llength $series] - 1}]
    set b1 [expr {round($n / 3.0)}]
    set b2 [expr {round(2 * $n / 3.0)}]
    set ends [lmap i [list 0 $b1 $b2 $n] {lindex $series $i}]
    expr {[lindex $ends 0] < [lindex $ends 1]
	&& [lindex $ends 1] < [lindex $ends 2]
	&& [lindex $ends 2] < [lindex $ends 3]
	&& [tcl::mathfunc::max {*}[lrange $series 0 $b1]]
	    < [tcl::mathfunc::min {*}[lrange $series $b2 end]]}
}

# ::tkleak::leaktest::TheilSen --
#
#	The median of the pairwise slopes of a series.
#
# Arguments:
#	series	at least two figures, at x = 0, 1, ...
#
# Results:
#	A double; the mean of the middle two for an even number of pairs.

proc ::tkleak::leaktest::TheilSen {series} {
    set slopes {}
    set n [llength $series]
    for {set i 0} {$i < $n - 1} {incr i} {
	set ci [lindex $series $i]
	for {set j [expr {$i + 1}]} {$j < $n} {incr j} {
	    lappend slopes [expr {double([lindex $series $j] - $ci) / ($j - $i)}]
	}
    }
    set slopes [lsort -real $slopes]
    set m [llength $slopes]
    set mid [expr {$m / 2}]
    if {$m % 2} {
	return [lindex $slopes $mid]
    }
    return [expr {([lindex $slopes $mid-1] + [lindex $slopes $mid]) / 2.0}]
}

# ::tkleak::leaktest::Format --
#
#	A leaktest result as text: a first line with the verdict, then for a
#	leak the table of growing types, one row each, largest rate first,
#	the heap line and the orphans.
#
# Arguments:
#	result	a dict from tkleak::leaktest.
#
# Results:
#	The text, without a final newline.

proc ::tkleak::leaktest::Format {result} {
    set n [dict get $result iterations]
    set w [dict get $result warmup]
    set growth [dict get $result growth]
    set heapLeaking [expr {[dict exists $result heapLeaking]
	&& [dict get $result heapLeaking]}]
    set runs "$n iterations after $w warm-up [expr {$w == 1 ? "run" : "runs"}]"
    if {![dict get $result leaking]} {
	set lines [list "no leak: $runs"]
    } else {
	set what [expr {[dict size $growth] == 1 ? "type grows" : "types grow"}]
	set lines [list "leak: [dict size $growth] $what steadily over $runs"]
    }
    if {[dict size $growth]} {
	set head [list types "per iteration" "over the run" "bytes per iteration"]
	set rows {}
	foreach {type rate} [lsort -stride 2 -index 1 -real -decreasing $growth] {
	    set series [dict get $result counts $type]
	    set brate [expr {[dict exists $result bytes $type]
		? [dict get $result bytes $type] : 0}]
	    lappend rows [list $type [format %.2f $rate] \
		[format %+d [expr {[lindex $series end] - [lindex $series 0]}]] \
		[::tkleak::Bytes $brate 1]]
	}
	set widths {}
	foreach h $head {
	    lappend widths [string length $h]
	}
	foreach row $rows {
	    set widths [lmap cell $row width $widths {
		expr {max($width, [string length $cell])}
	    }]
	}
	foreach row [list $head {*}$rows] {
	    lappend lines [join [lmap cell $row width $widths {
		format %*s $width $cell
	    }] " | "]
	    if {$row eq $head} {
		lappend lines [join [lmap width $widths {
		    string repeat = $width
		}] " | "]
	    }
	}
    }
    set heapLine [format "heap: %s per iteration" \
	[::tkleak::Bytes [dict get $result heap] 1]]
    if {$heapLeaking} {
	append heapLine " (leaking)"
    }
    lappend lines $heapLine
    foreach o [dict get $result orphans] {
	lappend lines [format "orphan: %s (%s, %s)" [dict get $o name] \
	    [dict get $o type] [dict get $o reason]]
    }
    join $lines \n
}

# ::tkleak::leaktest::Json --
#
#	A leaktest result as a JSON object, for CI tools.
#
# Arguments:
#	result	a dict from tkleak::leaktest.
#
# Results:
#	One line of JSON: the keys of the dict in the same order, 0/1 flags
#	as true/false, rates as numbers, orphans as objects (an empty
#	"last" as null).

proc ::tkleak::leaktest::Json {result} {
    set fields {}
    dict for {key value} $result {
	switch -- $key {
	    leaking - heapLeaking {
		set json [expr {$value ? "true" : "false"}]
	    }
	    growth - bytes {
		set json [::tkleak::Json object {*}[dict map {k v} $value {
		    ::tkleak::Json number [Real $v]
		}]]
	    }
	    heap {
		set json [::tkleak::Json number [Real $value]]
	    }
	    counts - sizes {
		set json [::tkleak::Json object {*}[dict map {k v} $value {
		    ::tkleak::Json array {*}$v
		}]]
	    }
	    heaps {
		set json [::tkleak::Json array {*}$value]
	    }
	    orphans {
		set items {}
		foreach o $value {
		    set last [dict get $o last]
		    lappend items [::tkleak::Json object \
			name [::tkleak::Json string [dict get $o name]] \
			type [::tkleak::Json string [dict get $o type]] \
			reason [::tkleak::Json string [dict get $o reason]] \
			last [expr {[dict size $last] == 0 ? "null"
			    : [::tkleak::Json object {*}[dict map {k v} $last {
				::tkleak::Json string $v
			    }]]}] \
			retains [::tkleak::Json object {*}[dict get $o retains]]]
		}
		set json [::tkleak::Json array {*}$items]
	    }
	    default {
		set json $value
	    }
	}
	lappend fields $key $json
    }
    ::tkleak::Json object {*}$fields
}

# ::tkleak::leaktest::Real --
#
#	A rate as a real, so that JSON shows 2.0 for a rate of 2: rates are
#	reals even when whole. Anything not a number is given back as it is
#	(and Json writes it as null).

proc ::tkleak::leaktest::Real {x} {
    if {[string is double -strict $x] && ![string match -nocase *n* $x]} {
	return [expr {double($x)}]
    }
    return $x
}
