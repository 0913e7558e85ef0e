#!/bin/sh
# install-check.sh -- "make check-install": the installed package names
# no directory of the build and loads from where it was installed.
#
# Installs into a scratch DESTDIR, then fails when an installed file
# names the source or build directory (a shared library is read without
# its debug information, which by nature records where it was built and
# which packagers strip), and loads the installed package into a fresh
# tclsh whose TCLLIBPATH is the installed package directory alone, and
# the installed Python module into a fresh python3 with tkinter.Tcl().
#
# Environment (set by Makefile.am): MAKE, TCLSH, PYTHON, pkglibtcldir,
# tkleakpydir, abs_builddir, abs_top_srcdir.
#
# Copyright (c) 2026 the tkleak developers. See the file "LICENSE".

dest=$(mktemp -d "${TMPDIR:-/tmp}/tkleak-install.XXXXXX") || exit 1
trap 'rm -rf "$dest" "$dest.files" "$dest.log"' EXIT
status=0

if ! $MAKE -s install DESTDIR="$dest" >"$dest.log" 2>&1; then
    cat "$dest.log"
    rm -f "$dest.log"
    echo "check-install: make install DESTDIR=$dest failed"
    exit 1
fi
rm -f "$dest.log"
pkgdir="$dest$pkglibtcldir"

# The build paths as make names them ("build/.." too) and as they are.
paths=$(for p in "$abs_builddir" "$abs_top_srcdir"; do
    printf '%s\n' "$p"
    (cd "$p" && pwd -P)
done | sort -u)

# Every installed file, read as text, or as a library without debug info.
find "$dest" -type f | sort > "$dest.files"
while IFS= read -r f; do
    if [ "$(head -c 4 "$f" | od -An -c | tr -d ' ')" = '177ELF' ]; then
        objcopy --strip-debug "$f" "$dest/stripped" || { status=1; continue; }
        read="$dest/stripped"
    else
        read="$f"
    fi
    if grep -q -F -e "$paths" "$read"; then
        echo "check-install: ${f#$dest} names a build path:"
        grep -a -n -F -e "$paths" "$read" | head -3
        status=1
    fi
    rm -f "$dest/stripped"
done < "$dest.files"
rm -f "$dest.files"
[ -f "$pkgdir/pkgIndex.tcl" ] || { echo "check-install: no $pkglibtcldir/pkgIndex.tcl"; status=1; }

# A fresh tclsh finds the installed package, and nothing of the build.
out=$(cd / && TCLLIBPATH="$pkgdir" "$TCLSH" <<'TCL' 2>&1
puts "version [package require tkleak]"
foreach pair [info loaded] {
    if {[lindex $pair 1] eq "Tkleak"} {puts "library [lindex $pair 0]"}
}
puts "scripts $::tkleak::library"
tkleak snapshot installed
puts "snapshots [tkleak snapshots]"
TCL
)
expect="version @VERSION@
library $pkgdir/tkleak.so
scripts $pkgdir
snapshots installed"
if [ "$out" != "$(printf '%s\n' "$expect" | sed "s/@VERSION@/$PACKAGE_VERSION/")" ]; then
    echo "check-install: the installed package in a fresh tclsh said:"
    printf '%s\n' "$out"
    echo "check-install: expected:"
    printf '%s\n' "$expect" | sed "s/@VERSION@/$PACKAGE_VERSION/"
    status=1
fi

# The installed Python module loads the installed package too.
if [ -n "$PYTHON" ] && [ -n "$tkleakpydir" ] && "$PYTHON" -c 'import tkinter' 2>/dev/null; then
    out=$(cd / && TCLLIBPATH="$pkgdir" PYTHONPATH="$dest$tkleakpydir" "$PYTHON" -c '
import tkinter, tkleak
tcl = tkinter.Tcl()
print(tkleak.__file__)
print(tkleak.load(tcl))
print(tcl.eval("set ::tkleak::library"))' 2>&1)
    expect="$dest$tkleakpydir/tkleak/__init__.py
$PACKAGE_VERSION
$pkgdir"
    if [ "$out" != "$expect" ]; then
        echo "check-install: the installed Python module said:"
        printf '%s\n' "$out"
        echo "check-install: expected:"
        printf '%s\n' "$expect"
        status=1
    fi
fi

[ "$status" -eq 0 ] && echo "check-install: installed in a DESTDIR, names no build path, loads from there"
exit $status
