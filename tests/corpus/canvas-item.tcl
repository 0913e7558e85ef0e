# canvas-item.tcl -- a line drawn on a canvas on every run, never deleted.
# Expect: leak {canvas item}
## setup
canvas .corpus_canvas
## action
.corpus_canvas create line 0 0 10 10
## cleanup
destroy .corpus_canvas
