# clean-font.tcl -- a named font made, used and deleted.
# Expect: clean
## action
font create corpus_font -family Courier -size 9
label .corpus_flabel -font corpus_font
destroy .corpus_flabel
font delete corpus_font
