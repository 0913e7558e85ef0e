# clean-channel.tcl -- a file opened, read and closed.
# Expect: clean
## action
set ::corpus_chan [open /dev/null]
read $::corpus_chan
close $::corpus_chan
## cleanup
unset ::corpus_chan
