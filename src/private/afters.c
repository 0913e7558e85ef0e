/*
 * afters.c --
 *
 *	The after walk: an interpreter's pending "after" events read from
 *	Tcl's list of AfterInfo records, through mirrors of tclTimer.c's
 *	records (see "The after walk" below).
 *
 * Copyright (c) 2026 the tkleak developers. See the file "LICENSE".
 */

#include "private.h"

#ifdef TKLEAK_PRIVATE

/*
 * The after walk.
 *
 * Tcl keeps an interpreter's pending "after" events in a list of
 * AfterInfo records, newest first, hung from the interpreter's assoc
 * data "tclAfter"; both records are private to tclTimer.c. "after info
 * ID" finds an event by walking that list up to it, so asking it for
 * each of N events costs N*N/2 steps (20,000 events: 1.8 s). The mirrors
 * below declare the records as every Tcl 8.6 release has them (8.7 and
 * 9.0 add and widen fields, but the walk runs on 8.6 only,
 * TkleakWalkUsable). Before anything is counted, the list must look as
 * described: "after info" of the first id must answer with the very
 * script object the first record holds, and every record points back to
 * the assoc data, holds a script, and has a smaller id than the record
 * before it (ids are handed out in increasing order and new events go
 * first). Otherwise collect.c asks Tcl per id. ("after info" runs no
 * script, so the list cannot change while it is read.)
 */

typedef struct MirrorAfterInfo {	/* Tcl's AfterInfo. */
    struct MirrorAfterAssocData *assocPtr;
    Tcl_Obj *commandPtr;
    int id;
    Tcl_TimerToken token;
    struct MirrorAfterInfo *nextPtr;
} MirrorAfterInfo;

typedef struct MirrorAfterAssocData {	/* Tcl's AfterAssocData. */
    Tcl_Interp *interp;
    MirrorAfterInfo *firstAfterPtr;
} MirrorAfterAssocData;

/*
 * AfterId --
 *
 *	"after#ID", as "after info" names the event, into BUF (at least 20
 *	bytes).
 *
 * Results:
 *	The length of the name.
 */

static int
AfterId(
    int id,
    char *buf)
{
    char digits[12];
    int n = 0, len = 6;

    memcpy(buf, "after#", 6);
    do {
	digits[n++] = (char) ('0' + id % 10);
	id /= 10;
    } while (id > 0);
    while (n > 0) {
	buf[len++] = digits[--n];
    }
    buf[len] = '\0';
    return len;
}

/*
 * AfterTclAgrees --
 *
 *	Whether "after info" of the event AFTERPTR answers with the script
 *	object the record holds: then the mirror reads Tcl's records as
 *	Tcl does. The census's count of skipped calls is left as it was
 *	(an "after" the app replaced is counted by collect.c's own call).
 *	Once it has agreed, the layout is that of the Tcl library this
 *	process runs, for good: an app that later wraps "after" (renames it
 *	and puts a proc at its name) still has its events read, though
 *	"after info" can no longer be asked.
 */

static int afterLayoutAgreed = 0;	/* Set once, never cleared; a race
					 * between threads only repeats the
					 * check. */

static int
AfterTclAgrees(
    TkleakCollect *ctxPtr,
    MirrorAfterInfo *afterPtr)
{
    Tcl_Obj *objv[3], *resultPtr, *scriptPtr;
    char buf[32];
    int i, agrees = 0, skipped = ctxPtr->skipped;

    objv[0] = Tcl_NewStringObj("after", 5);
    objv[1] = Tcl_NewStringObj("info", 4);
    objv[2] = Tcl_NewStringObj(buf, AfterId(afterPtr->id, buf));
    for (i = 0; i < 3; i++) {
	Tcl_IncrRefCount(objv[i]);
    }
    if (TkleakCallCore(ctxPtr, "::after", 3, objv, &resultPtr) == TCL_OK) {
	/*
	 * A new list {SCRIPT TYPE}: indexing it changes no object of the
	 * app's.
	 */

	agrees = Tcl_ListObjIndex(NULL, resultPtr, 0, &scriptPtr) == TCL_OK
		&& scriptPtr == afterPtr->commandPtr;
	Tcl_DecrRefCount(resultPtr);
	if (agrees) {
	    afterLayoutAgreed = 1;
	}
    } else {
	agrees = afterLayoutAgreed;
    }
    for (i = 0; i < 3; i++) {
	Tcl_DecrRefCount(objv[i]);
    }
    ctxPtr->skipped = skipped;
    return agrees;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakWalkAfters --
 *
 *	Count the pending after events of the census's interpreter, in the
 *	order "after info" lists them, with their scripts read from Tcl's
 *	after list in one pass (TkleakCountAfter).
 *
 * Results:
 *	TCL_OK when counted; TCL_ERROR, with nothing counted, when the
 *	private walk cannot be used or the list is not as described above.
 *
 * Side effects:
 *	Only the strings of the scripts are read.
 *
 *----------------------------------------------------------------------
 */

int
TkleakWalkAfters(
    TkleakCollect *ctxPtr)
{
    MirrorAfterAssocData *assocPtr;
    MirrorAfterInfo *afterPtr, **records = NULL;
    char buf[32];
    int n = 0, cap = 0, i, lastId = 0;

    if (!TkleakWalkUsable(ctxPtr->statePtr)) {
	return TCL_ERROR;
    }
    assocPtr = Tcl_GetAssocData(ctxPtr->interp, "tclAfter", NULL);
    if (assocPtr == NULL || assocPtr->interp != ctxPtr->interp) {
	return TCL_ERROR;
    }
    if (assocPtr->firstAfterPtr == NULL) {
	return TCL_OK;
    }

    /*
     * The records are gathered and checked first: the first against
     * Tcl's answer before any next pointer is followed, each of the
     * others before its own; the falling ids also rule out a cycle.
     */

    for (afterPtr = assocPtr->firstAfterPtr; afterPtr != NULL;
	    afterPtr = afterPtr->nextPtr) {
	if (afterPtr->assocPtr != assocPtr || afterPtr->commandPtr == NULL
		|| afterPtr->id < 0 || (n > 0 && afterPtr->id >= lastId)
		|| (n == 0 && !AfterTclAgrees(ctxPtr, afterPtr))) {
	    free(records);
	    return TCL_ERROR;
	}
	if (n == cap) {
	    MirrorAfterInfo **more;

	    cap = cap ? 2 * cap : 256;
	    more = realloc(records, cap * sizeof(MirrorAfterInfo *));
	    if (more == NULL) {
		free(records);
		return TCL_ERROR;
	    }
	    records = more;
	}
	records[n++] = afterPtr;
	lastId = afterPtr->id;
    }

    /*
     * "after info" ran no script, and counting runs none: the list is as
     * checked. Each script object and its string are fetched a few
     * events ahead, as the records lie all over the heap.
     */

    for (i = 0; i < n; i++) {
	if (i + 8 < n) {
	    __builtin_prefetch(records[i + 8]->commandPtr);
	}
	if (i + 4 < n && records[i + 4]->commandPtr->bytes != NULL) {
	    __builtin_prefetch(records[i + 4]->commandPtr->bytes);
	}
	ctxPtr->sinkPtr->countAfter(ctxPtr, buf, AfterId(records[i]->id, buf),
		records[i]->commandPtr);
    }
    free(records);
    return TCL_OK;
}

#endif /* TKLEAK_PRIVATE */
