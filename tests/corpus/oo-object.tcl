# oo-object.tcl -- a TclOO object made on every run, never destroyed; its
# variable, which lives in the object's namespace, leaks with it.
# Expect: leak {object ::CorpusThing} variable
## setup
oo::class create ::CorpusThing {
    variable value
    constructor {} {set value 1}
}
## action
::CorpusThing new
## cleanup
::CorpusThing destroy
