# clean-alternate.tcl -- a widget made on one run and destroyed on the
# next: the count goes up and down, it does not grow.
# Expect: clean
## action
if {[winfo exists .corpus_alt]} {
    destroy .corpus_alt
} else {
    button .corpus_alt -command {set ::corpus_x 1}
}
## cleanup
destroy .corpus_alt
