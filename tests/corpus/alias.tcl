# alias.tcl -- an interp alias made on every run.
# Expect: leak {command alias}
## action
interp alias {} ::corpus_alias[llength [info commands ::corpus_alias*]] {} list
## cleanup
foreach a [info commands ::corpus_alias*] {rename $a {}}
