# interp.tcl -- a child interpreter made on every run, never deleted: the
# interpreter and its command in the parent (interp0, interp1, ...).
# Expect: leak {command native} interp
## setup
set ::corpus_interps [interp children]
## action
interp create
## cleanup
foreach i [interp children] {
    if {$i ni $::corpus_interps} {interp delete $i}
}
unset ::corpus_interps
