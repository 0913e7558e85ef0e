# gitk-driver.tcl -- runs Debian's gitk (/usr/bin/gitk) in this wish on
# the git repository that is the current directory, and leak-tests two
# actions the way a user's clicks do them, through gitk's menus (menu
# invoke) and buttons; writes one line a case to the file named by its
# first argument: {case leaking growth {orphan type and reason ...}}.
# Run by realapps-gitk.test in a process of its own (gitk reads its
# repository in the background and owns the main window).

set here [file dirname [file normalize [info script]]]
set out [open [lindex $argv 0] w]
source [file join $here gitk-start.tcl]
source [file join $here driver.tcl]

# invokeEntry menu label --
#	A click on the entry LABEL of gitk's menu MENU.
proc invokeEntry {menu label} {
    $menu invoke [$menu index $label]
    update
}

# View > New view..., OK in the view editor; once the view is read, View
# > Delete view.
proc viewCreateDelete {} {
    invokeEntry .bar.view "New view..."
    .gitkview.buts.ok invoke
    update
    waitFor {$::curview != 0 && [gitkIdle]}
    invokeEntry .bar.view "Delete view"
    waitFor {$::curview == 0 && [gitkIdle]}
}

# Help > About gitk, then its Close button.
proc aboutOpenClose {} {
    invokeEntry .bar.help "About gitk"
    [lsearch -inline -glob [winfo children .about] *.ok] invoke
    update
}

if {[catch {waitFor {[info exists ::viewcomplete(0)] && [gitkIdle]}} msg]} {
    puts $out [list load error $msg]
}
RunCases $out {viewCreateDelete aboutOpenClose}
exit
