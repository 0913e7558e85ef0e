# clean-status.tcl -- a status variable and an array element rewritten
# with values of the same size.
# Expect: clean
## setup
set ::corpus_status ""
array set ::corpus_state {}
## action
set ::corpus_status "last run at [clock format 0 -gmt 1]"
set ::corpus_state(last) [string repeat x 40]
## cleanup
unset ::corpus_status ::corpus_state
