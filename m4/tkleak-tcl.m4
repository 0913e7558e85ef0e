# tkleak-tcl.m4 -- find tclConfig.sh and tkConfig.sh, as TEA's tcl.m4
# does, and take everything else from them: the version, the include
# and stub library specs, and where the private headers are.
#
# Tcl/Tk 8.6 and 9 are accepted, wherever their config scripts are
# (--with-tcl=DIR, --with-tk=DIR, or the usual places). The private
# walkers (src/private/ and what else includes tclInt.h or tkInt.h) were
# written against the 8.6 structures: they are built, with
# -DTKLEAK_PRIVATE=1, only when the config scripts say 8.6 and the
# private headers are found; any other version, or no private headers,
# builds the public walk. This is the one version gate.
#
# Copyright (c) 2026 the tkleak developers. See the file "LICENSE".

# TKLEAK_FIND_CONFIG(NAME, FILE, WITHVAR, VERSIONS)
#
# Sets tkleak_cfg to the path of FILE (tclConfig.sh), found in WITHVAR
# when it is set (an error when FILE is not there, as in TEA), else in
# the usual directories for each of VERSIONS, first to last.
AC_DEFUN([TKLEAK_FIND_CONFIG], [
  AC_MSG_CHECKING([for $2])
  tkleak_cfg=""
  if test -n "$3"; then
    if test -f "$3/$2"; then
      tkleak_cfg=`cd "$3" && pwd`/$2
    else
      AC_MSG_RESULT([no])
      AC_MSG_ERROR([$3 does not contain $2])
    fi
  else
    tkleak_multiarch=`$CC -print-multiarch 2>/dev/null`
    tkleak_prefixes=""
    test "x$exec_prefix" != xNONE && tkleak_prefixes="$exec_prefix/lib"
    test "x$prefix" != xNONE && tkleak_prefixes="$tkleak_prefixes $prefix/lib"
    for v in $4; do
      for l in $tkleak_prefixes /usr/local/lib /usr/lib/$tkleak_multiarch \
          /usr/lib64 /usr/lib; do
        for d in $l/$1$v $l; do
          if test -z "$tkleak_cfg" && test -f "$d/$2" \
              && grep "^[[A-Z]]*_VERSION='$v'" "$d/$2" >/dev/null; then
            tkleak_cfg="$d/$2"
          fi
        done
      done
    done
  fi
  AC_MSG_RESULT([${tkleak_cfg:-not found}])
])

# TKLEAK_PRIVATE_DIRS(FILES, DIRS...)
#
# Sets tkleak_inc to the -I flags of the first of DIRS (each a directory
# or "generic-dir unix-dir" pair) that holds all of FILES, or to "".
AC_DEFUN([TKLEAK_PRIVATE_DIRS], [
  tkleak_inc=""
  for tkleak_cand in $2; do
    tkleak_gen=`echo "$tkleak_cand" | sed 's/:.*//'`
    tkleak_ok=yes
    for f in $1; do
      test -f "$tkleak_gen/$f" || tkleak_ok=no
    done
    if test $tkleak_ok = yes; then
      tkleak_inc=`echo "$tkleak_cand" | sed 's/^/-I/; s/:/ -I/g'`
      break
    fi
  done
])

# TKLEAK_INCLUDE_DIRS(SPEC)
#
# The directories of the -I flags of SPEC, one a line.
m4_define([TKLEAK_INCLUDE_DIRS],
  [`for f in $1; do case $f in -I*) echo "$f" | sed 's/^-I//';; esac; done`])

AC_DEFUN([TKLEAK_PATH_TCLCONFIG], [
  AC_ARG_WITH([tcl],
    [AS_HELP_STRING([--with-tcl=DIR], [directory containing tclConfig.sh (default: the usual places, Tcl 8.6 before 9.0)])],
    [with_tcl="$withval"], [with_tcl=""])
  TKLEAK_FIND_CONFIG([tcl], [tclConfig.sh], [$with_tcl], [8.6 9.0 9.1])
  AS_IF([test -z "$tkleak_cfg"],
    [AC_MSG_ERROR([tclConfig.sh not found: install tcl8.6-dev (or Tcl 9) or use --with-tcl=DIR])])
  . "$tkleak_cfg"
  TCL_CONFIG_DIR=`dirname "$tkleak_cfg"`
  AC_SUBST([TCL_CONFIG_DIR])
  AS_CASE([$TCL_MAJOR_VERSION.$TCL_MINOR_VERSION],
    [8.6|8.7|9.*], [],
    [AC_MSG_ERROR([tkleak needs Tcl 8.6 or 9, found $TCL_VERSION in $tkleak_cfg])])
  TCL_STUB_LIB_SPEC=`eval echo "$TCL_STUB_LIB_SPEC"`
  TCL_INCLUDE_SPEC=`eval echo "$TCL_INCLUDE_SPEC"`
  AC_SUBST([TCL_INCLUDE_SPEC])
  AC_SUBST([TCL_STUB_LIB_SPEC])
  AC_SUBST([TCL_LIB_SPEC])
  AC_SUBST([TCL_VERSION])
  dnl The private headers: beside a source tree (TCL_SRC_DIR), in a
  dnl tcl-private directory below an include directory (Debian), or
  dnl installed flat beside tcl.h (make install-private-headers).
  tkleak_cands=""
  for d in "$TCL_SRC_DIR" TKLEAK_INCLUDE_DIRS([$TCL_INCLUDE_SPEC]); do
    test -n "$d" || continue
    tkleak_cands="$tkleak_cands $d/generic:$d/unix $d/tcl-private/generic:$d/tcl-private/unix $d"
  done
  TKLEAK_PRIVATE_DIRS([tclInt.h tclCompile.h tclOOInt.h], [$tkleak_cands])
  tkleak_tcl_private="$tkleak_inc"
  AC_MSG_CHECKING([for Tcl private headers])
  AC_MSG_RESULT([${tkleak_tcl_private:-no}])
  AC_PATH_PROGS([TCLSH], [tclsh$TCL_VERSION tclsh], [tclsh],
    [$TCL_EXEC_PREFIX/bin$PATH_SEPARATOR$PATH])
])

AC_DEFUN([TKLEAK_PATH_TKCONFIG], [
  AC_ARG_WITH([tk],
    [AS_HELP_STRING([--with-tk=DIR], [directory containing tkConfig.sh (default: the usual places, for the version of Tcl)])],
    [with_tk="$withval"], [with_tk=""])
  dnl The config scripts define each other's variables (tkConfig.sh sets
  dnl none of TCL_*, but both set prefixes): keep Tcl's version apart.
  tkleak_tcl_version="$TCL_VERSION"
  TKLEAK_FIND_CONFIG([tk], [tkConfig.sh], [$with_tk], [$tkleak_tcl_version])
  AS_IF([test -z "$tkleak_cfg"],
    [AC_MSG_ERROR([tkConfig.sh for Tk $tkleak_tcl_version not found: install tk$tkleak_tcl_version-dev or use --with-tk=DIR])])
  . "$tkleak_cfg"
  TK_CONFIG_DIR=`dirname "$tkleak_cfg"`
  AC_SUBST([TK_CONFIG_DIR])
  AS_IF([test "x$TK_VERSION" != "x$tkleak_tcl_version"],
    [AC_MSG_ERROR([Tk $TK_VERSION ($tkleak_cfg) does not match Tcl $tkleak_tcl_version])])
  TK_STUB_LIB_SPEC=`eval echo "$TK_STUB_LIB_SPEC"`
  TK_INCLUDE_SPEC=`eval echo "$TK_INCLUDE_SPEC"`
  AC_SUBST([TK_INCLUDE_SPEC])
  AC_SUBST([TK_STUB_LIB_SPEC])
  AC_SUBST([TK_XINCLUDES])
  tkleak_cands=""
  for d in "$TK_SRC_DIR" TKLEAK_INCLUDE_DIRS([$TK_INCLUDE_SPEC]); do
    test -n "$d" || continue
    tkleak_cands="$tkleak_cands $d/generic:$d/unix $d/tk-private/generic:$d/tk-private/unix $d"
  done
  TKLEAK_PRIVATE_DIRS([tkInt.h tkMenu.h tkCanvas.h], [$tkleak_cands])
  tkleak_tk_private="$tkleak_inc"
  AC_MSG_CHECKING([for Tk private headers])
  AC_MSG_RESULT([${tkleak_tk_private:-no}])

  dnl The version gate.
  AC_MSG_CHECKING([whether the private walkers fit Tcl/Tk $TK_VERSION])
  TCL_PRIVATE_CFLAGS=""
  TK_PRIVATE_CFLAGS=""
  AS_IF([test "x$TK_VERSION" != x8.6],
    [AC_MSG_RESULT([no, they were written for 8.6: the public walk])],
  [test -z "$tkleak_tcl_private" || test -z "$tkleak_tk_private"],
    [AC_MSG_RESULT([no private headers: the public walk])],
    [TCL_PRIVATE_CFLAGS="$tkleak_tcl_private"
     TK_PRIVATE_CFLAGS="$tkleak_tk_private -DTKLEAK_PRIVATE=1"
     AC_MSG_RESULT([yes])])
  AC_SUBST([TCL_PRIVATE_CFLAGS])
  AC_SUBST([TK_PRIVATE_CFLAGS])
  AC_PATH_PROGS([WISH], [wish$TK_VERSION wish], [wish],
    [$TK_EXEC_PREFIX/bin$PATH_SEPARATOR$PATH])
])
