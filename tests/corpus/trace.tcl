# trace.tcl -- a settings dialog that traces its variable on every open
# and never removes the trace (gitk's showrefs, IDLE's config dialog).
# Expect: leak trace
## setup
set ::corpus_setting 1
proc ::corpus_changed {args} {}
## action
trace add variable ::corpus_setting write ::corpus_changed
## cleanup
unset ::corpus_setting
rename ::corpus_changed {}
