# clean-first-iteration.tcl -- with no warm-up, a lazily built table is
# filled by the first measured run: a one-off step, not a leak.
# Options: -warmup 0
# Expect: clean
## action
if {![info exists ::corpus_first]} {
    set ::corpus_first 1
    for {set i 0} {$i < 20} {incr i} {
	proc ::corpus_first$i {} {}
    }
}
## cleanup
foreach p [info commands ::corpus_first*] {rename $p {}}
unset ::corpus_first
