# bench.tcl --
#
#	The tkleak benchmark, run under wish by run.sh ("make bench"). In
#	one run it builds the synthetic app of app.tcl (about 120,000
#	objects) and measures: the snapshot time on the private and the
#	public walk, the diff time between two kept snapshots, the bytes a
#	kept snapshot costs per object, the plain-Tcl census of plain.tcl
#	and its ratio to tkleak, and, through grow.tcl in a process of its
#	own, how the snapshot time grows with 10k, 100k and 1M procs in one
#	namespace. It prints markdown tables, each figure beside its target.
#
#	Usage: wish bench.tcl ?-runs N? ?-keep N? ?-grow {N ...}?
#
#	Times are medians of N runs after one untimed warm-up run, taken
#	with "clock microseconds" around the command alone (forgetting a
#	snapshot is outside the timed part); the range of the N runs is
#	printed beside the median.
#
# Copyright (c) 2026 the tkleak developers. See the file "LICENSE".

namespace eval ::bench {
    variable dir [file dirname [file normalize [info script]]]
    variable options {-runs 7 -keep 5 -grow {0 10000 100000 1000000}}

    # The targets of the benchmark.
    variable targetSnapshotMs 25.0
    variable targetRatio 5.0
    variable targetBytes 100.0
    variable targetLinear 1.5
}

source [file join $::bench::dir app.tcl]
source [file join $::bench::dir plain.tcl]
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
    flush stdout
}

if {[catch {::bench::main $argv} msg opts]} {
    puts stderr [dict get $opts -errorinfo]
    exit 1
}
exit 0
