# namespace.tcl -- a namespace made on every run, never deleted.
# Expect: leak namespace
## action
namespace eval ::corpus_ns[llength [namespace children :: ::corpus_ns*]] {}
## cleanup
foreach ns [namespace children :: ::corpus_ns*] {namespace delete $ns}
