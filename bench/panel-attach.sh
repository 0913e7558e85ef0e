#!/bin/sh
# panel-attach.sh -- the panel attached to gitk from a second wish
# (issue 14): how long the app's event loop is blocked.
#
# Usage: TCLLIBPATH=build xvfb-run -a -s "-screen 0 1280x800x24" \
#            sh bench/panel-attach.sh REPO
#
# REPO: a git repository (bench/realapps.sh makes one of 5,000 commits).
#
# Copyright (c) 2026 the tkleak developers. See the file "LICENSE".

here=$(cd "$(dirname "$0")" && pwd)
wish "$here/panel-attach-app.tcl" "$1" &
wish "$here/panel-attach.tcl"
wait
