# array-element.tcl -- a new element of a global array on every run.
# Expect: leak {array element}
## setup
array set ::corpus_arr {}
## action
set ::corpus_arr([array size ::corpus_arr]) {}
## cleanup
unset ::corpus_arr
