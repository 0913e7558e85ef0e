/*
 * snapshot.c --
 *
 *	The store of censuses kept under names. A snapshot is a census owned
 *	by the interpreter's TkleakState; the store keeps them oldest first.
 *	The commands on it are in query/snapshots.c.
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
 * TkleakFindSnapshot --
 *
 *	The index of the snapshot NAME in the store.
 *
 * Results:
 *	The index, or -1 when there is none of that name.
 *
 * Side effects:
 *	None.
 *
 *----------------------------------------------------------------------
 */

int
TkleakFindSnapshot(
    TkleakState *statePtr,
    const char *name)
{
    int i;

    for (i = 0; i < statePtr->store.numSnaps; i++) {
	if (strcmp(Tcl_GetString(statePtr->store.snaps[i].nameObj), name) == 0) {
	    return i;
	}
    }
    return -1;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakDropSnapshot --
 *
 *	Remove the snapshot at index I from the store.
 *
 * Results:
 *	None.
 *
 * Side effects:
 *	Its census is freed and the store's reference to its name released.
 *
 *----------------------------------------------------------------------
 */

void
TkleakDropSnapshot(
    TkleakState *statePtr,
    int i)
{
    Tcl_DecrRefCount(statePtr->store.snaps[i].nameObj);
    TkleakCensusFree(statePtr->store.snaps[i].censusPtr);
    memmove(&statePtr->store.snaps[i], &statePtr->store.snaps[i + 1],
	    (size_t) (statePtr->store.numSnaps - i - 1) * sizeof(TkleakSnapshot));
    statePtr->store.numSnaps--;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakSnapshotExists, TkleakSnapshotUnknown --
 *
 *	Leave the error for a snapshot NAME that already exists, or that
 *	does not, in INTERP.
 *
 * Results:
 *	TCL_ERROR.
 *
 * Side effects:
 *	The interpreter's result and error code (TKLEAK SNAPSHOT EXISTS or
 *	UNKNOWN NAME) are set.
 *
 *----------------------------------------------------------------------
 */

int
TkleakSnapshotExists(
    Tcl_Interp *interp,
    const char *name)
{
    Tcl_SetObjResult(interp, Tcl_ObjPrintf(
	    "a snapshot named \"%s\" already exists", name));
    Tcl_SetErrorCode(interp, "TKLEAK", "SNAPSHOT", "EXISTS", name,
	    (char *) NULL);
    return TCL_ERROR;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakSnapshotUnknown --
 *
 *	Leave the error for a snapshot NAME that does not exist in INTERP
 *	(see TkleakSnapshotExists).
 *
 * Results:
 *	TCL_ERROR.
 *
 * Side effects:
 *	The interpreter's result and error code (TKLEAK SNAPSHOT UNKNOWN
 *	NAME) are set.
 *
 *----------------------------------------------------------------------
 */

int
TkleakSnapshotUnknown(
    Tcl_Interp *interp,
    const char *name)
{
    Tcl_SetObjResult(interp, Tcl_ObjPrintf("no snapshot named \"%s\"", name));
    Tcl_SetErrorCode(interp, "TKLEAK", "SNAPSHOT", "UNKNOWN", name,
	    (char *) NULL);
    return TCL_ERROR;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakGetCensus --
 *
 *	The census a command argument names: the snapshot NAMEOBJ, or a
 *	fresh census when NAMEOBJ is NULL.
 *
 * Results:
 *	TCL_OK with *CENSUSPTRPTR set and *FRESHPTR 1 when the census is
 *	new and the caller must free it, 0 when the store owns it. On
 *	TCL_ERROR, an error message and code are in the interpreter.
 *
 * Side effects:
 *	A fresh census is taken when NAMEOBJ is NULL.
 *
 *----------------------------------------------------------------------
 */

int
TkleakGetCensus(
    Tcl_Interp *interp,
    TkleakState *statePtr,
    Tcl_Obj *nameObj,
    TkleakCensus **censusPtrPtr,
    int *freshPtr)
{
    int i;

    *freshPtr = 0;
    if (nameObj == NULL) {
	*freshPtr = 1;
	return TkleakCensusTake(statePtr, interp, censusPtrPtr);
    }
    i = TkleakFindSnapshot(statePtr, Tcl_GetString(nameObj));
    if (i < 0) {
	return TkleakSnapshotUnknown(interp, Tcl_GetString(nameObj));
    }
    *censusPtrPtr = statePtr->store.snaps[i].censusPtr;
    return TCL_OK;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakStoreCensus --
 *
 *	Keep CENSUSPTR (ownership passes to the store) under NAMEOBJ.
 *	With REPLACE, a snapshot of that name is dropped first; without,
 *	a name in use is an error and the census is freed. When a cap is
 *	set, the oldest snapshots are dropped to make room.
 *
 * Results:
 *	TCL_OK, or TCL_ERROR with TKLEAK SNAPSHOT EXISTS (CENSUSPTR freed).
 *
 * Side effects:
 *	The store holds a reference to NAMEOBJ and owns CENSUSPTR; dropped
 *	snapshots are freed.
 *
 *----------------------------------------------------------------------
 */

int
TkleakStoreCensus(
    Tcl_Interp *interp,
    TkleakState *statePtr,
    Tcl_Obj *nameObj,
    TkleakCensus *censusPtr,
    int replace)
{
    int i = TkleakFindSnapshot(statePtr, Tcl_GetString(nameObj));

    if (i >= 0) {
	if (!replace) {
	    TkleakCensusFree(censusPtr);
	    return TkleakSnapshotExists(interp, Tcl_GetString(nameObj));
	}
	TkleakDropSnapshot(statePtr, i);
    }
    if (statePtr->store.numSnaps == statePtr->store.capSnaps) {
	int cap = statePtr->store.capSnaps ? statePtr->store.capSnaps * 2 : 8;

	statePtr->store.snaps = (TkleakSnapshot *) Tcl_Realloc(
		(char *) statePtr->store.snaps, cap * sizeof(TkleakSnapshot));
	statePtr->store.capSnaps = cap;
    }
    statePtr->store.snaps[statePtr->store.numSnaps].nameObj = nameObj;
    Tcl_IncrRefCount(nameObj);
    statePtr->store.snaps[statePtr->store.numSnaps].censusPtr = censusPtr;
    statePtr->store.numSnaps++;
    while (statePtr->opts.maxSnapshots > 0
	    && statePtr->store.numSnaps > statePtr->opts.maxSnapshots) {
	TkleakDropSnapshot(statePtr, 0);
    }
    return TCL_OK;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakFreeSnapshots --
 *
 *	Free every snapshot of the store, for an interpreter being deleted.
 *
 * Results:
 *	None.
 *
 * Side effects:
 *	The censuses are freed and the names released.
 *
 *----------------------------------------------------------------------
 */

void
TkleakFreeSnapshots(
    TkleakState *statePtr)
{
    while (statePtr->store.numSnaps > 0) {
	TkleakDropSnapshot(statePtr, statePtr->store.numSnaps - 1);
    }
    Tcl_Free((char *) statePtr->store.snaps);
    statePtr->store.snaps = NULL;
    statePtr->store.capSnaps = 0;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakCensusTakeRemember --
 *
 *	Take a census and index the slots with it, remembering what they
 *	name (TkleakRefsRemember); the index itself is not kept. The caller
 *	has flushed the recording log first. KEEP says whether the census
 *	is kept (and diffed: its "own" bytes are measured only then).
 *
 * Results:
 *	TCL_OK with *CENSUSPTRPTR a new census owned by the caller, or
 *	TCL_ERROR as TkleakCensusTake.
 *
 * Side effects:
 *	The "seen" table gets the index's referrers (TkleakRefsRemember).
 *
 *----------------------------------------------------------------------
 */

int
TkleakCensusTakeRemember(
    TkleakState *statePtr,
    Tcl_Interp *interp,
    TkleakCensus **censusPtrPtr,
    int keep)
{
    TkleakRefs refs;
    int code;

    TkleakRefsInit(&refs);
    TkleakSeenPrepare(statePtr, &refs);
    refs.keepCensus = keep;
    code = TkleakCensusTakeEx(statePtr, interp, censusPtrPtr, &refs);
    if (code == TCL_OK) {
	TkleakRefsRemember(statePtr, &refs);
    }
    TkleakRefsFree(&refs);
    return code;
}
