/*
 * seen.c --
 *
 *	The "seen" store: for each command, image or menu, the last few
 *	slots that named it, from an index (TkleakRefsRemember) or from
 *	recording (log.c). It outlives censuses: it is what makes an object
 *	that is named by no slot now "detached" rather than "unreferenced".
 *	Entries of the dead are dropped (TkleakForgetDead), so it stays as
 *	large as the app, not as its history.
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
 * TkleakRefsRemember --
 *
 *	Note, for every object REFSPTR indexes, its last referrer in the
 *	interpreter's "seen" table, which decides whether an unreferenced
 *	object is "detached". Keyed by object, so replaced attachments of
 *	one slot do not pile up. The caller has flushed the recording log
 *	first (TkleakRecordFlush), so that what was attached before the
 *	index comes first.
 *
 * Results:
 *	None.
 *
 * Side effects:
 *	The seen table holds a reference to each referrer it keeps.
 *
 *----------------------------------------------------------------------
 */

void
TkleakRefsRemember(
    TkleakState *statePtr,
    TkleakRefs *refsPtr)
{
    Tcl_HashSearch search;
    Tcl_HashEntry *hPtr;

    for (hPtr = Tcl_FirstHashEntry(&refsPtr->index, &search); hPtr;
	    hPtr = Tcl_NextHashEntry(&search)) {
	Tcl_Obj *listPtr = Tcl_GetHashValue(hPtr), **v;
	int i;
	Tcl_Size n;

	if (Tcl_ListObjGetElements(NULL, listPtr, &n, &v) != TCL_OK) {
	    continue;
	}
	for (i = (n > TKLEAK_SEEN_MAX ? n - TKLEAK_SEEN_MAX : 0); i < n; i++) {
	    TkleakSeen(statePtr, Tcl_GetHashKey(&refsPtr->index, hPtr), v[i]);
	}
    }
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakSeenForgetDead --
 *
 *	Drop the "seen" entries of objects that died (TkleakForgetDead on
 *	the seen table), for the layers above store/, which read the table
 *	but do not write it.
 *
 * Results:
 *	None.
 *
 * Side effects:
 *	As TkleakForgetDead: entries of the dead deleted, their lists
 *	released; the interpreter's result is reset.
 *
 *----------------------------------------------------------------------
 */

void
TkleakSeenForgetDead(
    TkleakState *statePtr,
    Tcl_Interp *interp)
{
    TkleakForgetDead(statePtr, interp, &statePtr->store.seen);
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakSeenFree --
 *
 *	Free the seen table, when the state goes.
 *
 * Results:
 *	None.
 *
 * Side effects:
 *	Every entry's list is released (one reference each).
 *
 *----------------------------------------------------------------------
 */

void
TkleakSeenFree(
    TkleakState *statePtr)
{
    TkleakDeleteObjTable(&statePtr->store.seen, 0);
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakSeen --
 *
 *	Record REFPTR ({owner O slot S}) as the latest slot seen naming
 *	KEY. Each object keeps its last TKLEAK_SEEN_MAX distinct slots, most
 *	recent last: enough to recheck whether it is still attached (live.c)
 *	and bounded however often a slot is set again.
 *
 * Results:
 *	None.
 *
 * Side effects:
 *	The seen table holds a reference to REFPTR (and to the list of
 *	KEY's referrers); an older referrer dropped is released.
 *
 *----------------------------------------------------------------------
 */

void
TkleakSeen(
    TkleakState *statePtr,
    const char *key,
    Tcl_Obj *refPtr)
{
    int isNew, i;
    Tcl_Size n;
    Tcl_HashEntry *hPtr = Tcl_CreateHashEntry(&statePtr->store.seen, key, &isNew);
    Tcl_Obj *listPtr, **v;
    const char *ref = Tcl_GetString(refPtr);

    if (isNew) {
	listPtr = Tcl_NewListObj(0, NULL);
	Tcl_IncrRefCount(listPtr);
	Tcl_SetHashValue(hPtr, listPtr);
    } else {
	listPtr = Tcl_GetHashValue(hPtr);
	if (Tcl_IsShared(listPtr)) {
	    Tcl_DecrRefCount(listPtr);
	    listPtr = Tcl_DuplicateObj(listPtr);
	    Tcl_IncrRefCount(listPtr);
	    Tcl_SetHashValue(hPtr, listPtr);
	}
    }
    Tcl_ListObjGetElements(NULL, listPtr, &n, &v);
    if (n > 0 && (v[n - 1] == refPtr
	    || strcmp(Tcl_GetString(v[n - 1]), ref) == 0)) {
	return;			/* Already the latest. */
    }
    for (i = 0; i < n; i++) {
	if (v[i] == refPtr || strcmp(Tcl_GetString(v[i]), ref) == 0) {
	    Tcl_ListObjReplace(NULL, listPtr, i, 1, 0, NULL);
	    break;
	}
    }
    Tcl_ListObjLength(NULL, listPtr, &n);
    if (n >= TKLEAK_SEEN_MAX) {
	Tcl_ListObjReplace(NULL, listPtr, 0, n - TKLEAK_SEEN_MAX + 1, 0, NULL);
    }
    Tcl_ListObjAppendElement(NULL, listPtr, refPtr);
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakSeenLast --
 *
 *	The last slot seen naming the object of ENTRY in the seen table
 *	(an object with no reference held).
 *
 * Results:
 *	The referrer, owned by the seen table, or a new empty object with
 *	no reference held.
 *
 * Side effects:
 *	None.
 *
 *----------------------------------------------------------------------
 */

Tcl_Obj *
TkleakSeenLast(
    Tcl_HashEntry *hPtr)
{
    Tcl_Obj *listPtr = Tcl_GetHashValue(hPtr), *lastPtr = NULL;
    Tcl_Size n;

    Tcl_ListObjLength(NULL, listPtr, &n);
    if (n > 0) {
	Tcl_ListObjIndex(NULL, listPtr, n - 1, &lastPtr);
    }
    return lastPtr ? lastPtr : Tcl_NewObj();
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakKeyAlive --
 *
 *	Whether the object of index or origin key KEY still exists: "c" a
 *	command, "i" an image, "w" a window, "a" an after event, "b" a
 *	binding, "v" a variable or array element, "k" a canvas item.
 *	Nothing is evaluated.
 *
 * Side effects:
 *	The interpreter's result may change; callers save it.
 *
 *----------------------------------------------------------------------
 */

int
TkleakKeyAlive(
    TkleakState *statePtr,
    Tcl_Interp *interp,
    const char *key)
{
    switch (key[0]) {
    case TKLEAK_KEY_COMMAND:
	return Tcl_FindCommand(interp, key + 1, NULL, TCL_GLOBAL_ONLY) != NULL;
    case TKLEAK_KEY_AFTER:
    case TKLEAK_KEY_BINDING:
	return TkleakCreationAlive(statePtr, interp, key);
    case TKLEAK_KEY_VARIABLE:
	return TkleakVarKeyAlive(statePtr, interp, key);
    case TKLEAK_KEY_CANVAS_ITEM:
	return TkleakCanvasItemAlive(statePtr, interp, key);
    }
    if (statePtr->tk.tkReady && Tk_MainWindow(interp) != NULL) {
	if (key[0] == TKLEAK_KEY_IMAGE) {
	    const Tk_ImageType *typePtr = NULL;

	    (void) Tk_GetImageMasterData(interp, key + 1, &typePtr);
	    return typePtr != NULL;
	}
	return Tk_NameToWindow(interp, key + 1, Tk_MainWindow(interp)) != NULL;
    }
    return 0;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakForgetDead --
 *
 *	Drop the entries of TABLEPTR (the "seen" or the origin table: keys
 *	as TkleakKeyAlive takes them, each value an object holding one
 *	reference) whose objects no longer exist, so the table stays as
 *	large as the app, not as its history.
 *
 * Results:
 *	None.
 *
 * Side effects:
 *	Entries of the dead are deleted, releasing their values; the
 *	interpreter's result is reset. No script runs ("after info" through
 *	its C procedure).
 *
 *----------------------------------------------------------------------
 */

void
TkleakForgetDead(
    TkleakState *statePtr,
    Tcl_Interp *interp,
    Tcl_HashTable *tablePtr)
{
    Tcl_HashSearch search;
    Tcl_HashEntry *hPtr;
    Tcl_HashTable afters;	/* The live after ids, once an after key
				 * comes up: one "after info" for all. */
    int haveAfters = -1;	/* -1 not asked yet, 0 could not, 1 did. */

    for (hPtr = Tcl_FirstHashEntry(tablePtr, &search); hPtr;
	    hPtr = Tcl_NextHashEntry(&search)) {
	const char *key = Tcl_GetHashKey(tablePtr, hPtr);
	int alive;

	if (key[0] == 'a' && haveAfters < 0) {
	    Tcl_InitHashTable(&afters, TCL_STRING_KEYS);
	    haveAfters = TkleakLiveAfters(statePtr, interp, &afters) == TCL_OK;
	}
	if (key[0] == 'a' && haveAfters) {
	    alive = Tcl_FindHashEntry(&afters, key + 1) != NULL;
	} else {
	    alive = TkleakKeyAlive(statePtr, interp, key);
	}
	if (!alive) {
	    Tcl_DecrRefCount((Tcl_Obj *) Tcl_GetHashValue(hPtr));
	    Tcl_DeleteHashEntry(hPtr);
	}
    }
    if (haveAfters >= 0) {
	Tcl_DeleteHashTable(&afters);
    }
    Tcl_ResetResult(interp);
}
