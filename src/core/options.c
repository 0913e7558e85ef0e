/*
 * options.c --
 *
 *	The words of every tkleak command that name an option or a keyword,
 *	and its numbers: one way to read them, so that every command takes
 *	the unique prefixes Tcl's own commands take (Tcl_GetIndexFromObj),
 *	refuses numbers beyond its documented limits before doing anything,
 *	and fails with a TKLEAK error code.
 *
 *	The words are the caller's values: they are read through a copy of
 *	their string, so that their internal representation stays as it was
 *	(a tkinter caller reads a value back by its type).
 *
 * Copyright (c) 2026 the tkleak developers. See the file "LICENSE".
 */

#include "config.h"
#include <stdarg.h>
#include "tkleakInt.h"

/*
 * SetCode --
 *
 *	Sets the error code TKLEAK followed by the words of ARGS, up to a
 *	NULL.
 */

static void
SetCode(
    Tcl_Interp *interp,
    va_list args)
{
    Tcl_Obj *codePtr = Tcl_NewStringObj("TKLEAK", 6);
    const char *word;

    while ((word = va_arg(args, const char *)) != NULL) {
	Tcl_ListObjAppendElement(NULL, codePtr, Tcl_NewStringObj(word, -1));
    }
    Tcl_SetObjErrorCode(interp, codePtr);
}

/*
 * Copy --
 *
 *	A new object (no reference yet) with OBJPTR's string and no
 *	internal representation.
 */

static Tcl_Obj *
Copy(
    Tcl_Obj *objPtr)
{
    Tcl_Size length;
    const char *bytes = Tcl_GetStringFromObj(objPtr, &length);

    return Tcl_NewStringObj(bytes, length);
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakGetIndex --
 *
 *	The index in TABLE (NULL-terminated) of the word OBJPTR: the word
 *	itself or its unique prefix, as Tcl_GetIndexFromObj takes them.
 *
 * Results:
 *	TCL_OK with *INDEXPTR set. TCL_ERROR for an unknown, ambiguous or
 *	empty word, with Tcl's message ("bad WHAT "x": must be a, b, or c",
 *	"ambiguous WHAT ...") and the error code TKLEAK followed by the
 *	words given after INDEXPTR, up to a NULL.
 *
 * Side effects:
 *	None on OBJPTR: its string is read through a copy.
 *
 *----------------------------------------------------------------------
 */

int
TkleakGetIndex(
    Tcl_Interp *interp,
    Tcl_Obj *objPtr,
    const char *const *table,
    const char *what,
    int *indexPtr,
    ...)
{
    Tcl_Obj *copyPtr = Copy(objPtr);
    va_list args;
    int code;

    Tcl_IncrRefCount(copyPtr);
    code = Tcl_GetIndexFromObj(interp, copyPtr, table, what, 0, indexPtr);
    Tcl_DecrRefCount(copyPtr);
    if (code != TCL_OK) {
	va_start(args, indexPtr);
	SetCode(interp, args);
	va_end(args);
    }
    return code;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakGetBounded --
 *
 *	The integer OBJPTR when it lies from MIN to MAX.
 *
 * Results:
 *	TCL_OK with *VALUEPTR set. Otherwise TCL_ERROR with the message
 *	"expected WHAT from MIN to MAX but got "x"" and the error code
 *	TKLEAK followed by the words given after VALUEPTR, up to a NULL.
 *
 * Side effects:
 *	None on OBJPTR: its string is read through a copy.
 *
 *----------------------------------------------------------------------
 */

int
TkleakGetBounded(
    Tcl_Interp *interp,
    Tcl_Obj *objPtr,
    Tcl_WideInt min,
    Tcl_WideInt max,
    const char *what,
    Tcl_WideInt *valuePtr,
    ...)
{
    Tcl_Obj *copyPtr = Copy(objPtr);
    Tcl_WideInt value;
    va_list args;
    int code;

    Tcl_IncrRefCount(copyPtr);
    code = Tcl_GetWideIntFromObj(NULL, copyPtr, &value);
    Tcl_DecrRefCount(copyPtr);
    if (code != TCL_OK || value < min || value > max) {
	Tcl_SetObjResult(interp, Tcl_ObjPrintf(
		"expected %s from %" TCL_LL_MODIFIER "d to %"
		TCL_LL_MODIFIER "d but got \"%s\"", what, min, max,
		Tcl_GetString(objPtr)));
	va_start(args, valuePtr);
	SetCode(interp, args);
	va_end(args);
	return TCL_ERROR;
    }
    *valuePtr = value;
    return TCL_OK;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakGetBoolean --
 *
 *	The boolean OBJPTR, as Tcl_GetBooleanFromObj reads it.
 *
 * Results:
 *	TCL_OK with *BOOLPTR set to 0 or 1. Otherwise TCL_ERROR with Tcl's
 *	message and the error code TKLEAK followed by the words given after
 *	BOOLPTR, up to a NULL.
 *
 * Side effects:
 *	None on OBJPTR: its string is read through a copy.
 *
 *----------------------------------------------------------------------
 */

int
TkleakGetBoolean(
    Tcl_Interp *interp,
    Tcl_Obj *objPtr,
    int *boolPtr,
    ...)
{
    Tcl_Obj *copyPtr = Copy(objPtr);
    va_list args;
    int code;

    Tcl_IncrRefCount(copyPtr);
    code = Tcl_GetBooleanFromObj(interp, copyPtr, boolPtr);
    Tcl_DecrRefCount(copyPtr);
    if (code != TCL_OK) {
	va_start(args, boolPtr);
	SetCode(interp, args);
	va_end(args);
    }
    return code;
}
