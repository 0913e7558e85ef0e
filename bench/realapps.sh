#!/bin/sh
# realapps.sh -- the real-application benchmark (issue 14): IDLE with 10
# and 30 editor windows (bench/realapps-idle.py, with PYTHON: the python3
# of the tkinter tests), then gitk on a generated repository of 5,000
# commits (bench/realapps-gitk.tcl) when gitk and git are installed.
#
# Usage: realapps.sh WISH PYTHON ?RUNS?   ("make bench" passes $(WISH)
#        and $(PYTHON); an empty PYTHON skips IDLE)
#
# The caller sets TCLLIBPATH to a directory holding tkleak's pkgIndex.tcl.
# With no DISPLAY, each app runs on a private Xvfb server.

wish=${1:-wish}
python=$2
runs=${3:-5}
here=$(cd "$(dirname "$0")" && pwd)

xrun() {
    if [ -n "$DISPLAY" ]; then
        "$@"
    else
        xvfb-run -a -s "-screen 0 1280x800x24" "$@"
    fi
}

echo
echo "## Real applications (issue 14)"
if [ -n "$python" ]; then
    for n in 10 30; do
        xrun "$python" "$here/realapps-idle.py" $n $runs
    done
else
    echo; echo "IDLE: skipped, no python3 configured"
fi

if [ ! -x /usr/bin/gitk ] || ! command -v git >/dev/null 2>&1; then
    echo; echo "gitk: skipped, gitk or git is not installed"
    exit 0
fi
# A repository of 5,000 commits, each changing one of 50 files, made by
# git fast-import in a second, with a HOME of its own so that gitk reads
# and saves no settings of the user's.
tmp=$(mktemp -d "${TMPDIR:-/tmp}/tkleak-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/home" "$tmp/repo"
(
    cd "$tmp/repo" && git init -q && awk 'BEGIN {
        for (i = 1; i <= 5000; i++) {
            printf "commit refs/heads/master\nmark :%d\n", i
            printf "committer tkleak <tkleak@example.org> %d +0000\n", 1700000000 + i * 60
            msg = "commit " i
            printf "data %d\n%s\n", length(msg), msg
            if (i > 1) printf "from :%d\n", i - 1
            body = "line " i "\n"
            printf "M 644 inline f%d.txt\ndata %d\n%s\n", i % 50, length(body), body
        }
    }' | git fast-import --quiet && git checkout -q master
) || { echo "gitk: skipped, could not make the repository"; exit 0; }
HOME="$tmp/home" xrun "$wish" "$here/realapps-gitk.tcl" "$tmp/repo" $runs
