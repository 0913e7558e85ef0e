#!/bin/sh
# realapps-calls.sh -- the instructions of each tkleak call on IDLE
# (issue 14): runs bench/realapps-profile.py under callgrind with a dump
# before and after each of tkleak's command procedures named below, and
# prints the instructions of each call alone, in order.
#
# Usage: realapps-calls.sh BUILDDIR OUTDIR EDITORS SCRIPT...
#   PYTHON (default python3) must be the real interpreter, not a shim,
#   so that valgrind follows it.
# Example:
#   sh bench/realapps-calls.sh build /tmp/calls 10 tkleak::summary \
#       tkleak::summary tkleak::orphans tkleak::orphans 'tkleak::record on'

build=$(cd "$1" && pwd); out=$2; n=$3; shift 3
here=$(cd "$(dirname "$0")" && pwd)
python=$(${PYTHON:-python3} -c 'import sys; print(sys.executable)')
rm -rf "$out"; mkdir -p "$out"
opts=""
for f in TkleakOrphansObjCmd TkleakSummaryObjCmd TkleakRefsObjCmd \
        TkleakRecordObjCmd; do
    opts="$opts --dump-before=$f --dump-after=$f"
done
TCLLIBPATH=$build xvfb-run -a valgrind --tool=callgrind \
    --callgrind-out-file="$out/cg.%p" $opts \
    "$python" "$here/realapps-profile.py" "$n" "$@" > "$out/log" 2>&1
for f in $(ls "$out"/cg.*.* | sort -t. -k3 -n); do
    trig=$(sed -n 's/^desc: Trigger: //p' "$f")
    case "$trig" in
    *dump-after*) echo "$(sed -n 's/^totals: //p' "$f") ${trig#*=}";;
    esac
done
