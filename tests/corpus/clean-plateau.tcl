# clean-plateau.tcl -- a pool of at most 7 buttons, one more per run until
# it is full, during the first half of the run.
# Expect: clean
## action
set ::corpus_size [llength [info commands .corpus_pool*]]
if {$::corpus_size < 7} {
    button .corpus_pool$::corpus_size
}
## cleanup
foreach w [info commands .corpus_pool*] {destroy $w}
unset ::corpus_size
