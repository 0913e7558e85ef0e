# font.tcl -- a named font made on every run, named by Tk, never deleted.
# Expect: leak font
## setup
set ::corpus_fonts [font names]
## action
font create -family Helvetica -size 11
## cleanup
foreach f [font names] {
    if {$f ni $::corpus_fonts} {font delete $f}
}
unset ::corpus_fonts
