# clean-empty.tcl -- a script that does nothing: leaktest must not see
# its own bookkeeping.
# Expect: clean
## action
