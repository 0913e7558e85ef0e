# menu-orphan.tcl -- IDLE's Windows menu under Python 2.4: each window
# gets a wakeup proc on a menu entry; closing it deletes the entry but not
# the proc.
# Expect: leak {command proc}
## setup
menu .corpus_windows -tearoff 0
## action
set ::corpus_w .corpus_win[llength [info commands ::corpus_wakeup*]]
toplevel $::corpus_w
proc ::corpus_wakeup[llength [info commands ::corpus_wakeup*]] {} [list raise $::corpus_w]
.corpus_windows add command -label $::corpus_w \
    -command ::corpus_wakeup[expr {[llength [info commands ::corpus_wakeup*]] - 1}]
destroy $::corpus_w
.corpus_windows delete [.corpus_windows index end]
## cleanup
destroy .corpus_windows
foreach p [info commands ::corpus_wakeup*] {rename $p {}}
unset ::corpus_w
