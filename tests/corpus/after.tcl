# after.tcl -- an after event scheduled far ahead on every run, never cancelled.
# Expect: leak after
## action
after 100000000 {set ::corpus_fired 1}
## cleanup
foreach id [after info] {
    if {[lindex [after info $id] 0] eq {set ::corpus_fired 1}} {after cancel $id}
}
