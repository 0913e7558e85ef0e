# clean-dialog.tcl -- a dialog with widgets, bindings, an image, a menu
# and a canvas, opened, drawn and destroyed.
# Expect: clean
## action
toplevel .corpus_dlg
image create photo corpus_icon -width 8 -height 8
label .corpus_dlg.icon -image corpus_icon
entry .corpus_dlg.name
bind .corpus_dlg.name <Return> {set ::corpus_ok 1}
ttk::button .corpus_dlg.ok -text OK -command {set ::corpus_ok 1}
menu .corpus_dlg.menu -tearoff 0
.corpus_dlg.menu add command -label Copy -command {set ::corpus_ok 1}
canvas .corpus_dlg.c
.corpus_dlg.c create rectangle 0 0 5 5
pack .corpus_dlg.icon .corpus_dlg.name .corpus_dlg.ok .corpus_dlg.c
update idletasks
destroy .corpus_dlg
image delete corpus_icon
