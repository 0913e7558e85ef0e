# clean-trace.tcl -- a settings dialog that traces its variable while it
# is open and removes the trace when it closes.
# Expect: clean
## setup
set ::corpus_setting 1
proc ::corpus_changed {args} {}
## action
trace add variable ::corpus_setting write ::corpus_changed
trace add execution ::corpus_changed enter ::corpus_changed
set ::corpus_setting 2
trace remove execution ::corpus_changed enter ::corpus_changed
trace remove variable ::corpus_setting write ::corpus_changed
## cleanup
unset ::corpus_setting
rename ::corpus_changed {}
