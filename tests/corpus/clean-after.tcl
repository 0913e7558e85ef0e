# clean-after.tcl -- a timer set and cancelled, and an idle callback that
# the event loop runs (leaktest processes events after each run).
# Expect: clean
## action
after cancel [after 100000000 {set ::corpus_fired 1}]
after idle {set ::corpus_idle 1}
## cleanup
unset -nocomplain ::corpus_idle
