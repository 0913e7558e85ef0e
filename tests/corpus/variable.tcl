# variable.tcl -- a new global variable with an empty value on every run:
# no bytes, but one more variable each time.
# Expect: leak variable
## action
set ::corpus_var[llength [info globals corpus_var*]] {}
## cleanup
foreach v [info globals corpus_var*] {unset ::$v}
