# app.tcl --
#
#	The synthetic app the benchmark takes censuses of: about 120,000
#	objects of the kinds a large Tk app holds (widgets with bindings,
#	menu entries, namespaces full of procs and variables, photo images,
#	pending after events). Nothing is packed: creating the widgets is
#	enough for a census, and mapping 9,000 buttons would only time X.
#
# Copyright (c) 2026 the tkleak developers. See the file "LICENSE".

namespace eval ::bench::app {
    namespace export build

    # The default shape; bench.tcl and a caller may override any key.
    variable defaults {
	-frames 100 -buttons 90 -menus 100 -entries 20
	-namespaces 100 -procs 500 -vars 500 -images 1000 -afters 500
    }
}

# ::bench::app::build --
#
#	Make the synthetic app in the global interpreter.
#
# Arguments:
#	args	option-value pairs overriding the defaults above (-frames,
#		-buttons per frame, -menus, -entries per menu, -namespaces,
#		-procs and -vars per namespace, -images, -afters).
#
# Results:
#	A dict of the options used plus "seconds", the time taken.

proc ::bench::app::build {args} {
    variable defaults
    set opts [dict merge $defaults $args]
    dict with opts {}
    set t0 [clock microseconds]

    for {set f 0} {$f < ${-frames}} {incr f} {
	frame .f$f
	for {set b 0} {$b < ${-buttons}} {incr b} {
	    button .f$f.b$b -text "b$b" -command [list set ::bench::clicked $f.$b]
	    bind .f$f.b$b <Enter> [list set ::bench::hover $f.$b]
	}
    }
    for {set m 0} {$m < ${-menus}} {incr m} {
	menu .m$m -tearoff 0
	for {set e 0} {$e < ${-entries}} {incr e} {
	    .m$m add command -label "e$e" \
		-command [list set ::bench::picked $m.$e]
	}
    }
    for {set n 0} {$n < ${-namespaces}} {incr n} {
	namespace eval ::benchapp$n {}
	for {set p 0} {$p < ${-procs}} {incr p} {
	    proc ::benchapp${n}::p$p {x} {return [expr {$x + 1}]}
	}
	for {set v 0} {$v < ${-vars}} {incr v} {
	    set ::benchapp${n}::v$v $v
	}
    }
    for {set i 0} {$i < ${-images}} {incr i} {
	image create photo benchimg$i -width 16 -height 16
    }
    for {set i 0} {$i < ${-afters}} {incr i} {
	after 1000000 [list set ::bench::fired $i]
    }
    dict set opts seconds [expr {([clock microseconds] - $t0) / 1e6}]
    return $opts
}

# ::bench::app::callbacks --
#
#	Give every button and every menu entry of the app a callback proc of
#	its own, instead of a "set" script: the shape of a tkinter app, where
#	each callback is a wrapper command of its own. Button I of frame F
#	calls ::benchappF::pI, entry E of menu M calls ::benchappM::p(100+E),
#	so the procs must be there (the defaults make 500 per namespace).
#
# Arguments:
#	args	the options build was given.
#
# Results:
#	The number of slots given a proc.

proc ::bench::app::callbacks {args} {
    variable defaults
    set opts [dict merge $defaults $args]
    dict with opts {}
    set n 0
    for {set f 0} {$f < ${-frames}} {incr f} {
	for {set b 0} {$b < ${-buttons}} {incr b} {
	    .f$f.b$b configure -command ::benchapp${f}::p$b
	    incr n
	}
    }
    for {set m 0} {$m < ${-menus}} {incr m} {
	for {set e 0} {$e < ${-entries}} {incr e} {
	    .m$m entryconfigure $e -command ::benchapp${m}::p[expr {100 + $e}]
	    incr n
	}
    }
    return $n
}
