# clean-interp.tcl -- a child interpreter made, used and deleted.
# Expect: clean
## action
interp create corpus_kid
corpus_kid eval {proc p {} {}; set x 1}
interp delete corpus_kid
