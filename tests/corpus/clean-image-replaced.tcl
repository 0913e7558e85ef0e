# clean-image-replaced.tcl -- the same image name made again on every
# run: the new image replaces the old one.
# Expect: clean
## action
image create photo corpus_same -width 16 -height 16
## cleanup
image delete corpus_same
