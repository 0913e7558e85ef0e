# clean-oo.tcl -- a TclOO object made and destroyed.
# Expect: clean
## setup
oo::class create ::CorpusClean
## action
[::CorpusClean new] destroy
## cleanup
::CorpusClean destroy
