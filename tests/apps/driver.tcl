# driver.tcl -- what the drivers of real applications share (sourced by
# gitk-driver.tcl and tkcon-driver.tcl, which run an app in a wish of
# their own for a realapps-*.test).

# RunCases out cases --
#	Leak-tests each case (a proc of the driver: one user action) with
#	five iterations after two warm-up runs, and writes one line a case
#	to the channel OUT: {case leaking growth {orphan type and reason
#	...}}, or {case error MESSAGE} when the case failed. Closes OUT.
proc RunCases {out cases} {
    foreach case $cases {
	if {[catch {tkleak::leaktest $case -iterations 5 -warmup 2} r]} {
	    puts $out [list $case error $r]
	} else {
	    puts $out [list $case [dict get $r leaking] [dict get $r growth] \
		[lsort -unique [lmap o [dict get $r orphans] {
		    list [dict get $o type] [dict get $o reason]
		}]]]
	}
	flush $out
    }
    close $out
}
