# broken.tcl -- an app that fails while loading, for tkleak-check's exit
# code 2.

button .b -text OK
app::noSuchSetup
