# tkleak.tcl --
#
#	The Tcl part of the tkleak package: the ::tkleak ensemble over the
#	commands the C core registers, and the Tcl-level features, one file
#	each: leaktest.tcl (automatic verdicts), menu.tcl (the Memory menu),
#	panel.tcl (the inspector panel), attach.tcl (the panel on another
#	app through send). Loaded by pkgIndex.tcl after the
#	shared library. Only the menu and the panel need Tk, and only when
#	they are called.
#
# Copyright (c) 2026 the tkleak developers. See the file "LICENSE".

namespace eval ::tkleak {
    variable library [file dirname [file normalize [info script]]]

    namespace export snapshot snapshots forget summary diff objects new \
	gone format_diff print_diff calibrate heap configure refs orphans \
	record origin leaktest assertNoLeak menu panel attach detach
}

foreach ::tkleak::File {leaktest.tcl menu.tcl panel.tcl attach.tcl} {
    if {[file exists [file join $::tkleak::library $::tkleak::File]]} {
	source [file join $::tkleak::library $::tkleak::File]
    }
}
unset ::tkleak::File

namespace eval ::tkleak {
    namespace ensemble create
}
