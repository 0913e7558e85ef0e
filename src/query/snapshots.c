/*
 * snapshots.c --
 *
 *	The commands on kept censuses: tkleak::snapshot, snapshots, forget,
 *	summary, objects and configure, over the store of store/snapshot.c;
 *	and TkleakCensusTakeKeep, the census a command keeps.
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
 * TkleakCensusTakeKeep --
 *
 *	Take a census that will be kept (a snapshot, the baseline). Unless
 *	"-refs 0" was configured, the slots are indexed too and what they
 *	name is remembered, so an object attached now and detached later
 *	is known as "detached" by tkleak::orphans.
 *
 * Results:
 *	TCL_OK with *CENSUSPTRPTR a new census owned by the caller, or
 *	TCL_ERROR as TkleakCensusTake.
 *
 * Side effects:
 *	With references indexed, the recording log is flushed first and the
 *	"seen" table gets the index's referrers.
 *
 *----------------------------------------------------------------------
 */

int
TkleakCensusTakeKeep(
    TkleakState *statePtr,
    Tcl_Interp *interp,
    TkleakCensus **censusPtrPtr)
{
    if (!statePtr->opts.snapshotRefs) {
	return TkleakCensusTake(statePtr, interp, censusPtrPtr);
    }
    TkleakRecordFlush(statePtr);	/* What was attached before comes first. */
    return TkleakCensusTakeRemember(statePtr, interp, censusPtrPtr, 1);
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakSnapshotObjCmd --
 *
 *	tkleak::snapshot ?name?: take a census and keep it. The default
 *	name is the first of s1, s2, ... not in use.
 *
 * Results:
 *	The name. A name in use, or the empty name, is an error and
 *	nothing is kept.
 *
 * Side effects:
 *	A census is taken and kept (TkleakCensusTakeKeep); with
 *	-maxsnapshots, the oldest snapshots are dropped.
 *
 *----------------------------------------------------------------------
 */

int
TkleakSnapshotObjCmd(
    ClientData clientData,
    Tcl_Interp *interp,
    int objc,
    Tcl_Obj *const objv[])
{
    TkleakState *statePtr = clientData;
    TkleakCensus *censusPtr;
    Tcl_Obj *nameObj;

    if (objc > 2) {
	Tcl_WrongNumArgs(interp, 1, objv, "?name?");
	Tcl_SetErrorCode(interp, "TKLEAK", "USAGE", (char *) NULL);
	return TCL_ERROR;
    }
    if (objc == 2) {
	nameObj = objv[1];
	if (Tcl_GetCharLength(nameObj) == 0) {
	    Tcl_SetObjResult(interp, Tcl_NewStringObj(
		    "a snapshot name must not be empty", -1));
	    Tcl_SetErrorCode(interp, "TKLEAK", "SNAPSHOT", "NAME",
		    (char *) NULL);
	    return TCL_ERROR;
	}
	if (TkleakFindSnapshot(statePtr, Tcl_GetString(nameObj)) >= 0) {
	    return TkleakSnapshotExists(interp, Tcl_GetString(nameObj));
	}
    } else {
	do {
	    nameObj = Tcl_ObjPrintf("s%lu", ++statePtr->query.counter);
	    if (TkleakFindSnapshot(statePtr, Tcl_GetString(nameObj)) < 0) {
		break;
	    }
	    Tcl_DecrRefCount(nameObj);
	} while (1);
    }
    Tcl_IncrRefCount(nameObj);
    if (TkleakCensusTakeKeep(statePtr, interp, &censusPtr) != TCL_OK
	    || TkleakStoreCensus(interp, statePtr, nameObj, censusPtr, 0)
		!= TCL_OK) {
	Tcl_DecrRefCount(nameObj);
	return TCL_ERROR;
    }
    Tcl_SetObjResult(interp, nameObj);
    Tcl_DecrRefCount(nameObj);
    return TCL_OK;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakSnapshotsObjCmd --
 *
 *	tkleak::snapshots: the kept names, oldest first.
 *
 * Results:
 *	TCL_OK with the list, or TCL_ERROR with TKLEAK USAGE.
 *
 * Side effects:
 *	None.
 *
 *----------------------------------------------------------------------
 */

int
TkleakSnapshotsObjCmd(
    ClientData clientData,
    Tcl_Interp *interp,
    int objc,
    Tcl_Obj *const objv[])
{
    TkleakState *statePtr = clientData;
    Tcl_Obj *listPtr;
    int i;

    if (objc != 1) {
	Tcl_WrongNumArgs(interp, 1, objv, NULL);
	Tcl_SetErrorCode(interp, "TKLEAK", "USAGE", (char *) NULL);
	return TCL_ERROR;
    }
    listPtr = Tcl_NewListObj(0, NULL);
    for (i = 0; i < statePtr->store.numSnaps; i++) {
	Tcl_ListObjAppendElement(NULL, listPtr, statePtr->store.snaps[i].nameObj);
    }
    Tcl_SetObjResult(interp, listPtr);
    return TCL_OK;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakForgetObjCmd --
 *
 *	tkleak::forget name: drop a snapshot and free its memory.
 *
 * Results:
 *	TCL_OK with an empty result, or TCL_ERROR with TKLEAK USAGE or
 *	SNAPSHOT UNKNOWN.
 *
 * Side effects:
 *	The snapshot is dropped and its census freed.
 *
 *----------------------------------------------------------------------
 */

int
TkleakForgetObjCmd(
    ClientData clientData,
    Tcl_Interp *interp,
    int objc,
    Tcl_Obj *const objv[])
{
    TkleakState *statePtr = clientData;
    int i;

    if (objc != 2) {
	Tcl_WrongNumArgs(interp, 1, objv, "name");
	Tcl_SetErrorCode(interp, "TKLEAK", "USAGE", (char *) NULL);
	return TCL_ERROR;
    }
    i = TkleakFindSnapshot(statePtr, Tcl_GetString(objv[1]));
    if (i < 0) {
	return TkleakSnapshotUnknown(interp, Tcl_GetString(objv[1]));
    }
    TkleakDropSnapshot(statePtr, i);
    return TCL_OK;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakSummaryObjCmd --
 *
 *	tkleak::summary ?name?: a dict TYPE -> {count N bytes B}, types in
 *	name order, for a snapshot or a fresh census that is not kept.
 *
 * Results:
 *	TCL_OK with the dict, or TCL_ERROR with TKLEAK USAGE or SNAPSHOT
 *	UNKNOWN.
 *
 * Side effects:
 *	A fresh census is taken and freed again.
 *
 *----------------------------------------------------------------------
 */

int
TkleakSummaryObjCmd(
    ClientData clientData,
    Tcl_Interp *interp,
    int objc,
    Tcl_Obj *const objv[])
{
    TkleakState *statePtr = clientData;
    TkleakCensus *censusPtr;
    const TkleakType **order;
    Tcl_Obj *dictPtr;
    int fresh;
    size_t i;

    if (objc > 2) {
	Tcl_WrongNumArgs(interp, 1, objv, "?name?");
	Tcl_SetErrorCode(interp, "TKLEAK", "USAGE", (char *) NULL);
	return TCL_ERROR;
    }
    if (TkleakGetCensus(interp, statePtr, objc == 2 ? objv[1] : NULL,
	    &censusPtr, &fresh) != TCL_OK) {
	return TCL_ERROR;
    }
    order = (const TkleakType **) Tcl_Alloc(
	    (censusPtr->numTypes + 1) * sizeof(TkleakType *));
    for (i = 0; i < censusPtr->numTypes; i++) {
	order[i] = &censusPtr->types[i];
    }
    qsort((void *) order, censusPtr->numTypes, sizeof(TkleakType *),
	    TkleakCompareTypePtrs);
    dictPtr = Tcl_NewDictObj();
    for (i = 0; i < censusPtr->numTypes; i++) {
	Tcl_Obj *rowPtr;

	if (order[i]->count == 0) {
	    continue;
	}
	rowPtr = Tcl_NewDictObj();
	Tcl_DictObjPut(NULL, rowPtr, Tcl_NewStringObj("count", 5),
		Tcl_NewWideIntObj((Tcl_WideInt) order[i]->count));
	Tcl_DictObjPut(NULL, rowPtr, Tcl_NewStringObj("bytes", 5),
		Tcl_NewWideIntObj((Tcl_WideInt) order[i]->bytes));
	Tcl_DictObjPut(NULL, dictPtr, Tcl_NewStringObj(order[i]->name, -1),
		rowPtr);
    }
    Tcl_Free((char *) order);
    if (fresh) {
	TkleakCensusFree(censusPtr);
    }
    Tcl_SetObjResult(interp, dictPtr);
    return TCL_OK;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakObjectsObjCmd --
 *
 *	tkleak::objects type ?name?: the identities of TYPE's objects,
 *	sorted. A type with no objects gives an empty list.
 *
 * Results:
 *	TCL_OK with the list, or TCL_ERROR with TKLEAK USAGE or SNAPSHOT
 *	UNKNOWN.
 *
 * Side effects:
 *	As TkleakSummaryObjCmd.
 *
 *----------------------------------------------------------------------
 */

int
TkleakObjectsObjCmd(
    ClientData clientData,
    Tcl_Interp *interp,
    int objc,
    Tcl_Obj *const objv[])
{
    TkleakState *statePtr = clientData;
    TkleakCensus *censusPtr;
    TkleakType *typePtr;
    Tcl_Obj *listPtr;
    int fresh;
    size_t i;

    if (objc < 2 || objc > 3) {
	Tcl_WrongNumArgs(interp, 1, objv, "type ?name?");
	Tcl_SetErrorCode(interp, "TKLEAK", "USAGE", (char *) NULL);
	return TCL_ERROR;
    }
    if (TkleakGetCensus(interp, statePtr, objc == 3 ? objv[2] : NULL,
	    &censusPtr, &fresh) != TCL_OK) {
	return TCL_ERROR;
    }
    listPtr = Tcl_NewListObj(0, NULL);
    typePtr = TkleakCensusFind(censusPtr, Tcl_GetString(objv[1]));
    if (typePtr != NULL) {
	TkleakTypeSort(typePtr);
	for (i = 0; i < typePtr->numIds; i++) {
	    Tcl_ListObjAppendElement(NULL, listPtr,
		    Tcl_NewStringObj(typePtr->ids[i], -1));
	}
    }
    if (fresh) {
	TkleakCensusFree(censusPtr);
    }
    Tcl_SetObjResult(interp, listPtr);
    return TCL_OK;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakConfigureObjCmd --
 *
 *	tkleak::configure ?-option ?value? ...?: -maxsnapshots N caps the
 *	kept snapshots (0: no cap; the oldest are dropped first), -refs
 *	bool says whether snapshots also index references, -skipped (read
 *	only) how many calls the last census skipped, -walk
 *	private|public chooses how a census walks the app (public is the
 *	fallback used when the private structures cannot be read). With no
 *	argument, the dict of all options; with one, its value.
 *
 * Results:
 *	TCL_OK with the dict or value, or TCL_ERROR with a TKLEAK error
 *	code; a failed call changes nothing.
 *
 * Side effects:
 *	The options given are set; a lower -maxsnapshots drops the oldest
 *	snapshots at once.
 *
 *----------------------------------------------------------------------
 */

int
TkleakConfigureObjCmd(
    ClientData clientData,
    Tcl_Interp *interp,
    int objc,
    Tcl_Obj *const objv[])
{
    static const char *const options[] = {"-depth", "-maxsnapshots",
	    "-origins", "-refs", "-skipped", "-walk", NULL};
    static const char *const walks[] = {"private", "public", NULL};
    enum { OPT_DEPTH, OPT_MAX, OPT_ORIGINS, OPT_REFS, OPT_SKIPPED, OPT_WALK };
    TkleakState *statePtr = clientData;
    int i, index, max = statePtr->opts.maxSnapshots, walk = statePtr->opts.forcePublic;
    int depth = statePtr->opts.depth, origins = statePtr->opts.origins_on;
    int refs = statePtr->opts.snapshotRefs;
    Tcl_WideInt wide;

    if (objc == 1 || objc == 2) {
	Tcl_Obj *dictPtr = Tcl_NewDictObj();

	Tcl_DictObjPut(NULL, dictPtr, Tcl_NewStringObj("-depth", -1),
		Tcl_NewIntObj(depth));
	Tcl_DictObjPut(NULL, dictPtr, Tcl_NewStringObj("-maxsnapshots", -1),
		Tcl_NewIntObj(max));
	Tcl_DictObjPut(NULL, dictPtr, Tcl_NewStringObj("-origins", -1),
		Tcl_NewBooleanObj(origins));
	Tcl_DictObjPut(NULL, dictPtr, Tcl_NewStringObj("-refs", -1),
		Tcl_NewBooleanObj(refs));
	Tcl_DictObjPut(NULL, dictPtr, Tcl_NewStringObj("-skipped", -1),
		Tcl_NewIntObj(statePtr->census.lastSkipped));
	Tcl_DictObjPut(NULL, dictPtr, Tcl_NewStringObj("-walk", -1),
		Tcl_NewStringObj(TkleakWalkUsable(statePtr) ? "private"
		: "public", -1));
	if (objc == 2) {
	    Tcl_Obj *keyPtr, *valuePtr;

	    if (TkleakGetIndex(interp, objv[1], options, "option", &index,
		    "CONFIGURE", "OPTION", Tcl_GetString(objv[1]),
		    (char *) NULL) != TCL_OK) {
		Tcl_DecrRefCount(dictPtr);
		return TCL_ERROR;
	    }

	    /*
	     * The full name, not the word: the word may be a prefix.
	     */

	    keyPtr = Tcl_NewStringObj(options[index], -1);
	    Tcl_IncrRefCount(keyPtr);
	    Tcl_DictObjGet(NULL, dictPtr, keyPtr, &valuePtr);
	    Tcl_DecrRefCount(keyPtr);
	    Tcl_SetObjResult(interp, valuePtr);
	    Tcl_DecrRefCount(dictPtr);
	} else {
	    Tcl_SetObjResult(interp, dictPtr);
	}
	return TCL_OK;
    }
    if (objc % 2 == 0) {
	Tcl_WrongNumArgs(interp, 1, objv, "?-option value ...?");
	Tcl_SetErrorCode(interp, "TKLEAK", "USAGE", (char *) NULL);
	return TCL_ERROR;
    }

    /*
     * Check everything before changing anything.
     */

    for (i = 1; i < objc; i += 2) {
	if (TkleakGetIndex(interp, objv[i], options, "option", &index,
		"CONFIGURE", "OPTION", Tcl_GetString(objv[i]),
		(char *) NULL) != TCL_OK) {
	    return TCL_ERROR;
	}
	if (index == OPT_MAX) {
	    if (TkleakGetBounded(interp, objv[i + 1], 0, TKLEAK_MAX_SNAPSHOTS,
		    "a count", &wide, "CONFIGURE", "VALUE", "-maxsnapshots",
		    (char *) NULL) != TCL_OK) {
		return TCL_ERROR;
	    }
	    max = (int) wide;
	} else if (index == OPT_DEPTH) {
	    if (TkleakGetBounded(interp, objv[i + 1], 1, TKLEAK_MAX_DEPTH,
		    "a depth", &wide, "CONFIGURE", "VALUE", "-depth",
		    (char *) NULL) != TCL_OK) {
		return TCL_ERROR;
	    }
	    depth = (int) wide;
	} else if (index == OPT_ORIGINS) {
	    if (Tcl_GetBooleanFromObj(NULL, objv[i + 1], &origins) != TCL_OK) {
		Tcl_SetObjResult(interp, Tcl_ObjPrintf(
			"expected a boolean but got \"%s\"",
			Tcl_GetString(objv[i + 1])));
		Tcl_SetErrorCode(interp, "TKLEAK", "CONFIGURE", "VALUE",
			"-origins", (char *) NULL);
		return TCL_ERROR;
	    }
	} else if (index == OPT_SKIPPED) {
	    Tcl_SetObjResult(interp, Tcl_NewStringObj(
		    "option \"-skipped\" is read-only", -1));
	    Tcl_SetErrorCode(interp, "TKLEAK", "CONFIGURE", "READONLY",
		    "-skipped", (char *) NULL);
	    return TCL_ERROR;
	} else if (index == OPT_REFS) {
	    if (Tcl_GetBooleanFromObj(NULL, objv[i + 1], &refs) != TCL_OK) {
		Tcl_SetObjResult(interp, Tcl_ObjPrintf(
			"expected a boolean but got \"%s\"",
			Tcl_GetString(objv[i + 1])));
		Tcl_SetErrorCode(interp, "TKLEAK", "CONFIGURE", "VALUE",
			"-refs", (char *) NULL);
		return TCL_ERROR;
	    }
	} else {
	    if (TkleakGetIndex(interp, objv[i + 1], walks, "walk", &walk,
		    "CONFIGURE", "VALUE", "-walk", (char *) NULL) != TCL_OK) {
		return TCL_ERROR;
	    }
	}
    }
    statePtr->opts.maxSnapshots = max;
    statePtr->opts.forcePublic = walk;
    statePtr->opts.snapshotRefs = refs;
    statePtr->opts.depth = depth;
    statePtr->opts.origins_on = origins;
    while (statePtr->opts.maxSnapshots > 0
	    && statePtr->store.numSnaps > statePtr->opts.maxSnapshots) {
	TkleakDropSnapshot(statePtr, 0);
    }
    return TCL_OK;
}
