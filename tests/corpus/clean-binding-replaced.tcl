# clean-binding-replaced.tcl -- the same event bound again on every run:
# the new script replaces the old one.
# Expect: clean
## action
bind . <<CorpusRefresh>> [list set ::corpus_stamp [clock milliseconds]]
## cleanup
bind . <<CorpusRefresh>> {}
