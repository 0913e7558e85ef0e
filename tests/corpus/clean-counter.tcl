# clean-counter.tcl -- a run counter from 0: its value gains a digit on
# the tenth run, a one-off step of the variable's bytes.
# Expect: clean
## setup
set ::corpus_count 0
## action
incr ::corpus_count
## cleanup
unset ::corpus_count
