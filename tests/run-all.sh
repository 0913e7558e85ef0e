#!/bin/sh
# run-all.sh -- the driver of "make check".
#
# Runs the cmocka binaries, the tcltest suites (tests/all.tcl: tclsh, and
# wish for the Tk suites) and the Python tkinter tests (tests/test_*.py),
# under Xvfb when no DISPLAY is set, and ends with one line "N passed, N
# failed" over every test. Exits 1 when any test failed or a suite could not run.
#
# Environment (set by Makefile.am): TCLSH, WISH, UNIT_TESTS, srcdir,
# builddir; SANDIR, the sanitizer build to run the suites against too;
# VALGRIND, to run the tcltest suites under memcheck; MAKE, for make
# check-install; ONLY_SAN=1 for the sanitizer runs alone (make
# check-asan).

passed=0
failed=0

count() {
    # count PASSED FAILED: add to the totals.
    passed=$((passed + ${1:-0}))
    failed=$((failed + ${2:-0}))
}

for t in $UNIT_TESTS; do
    [ -n "$ONLY_SAN" ] && break
    out=$("$builddir/$t" 2>&1)
    rc=$?
    printf '%s\n' "$out"
    p=$(printf '%s\n' "$out" | sed -n 's/^\[  PASSED  \] \([0-9][0-9]*\) test.*/\1/p')
    f=$(printf '%s\n' "$out" | sed -n 's/^\[  FAILED  \] \([0-9][0-9]*\) test.*/\1/p')
    if [ -z "$p$f" ] || { [ "$rc" -ne 0 ] && [ -z "$f" ]; }; then
        echo "$t: did not finish (exit $rc)"
        f=$((${f:-0} + 1))
    fi
    count "$p" "$f"
done

export TCLLIBPATH="$builddir"
if [ -z "$DISPLAY" ]; then
    if command -v xvfb-run >/dev/null 2>&1; then
        XRUN="xvfb-run -a -s '-screen 0 1280x800x24'"
    else
        echo "no DISPLAY and no xvfb-run: install xvfb"
        exit 1
    fi
else
    XRUN=""
fi

# tcltests LABEL ALL.TCL-OPTIONS...: run tests/all.tcl and count.
tcltests() {
    label=$1
    shift
    out=$(eval "$XRUN" '"$TCLSH" "$srcdir/tests/all.tcl" -tclsh "$TCLSH" -wish "$WISH" -label "$label" "$@"' 2>&1)
    printf '%s\n' "$out"
    line=$(printf '%s\n' "$out" | sed -n "s/^$label: \([0-9]*\) passed, \([0-9]*\) failed\$/\1 \2/p")
    if [ -z "$line" ]; then
        echo "tests/all.tcl ($label): did not finish"
        count 0 1
    else
        count $line
    fi
}

[ -z "$ONLY_SAN" ] && tcltests tcltest

# The installed package (make check-install, tests/install-check.sh):
# one test.
if [ -z "$ONLY_SAN" ] && [ -n "$MAKE" ]; then
    if (cd "$builddir" && $MAKE -s check-install); then
        count 1 0
    else
        count 0 1
    fi
fi

# Memory safety: the same suites against the sanitizer build (built by
# make check in $SANDIR), and under valgrind memcheck.
if [ -n "$SANDIR" ]; then
    for t in $UNIT_TESTS; do
        out=$(ASAN_OPTIONS=detect_leaks=1 "$SANDIR/$t" 2>&1)
        rc=$?
        p=$(printf '%s\n' "$out" | sed -n 's/^\[  PASSED  \] \([0-9][0-9]*\) test.*/\1/p')
        f=$(printf '%s\n' "$out" | sed -n 's/^\[  FAILED  \] \([0-9][0-9]*\) test.*/\1/p')
        echo "asan $t: ${p:-0} passed, ${f:-0} failed (exit $rc)"
        if [ "$rc" -ne 0 ]; then
            printf '%s\n' "$out" | grep -A20 -E 'Sanitizer|runtime error' | head -40
            f=$((${f:-0} + 1))
        fi
        count "$p" "$f"
    done
    asanlib=$(${CC:-gcc} -print-file-name=libasan.so)
    TCLLIBPATH="$SANDIR" ASAN_OPTIONS="detect_leaks=0:halt_on_error=1" \
        UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
        tcltests asan -preload "$asanlib"
fi
if [ -z "$ONLY_SAN" ] && [ -n "$VALGRIND" ] && command -v "$VALGRIND" >/dev/null 2>&1; then
    tcltests valgrind -wrapper "$VALGRIND --error-exitcode=99 -q --suppressions=$srcdir/tests/valgrind.supp" \
        -skip "heap-1.1 selfleak-* interp-1.2"
fi

PYTHON=${PYTHON:-python3}
if [ -n "$ONLY_SAN" ]; then
    :
elif command -v "$PYTHON" >/dev/null 2>&1 && "$PYTHON" -c 'import tkinter' 2>/dev/null; then
    # Every tests/test_*.py, each in a Python of its own; the tkleak
    # module is the one make copied into the build tree.
    export PYTHONPATH="$builddir/python${PYTHONPATH:+:$PYTHONPATH}"
    # The real-application tests (test_realapps_*.py) and the Python
    # module's run in every python3 of pyenv too, when there are some:
    # IDLE differs between versions, and so do tkinter and Python.
    runs=""
    for py in "$srcdir"/tests/test_*.py; do
        runs="$runs $PYTHON:$py"
        case "$py" in
        */test_realapps_*.py | */test_python_module.py | */test_origins.py \
        | */test_pycallable.py)
            for other in "$HOME"/.pyenv/versions/3.*/bin/python3; do
                if [ -x "$other" ] && "$other" -c 'import tkinter' 2>/dev/null
                then
                    runs="$runs $other:$py"
                fi
            done
            ;;
        esac
    done
    for run in $runs; do
        python=${run%%:*}
        py=${run#*:}
        name="$(basename "$py") ($python)"
        out=$(eval "$XRUN" '"$python" "$py"' 2>&1)
        rc=$?
        printf '%s\n' "$out"
        ran=$(printf '%s\n' "$out" | sed -n 's/^Ran \([0-9]*\) test.*/\1/p')
        f1=$(printf '%s\n' "$out" | sed -n 's/^FAILED (.*failures=\([0-9]*\).*/\1/p')
        e1=$(printf '%s\n' "$out" | sed -n 's/^FAILED (.*errors=\([0-9]*\).*/\1/p')
        bad=$((${f1:-0} + ${e1:-0}))
        # Skipped tests are neither passed nor failed.
        sk=$(printf '%s\n' "$out" | sed -n 's/^\(OK\|FAILED\) (.*skipped=\([0-9]*\).*/\2/p')
        ran=${ran:+$((ran - ${sk:-0}))}
        if [ -z "$ran" ]; then
            echo "$name: did not finish"
            count 0 1
        elif [ "$rc" -ne 0 ] && [ "$bad" -eq 0 ]; then
            echo "$name: exited with status $rc after its tests passed"
            count "$ran" 1
        else
            count $((ran - bad)) "$bad"
        fi
    done
else
    echo "python3 with tkinter not found: the tkinter test cannot run"
    count 0 1
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
