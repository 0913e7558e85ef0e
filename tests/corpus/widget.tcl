# widget.tcl -- a button made on every run and never destroyed.
# Expect: leak {widget Button}
## action
button .corpus_w[llength [info commands .corpus_w*]] -text leak
## cleanup
foreach w [info commands .corpus_w*] {destroy $w}
