# proc.tcl -- a proc made on every run and never deleted.
# Expect: leak {command proc}
## action
proc ::corpus_proc[llength [info commands ::corpus_proc*]] {} {}
## cleanup
foreach p [info commands ::corpus_proc*] {rename $p {}}
