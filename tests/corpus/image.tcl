# image.tcl -- a photo image made on every run, named by Tk, never deleted.
# Expect: leak {image photo}
## setup
set ::corpus_images [image names]
## action
image create photo -width 4 -height 4
## cleanup
foreach i [image names] {
    if {$i ni $::corpus_images} {image delete $i}
}
unset ::corpus_images
