# tkleak-tcl.m4 -- find tclConfig.sh and tkConfig.sh, as TEA's tcl.m4 does,
# and take the stub libraries and (optional) private header directories
# from them.

# TKLEAK_FIND_CONFIG(NAME, FILE, WITHVAR)
AC_DEFUN([TKLEAK_FIND_CONFIG], [
  AC_MSG_CHECKING([for $2])
  tkleak_cfg=""
  tkleak_multiarch=`$CC -print-multiarch 2>/dev/null`
  for d in $3 \
      /usr/lib/$tkleak_multiarch/$1[]8.6 /usr/lib/$1[]8.6 \
      /usr/lib64/$1[]8.6 /usr/local/lib/$1[]8.6 /usr/lib /usr/lib64 \
      /usr/local/lib; do
    if test -n "$d" && test -f "$d/$2"; then tkleak_cfg="$d/$2"; break; fi
  done
  AC_MSG_RESULT([${tkleak_cfg:-not found}])
])

AC_DEFUN([TKLEAK_PATH_TCLCONFIG], [
  AC_ARG_WITH([tcl],
    [AS_HELP_STRING([--with-tcl=DIR], [directory containing tclConfig.sh])],
    [with_tcl="$withval"], [with_tcl=""])
  TKLEAK_FIND_CONFIG([tcl], [tclConfig.sh], [$with_tcl])
  AS_IF([test -z "$tkleak_cfg"],
    [AC_MSG_ERROR([tclConfig.sh not found: install tcl8.6-dev or use --with-tcl=DIR])])
  . "$tkleak_cfg"
  TCL_CONFIG_DIR=`dirname "$tkleak_cfg"`
  AC_SUBST([TCL_CONFIG_DIR])
  AS_IF([test "$TCL_MAJOR_VERSION.$TCL_MINOR_VERSION" != "8.6"],
    [AC_MSG_ERROR([tkleak needs Tcl 8.6, found $TCL_VERSION])])
  TCL_STUB_LIB_SPEC=`eval echo "$TCL_STUB_LIB_SPEC"`
  TCL_INCLUDE_SPEC=`eval echo "$TCL_INCLUDE_SPEC"`
  AC_SUBST([TCL_INCLUDE_SPEC])
  AC_SUBST([TCL_STUB_LIB_SPEC])
  AC_SUBST([TCL_LIB_SPEC])
  AC_SUBST([TCL_VERSION])
  dnl The private headers are optional: without them src/private/ takes
  dnl the public-API path.
  TCL_PRIVATE_CFLAGS=""
  for d in "$TCL_SRC_DIR" `echo "$TCL_INCLUDE_SPEC" | sed 's/^-I//'`/tcl-private; do
    if test -f "$d/generic/tclInt.h"; then
      TCL_PRIVATE_CFLAGS="-I$d/generic -I$d/unix"; break
    fi
  done
  AC_MSG_CHECKING([for Tcl private headers])
  AC_MSG_RESULT([${TCL_PRIVATE_CFLAGS:-no}])
  AC_SUBST([TCL_PRIVATE_CFLAGS])
  AC_PATH_PROGS([TCLSH], [tclsh$TCL_VERSION tclsh], [tclsh])
])

AC_DEFUN([TKLEAK_PATH_TKCONFIG], [
  AC_ARG_WITH([tk],
    [AS_HELP_STRING([--with-tk=DIR], [directory containing tkConfig.sh])],
    [with_tk="$withval"], [with_tk=""])
  TKLEAK_FIND_CONFIG([tk], [tkConfig.sh], [$with_tk])
  AS_IF([test -z "$tkleak_cfg"],
    [AC_MSG_ERROR([tkConfig.sh not found: install tk8.6-dev or use --with-tk=DIR])])
  . "$tkleak_cfg"
  TK_CONFIG_DIR=`dirname "$tkleak_cfg"`
  AC_SUBST([TK_CONFIG_DIR])
  TK_STUB_LIB_SPEC=`eval echo "$TK_STUB_LIB_SPEC"`
  TK_INCLUDE_SPEC=`eval echo "$TK_INCLUDE_SPEC"`
  AC_SUBST([TK_INCLUDE_SPEC])
  AC_SUBST([TK_STUB_LIB_SPEC])
  AC_SUBST([TK_XINCLUDES])
  TK_PRIVATE_CFLAGS=""
  for d in "$TK_SRC_DIR" `echo "$TK_INCLUDE_SPEC" | sed 's/^-I//'`/tk-private; do
    if test -f "$d/generic/tkInt.h" && test -n "$TCL_PRIVATE_CFLAGS"; then
      TK_PRIVATE_CFLAGS="-I$d/generic -I$d/unix -DTKLEAK_PRIVATE=1"; break
    fi
  done
  AC_MSG_CHECKING([for Tk private headers])
  AC_MSG_RESULT([${TK_PRIVATE_CFLAGS:-no}])
  AC_SUBST([TK_PRIVATE_CFLAGS])
  AC_PATH_PROGS([WISH], [wish$TCL_VERSION wish], [wish])
])
