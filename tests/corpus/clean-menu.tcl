# clean-menu.tcl -- the Windows menu done right: the entry and its proc
# go together.
# Expect: clean
## setup
menu .corpus_wmenu -tearoff 0
## action
proc ::corpus_raise {} {}
.corpus_wmenu add command -label Window -command ::corpus_raise
.corpus_wmenu delete end
rename ::corpus_raise {}
## cleanup
destroy .corpus_wmenu
