# clean-step.tcl -- five procs made once, in the middle of the run (on
# the sixth of twelve runs): a one-off step, not a leak.
# Expect: clean
## setup
set ::corpus_tick 100
## action
if {[incr ::corpus_tick] == 106} {
    foreach i {1 2 3 4 5} {
	proc ::corpus_step$i {} {}
    }
}
## cleanup
foreach p [info commands ::corpus_step*] {rename $p {}}
unset ::corpus_tick
