# binding.tcl -- a new binding of "all" on every run, to a new virtual event.
# Expect: leak binding
## action
bind all <<CorpusLeak[llength [bind all]]>> {set ::corpus_bound 1}
## cleanup
foreach seq [bind all] {
    if {[string match <<CorpusLeak*>> $seq]} {bind all $seq {}}
}
