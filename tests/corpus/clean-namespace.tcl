# clean-namespace.tcl -- a namespace with procs and variables, deleted.
# Expect: clean
## action
namespace eval ::corpus_tmp {
    variable state 1
    proc helper {} {}
}
namespace delete ::corpus_tmp
