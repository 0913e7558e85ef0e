# panel-screenshot.tcl -- makes doc/panel.png: the demo editor, twelve
# windows opened and closed after Calibrate, the panel's Diff with the
# grouped wakeup procs opened. Run from the top of the tree:
#   TCLLIBPATH=$PWD/build xvfb-run -a -s "-screen 0 1280x800x24" \
#       wish demo/panel-screenshot.tcl doc/panel.png
#
# Copyright (c) 2026 the tkleak developers. See the file "LICENSE".

set out [lindex $argv 0]
set argv {}
source [file join [file dirname [file normalize [info script]]] editor.tcl]
update
tkleak::panel
::tkleak::panel::Calibrate
apply {{} {
    for {set i 0} {$i < 12} {incr i} {
	set w [editor::NewWindow]
	update
	editor::CloseWindow $w
    }
}}
update
::tkleak::panel::Diff
update
set t .tkleak.nb.diff.tree
proc openRow {t id} {
    $t focus $id
    $t item $id -open 1
    event generate $t <<TreeviewOpen>>
    update
}
openRow $t [lindex [$t children {}] 0]
openRow $t [lindex [$t children [lindex [$t children {}] 0]] 0]
wm geometry .tkleak 1090x300+0+0
raise .tkleak
after 1500 {set ::go 1}; vwait ::go
exec xwd -root -silent | convert xwd:- -crop 1090x300+0+0 +repage $out
exit
