# every-third.tcl -- a proc leaked on every third run only. The counter
# starts at 100 so that it keeps three digits (a variable of constant
# size) over the run.
# Expect: leak {command proc}
## setup
set ::corpus_tick 100
## action
if {[incr ::corpus_tick] % 3 == 0} {
    proc ::corpus_third$::corpus_tick {} {}
}
## cleanup
foreach p [info commands ::corpus_third*] {rename $p {}}
unset ::corpus_tick
