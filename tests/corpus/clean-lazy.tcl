# clean-lazy.tcl -- a table of procs and images built on first use, during
# the warm-up.
# Expect: clean
## action
if {![info exists ::corpus_lazy]} {
    for {set ::corpus_lazy 0} {$::corpus_lazy < 20} {incr ::corpus_lazy} {
	proc ::corpus_lazy$::corpus_lazy {} {}
	image create photo corpus_lazy$::corpus_lazy -width 2 -height 2
    }
}
## cleanup
foreach p [info commands ::corpus_lazy*] {rename $p {}}
image delete {*}[lsearch -all -inline [image names] corpus_lazy*]
unset ::corpus_lazy
