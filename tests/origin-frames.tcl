# origin-frames.tcl -- code with known line numbers for origin.test:
# one call site reached twice, and attachments made through eval,
# uplevel, an after script and a binding.

namespace eval ::originframes {}

proc ::originframes::attach {b cb} {
    $b configure -command $cb
}

proc ::originframes::viaEval {b cb} {
    eval [list $b configure -command $cb]
}

proc ::originframes::viaEvalLiteral {b} {
    eval {
	$b configure -command ::originframes::cbLiteral
    }
}

proc ::originframes::up {b cb} {
    uplevel 1 [list $b configure -command $cb]
}

proc ::originframes::viaUplevel {b cb} {
    ::originframes::up $b $cb
}

proc ::originframes::viaAfter {b cb} {
    after 0 [list $b configure -command $cb]
}

proc ::originframes::viaBinding {b cb} {
    bind $b <<OriginFrames>> [list $b configure -command $cb]
}
