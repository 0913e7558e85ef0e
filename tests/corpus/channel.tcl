# channel.tcl -- a file opened on every run and never closed.
# Expect: leak channel
## setup
set ::corpus_chans [chan names]
## action
open /dev/null
## cleanup
foreach c [chan names] {
    if {$c ni $::corpus_chans} {close $c}
}
unset ::corpus_chans
