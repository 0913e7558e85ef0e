# clean-canvas.tcl -- canvas items made, bound and deleted.
# Expect: clean
## setup
canvas .corpus_cv
## action
set ::corpus_item [.corpus_cv create oval 1 1 9 9 -tags dot]
.corpus_cv bind dot <Enter> {set ::corpus_hover 1}
.corpus_cv delete $::corpus_item
## cleanup
destroy .corpus_cv
unset ::corpus_item
