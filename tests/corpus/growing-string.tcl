# growing-string.tcl -- a log kept in one variable that only grows: no
# object is added, the variable's bytes grow.
# Expect: leak variable
## setup
set ::corpus_log ""
## action
append ::corpus_log "opened and closed the dialog\n"
## cleanup
unset ::corpus_log
