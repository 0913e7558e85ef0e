/*
 * compare.c --
 *
 *	The Tcl commands that compare censuses: tkleak::diff, new, gone,
 *	format_diff, print_diff and calibrate. The comparing itself is in
 *	diff.c and the table in format.c; this file resolves arguments and
 *	builds results.
 *
 * Copyright (c) 2026 the tkleak developers. See the file "LICENSE".
 */

#include "config.h"
#include <stdlib.h>
#include "tkleakInt.h"

/*
 * A pair of censuses named by "old ?new?" arguments; NEW may be fresh.
 */

typedef struct Pair {
    TkleakCensus *oldPtr;
    TkleakCensus *newPtr;
    int freshNew;
} Pair;

static int
GetPair(
    Tcl_Interp *interp,
    TkleakState *statePtr,
    Tcl_Obj *oldObj,
    Tcl_Obj *newObj,
    Pair *pairPtr)
{
    int fresh;

    pairPtr->freshNew = 0;
    if (TkleakGetCensus(interp, statePtr, oldObj, &pairPtr->oldPtr, &fresh)
	    != TCL_OK) {
	return TCL_ERROR;
    }
    if (newObj != NULL) {
	return TkleakGetCensus(interp, statePtr, newObj, &pairPtr->newPtr,
		&fresh);
    }
    pairPtr->freshNew = 1;
    return TkleakCensusTake(statePtr, interp, &pairPtr->newPtr);
}

static void
FreePair(
    Pair *pairPtr)
{
    if (pairPtr->freshNew) {
	TkleakCensusFree(pairPtr->newPtr);
    }
}

static int
NoMemory(
    Tcl_Interp *interp)
{
    Tcl_SetObjResult(interp, Tcl_NewStringObj("not enough memory", -1));
    Tcl_SetErrorCode(interp, "TKLEAK", "NOMEM", (char *) NULL);
    return TCL_ERROR;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakDiffObjCmd --
 *
 *	tkleak::diff old ?new?: a dict TYPE -> {count dN bytes dB} of the
 *	types whose count or bytes changed, in type-name order.
 *
 *----------------------------------------------------------------------
 */

int
TkleakDiffObjCmd(
    ClientData clientData,
    Tcl_Interp *interp,
    int objc,
    Tcl_Obj *const objv[])
{
    Pair pair;
    TkleakDiff diff;
    Tcl_Obj *dictPtr;
    size_t i;

    if (objc < 2 || objc > 3) {
	Tcl_WrongNumArgs(interp, 1, objv, "old ?new?");
	Tcl_SetErrorCode(interp, "TKLEAK", "USAGE", (char *) NULL);
	return TCL_ERROR;
    }
    if (GetPair(interp, clientData, objv[1], objc == 3 ? objv[2] : NULL,
	    &pair) != TCL_OK) {
	return TCL_ERROR;
    }
    if (TkleakDiffCompute(pair.oldPtr, pair.newPtr, &diff) != 0) {
	FreePair(&pair);
	return NoMemory(interp);
    }
    dictPtr = Tcl_NewDictObj();
    for (i = 0; i < diff.numRows; i++) {
	Tcl_Obj *rowPtr = Tcl_NewDictObj();

	Tcl_DictObjPut(NULL, rowPtr, Tcl_NewStringObj("count", 5),
		Tcl_NewWideIntObj(diff.rows[i].count));
	Tcl_DictObjPut(NULL, rowPtr, Tcl_NewStringObj("bytes", 5),
		Tcl_NewWideIntObj(diff.rows[i].bytes));
	Tcl_DictObjPut(NULL, dictPtr, Tcl_NewStringObj(diff.rows[i].type, -1),
		rowPtr);
    }
    TkleakDiffFree(&diff);
    FreePair(&pair);
    Tcl_SetObjResult(interp, dictPtr);
    return TCL_OK;
}

/*
 * NewOrGone --
 *
 *	tkleak::new type old ?new? (identities in NEW and not in OLD) and
 *	tkleak::gone type old ?new? (the reverse), sorted.
 */

static int
NewOrGone(
    ClientData clientData,
    Tcl_Interp *interp,
    int objc,
    Tcl_Obj *const objv[],
    int gone)
{
    Pair pair;
    TkleakType *oldTypePtr, *newTypePtr;
    const char **ids;
    size_t n, i;
    Tcl_Obj *listPtr;
    int code;

    if (objc < 3 || objc > 4) {
	Tcl_WrongNumArgs(interp, 1, objv, "type old ?new?");
	Tcl_SetErrorCode(interp, "TKLEAK", "USAGE", (char *) NULL);
	return TCL_ERROR;
    }
    if (GetPair(interp, clientData, objv[2], objc == 4 ? objv[3] : NULL,
	    &pair) != TCL_OK) {
	return TCL_ERROR;
    }
    oldTypePtr = TkleakCensusFind(pair.oldPtr, Tcl_GetString(objv[1]));
    newTypePtr = TkleakCensusFind(pair.newPtr, Tcl_GetString(objv[1]));
    code = gone ? TkleakIdsMinus(oldTypePtr, newTypePtr, &ids, &n)
	    : TkleakIdsMinus(newTypePtr, oldTypePtr, &ids, &n);
    if (code != 0) {
	FreePair(&pair);
	return NoMemory(interp);
    }
    listPtr = Tcl_NewListObj(0, NULL);
    for (i = 0; i < n; i++) {
	Tcl_ListObjAppendElement(NULL, listPtr, Tcl_NewStringObj(ids[i], -1));
    }
    free((void *) ids);
    FreePair(&pair);
    Tcl_SetObjResult(interp, listPtr);
    return TCL_OK;
}

int
TkleakNewObjCmd(
    ClientData clientData,
    Tcl_Interp *interp,
    int objc,
    Tcl_Obj *const objv[])
{
    return NewOrGone(clientData, interp, objc, objv, 0);
}

int
TkleakGoneObjCmd(
    ClientData clientData,
    Tcl_Interp *interp,
    int objc,
    Tcl_Obj *const objv[])
{
    return NewOrGone(clientData, interp, objc, objv, 1);
}

/*
 * Table --
 *
 *	pympler's table for OLDPTR -> NEWPTR, as a new Tcl object (zero
 *	references), or NULL when memory is short.
 */

static Tcl_Obj *
Table(
    TkleakCensus *oldPtr,
    TkleakCensus *newPtr)
{
    TkleakDiff diff;
    char *text;
    Tcl_Obj *resultPtr;

    if (TkleakDiffCompute(oldPtr, newPtr, &diff) != 0) {
	return NULL;
    }
    TkleakDiffSortBySize(&diff);
    text = TkleakFormatTable(&diff);
    TkleakDiffFree(&diff);
    if (text == NULL) {
	return NULL;
    }
    resultPtr = Tcl_NewStringObj(text, -1);
    free(text);
    return resultPtr;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakFormatDiffObjCmd --
 *
 *	tkleak::format_diff old ?new?: the diff as pympler's table, rows
 *	by size change then count change, and the heap and RSS line.
 *
 *----------------------------------------------------------------------
 */

int
TkleakFormatDiffObjCmd(
    ClientData clientData,
    Tcl_Interp *interp,
    int objc,
    Tcl_Obj *const objv[])
{
    Pair pair;
    Tcl_Obj *tablePtr;

    if (objc < 2 || objc > 3) {
	Tcl_WrongNumArgs(interp, 1, objv, "old ?new?");
	Tcl_SetErrorCode(interp, "TKLEAK", "USAGE", (char *) NULL);
	return TCL_ERROR;
    }
    if (GetPair(interp, clientData, objv[1], objc == 3 ? objv[2] : NULL,
	    &pair) != TCL_OK) {
	return TCL_ERROR;
    }
    tablePtr = Table(pair.oldPtr, pair.newPtr);
    FreePair(&pair);
    if (tablePtr == NULL) {
	return NoMemory(interp);
    }
    Tcl_SetObjResult(interp, tablePtr);
    return TCL_OK;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakPrintDiffObjCmd --
 *
 *	tkleak::print_diff ?channel?: like pympler's
 *	SummaryTracker.print_diff. Diff a fresh census against the
 *	reference (the previous print_diff, calibrate, or package load),
 *	write the table to CHANNEL (default stdout), and make the fresh
 *	census the reference.
 *
 *----------------------------------------------------------------------
 */

int
TkleakPrintDiffObjCmd(
    ClientData clientData,
    Tcl_Interp *interp,
    int objc,
    Tcl_Obj *const objv[])
{
    TkleakState *statePtr = clientData;
    TkleakCensus *freshPtr;
    Tcl_Channel chan;
    Tcl_Obj *tablePtr;
    int mode;

    if (objc > 2) {
	Tcl_WrongNumArgs(interp, 1, objv, "?channel?");
	Tcl_SetErrorCode(interp, "TKLEAK", "USAGE", (char *) NULL);
	return TCL_ERROR;
    }
    chan = Tcl_GetChannel(interp, objc == 2 ? Tcl_GetString(objv[1])
	    : "stdout", &mode);
    if (chan == NULL) {
	Tcl_SetErrorCode(interp, "TKLEAK", "CHANNEL", "UNKNOWN",
		objc == 2 ? Tcl_GetString(objv[1]) : "stdout", (char *) NULL);
	return TCL_ERROR;
    }
    if (!(mode & TCL_WRITABLE)) {
	Tcl_SetObjResult(interp, Tcl_ObjPrintf(
		"channel \"%s\" wasn't opened for writing",
		Tcl_GetChannelName(chan)));
	Tcl_SetErrorCode(interp, "TKLEAK", "CHANNEL", "READONLY",
		Tcl_GetChannelName(chan), (char *) NULL);
	return TCL_ERROR;
    }
    if (TkleakCensusTake(statePtr, interp, &freshPtr) != TCL_OK) {
	return TCL_ERROR;
    }
    if (statePtr->reference == NULL) {
	statePtr->reference = freshPtr;
	return TCL_OK;
    }
    tablePtr = Table(statePtr->reference, freshPtr);
    if (tablePtr == NULL) {
	TkleakCensusFree(freshPtr);
	return NoMemory(interp);
    }
    Tcl_IncrRefCount(tablePtr);
    if (Tcl_WriteObj(chan, tablePtr) < 0 || Tcl_Flush(chan) != TCL_OK) {
	Tcl_DecrRefCount(tablePtr);
	TkleakCensusFree(freshPtr);
	Tcl_SetObjResult(interp, Tcl_ObjPrintf("error writing \"%s\": %s",
		Tcl_GetChannelName(chan), Tcl_PosixError(interp)));
	Tcl_SetErrorCode(interp, "TKLEAK", "CHANNEL", "WRITE",
		Tcl_GetChannelName(chan), (char *) NULL);
	return TCL_ERROR;
    }
    Tcl_DecrRefCount(tablePtr);
    TkleakCensusFree(statePtr->reference);
    statePtr->reference = freshPtr;
    return TCL_OK;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakCalibrateObjCmd --
 *
 *	tkleak::calibrate: make now the reference of print_diff and keep
 *	it as the snapshot "baseline", replacing an older one.
 *
 * Results:
 *	"baseline".
 *
 *----------------------------------------------------------------------
 */

int
TkleakCalibrateObjCmd(
    ClientData clientData,
    Tcl_Interp *interp,
    int objc,
    Tcl_Obj *const objv[])
{
    TkleakState *statePtr = clientData;
    TkleakCensus *refPtr, *basePtr;
    Tcl_Obj *nameObj;

    if (objc != 1) {
	Tcl_WrongNumArgs(interp, 1, objv, NULL);
	Tcl_SetErrorCode(interp, "TKLEAK", "USAGE", (char *) NULL);
	return TCL_ERROR;
    }

    /*
     * Two censuses, not one shared: the reference moves on at each
     * print_diff while the baseline stays until the next calibrate.
     */

    if (TkleakCensusTake(statePtr, interp, &refPtr) != TCL_OK) {
	return TCL_ERROR;
    }
    if (TkleakCensusTakeKeep(statePtr, interp, &basePtr) != TCL_OK) {
	TkleakCensusFree(refPtr);
	return TCL_ERROR;
    }
    nameObj = Tcl_NewStringObj("baseline", 8);
    Tcl_IncrRefCount(nameObj);
    TkleakStoreCensus(interp, statePtr, nameObj, basePtr, 1);
    TkleakCensusFree(statePtr->reference);
    statePtr->reference = refPtr;
    Tcl_SetObjResult(interp, nameObj);
    Tcl_DecrRefCount(nameObj);
    return TCL_OK;
}
