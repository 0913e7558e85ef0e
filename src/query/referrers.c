/*
 * referrers.c --
 *
 *	tkleak::refs: the live referrers of a command, image or window, from
 *	a fresh slot index (census/refs.c).
 *
 * Copyright (c) 2026 the tkleak developers. See the file "LICENSE".
 */

#include "config.h"
#include <stdlib.h>
#include <string.h>
#include "tkleakInt.h"

/*
 *----------------------------------------------------------------------
 *
 * TkleakRefsObjCmd --
 *
 *	tkleak::refs name: the live referrers of a command (fully
 *	qualified or as written in a slot), an image or a window, as a
 *	list of {owner OWNER slot SLOT} dicts.
 *
 * Results:
 *	TCL_OK with the list, or TCL_ERROR with TKLEAK USAGE or REFS UNKNOWN.
 *
 * Side effects:
 *	The recording log is flushed; a census with a slot index is taken,
 *	its referrers remembered in "seen", and freed.
 *
 *----------------------------------------------------------------------
 */

int
TkleakRefsObjCmd(
    ClientData clientData,
    Tcl_Interp *interp,
    int objc,
    Tcl_Obj *const objv[])
{
    TkleakState *statePtr = clientData;
    TkleakCensus *censusPtr;
    TkleakRefs refs;
    Tcl_Obj *resultPtr, *keysPtr, **keys;
    Tcl_HashTable listed;
    const char *name;
    int i, j;
    Tcl_Size n, numKeys;

    if (objc != 2) {
	Tcl_WrongNumArgs(interp, 1, objv, "name");
	Tcl_SetErrorCode(interp, "TKLEAK", "USAGE", (char *) NULL);
	return TCL_ERROR;
    }
    name = Tcl_GetString(objv[1]);
    TkleakRecordFlush(statePtr);
    TkleakInitTk(statePtr, interp);
    keysPtr = TkleakResolveKeys(statePtr, interp, name);
    Tcl_IncrRefCount(keysPtr);
    Tcl_ResetResult(interp);
    Tcl_ListObjGetElements(NULL, keysPtr, &numKeys, &keys);
    if (numKeys == 0) {
	Tcl_DecrRefCount(keysPtr);
	Tcl_SetObjResult(interp, Tcl_ObjPrintf(
		"no command, image or window named \"%s\"", name));
	Tcl_SetErrorCode(interp, "TKLEAK", "REFS", "UNKNOWN", name,
		(char *) NULL);
	return TCL_ERROR;
    }
    TkleakRefsInit(&refs);
    TkleakSeenPrepare(statePtr, &refs);
    if (TkleakCensusTakeEx(statePtr, interp, &censusPtr, &refs) != TCL_OK) {
	TkleakRefsFree(&refs);
	Tcl_DecrRefCount(keysPtr);
	return TCL_ERROR;
    }
    TkleakCensusFree(censusPtr);
    TkleakRefsRemember(statePtr, &refs);

    /*
     * The referrers of each object the name names, each slot once: a slot
     * naming a proc and an image of one name refers to both.
     */

    resultPtr = Tcl_NewListObj(0, NULL);
    Tcl_InitHashTable(&listed, TCL_STRING_KEYS);
    for (i = 0; i < numKeys; i++) {
	Tcl_HashEntry *hPtr = Tcl_FindHashEntry(&refs.index,
		Tcl_GetString(keys[i]));
	Tcl_Obj **v;

	if (hPtr != NULL && Tcl_ListObjGetElements(NULL,
		Tcl_GetHashValue(hPtr), &n, &v) == TCL_OK) {
	    for (j = 0; j < n; j++) {
		int isNew;

		Tcl_CreateHashEntry(&listed, Tcl_GetString(v[j]), &isNew);
		if (isNew) {
		    Tcl_ListObjAppendElement(NULL, resultPtr, v[j]);
		}
	    }
	}
    }
    Tcl_DeleteHashTable(&listed);
    Tcl_DecrRefCount(keysPtr);
    TkleakRefsFree(&refs);
    Tcl_SetObjResult(interp, resultPtr);
    return TCL_OK;
}
