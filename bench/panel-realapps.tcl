# panel-realapps.tcl -- how long the panel's auto refresh blocks a real
# app's event loop (issue 14): sourced into the app, with tkleak loaded,
# by bench/panel-idle.py (IDLE) and bench/panel-gitk.tcl (gitk).
#
# ::bench::panelsteps::run LABEL REFRESHES prints, with recording off and
# then on, over REFRESHES auto refreshes (every 300 ms; the app defines a
# proc every 200 ms, so every refresh's census changes and counts the
# orphans): the longest each refresh step blocked the event loop as the
# panel times it (Step1 the census, Step2 the diff and views, Step3 the
# orphans: a whole tkleak::orphans before issue 14, one step of the
# stepped scan since, with the part of the scan it did), how many steps a
# scan took, and the longest gap a 5 ms ticker saw (what a user feels:
# the panel's own drawing too).
#
# Copyright (c) 2026 the tkleak developers. See the file "LICENSE".

namespace eval ::bench::panelsteps {
    variable max [dict create]
    variable maxGap 0
}

# ::bench::panelsteps::Tick --
#	The probe: a 5 ms ticker; its largest lateness is how long the
#	event loop was blocked.
proc ::bench::panelsteps::Tick {last} {
    variable maxGap
    set now [clock microseconds]
    if {$now - $last > $maxGap} {
	set maxGap [expr {$now - $last}]
    }
    after 5 [list ::bench::panelsteps::Tick $now]
}

# ::bench::panelsteps::Churn --
#	A new proc every 200 ms: the census changes between refreshes.
proc ::bench::panelsteps::Churn {i} {
    proc ::bench_churn$i {} {}
    after 200 [list ::bench::panelsteps::Churn [incr i]]
}

# ::bench::panelsteps::run --
#	The figures, recording off then on.
proc ::bench::panelsteps::run {label n} {
    variable max
    variable maxGap
    # Each step's longest time, kept by a wrapper around the panel's
    # own timer (which keeps the longest of all steps only).
    rename ::tkleak::panel::Timed ::tkleak::panel::BenchTimed
    proc ::tkleak::panel::Timed {step job {lazy 0}} {
	# Which part of the orphan scan the step does (from before it).
	if {[catch {tkleak::orphanscan status} st]} {
	    set phase whole		;# Before issue 14: tkleak::orphans.
	} elseif {[dict get $st state] eq "running"} {
	    set phase [dict get $st phase]
	} else {
	    set phase begin
	}
	set t0 [clock microseconds]
	set ran [::tkleak::panel::BenchTimed $step $job $lazy]
	set us [expr {[clock microseconds] - $t0}]
	if {![dict exists $::bench::panelsteps::max $step]
		|| $us > [dict get $::bench::panelsteps::max $step]} {
	    dict set ::bench::panelsteps::max $step $us
	    dict set ::bench::panelsteps::max phase$step $phase
	}
	return $ran
    }
    set objects [tcl::mathop::+ {*}[lmap {t d} [tkleak::summary] {
	dict get $d count
    }]]
    puts "\n### panel auto refresh: $label ($objects objects)\n"
    puts "| recording | longest step: census | diff+views | orphans | steps a scan | ticker's longest gap |"
    puts "|---|---|---|---|---|---|"
    after 5 [list ::bench::panelsteps::Tick [clock microseconds]]
    after 200 [list ::bench::panelsteps::Churn 0]
    foreach record {off on} {
	tkleak::record $record
	::tkleak::panel::Calibrate
	tkleak::panel
	set ::tkleak::panel::interval 300
	set ::tkleak::panel::auto 1
	::tkleak::panel::Auto
	# One refresh to warm up, then the measured ones.
	set start [dict get $::tkleak::panel::stats refreshes]
	while {[dict get $::tkleak::panel::stats refreshes] < $start + 1} {
	    vwait ::tkleak::panel::stats
	}
	set max [dict create]
	set maxGap 0
	set start [dict get $::tkleak::panel::stats refreshes]
	while {[dict get $::tkleak::panel::stats refreshes] < $start + $n} {
	    vwait ::tkleak::panel::stats
	}
	set ::tkleak::panel::auto 0
	::tkleak::panel::Auto
	set steps [expr {[dict exists $::tkleak::panel::stats orphanSteps]
	    ? [dict get $::tkleak::panel::stats orphanSteps] : 1}]
	puts [format "| %s | %.1f ms | %.1f ms | %.1f ms (%s) | %d | %.1f ms |" \
	    $record [expr {[dict get $max Step1] / 1000.0}] \
	    [expr {[dict get $max Step2] / 1000.0}] \
	    [expr {[dict get $max Step3] / 1000.0}] \
	    [dict get $max phaseStep3] $steps [expr {$maxGap / 1000.0}]]
	flush stdout
    }
    tkleak::record off
    destroy .tkleak
}
