# tkcon-driver.tcl -- runs Debian's tkcon (/usr/bin/tkcon) in this wish
# and leak-tests two actions the way a user's clicks do them, through
# its menus (menu invoke) and buttons; writes one line a case to the file
# named by its first argument: {case leaking growth {orphan type and
# reason ...}}. Run by realapps-tkcon.test in a process of its own,
# because tkcon takes over stdout and puts in the process it runs in.

package require Tk
set here [file dirname [file normalize [info script]]]
set out [open [lindex $argv 0] w]
set argv {}
set argc 0
source /usr/bin/tkcon
tkcon show
update
package require tkleak
source [file join $here driver.tcl]

proc invokeEntry {menu label} {
    set m $::tkcon::PRIV(menubar).$menu
    $m invoke [$m index $label]
    update
}

# Console > New Tab, then Console > Delete Tab.
proc tabOpenClose {} {
    invokeEntry console "New Tab"
    invokeEntry console "Delete Tab"
}

# Help > About, then its Dismiss button.
proc aboutOpenClose {} {
    invokeEntry help "About "
    $::tkcon::PRIV(base).about.b invoke
    update
}

RunCases $out {tabOpenClose aboutOpenClose}
exit
