# bench.tcl --
#
#	The tkleak benchmark, run under wish by run.sh ("make bench"). In
#	one run it builds the synthetic app of app.tcl (about 120,000
#	objects) and measures: the snapshot time on the private and the
#	public walk, the diff time between two kept snapshots, the bytes a
#	kept snapshot costs per object, the plain-Tcl census of plain.tcl
#	and its ratio to tkleak, and, through grow.tcl in a process of its
#	own, how the snapshot time grows with 10k, 100k and 1M procs in one
#	namespace, and through afters.tcl how it grows with pending after
#	events (issue 16). Then references and orphans (issue 3): tkleak::refs,
#	tkleak::orphans with recording off and on, the plain-Tcl orphan
#	finder of plainrefs.tcl and its ratio to tkleak, the cost of live
#	recording on the attach loop of attach.tcl (without and with
#	origins; and, as a diagnostic, in a steady state), the query-time
#	cost recording defers (tkleak::orphans right after the loop folds
#	its logged attachments), and
#	tkleak::orphans again once every button and menu entry calls a proc
#	of its own. It
#	prints markdown tables, each figure beside its target.
#
#	Usage: wish bench.tcl ?-runs N? ?-keep N? ?-grow {N ...}?
#		?-leak N? ?-attach N?
#
#	Times are medians of N runs after one untimed warm-up run, taken
#	with "clock microseconds" around the command alone (forgetting a
#	snapshot is outside the timed part); the range of the N runs is
#	printed beside the median.
#
# Copyright (c) 2026 the tkleak developers. See the file "LICENSE".

namespace eval ::bench {
    variable dir [file dirname [file normalize [info script]]]
    variable options {
	-runs 7 -keep 5 -grow {0 10000 100000 1000000} -leak 20 -attach 2000
    }

    # The targets of the benchmark.
    variable targetSnapshotMs 25.0
    variable targetRatio 5.0
    variable targetBytes 100.0
    variable targetLinear 1.5
    variable targetOrphansMs 200.0
    variable targetOrphansRecordMs 10.0
    variable targetRecordPercent 10.0
    variable targetAfterRatio 6.0
}

source [file join $::bench::dir app.tcl]
source [file join $::bench::dir plain.tcl]
source [file join $::bench::dir plainrefs.tcl]
source [file join $::bench::dir attach.tcl]

# What exists before tkleak is loaded is what tkleak::orphans leaves out
# by default (the census taken at package load): the plain orphan finder
# leaves out the same.
::bench::plainrefs::mark
package require tkleak

# ::bench::Median --
#
#	The median of a list of numbers (the mean of the middle two for an
#	even count).
#
# Arguments:
#	values	a non-empty list of numbers.

proc ::bench::Median {values} {
    set sorted [lsort -real $values]
    set n [llength $sorted]
    set mid [expr {$n / 2}]
    if {$n % 2} {
	return [lindex $sorted $mid]
    }
    return [expr {([lindex $sorted $mid-1] + [lindex $sorted $mid]) / 2.0}]
}

# ::bench::Time --
#
#	Run SCRIPT in the caller's context RUNS times after one warm-up run,
#	running CLEANUP (untimed) after each.
#
# Arguments:
#	runs	how many timed runs.
#	script	the script to time.
#	cleanup	a script run after each run, outside the timing; the
#		result of SCRIPT is in the caller's variable "result".
#
# Results:
#	The list of times in microseconds, in run order.

proc ::bench::Time {runs script {cleanup {}}} {
    set times {}
    for {set i 0} {$i <= $runs} {incr i} {
	set t0 [clock microseconds]
	set r [uplevel 1 $script]
	set t [expr {[clock microseconds] - $t0}]
	if {$i > 0} {
	    lappend times $t
	}
	uplevel 1 [list set result $r]
	uplevel 1 $cleanup
    }
    return $times
}

# ::bench::OffOn --
#
#	Time SCRIPT with live recording off and on, in pairs whose order
#	alternates (off then on, on then off), after one untimed pair, so
#	that drift over the run falls on both alike. Recording is off
#	again after each timed run, and pending idle work is done.
#
# Arguments:
#	runs	how many timed pairs.
#	script	the script to time, run in the caller's context.
#
# Results:
#	A dict: "off" and "on", the lists of times in microseconds;
#	"record", the times "tkleak::record on" took before the timed "on"
#	runs; "result off" and "result on", the last result of each.

proc ::bench::OffOn {runs script} {
    set times [dict create off {} on {} record {}]
    for {set i 0} {$i <= $runs} {incr i} {
	foreach mode [expr {$i % 2 ? {on off} : {off on}}] {
	    set t0 [clock microseconds]
	    tkleak::record $mode
	    set tr [expr {[clock microseconds] - $t0}]
	    set t0 [clock microseconds]
	    set r [uplevel 1 $script]
	    set t [expr {[clock microseconds] - $t0}]
	    tkleak::record off
	    update idletasks
	    dict set times "result $mode" $r
	    if {$i > 0} {
		dict lappend times $mode $t
		if {$mode eq "on"} {
		    dict lappend times record $tr
		}
	    }
	}
    }
    return $times
}

# ::bench::Ms --
#
#	"median ms (min-max)" for a list of times in microseconds.
#
# Arguments:
#	times	the times.

proc ::bench::Ms {times} {
    format "%.1f ms (%.1f-%.1f)" [expr {[Median $times] / 1000.0}] \
	    [expr {[tcl::mathfunc::min {*}$times] / 1000.0}] \
	    [expr {[tcl::mathfunc::max {*}$times] / 1000.0}]
}

# ::bench::Objects --
#
#	The number of objects in a tkleak summary.
#
# Arguments:
#	summary	a dict TYPE -> {count N bytes B} from tkleak::summary.

proc ::bench::Objects {summary} {
    set n 0
    dict for {type row} $summary {
	incr n [dict get $row count]
    }
    return $n
}

# ::bench::Verdict --
#
#	"met" or "NOT met (...x off)" for a figure against a target.
#
# Arguments:
#	value	the figure.
#	target	the target.
#	dir	"max" when the figure must be at most the target, "min"
#		when at least.

proc ::bench::Verdict {value target dir} {
    if {($dir eq "max" && $value <= $target)
	    || ($dir eq "min" && $value >= $target)} {
	return met
    }
    if {$dir eq "max"} {
	set by [expr {$value / double($target)}]
    } else {
	set by [expr {$target / double($value)}]
    }
    return [format "NOT met (%.2fx off)" $by]
}

# ::bench::Leak --
#
#	The shape of Python 2.4's Tkinter.Menu.delete leak, for orphans to
#	find: N procs ::benchleak::wakeupI, each the -command of an entry
#	of the menu .benchleak. The caller takes a look (tkleak::refs) and
#	then deletes the entries, which leaves the procs detached.
#
# Arguments:
#	n	the number of procs and entries.

proc ::bench::Leak {n} {
    namespace eval ::benchleak {}
    menu .benchleak -tearoff 0
    for {set i 0} {$i < $n} {incr i} {
	proc ::benchleak::wakeup$i {} {}
	.benchleak add command -label "window $i" \
		-command ::benchleak::wakeup$i
    }
}

# ::bench::Orphans --
#
#	An orphan list with each orphan cut down to name, type, reason and
#	last referrer (what both orphan finders report), for comparing them.
#
# Arguments:
#	orphans	a list of dicts from tkleak::orphans or plainrefs::orphans.

proc ::bench::Orphans {orphans} {
    set result {}
    foreach orphan $orphans {
	set row {}
	foreach key {name type reason last} {
	    lappend row [dict get $orphan $key]
	}
	lappend result $row
    }
    return $result
}

# ::bench::Machine --
#
#	One line on the system, CPUs and Tcl/Tk the figures were taken on.
#
# Arguments:
#	none.

proc ::bench::Machine {} {
    if {[catch {exec uname -srm} system]} {
	set system $::tcl_platform(os)
    }
    if {[catch {exec nproc} cores]} {
	set cores ?
    }
    return "Tcl [info patchlevel], Tk [package present Tk], $system,\
	    $cores cores"
}

# ::bench::main --
#
#	Run the benchmark and print its tables.
#
# Arguments:
#	argv	option-value pairs: -runs, -keep, -grow.

proc ::bench::main {argv} {
    variable dir
    variable options
    variable targetSnapshotMs
    variable targetRatio
    variable targetBytes
    variable targetLinear
    variable targetOrphansMs
    variable targetOrphansRecordMs
    variable targetRecordPercent
    variable targetAfterRatio

    set opts [dict merge $options $argv]
    set runs [dict get $opts -runs]
    set keep [dict get $opts -keep]
    wm withdraw .

    set app [app::build]
    set objects [Objects [tkleak::summary]]

    # Snapshots on the private walk (the default when it is usable).
    set walk [tkleak::configure -walk]
    set snap [Time $runs {tkleak::snapshot} {tkleak::forget $result}]
    set snapUs [Median $snap]

    # Diff between two kept snapshots.
    tkleak::snapshot bench_a
    tkleak::snapshot bench_b
    set diff [Time $runs {tkleak::diff bench_a bench_b}]

    # Identities of one type between the same two: the first call sorts
    # each snapshot's identities of the type, later calls find them sorted.
    set newType "command proc"
    set newCount [dict get [tkleak::summary bench_a] $newType count]
    set t0 [clock microseconds]
    tkleak::new $newType bench_a bench_b
    set newFirst [expr {[clock microseconds] - $t0}]
    set newLater [Time $runs {tkleak::new $newType bench_a bench_b}]
    tkleak::forget bench_a
    tkleak::forget bench_b

    # Bytes kept: heap growth over KEEP kept snapshots.
    set heap0 [dict get [tkleak::heap] heap]
    for {set i 0} {$i < $keep} {incr i} {
	tkleak::snapshot bench_k$i
    }
    set heap1 [dict get [tkleak::heap] heap]
    for {set i 0} {$i < $keep} {incr i} {
	tkleak::forget bench_k$i
    }
    set perSnap [expr {($heap1 - $heap0) / double($keep)}]
    set perObject [expr {$perSnap / $objects}]

    # The plain-Tcl census, as briefed (identities only), then learning
    # kinds and sizes too.
    set plain [Time $runs {plain::census}]
    set plainObjects [plain::count [plain::census]]
    set ratio [expr {[Median $plain] / double($snapUs)}]
    set full [Time $runs {plain::census bytes}]
    set fullRatio [expr {[Median $full] / double($snapUs)}]

    # The private walk again, now that the plain runs have churned
    # Tcl's object allocator.
    set again [Time $runs {tkleak::snapshot} {tkleak::forget $result}]

    # The public walk.
    tkleak::configure -walk public
    set publicObjects [Objects [tkleak::summary]]
    set public [Time $runs {tkleak::snapshot} {tkleak::forget $result}]
    tkleak::configure -walk $walk

    # References and orphans, on the app plus the Menu.delete leak. The
    # look that sees the entries name the procs is tkleak::refs (timed)
    # and the plain finder's refs; then the entries go.
    set leak [dict get $opts -leak]
    Leak $leak
    set refsObjects [Objects [tkleak::summary]]
    set refsName ::benchleak::wakeup0
    set refsTimes [Time $runs {tkleak::refs $refsName}]
    set refsResult $result
    set refsSame [expr {$refsResult eq [plainrefs::refs $refsName]}]
    .benchleak delete 0 end

    # tkleak::orphans with recording off (a census and a full slot scan)
    # and on, then the plain finder.
    set orphTimes [OffOn $runs {tkleak::orphans}]
    set orph [dict get $orphTimes off]
    set orphRecord [dict get $orphTimes on]
    set orphResult [Orphans [dict get $orphTimes "result off"]]
    set orphRecordSame [expr {
	[Orphans [dict get $orphTimes "result on"]] eq $orphResult}]
    set plainOrph [Time $runs {plainrefs::orphans}]
    set orphSame [expr {$orphResult eq [Orphans $result]}]
    set orphRatio [expr {[Median $plainOrph] / double([Median $orph])}]

    # The cost of recording: the attach loop with recording off and on.
    set attachN [dict get $opts -attach]
    attach::setup
    # Recording with origins (the default: a stack per attachment, issue
    # 7) and without (-origins 0: the attachments alone, issue 3).
    set attachTimes [OffOn $runs {attach::run $attachN}]
    tkleak::configure -origins 0
    set attachNoOrig [OffOn $runs {attach::run $attachN}]
    tkleak::configure -origins 1
    set attachOff [Median [concat [dict get $attachTimes off] \
	[dict get $attachNoOrig off]]]
    set attachOn [Median [dict get $attachTimes on]]
    set attachOnNoOrig [Median [dict get $attachNoOrig on]]
    set overhead [expr {($attachOnNoOrig - $attachOff) * 100.0 / $attachOff}]
    set overheadOrig [expr {($attachOn - $attachOff) * 100.0 / $attachOff}]
    set recordOn [concat [dict get $orphTimes record] \
	    [dict get $attachTimes record]]

    # What recording defers: the attach loop's log is folded into the
    # tables by the first question asked after it. tkleak::orphans
    # right after the loop, with recording on (with origins), against
    # tkleak::orphans asked again at once (nothing left to fold).
    set foldTimes {}
    set foldAgain {}
    for {set i 0} {$i <= $runs} {incr i} {
	tkleak::record on
	attach::run $attachN
	set t0 [clock microseconds]
	set foldResult [tkleak::orphans]
	set t1 [clock microseconds]
	tkleak::orphans
	set t2 [clock microseconds]
	tkleak::record off
	update idletasks
	if {$i > 0} {
	    lappend foldTimes [expr {$t1 - $t0}]
	    lappend foldAgain [expr {$t2 - $t1}]
	}
    }
    set foldSame [expr {[Orphans $foldResult] eq $orphResult}]

    # The same overheads in a steady state: in bench::OffOn each "on"
    # run comes right after "record on" (a census of the whole app), each
    # "off" run after nothing. Here each timed run, off, on without
    # origins or on with them, comes after an untimed run of the loop in
    # the same mode, the three in rotating order.
    set warm [dict create off {} on0 {} on1 {}]
    set modes {off on0 on1}
    for {set i 0} {$i <= $runs} {incr i} {
	foreach mode [concat [lrange $modes [expr {$i % 3}] end] \
		[lrange $modes 0 [expr {$i % 3 - 1}]]] {
	    if {$mode ne "off"} {
		tkleak::configure -origins [string index $mode 2]
		tkleak::record on
	    }
	    attach::run $attachN
	    set t0 [clock microseconds]
	    attach::run $attachN
	    set t [expr {[clock microseconds] - $t0}]
	    tkleak::record off
	    tkleak::configure -origins 1
	    update idletasks
	    if {$i > 0} {
		dict lappend warm $mode $t
	    }
	}
    }
    set warmOff [Median [dict get $warm off]]
    set warmOverhead0 [expr {([Median [dict get $warm on0]] - $warmOff) \
	    * 100.0 / $warmOff}]
    set warmOverhead1 [expr {([Median [dict get $warm on1]] - $warmOff) \
	    * 100.0 / $warmOff}]

    # tkleak::orphans again, off and on, once every button and entry has
    # a callback proc of its own: recording's check grows with the
    # objects slots name, and the app's "set" scripts name only one.
    set ownProcs [app::callbacks]
    set ownTimes [OffOn $runs {tkleak::orphans}]
    set ownSame [expr {
	[Orphans [dict get $ownTimes "result off"]] eq $orphResult
	&& [Orphans [dict get $ownTimes "result on"]] eq $orphResult}]

    # Growth with procs in one namespace, in a fresh process.
    set grow [exec [info nameofexecutable] [file join $dir grow.tcl] \
	    -runs $runs -sizes [dict get $opts -grow]]
    set growRows {}
    set slopes {}
    set prev {}
    foreach row $grow {
	lassign $row n o us
	set slope ""
	if {$prev ne ""} {
	    lassign $prev pn po pus
	    set slope [expr {($us - $pus) * 1000.0 / ($o - $po)}]
	    if {$pn > 0} {
		lappend slopes $slope
	    }
	}
	lappend growRows [list $n $o $us [expr {$us * 1000.0 / $o}] $slope]
	set prev $row
    }
    set spread [expr {[llength $slopes]
	    ? [tcl::mathfunc::max {*}$slopes] / [tcl::mathfunc::min {*}$slopes]
	    : 1.0}]

    # Pending after events (issue 16), in a fresh process each: the
    # private walk at 5,000 and 20,000, the public one (asking "after
    # info ID" of each) at 2,500 and 5,000 only, as it is quadratic.
    set afters [exec [info nameofexecutable] [file join $dir afters.tcl] \
	    -runs $runs -sizes {5000 20000} -walk $walk]
    set aftersPublic [exec [info nameofexecutable] \
	    [file join $dir afters.tcl] -runs 3 -sizes {2500 5000} -walk public]
    set afterRatio [expr {[lindex $afters 1 2] / double([lindex $afters 0 2])}]

    set snapMs [expr {$snapUs / 1000.0}]
    puts "## tkleak benchmark"
    puts ""
    puts "[Machine]. Times: median of $runs runs after a warm-up run\
	    (min-max)."
    puts [format "App: %d objects by tkleak (%d by the plain census),\
	    built in %.2f s." $objects $plainObjects [dict get $app seconds]]
    puts ""
    puts "| measure | figure | target | verdict |"
    puts "|---|---|---|---|"
    puts [format "| snapshot, %s walk | %s, %.0f ns/object | <= %.0f ms |\
	    %s |" $walk [Ms $snap] [expr {$snapUs * 1000.0 / $objects}] \
	    $targetSnapshotMs [Verdict $snapMs $targetSnapshotMs max]]
    puts [format "| diff of two kept snapshots | %.1f us | - | - |" \
	    [Median $diff]]
    puts [format "| new \"%s\" (%d ids) between them, first call |\
	    %.1f ms | - | - |" $newType $newCount [expr {$newFirst / 1000.0}]]
    puts [format "| new \"%s\", later calls | %.1f ms | - | - |" \
	    $newType [expr {[Median $newLater] / 1000.0}]]
    puts [format "| bytes kept per object | %.1f B (%.2f MB a snapshot) |\
	    <= %.0f B | %s |" $perObject [expr {$perSnap / 1048576.0}] \
	    $targetBytes [Verdict $perObject $targetBytes max]]
    puts "| plain-Tcl census, identities | [Ms $plain] | - | - |"
    puts [format "| plain / tkleak | %.1fx | >= %.0fx | %s |" $ratio \
	    $targetRatio [Verdict $ratio $targetRatio min]]
    puts "| plain-Tcl census, kinds and sizes too | [Ms $full] | - | - |"
    puts [format "| plain (kinds and sizes) / tkleak | %.1fx | >= %.0fx |\
	    %s |" $fullRatio $targetRatio [Verdict $fullRatio $targetRatio min]]
    puts "| snapshot, $walk walk, after the plain runs | [Ms $again] |\
	    - | - |"
    puts "| snapshot, public walk ($publicObjects objects) | [Ms $public] |\
	    - | - |"
    puts [format "| growth: marginal ns/object, largest / smallest | %.2f |\
	    <= %.1f | %s |" $spread $targetLinear \
	    [Verdict $spread $targetLinear max]]
    puts ""
    puts "Growth: N procs in one namespace of a child interpreter without\
	    Tk, in a fresh wish process (median of $runs\
	    runs). Marginal: the added time over the added objects since the\
	    row above; the verdict compares the marginal costs from 10k on\
	    (the rows after the first non-empty one)."
    puts ""
    puts "| procs | objects | snapshot | ns/object | marginal ns/object |"
    puts "|---|---|---|---|---|"
    foreach row $growRows {
	lassign $row n o us ns slope
	puts [format "| %d | %d | %.2f ms | %.0f | %s |" $n $o \
		[expr {$us / 1000.0}] $ns \
		[expr {$slope eq "" ? "-" : [format %.0f $slope]}]]
    }
    puts ""
    puts "Pending after events (issue 16): N timers made in a child\
	    interpreter without Tk, in a fresh wish process; snapshot time,\
	    median of $runs runs ($walk walk) and of 3 (public walk)."
    puts ""
    puts "| after events | objects | snapshot, $walk walk | ns/event |\
	    snapshot, public walk |"
    puts "|---|---|---|---|---|"
    foreach n {2500 5000 20000} {
	set priv [lsearch -inline -index 0 $afters $n]
	set pub [lsearch -inline -index 0 $aftersPublic $n]
	set row [expr {$priv ne "" ? $priv : $pub}]
	puts [format "| %d | %d | %s | %s | %s |" $n [lindex $row 1] \
		[expr {$priv eq "" ? "-"
		    : [format "%.2f ms" [expr {[lindex $priv 2] / 1000.0}]]}] \
		[expr {$priv eq "" ? "-"
		    : [format %.0f [expr {[lindex $priv 2] * 1000.0 / $n}]]}] \
		[expr {$pub eq "" ? "-"
		    : [format "%.1f ms" [expr {[lindex $pub 2] / 1000.0}]]}]]
    }
    puts ""
    puts "| measure | figure | target | verdict |"
    puts "|---|---|---|---|"
    puts [format "| snapshot with 20,000 after events / with 5,000 |\
	    %.1fx | <= %.0fx | %s |" $afterRatio $targetAfterRatio \
	    [Verdict $afterRatio $targetAfterRatio max]]
    puts ""
    puts "## References and orphans (issue 3)"
    puts ""
    puts "The app above plus the Menu.delete leak: $leak procs, each the\
	    -command of an entry of one menu, seen by a look (tkleak::refs),\
	    then the entries deleted. $refsObjects objects by tkleak.\
	    Orphans found: [llength $orphResult], the plain finder's the\
	    same: [expr {$orphSame ? "yes" : "NO"}]."
    puts ""
    puts "| measure | figure | target | verdict |"
    puts "|---|---|---|---|"
    set orphMs [expr {[Median $orph] / 1000.0}]
    puts [format "| orphans, recording off (census and full slot scan) |\
	    %s | <= %.0f ms | %s |" [Ms $orph] $targetOrphansMs \
	    [Verdict $orphMs $targetOrphansMs max]]
    puts "| plain-Tcl orphan finder, same work | [Ms $plainOrph] | - | - |"
    puts [format "| plain / tkleak::orphans | %.1fx | report | - |" \
	    $orphRatio]
    set orphRecordMs [expr {[Median $orphRecord] / 1000.0}]
    puts [format "| orphans, recording on%s | %s | <= %.0f ms | %s |" \
	    [expr {$orphRecordSame ? "" : " (OTHER RESULT)"}] \
	    [Ms $orphRecord] $targetOrphansRecordMs \
	    [Verdict $orphRecordMs $targetOrphansRecordMs max]]
    puts [format "| refs %s (%d referrer%s, plain finder agrees: %s) |\
	    %s | - | - |" $refsName [llength $refsResult] \
	    [expr {[llength $refsResult] == 1 ? "" : "s"}] \
	    [expr {$refsSame ? "yes" : "NO"}] [Ms $refsTimes]]
    puts "| attach loop ($attachN iterations), recording off |\
	    [Ms [dict get $attachTimes off]] | - | - |"
    puts "| attach loop, recording on, -origins 0 |\
	    [Ms [dict get $attachNoOrig on]] | - | - |"
    puts "| attach loop, recording on with origins (default) |\
	    [Ms [dict get $attachTimes on]] | - | - |"
    puts [format "| recording overhead on the attach loop, -origins 0 |\
	    %+.1f%% | <= %.0f%% | %s |" $overhead $targetRecordPercent \
	    [Verdict [expr {max($overhead, 0.0)}] $targetRecordPercent max]]
    puts [format "| recording overhead with origins (issue 7) |\
	    %+.1f%% | <= 20%% | %s |" $overheadOrig \
	    [Verdict [expr {max($overheadOrig, 0.0)}] 20 max]]
    puts [format "| orphans right after the attach loop, recording on: folds\
	    the loop's %d logged attachments%s | %s | - | - |" \
	    [expr {3 * $attachN}] [expr {$foldSame ? "" : " (OTHER RESULT)"}] \
	    [Ms $foldTimes]]
    puts "| the same orphans asked again at once (nothing to fold) |\
	    [Ms $foldAgain] | - | - |"
    puts [format "| diagnostic, steady state (each timed loop after an\
	    untimed one in the same mode): off %s, on -origins 0 %s, on with\
	    origins %s | %+.1f%%, %+.1f%% | - | - |" \
	    [Ms [dict get $warm off]] [Ms [dict get $warm on0]] \
	    [Ms [dict get $warm on1]] $warmOverhead0 $warmOverhead1]
    puts "| record on (census, slot index, hooking every widget) |\
	    [Ms $recordOn] | - | - |"
    foreach mode {off on} target [list $targetOrphansMs \
	    $targetOrphansRecordMs] {
	set ms [expr {[Median [dict get $ownTimes $mode]] / 1000.0}]
	puts [format "| orphans, recording %s, each of %d buttons and entries\
		calling a proc of its own%s | %s | <= %.0f ms | %s |" \
		$mode $ownProcs [expr {$ownSame ? "" : " (OTHER RESULT)"}] \
		[Ms [dict get $ownTimes $mode]] $target \
		[Verdict $ms $target max]]
    }
    flush stdout
}

if {[catch {::bench::main $argv} msg opts]} {
    puts stderr [dict get $opts -errorinfo]
    exit 1
}
exit 0
