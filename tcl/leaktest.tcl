# leaktest.tcl --
#
#	Part of the tkleak package (see tkleak.tcl). Being written.
#
# Copyright (c) 2026 the tkleak developers. See the file "LICENSE".

namespace eval ::tkleak {}
