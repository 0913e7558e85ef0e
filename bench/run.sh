#!/bin/sh
# run.sh -- run the tkleak benchmark (bench.tcl) under wish.
#
# Usage: run.sh WISH ?bench.tcl options?   ("make bench" passes $(WISH))
#
# The caller sets TCLLIBPATH to a directory holding tkleak's pkgIndex.tcl
# (make bench uses the build directory). With no DISPLAY, wish runs on a
# private Xvfb server through xvfb-run.

wish=${1:-wish}
[ $# -gt 0 ] && shift
bench=$(cd "$(dirname "$0")" && pwd)/bench.tcl

if [ -n "$DISPLAY" ]; then
    exec "$wish" "$bench" "$@"
fi
if ! command -v xvfb-run >/dev/null 2>&1; then
    echo "run.sh: no DISPLAY and no xvfb-run; install xvfb or set DISPLAY" >&2
    exit 1
fi
exec xvfb-run -a -s "-screen 0 1280x800x24" "$wish" "$bench" "$@"
