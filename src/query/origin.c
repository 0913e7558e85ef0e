/*
 * origin.c --
 *
 *	tkleak::origin: where an object was made and attached, from the
 *	origin store (store/origin.c, store/creation.c).
 *
 * Copyright (c) 2026 the tkleak developers. See the file "LICENSE".
 */

#include "config.h"
#include <string.h>
#include "tkleakInt.h"

/*
 * OtherKey --
 *
 *	The origin key of NAMEPTR when it names a pending after event
 *	("after#N") or a binding ({tag sequence}, the sequence in any
 *	spelling Tk accepts).
 *
 * Results:
 *	A new object (no reference held), or NULL.
 *
 * Side effects:
 *	The interpreter's result may change; callers save it.
 */

static Tcl_Obj *
OtherKey(
    TkleakState *statePtr,
    Tcl_Interp *interp,
    Tcl_Obj *namePtr)
{
    const char *name = Tcl_GetString(namePtr);
    Tcl_Obj *keyPtr = NULL, **v;
    Tcl_DString ds;
    Tcl_Size n;

    Tcl_DStringInit(&ds);
    if (strncmp(name, "after#", 6) == 0) {
	Tcl_DStringAppend(&ds, "a", 1);
	Tcl_DStringAppend(&ds, name, -1);
    } else if (Tcl_ListObjGetElements(NULL, namePtr, &n, &v) != TCL_OK
	    || n != 2 || !TkleakBindingKey(statePtr, interp,
		Tcl_GetString(v[0]), Tcl_GetString(v[1]), &ds)) {
	Tcl_DStringFree(&ds);
	return NULL;
    }
    if (TkleakCreationAlive(statePtr, interp, Tcl_DStringValue(&ds))) {
	keyPtr = Tcl_NewStringObj(Tcl_DStringValue(&ds),
		Tcl_DStringLength(&ds));
    }
    Tcl_DStringFree(&ds);
    return keyPtr;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakOriginObjCmd --
 *
 *	tkleak::origin name: {created STACK attached {SLOTDESC STACK ...}}
 *	for a command, image or window, from what recording saw (empty
 *	stacks when it saw nothing). Each frame of a STACK is {file F line L
 *	proc P lang tcl|python lib 0|1}, innermost first.
 *
 * Results:
 *	TCL_OK with the dict, or TCL_ERROR with TKLEAK USAGE or TKLEAK
 *	ORIGIN UNKNOWN.
 *
 * Side effects:
 *	The recording log is flushed first.
 *
 *----------------------------------------------------------------------
 */

int
TkleakOriginObjCmd(
    ClientData clientData,
    Tcl_Interp *interp,
    int objc,
    Tcl_Obj *const objv[])
{
    TkleakState *statePtr = clientData;
    Tcl_Obj *keyPtr;
    Tcl_InterpState saved;

    if (objc != 2) {
	Tcl_WrongNumArgs(interp, 1, objv, "name");
	Tcl_SetErrorCode(interp, "TKLEAK", "USAGE", (char *) NULL);
	return TCL_ERROR;
    }
    TkleakInitTk(statePtr, interp);
    TkleakRecordFlush(statePtr);
    saved = Tcl_SaveInterpState(interp, TCL_OK);
    keyPtr = TkleakResolveKey(statePtr, interp, Tcl_GetString(objv[1]));
    if (keyPtr == NULL) {
	keyPtr = OtherKey(statePtr, interp, objv[1]);
    }
    if (keyPtr == NULL) {
	keyPtr = TkleakVarOriginKey(statePtr, interp, objv[1]);
    }
    Tcl_RestoreInterpState(interp, saved);
    if (keyPtr == NULL) {
	Tcl_SetObjResult(interp, Tcl_ObjPrintf(
		"no command, image, window, after event, binding, canvas item"
		" or variable named \"%s\"", Tcl_GetString(objv[1])));
	Tcl_SetErrorCode(interp, "TKLEAK", "ORIGIN", "UNKNOWN",
		Tcl_GetString(objv[1]), (char *) NULL);
	return TCL_ERROR;
    }
    Tcl_IncrRefCount(keyPtr);
    Tcl_SetObjResult(interp, TkleakOriginOf(statePtr, Tcl_GetString(keyPtr)));
    Tcl_DecrRefCount(keyPtr);
    return TCL_OK;
}
