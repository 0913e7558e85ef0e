# two-types.tcl -- a hidden toplevel and a proc leaked together: both named.
# Expect: leak {command proc} {widget Toplevel}
## action
set ::corpus_n [llength [info commands ::corpus_two*]]
toplevel .corpus_two$::corpus_n
wm withdraw .corpus_two$::corpus_n
proc ::corpus_two$::corpus_n {} {}
## cleanup
foreach p [info commands ::corpus_two*] {rename $p {}}
foreach w [winfo children .] {
    if {[string match .corpus_two* $w]} {destroy $w}
}
unset ::corpus_n
