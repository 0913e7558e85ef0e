# gitk-start.tcl -- starting Debian's gitk (/usr/bin/gitk) in the wish
# that sources this, on the git repository that is the current directory,
# with tkleak loaded and the waiting of gitk-wait.tcl at hand. Sourced at
# global level, once its caller has read its own arguments, by the
# real-application test (gitk-driver.tcl), the benchmark
# (bench/realapps-gitk.tcl) and the tutorial's script
# (demo/gitk-tutorial.tcl).
#
# Copyright (c) 2026 the tkleak developers. See the file "LICENSE".

# gitk reads its own arguments from argv: none, every commit.
set argv {}
set argc 0
source /usr/bin/gitk
package require tkleak
source [file join [file dirname [file normalize [info script]]] gitk-wait.tcl]
