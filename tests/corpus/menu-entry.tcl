# menu-entry.tcl -- an entry added to a menu on every run, never deleted.
# Expect: leak {menu entry}
## setup
menu .corpus_menu -tearoff 0
## action
.corpus_menu add command -label "Recent file"
## cleanup
destroy .corpus_menu
