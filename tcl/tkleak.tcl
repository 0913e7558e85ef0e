# tkleak.tcl --
#
#	The Tcl part of the tkleak package: the ::tkleak ensemble over the
#	commands the C core registers. Loaded by pkgIndex.tcl after the
#	shared library.
#
# Copyright (c) 2026 the tkleak developers. See the file "LICENSE".

namespace eval ::tkleak {
    variable library [file dirname [file normalize [info script]]]

    namespace export snapshot snapshots forget summary diff objects new \
	gone format_diff print_diff calibrate heap configure
    namespace ensemble create
}
