/*
 * orphanstep.c --
 *
 *	tkleak::orphanscan: the full orphan scan of tkleak::orphans without
 *	recording (orphans.c), cut into steps that each take about a given
 *	time, so that a caller (the panel's auto refresh) can let the app
 *	handle its events between them.
 *
 *	The first step takes the census; the slots it meets on the way go
 *	into a queue (an after event's script copied, a binding by the
 *	position of its identity {TAG SEQ} in the census, its script read
 *	from Tk when it is indexed), and the windows whose slots are read
 *	later are kept by path; the index begins at the next step (its
 *	bounds, BeginIndex). Nothing is kept across
 *	steps that points into the app: each step finds its windows again by
 *	name (skipping those gone) and calls only Tk's and Tcl's own C
 *	procedures, as the census does. The later steps index the queued
 *	slots, then the windows' slots and the variable traces, in the order
 *	TkleakCensusTakeEx does, then do what tkleak::orphans does after its
 *	census, a piece at a time: remember the referrers in "seen", drop
 *	the dead from it, test each candidate, free the index, and find the
 *	dangling and dead-window orphans. When the app runs nothing between
 *	steps the answer is tkleak::orphans' own.
 *
 *	When it does, the rule (doc/tkleak.n, orphanscan): only objects of
 *	the first step's census can be reported; a census is taken again
 *	before the index is freed, and when windows, bindings, menu entries,
 *	canvas items or traces were made or deleted since the first step,
 *	or the reference snapshot changed, the scan ends "changed", with no
 *	answer; an orphan that no longer exists is left out.
 *
 * Copyright (c) 2026 the tkleak developers. See the file "LICENSE".
 */

#include "config.h"
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "tkleakInt.h"

/*
 * The phases of a scan, in order. Those marked heavy take one step of
 * their own at the start of a step, whatever the budget left.
 */

enum {
    PH_BEGIN,			/* Begin the index (heavy). */
    PH_QUEUE,			/* Index the queued slots. */
    PH_WINDOWS,			/* Index the windows' slots, by path. */
    PH_TRACES,			/* Index the variable traces. */
    PH_AGE,			/* End of the index (heavy). */
    PH_FLUSH,			/* Recording's log into "seen" (heavy). */
    PH_REMEMBER,		/* Referrers into "seen", a key at a time. */
    PH_FORGETLIST,		/* The keys of "seen" (heavy). */
    PH_FORGET,			/* Drop the dead from "seen", a key at a time. */
    PH_ORPHANS,			/* Test the candidates, one at a time. */
    PH_CHECK,			/* The census again (heavy). */
    PH_COMPARE,			/* Compare it with the first (heavy). */
    PH_FREE,			/* Free the index, a key at a time. */
    PH_MORE,			/* Dangling and dead-window (heavy). */
    PH_DONE
};

static const char *const phaseNames[] = {
    "slots", "slots", "windows", "traces", "age", "remember", "remember",
    "forget",
    "orphans", "check", "check", "free", "more", "done", NULL
};

#define HEAVY(phase) ((phase) == PH_BEGIN || (phase) == PH_AGE \
	|| (phase) == PH_FLUSH \
	|| (phase) == PH_FORGETLIST \
	|| (phase) == PH_CHECK || (phase) == PH_COMPARE || (phase) == PH_MORE)

#define CHUNK 256		/* Identities a unit hashes or looks up. */
#define YIELD TCL_CONTINUE	/* Unit: end the step here, nothing done. */

#define DEFAULT_BUDGET 5000	/* Microseconds a step, by default. */
#define MAX_BUDGET 1000000

typedef struct TkleakOrphanScan {
    int phase;
    int changed;		/* 1: the scan ended "changed". */
    long budget;		/* Microseconds a step. */
    unsigned long steps;	/* Steps taken, the first included. */
    Tcl_Obj *sinceObj;		/* The -since snapshot's name (one
				 * reference), or NULL for the default. */
    unsigned long sinceSerial;	/* Serial of the reference census at the
				 * first step, 0 for none. */
    TkleakCensus *curPtr;	/* The first step's census; owned. */
    TkleakRefs refs;		/* The index being filled. */
    TkleakRefsQueue queue;	/* Its queued slots. */
    Tcl_Obj *windowsPtr;	/* Paths of the windows to index (one
				 * reference). */
    Tcl_Size nextWindow, nextTrace;
    Tcl_HashTable *unreadPtr;	/* Widgets found unreadable, or NULL. */
    Tcl_HashSearch search;	/* Over refs.index: remember, free. */
    int searching;
    char *seenKeys;		/* The keys of "seen", each NUL-ended
				 * (malloc'ed); then where the next is. */
    size_t seenLen, seenPos;
    Tcl_HashTable *hullNames;	/* Path -> the name of Tk's widget command
				 * of a window whose command was renamed
				 * (one reference each), or NULL until a
				 * window needs it. */
    TkleakType **order;		/* The census's types in name order. */
    size_t nextType;
    int typeStage;		/* Within a type: 0 next type, 1 hashing the
				 * reference's identities, 2 looking the
				 * census's up, 3 testing the candidates. */
    Tcl_HashTable sinceIds;	/* The reference's identities of the type
				 * (copies), while typeStage is 1 or 2. */
    size_t pos;			/* Where stage 1 or 2 is. */
    const char **ids;		/* The type's identities not in the
				 * reference (the census's strings). */
    size_t numIds, nextId;
    int kind;			/* Their index key's kind. */
    TkleakCensus *checkPtr;	/* The census of PH_CHECK; owned. */
    Tcl_Obj *resultPtr;		/* The orphans so far (one reference). */
} TkleakOrphanScan;

/*
 * Now --
 *
 *	A monotonic clock in microseconds.
 */

static long long
Now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long) ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

static int
CompareStrings(
    const void *a,
    const void *b)
{
    return strcmp(*(const char *const *) a, *(const char *const *) b);
}

/*
 * FreeScan --
 *
 *	Free a scan and everything it holds.
 */

static void
FreeScan(
    TkleakOrphanScan *scanPtr)
{
    if (scanPtr->curPtr != NULL) {
	TkleakCensusFree(scanPtr->curPtr);
    }
    scanPtr->refs.queuePtr = NULL;
    TkleakRefsFree(&scanPtr->refs);
    TkleakRefsQueueFree(&scanPtr->queue);
    if (scanPtr->windowsPtr != NULL) {
	Tcl_DecrRefCount(scanPtr->windowsPtr);
    }
    if (scanPtr->unreadPtr != NULL) {
	Tcl_DeleteHashTable(scanPtr->unreadPtr);
	Tcl_Free((char *) scanPtr->unreadPtr);
    }
    free(scanPtr->seenKeys);
    if (scanPtr->order != NULL) {
	Tcl_Free((char *) scanPtr->order);
    }
    free((void *) scanPtr->ids);
    if (scanPtr->typeStage == 1 || scanPtr->typeStage == 2) {
	Tcl_DeleteHashTable(&scanPtr->sinceIds);
    }
    if (scanPtr->hullNames != NULL) {
	TkleakDeleteObjTable(scanPtr->hullNames, 0);
	Tcl_Free((char *) scanPtr->hullNames);
    }
    if (scanPtr->checkPtr != NULL) {
	TkleakCensusFree(scanPtr->checkPtr);
    }
    if (scanPtr->resultPtr != NULL) {
	Tcl_DecrRefCount(scanPtr->resultPtr);
    }
    if (scanPtr->sinceObj != NULL) {
	Tcl_DecrRefCount(scanPtr->sinceObj);
    }
    Tcl_Free((char *) scanPtr);
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakOrphanScanFree --
 *
 *	Free the stepped scan under way in STATEPTR, if any: when the
 *	interpreter goes, and when a scan is cancelled or replaced.
 *
 * Results:
 *	None.
 *
 * Side effects:
 *	The scan's census, index and copies are freed.
 *
 *----------------------------------------------------------------------
 */

void
TkleakOrphanScanFree(
    TkleakState *statePtr)
{
    if (statePtr->query.scanPtr != NULL) {
	FreeScan(statePtr->query.scanPtr);
	statePtr->query.scanPtr = NULL;
    }
}

/*
 * Since --
 *
 *	The scan's reference census now, in *SINCEPTRPTR; 0 when it is the
 *	one of the first step, -1 when that went (forgotten, or another
 *	became the default reference).
 */

static int
Since(
    TkleakState *statePtr,
    Tcl_Interp *interp,
    TkleakOrphanScan *scanPtr,
    TkleakCensus **sincePtrPtr)
{
    *sincePtrPtr = NULL;
    if (TkleakOrphansSince(interp, statePtr, scanPtr->sinceObj, sincePtrPtr)
	    != TCL_OK) {
	Tcl_ResetResult(interp);
	return -1;
    }
    if ((*sincePtrPtr ? (*sincePtrPtr)->serial : 0) != scanPtr->sinceSerial) {
	return -1;
    }
    return 0;
}

/*
 * Changed --
 *
 *	Whether the census CHECKPTR differs from the first step's in the
 *	slots' owners: windows, bindings, menu entries, canvas items,
 *	traces. (After events come and go with every timer an app re-arms;
 *	their scripts are read at the first step.)
 */

static int
IsOwnerType(
    const char *name)
{
    return strncmp(name, "widget ", 7) == 0 || strcmp(name, "binding") == 0
	    || strcmp(name, "menu entry") == 0
	    || strcmp(name, "canvas item") == 0 || strcmp(name, "trace") == 0;
}

static void
Digest(
    TkleakType *typePtr,
    size_t digest[3])
{
    size_t i;

    digest[0] = digest[1] = digest[2] = 0;
    for (i = 0; typePtr != NULL && i < typePtr->numIds; i++) {
	size_t h = TkleakHashString(typePtr->ids[i]);

	digest[0]++;
	digest[1] += h;
	digest[2] += (h * 0x9E3779B97F4A7C15ull) ^ (h >> 17);
    }
}

static int
Changed(
    TkleakCensus *firstPtr,
    TkleakCensus *checkPtr)
{
    TkleakCensus *pair[2];
    size_t t, a[3], b[3];
    int i;

    /*
     * By count and two sums of the identities' hashes, in one pass and
     * without sorting (a sort of 20,000 bindings would be a step).
     */

    pair[0] = firstPtr;
    pair[1] = checkPtr;
    for (i = 0; i < 2; i++) {
	for (t = 0; t < pair[i]->numTypes; t++) {
	    TkleakType *typePtr = &pair[i]->types[t];

	    if (!IsOwnerType(typePtr->name)) {
		continue;
	    }
	    Digest(typePtr, a);
	    Digest(TkleakCensusFind(pair[1 - i], typePtr->name), b);
	    if (memcmp(a, b, sizeof(a)) != 0) {
		return 1;
	    }
	}
    }
    return 0;
}

/*
 * OrphanKey --
 *
 *	"TYPE\1NAME" of the orphan ORPHANPTR into KEYPTR (emptied first).
 *	Returns its type (owned by the orphan), or NULL when it has none.
 */

static const char *
OrphanKey(
    Tcl_Obj *orphanPtr,
    Tcl_DString *keyPtr)
{
    Tcl_Obj *typePtr = TkleakDictGet(orphanPtr, "type");
    Tcl_Obj *namePtr = TkleakDictGet(orphanPtr, "name");

    if (typePtr == NULL || namePtr == NULL) {
	return NULL;
    }
    Tcl_DStringSetLength(keyPtr, 0);
    Tcl_DStringAppend(keyPtr, Tcl_GetString(typePtr), -1);
    Tcl_DStringAppend(keyPtr, "\1", 1);
    Tcl_DStringAppend(keyPtr, Tcl_GetString(namePtr), -1);
    return Tcl_GetString(typePtr);
}

/*
 * Keep --
 *
 *	The orphans of the list LISTPTR that the census CHECKPTR still has:
 *	a new list.
 */

static Tcl_Obj *
Keep(
    TkleakCensus *checkPtr,
    Tcl_Obj *listPtr)
{
    Tcl_Obj *keptPtr = Tcl_NewListObj(0, NULL), **v;
    Tcl_HashTable wanted, types;
    Tcl_HashSearch search;
    Tcl_HashEntry *hPtr;
    Tcl_DString key;
    Tcl_Size n, i;
    int isNew;

    if (Tcl_ListObjGetElements(NULL, listPtr, &n, &v) != TCL_OK || n == 0) {
	return keptPtr;
    }

    /*
     * "TYPE\1NAME" of each orphan; then one pass over each of their
     * types in CHECKPTR marks those it has.
     */

    Tcl_InitHashTable(&wanted, TCL_STRING_KEYS);
    Tcl_InitHashTable(&types, TCL_STRING_KEYS);
    Tcl_DStringInit(&key);
    for (i = 0; i < n; i++) {
	const char *type = OrphanKey(v[i], &key);

	if (type == NULL) {
	    continue;
	}
	Tcl_SetHashValue(Tcl_CreateHashEntry(&wanted, Tcl_DStringValue(&key),
		&isNew), NULL);
	Tcl_CreateHashEntry(&types, type, &isNew);
    }
    for (hPtr = Tcl_FirstHashEntry(&types, &search); hPtr;
	    hPtr = Tcl_NextHashEntry(&search)) {
	const char *type = Tcl_GetHashKey(&types, hPtr);
	TkleakType *typePtr = TkleakCensusFind(checkPtr, type);
	size_t k;

	for (k = 0; typePtr != NULL && k < typePtr->numIds; k++) {
	    Tcl_HashEntry *wPtr;

	    Tcl_DStringSetLength(&key, 0);
	    Tcl_DStringAppend(&key, type, -1);
	    Tcl_DStringAppend(&key, "\1", 1);
	    Tcl_DStringAppend(&key, typePtr->ids[k], -1);
	    wPtr = Tcl_FindHashEntry(&wanted, Tcl_DStringValue(&key));
	    if (wPtr != NULL) {
		Tcl_SetHashValue(wPtr, (void *) 1);
	    }
	}
    }
    for (i = 0; i < n; i++) {
	if (OrphanKey(v[i], &key) == NULL) {
	    continue;
	}
	hPtr = Tcl_FindHashEntry(&wanted, Tcl_DStringValue(&key));
	if (hPtr != NULL && Tcl_GetHashValue(hPtr) != NULL) {
	    Tcl_ListObjAppendElement(NULL, keptPtr, v[i]);
	}
    }
    Tcl_DStringFree(&key);
    Tcl_DeleteHashTable(&wanted);
    Tcl_DeleteHashTable(&types);
    return keptPtr;
}

/*
 * BuildHulls --
 *
 *	The hull map of the scan: for each window still to index whose
 *	command was renamed (a megawidget's, or IDLE's redirected text), the
 *	name of the command that has its widget record as client data, as
 *	TkleakWidgetCommand's table would give it (the first such command
 *	that is no proc, alias or import, in the order of a walk of every
 *	command), found once. Only the records of those windows are looked
 *	for, and only names are kept: no pointer outlives the step.
 */

typedef struct HullWalk {
    TkleakState *statePtr;
    Tcl_HashTable records;	/* Record -> its first command, or NULL. */
} HullWalk;

static void
HullFound(
    void *data,
    Tcl_Command token,
    Tcl_ObjCmdProc *objProc,
    ClientData clientData)
{
    HullWalk *walkPtr = data;
    TkleakState *statePtr = walkPtr->statePtr;
    Tcl_HashEntry *hPtr;

    if (objProc == statePtr->core.procProc
	    || objProc == statePtr->core.aliasProc
	    || objProc == statePtr->core.importProc) {
	return;
    }
    hPtr = Tcl_FindHashEntry(&walkPtr->records, clientData);
    if (hPtr != NULL && Tcl_GetHashValue(hPtr) == NULL) {
	Tcl_SetHashValue(hPtr, token);
    }
}

static void
BuildHulls(
    TkleakState *statePtr,
    Tcl_Interp *interp,
    TkleakOrphanScan *scanPtr)
{
    HullWalk walk;
    Tcl_Obj **v;
    Tcl_Size n, i;
    Tk_Window mainWin = Tk_MainWindow(interp);
    int isNew;

    scanPtr->hullNames = (Tcl_HashTable *) Tcl_Alloc(sizeof(Tcl_HashTable));
    Tcl_InitHashTable(scanPtr->hullNames, TCL_STRING_KEYS);
    if (mainWin == NULL || Tcl_ListObjGetElements(NULL, scanPtr->windowsPtr,
	    &n, &v) != TCL_OK) {
	return;
    }
    walk.statePtr = statePtr;
    Tcl_InitHashTable(&walk.records, TCL_ONE_WORD_KEYS);
    for (i = scanPtr->nextWindow; i < n; i++) {
	Tk_Window win = Tk_NameToWindow(interp, Tcl_GetString(v[i]), mainWin);
	ClientData record;

	Tcl_ResetResult(interp);
	if (win != NULL && TkleakWalkInstanceData(statePtr, win, &record)
		&& record != NULL) {
	    Tcl_SetHashValue(Tcl_CreateHashEntry(&walk.records, record,
		    &isNew), NULL);
	}
    }
    TkleakWalkCommands(interp, HullFound, &walk);
    for (i = scanPtr->nextWindow; i < n; i++) {
	const char *path = Tcl_GetString(v[i]);
	Tk_Window win = Tk_NameToWindow(interp, path, mainWin);
	ClientData record;
	Tcl_HashEntry *hPtr;
	Tcl_Command token;
	Tcl_Obj *namePtr;

	Tcl_ResetResult(interp);
	if (win == NULL || !TkleakWalkInstanceData(statePtr, win, &record)
		|| record == NULL
		|| (hPtr = Tcl_FindHashEntry(&walk.records, record)) == NULL
		|| (token = Tcl_GetHashValue(hPtr)) == NULL
		|| token == Tcl_FindCommand(interp, path, NULL,
		TCL_GLOBAL_ONLY)) {
	    continue;		/* No command of it, or not renamed. */
	}
	namePtr = Tcl_NewObj();
	Tcl_GetCommandFullName(interp, token, namePtr);
	Tcl_IncrRefCount(namePtr);
	hPtr = Tcl_CreateHashEntry(scanPtr->hullNames, path, &isNew);
	if (!isNew) {
	    Tcl_DecrRefCount((Tcl_Obj *) Tcl_GetHashValue(hPtr));
	}
	Tcl_SetHashValue(hPtr, namePtr);
    }
    Tcl_DeleteHashTable(&walk.records);
}

/*
 * SeedHull --
 *
 *	Give the step's collector CTXPTR the widget command of the window
 *	PATH (whose record is RECORD) that the hull map names, found again
 *	by name, so that TkleakWidgetCommand finds it without walking every
 *	command; it checks the command's client data is the record still.
 */

static void
SeedHull(
    TkleakOrphanScan *scanPtr,
    TkleakCollect *ctxPtr,
    const char *path,
    ClientData record)
{
    Tcl_HashEntry *hPtr = Tcl_FindHashEntry(scanPtr->hullNames, path);
    Tcl_Command token;
    int isNew;

    if (hPtr == NULL) {
	return;
    }
    token = Tcl_FindCommand(ctxPtr->interp,
	    Tcl_GetString((Tcl_Obj *) Tcl_GetHashValue(hPtr)), NULL,
	    TCL_GLOBAL_ONLY);
    if (token != NULL) {
	hPtr = Tcl_CreateHashEntry(ctxPtr->hullsPtr, record, &isNew);
	Tcl_SetHashValue(hPtr, token);
    }
}

/*
 * BeginIndex --
 *
 *	The index's start (TkleakRefsBegin), at the step after the census:
 *	its bounds, the longest image name and global command name, which
 *	spare looking up words no name can be, are widened to the census's
 *	own, so that a word naming an object of the census is looked up
 *	even when the object was deleted meanwhile and is made again before
 *	its slot is indexed (when it is reported unless a slot names it).
 */

static void
BeginIndex(
    TkleakOrphanScan *scanPtr,
    TkleakCollect *ctxPtr)
{
    TkleakRefs *refsPtr = &scanPtr->refs;
    TkleakCensus *censusPtr = scanPtr->curPtr;
    size_t t, i;

    TkleakRefsBegin(ctxPtr);
    for (t = 0; refsPtr->bounded && t < censusPtr->numTypes; t++) {
	const TkleakType *typePtr = &censusPtr->types[t];
	int image = strncmp(typePtr->name, "image ", 6) == 0;

	if (!image && strncmp(typePtr->name, "command ", 8) != 0
		&& strncmp(typePtr->name, "object ", 7) != 0) {
	    continue;
	}
	for (i = 0; i < typePtr->numIds; i++) {
	    const char *id = typePtr->ids[i];
	    size_t n;

	    if (image) {
		n = strlen(id);
		if (n > refsPtr->maxImage) {
		    refsPtr->maxImage = n;
		}
		continue;
	    }

	    /*
	     * A global command: the bound is of names looked up in the
	     * global namespace alone.
	     */

	    if (id[0] == ':' && id[1] == ':') {
		id += 2;
	    }
	    if (strstr(id, "::") == NULL
		    && (n = strlen(id)) > refsPtr->maxCommand) {
		refsPtr->maxCommand = n;
	    }
	}
    }
}

/*
 * NextIndexEntry --
 *
 *	The next entry of the scan's index in a walk kept across steps
 *	(the index is the scan's own: nothing else changes it), or NULL at
 *	its end, when the walk is over and may begin again.
 */

static Tcl_HashEntry *
NextIndexEntry(
    TkleakOrphanScan *scanPtr)
{
    Tcl_HashEntry *hPtr;

    if (!scanPtr->searching) {
	hPtr = Tcl_FirstHashEntry(&scanPtr->refs.index, &scanPtr->search);
	scanPtr->searching = 1;
    } else {
	hPtr = Tcl_NextHashEntry(&scanPtr->search);
    }
    if (hPtr == NULL) {
	scanPtr->searching = 0;
    }
    return hPtr;
}

/*
 * Unit --
 *
 *	One unit of work of the scan's phase, or its move to the next
 *	phase; FIRST when it is the step's first. Returns TCL_OK, YIELD when
 *	the unit needs a step of its own (nothing done), or TCL_ERROR
 *	(message and code in the interpreter) when memory is short.
 */

static int
Unit(
    TkleakState *statePtr,
    Tcl_Interp *interp,
    TkleakOrphanScan *scanPtr,
    TkleakCollect *ctxPtr,
    int first)
{
    Tcl_Obj **v;
    Tcl_Size n;
    TkleakCensus *sincePtr, *checkPtr;

    switch (scanPtr->phase) {
    case PH_BEGIN:
	BeginIndex(scanPtr, ctxPtr);
	scanPtr->phase++;
	break;

    case PH_QUEUE:
	if (!TkleakRefsQueueNext(ctxPtr)) {
	    TkleakRefsQueueFree(&scanPtr->queue);
	    scanPtr->refs.queuePtr = NULL;	/* Index from now on. */
	    scanPtr->phase++;
	}
	break;

    case PH_WINDOWS:
	if (Tcl_ListObjGetElements(NULL, scanPtr->windowsPtr, &n, &v)
		!= TCL_OK || scanPtr->nextWindow >= n) {
	    scanPtr->phase++;
	} else if (statePtr->tk.tkReady && Tk_MainWindow(interp) != NULL) {
	    const char *path = Tcl_GetString(v[scanPtr->nextWindow++]);
	    Tk_Window tkwin = Tk_NameToWindow(interp, path,
		    Tk_MainWindow(interp));

	    Tcl_ResetResult(interp);
	    if (tkwin != NULL) {
		Tcl_CmdInfo info;
		ClientData record;

		/*
		 * The step's hull table starts empty, so a window whose
		 * command was renamed is not found at its path: its hull
		 * comes from the map, made once (a walk of every command,
		 * a step of its own).
		 */

		if (!TkleakWidgetCommand(ctxPtr, tkwin, &info)
			&& TkleakWalkInstanceData(statePtr, tkwin, &record)
			&& record != NULL) {
		    if (scanPtr->hullNames == NULL) {
			scanPtr->nextWindow--;
			if (!first) {
			    return YIELD;
			}
			BuildHulls(statePtr, interp, scanPtr);
			return YIELD;	/* The window, in the next step. */
		    }
		    SeedHull(scanPtr, ctxPtr, path, record);
		}
		TkleakRefsScanWindow(ctxPtr, path, tkwin);
	    }
	} else {
	    scanPtr->nextWindow = n;	/* Tk went: nothing to ask. */
	}
	break;

    case PH_TRACES:
	if (Tcl_ListObjGetElements(NULL, scanPtr->refs.tracedVars, &n, &v)
		!= TCL_OK || scanPtr->nextTrace >= n) {
	    scanPtr->phase++;
	} else {
	    TkleakRefsScanTrace(ctxPtr, v[scanPtr->nextTrace++]);
	}
	break;

    case PH_AGE:
	TkleakSlotWordsAge(statePtr, scanPtr->refs.scan);
	TkleakRefsAge(statePtr, scanPtr->refs.scan);
	TkleakCollectDone(ctxPtr);	/* The unread widgets: lastUnread. */
	scanPtr->phase++;
	break;

    case PH_FLUSH:
	/*
	 * What recording logged goes into "seen" before the index does,
	 * as tkleak::orphans has it (there before its census: "seen" is
	 * read by neither the census nor the index).
	 */

	TkleakRecordFlush(statePtr);
	scanPtr->phase++;
	break;

    case PH_REMEMBER: {
	Tcl_HashEntry *hPtr = NextIndexEntry(scanPtr);

	if (hPtr == NULL) {
	    scanPtr->phase++;
	    break;
	}
	TkleakRefsRememberEntry(statePtr, &scanPtr->refs, hPtr);
	break;
    }

    case PH_FORGETLIST: {
	Tcl_HashSearch search;
	Tcl_HashEntry *hPtr;
	size_t len = 0, pos = 0;

	for (hPtr = Tcl_FirstHashEntry(&statePtr->store.seen, &search); hPtr;
		hPtr = Tcl_NextHashEntry(&search)) {
	    len += strlen(Tcl_GetHashKey(&statePtr->store.seen, hPtr)) + 1;
	}
	scanPtr->seenKeys = malloc(len + 1);
	if (scanPtr->seenKeys == NULL) {
	    goto nomem;
	}
	for (hPtr = Tcl_FirstHashEntry(&statePtr->store.seen, &search); hPtr;
		hPtr = Tcl_NextHashEntry(&search)) {
	    const char *key = Tcl_GetHashKey(&statePtr->store.seen, hPtr);
	    size_t k = strlen(key) + 1;

	    memcpy(scanPtr->seenKeys + pos, key, k);
	    pos += k;
	}
	scanPtr->seenLen = len;
	scanPtr->seenPos = 0;
	scanPtr->phase++;
	break;
    }

    case PH_FORGET: {
	const char *key;
	Tcl_HashEntry *hPtr;
	int alive;

	if (scanPtr->seenPos >= scanPtr->seenLen) {
	    free(scanPtr->seenKeys);
	    scanPtr->seenKeys = NULL;
	    Tcl_ResetResult(interp);
	    scanPtr->phase++;
	    break;
	}
	key = scanPtr->seenKeys + scanPtr->seenPos;
	scanPtr->seenPos += strlen(key) + 1;
	hPtr = Tcl_FindHashEntry(&statePtr->store.seen, key);
	if (hPtr == NULL) {
	    break;
	}
	if (key[0] == TKLEAK_KEY_AFTER) {
	    Tcl_HashTable afters;

	    /*
	     * "after info" once for the after keys met in this step would
	     * need a table kept across steps; after keys are few.
	     */

	    Tcl_InitHashTable(&afters, TCL_STRING_KEYS);
	    alive = TkleakLiveAfters(statePtr, interp, &afters) == TCL_OK
		    ? Tcl_FindHashEntry(&afters, key + 1) != NULL
		    : TkleakKeyAlive(statePtr, interp, key);
	    Tcl_DeleteHashTable(&afters);
	} else {
	    alive = TkleakKeyAlive(statePtr, interp, key);
	}
	if (!alive) {
	    TkleakSeenDrop(statePtr, hPtr);
	}
	break;
    }

    case PH_ORPHANS: {
	TkleakType *typePtr, *sinceTypePtr;
	size_t k;
	int isNew;

	if (Since(statePtr, interp, scanPtr, &sincePtr) != 0) {
	    scanPtr->changed = 1;
	    break;
	}
	if (scanPtr->order == NULL) {
	    size_t t;

	    scanPtr->order = (TkleakType **) Tcl_Alloc(
		    (scanPtr->curPtr->numTypes + 1) * sizeof(TkleakType *));
	    for (t = 0; t < scanPtr->curPtr->numTypes; t++) {
		scanPtr->order[t] = &scanPtr->curPtr->types[t];
	    }
	    qsort(scanPtr->order, scanPtr->curPtr->numTypes,
		    sizeof(TkleakType *), TkleakCompareTypePtrs);
	    scanPtr->nextType = 0;
	    scanPtr->typeStage = 0;
	}

	/*
	 * A type's identities not in the reference, as TkleakIdsMinus
	 * gives them (sorted), without sorting the type: the reference's
	 * are hashed, the census's looked up, CHUNK a unit, and only the
	 * few left are sorted.
	 */

	switch (scanPtr->typeStage) {
	case 0:
	    if (scanPtr->nextType >= scanPtr->curPtr->numTypes) {
		scanPtr->phase++;
		break;
	    }
	    typePtr = scanPtr->order[scanPtr->nextType++];
	    scanPtr->kind = TkleakOrphanCandidate(typePtr->name);
	    if (scanPtr->kind == TKLEAK_KEY_NONE || typePtr->numIds == 0) {
		break;
	    }
	    scanPtr->ids = malloc(typePtr->numIds * sizeof(char *));
	    if (scanPtr->ids == NULL) {
		goto nomem;
	    }
	    scanPtr->numIds = scanPtr->nextId = scanPtr->pos = 0;
	    Tcl_InitHashTable(&scanPtr->sinceIds, TCL_STRING_KEYS);
	    scanPtr->typeStage = 1;
	    break;
	case 1:
	    typePtr = scanPtr->order[scanPtr->nextType - 1];
	    sinceTypePtr = sincePtr ? TkleakCensusFind(sincePtr, typePtr->name)
		    : NULL;
	    for (k = 0; k < CHUNK && sinceTypePtr != NULL
		    && scanPtr->pos < sinceTypePtr->numIds; k++) {
		Tcl_CreateHashEntry(&scanPtr->sinceIds,
			sinceTypePtr->ids[scanPtr->pos++], &isNew);
	    }
	    if (sinceTypePtr == NULL || scanPtr->pos >= sinceTypePtr->numIds) {
		scanPtr->pos = 0;
		scanPtr->typeStage = 2;
	    }
	    break;
	case 2:
	    typePtr = scanPtr->order[scanPtr->nextType - 1];
	    for (k = 0; k < CHUNK && scanPtr->pos < typePtr->numIds; k++) {
		const char *id = typePtr->ids[scanPtr->pos++];

		if (Tcl_FindHashEntry(&scanPtr->sinceIds, id) == NULL) {
		    scanPtr->ids[scanPtr->numIds++] = id;
		}
	    }
	    if (scanPtr->pos >= typePtr->numIds) {
		Tcl_DeleteHashTable(&scanPtr->sinceIds);
		qsort((void *) scanPtr->ids, scanPtr->numIds, sizeof(char *),
			CompareStrings);
		scanPtr->typeStage = 3;
	    }
	    break;
	case 3:
	    if (scanPtr->nextId >= scanPtr->numIds) {
		free((void *) scanPtr->ids);
		scanPtr->ids = NULL;
		scanPtr->typeStage = 0;
		break;
	    } else {
		Tcl_Obj *orphanPtr;

		typePtr = scanPtr->order[scanPtr->nextType - 1];
		orphanPtr = TkleakOrphanCheck(statePtr, interp,
			scanPtr->curPtr, &scanPtr->refs, typePtr->name,
			scanPtr->kind, scanPtr->ids[scanPtr->nextId++]);
		if (orphanPtr != NULL) {
		    Tcl_ListObjAppendElement(NULL, scanPtr->resultPtr,
			    orphanPtr);
		}
	    }
	    break;
	}
	break;
    }

    case PH_CHECK:
	if (TkleakCensusTakeBare(statePtr, interp, &scanPtr->checkPtr)
		!= TCL_OK) {
	    return TCL_ERROR;
	}
	scanPtr->phase++;
	break;

    case PH_COMPARE:
	checkPtr = scanPtr->checkPtr;
	if (Changed(scanPtr->curPtr, checkPtr)) {
	    scanPtr->changed = 1;
	} else {
	    Tcl_Obj *keptPtr = Keep(checkPtr, scanPtr->resultPtr);

	    Tcl_IncrRefCount(keptPtr);
	    Tcl_DecrRefCount(scanPtr->resultPtr);
	    scanPtr->resultPtr = keptPtr;
	}
	TkleakCensusFree(checkPtr);
	scanPtr->checkPtr = NULL;
	scanPtr->phase++;
	break;

    case PH_FREE: {
	Tcl_HashEntry *hPtr;

	hPtr = NextIndexEntry(scanPtr);
	if (hPtr == NULL) {
	    TkleakCensusFree(scanPtr->curPtr);
	    scanPtr->curPtr = NULL;
	    scanPtr->phase++;
	    break;
	}
	Tcl_DecrRefCount((Tcl_Obj *) Tcl_GetHashValue(hPtr));
	Tcl_DeleteHashEntry(hPtr);
	break;
    }

    case PH_MORE:
	if (Since(statePtr, interp, scanPtr, &sincePtr) != 0) {
	    scanPtr->changed = 1;
	    break;
	}
	TkleakOrphansMore(statePtr, interp, sincePtr, scanPtr->resultPtr);
	TkleakOrphansAddNotes(statePtr, scanPtr->resultPtr);
	scanPtr->phase++;
	break;
    }
    return TCL_OK;

  nomem:
    Tcl_SetObjResult(interp, Tcl_NewStringObj(
	    "not enough memory for an orphan scan", -1));
    Tcl_SetErrorCode(interp, "TKLEAK", "CENSUS", "NOMEM", (char *) NULL);
    return TCL_ERROR;
}

/*
 * ScanStatus --
 *
 *	The dict a call returns: {state running phase P steps N}, {state
 *	done steps N orphans LIST}, {state changed steps N}, or {state
 *	idle} when SCANPTR is NULL.
 */

static Tcl_Obj *
ScanStatus(
    TkleakOrphanScan *scanPtr)
{
    Tcl_Obj *dictPtr = Tcl_NewDictObj();
    const char *state = scanPtr == NULL ? "idle" : scanPtr->changed
	    ? "changed" : scanPtr->phase == PH_DONE ? "done" : "running";

    Tcl_DictObjPut(NULL, dictPtr, Tcl_NewStringObj("state", 5),
	    Tcl_NewStringObj(state, -1));
    if (scanPtr == NULL) {
	return dictPtr;
    }
    if (!scanPtr->changed && scanPtr->phase != PH_DONE) {
	Tcl_DictObjPut(NULL, dictPtr, Tcl_NewStringObj("phase", 5),
		Tcl_NewStringObj(phaseNames[scanPtr->phase], -1));
    }
    Tcl_DictObjPut(NULL, dictPtr, Tcl_NewStringObj("steps", 5),
	    Tcl_NewWideIntObj((Tcl_WideInt) scanPtr->steps));
    if (!scanPtr->changed && scanPtr->phase == PH_DONE) {
	Tcl_DictObjPut(NULL, dictPtr, Tcl_NewStringObj("orphans", 7),
		scanPtr->resultPtr);
    }
    return dictPtr;
}

/*
 * Step --
 *
 *	One step of the scan under way: units of work until its budget is
 *	spent (at least one; a heavy phase only at a step's start).
 */

static int
Step(
    TkleakState *statePtr,
    Tcl_Interp *interp,
    TkleakOrphanScan *scanPtr)
{
    TkleakCollect ctx;
    Tcl_InterpState saved;
    long long start = Now();
    int units = 0, code = TCL_OK;

    memset(&ctx, 0, sizeof(ctx));
    ctx.sinkPtr = &tkleakCensusSink;
    ctx.statePtr = statePtr;
    ctx.interp = interp;
    ctx.refsPtr = &scanPtr->refs;
    ctx.unreadPtr = scanPtr->unreadPtr;
    scanPtr->unreadPtr = NULL;
    ctx.hullsPtr = (Tcl_HashTable *) Tcl_Alloc(sizeof(Tcl_HashTable));
    Tcl_InitHashTable(ctx.hullsPtr, TCL_ONE_WORD_KEYS);
    saved = Tcl_SaveInterpState(interp, TCL_OK);
    scanPtr->steps++;
    while (scanPtr->phase != PH_DONE && !scanPtr->changed) {
	if (units > 0 && (HEAVY(scanPtr->phase)
		|| Now() - start >= scanPtr->budget)) {
	    break;
	}
	code = Unit(statePtr, interp, scanPtr, &ctx, units == 0);
	if (code == YIELD) {
	    code = TCL_OK;
	    break;
	}
	if (code != TCL_OK) {
	    break;
	}
	units++;
    }

    /*
     * Only paths are kept: the hull cache of widget records goes.
     */

    if (scanPtr->unreadPtr == NULL) {
	scanPtr->unreadPtr = ctx.unreadPtr;
	ctx.unreadPtr = NULL;
    }
    TkleakCollectRelease(&ctx);
    if (code != TCL_OK) {
	Tcl_DiscardInterpState(saved);
	return code;
    }
    Tcl_RestoreInterpState(interp, saved);
    return TCL_OK;
}

/*
 * Begin --
 *
 *	tkleak::orphanscan begin: parse the options, take the first step.
 */

static int
Begin(
    TkleakState *statePtr,
    Tcl_Interp *interp,
    int objc,
    Tcl_Obj *const objv[])
{
    static const char *const options[] = {"-budget", "-since", NULL};
    TkleakOrphanScan *scanPtr;
    TkleakCensus *sincePtr = NULL;
    TkleakType *bindingsPtr;
    Tcl_Obj *sinceObj = NULL;
    Tcl_WideInt budget = DEFAULT_BUDGET;
    int i, index;

    if (objc % 2 != 0) {
	Tcl_WrongNumArgs(interp, 2, objv,
		"?-since snapshot? ?-budget microseconds?");
	Tcl_SetErrorCode(interp, "TKLEAK", "USAGE", (char *) NULL);
	return TCL_ERROR;
    }
    for (i = 2; i < objc; i += 2) {
	if (TkleakGetIndex(interp, objv[i], options, "option", &index,
		"USAGE", (char *) NULL) != TCL_OK) {
	    return TCL_ERROR;
	}
	if (index == 0) {
	    Tcl_Obj *copyPtr = Tcl_DuplicateObj(objv[i + 1]);
	    int code;

	    Tcl_IncrRefCount(copyPtr);
	    code = Tcl_GetWideIntFromObj(NULL, copyPtr, &budget);
	    Tcl_DecrRefCount(copyPtr);
	    if (code != TCL_OK || budget < 0 || budget > MAX_BUDGET) {
		Tcl_SetObjResult(interp, Tcl_ObjPrintf(
			"expected a number of microseconds from 0 to %d but"
			" got \"%s\"", MAX_BUDGET, Tcl_GetString(objv[i + 1])));
		Tcl_SetErrorCode(interp, "TKLEAK", "ORPHANSCAN", "VALUE",
			"-budget", (char *) NULL);
		return TCL_ERROR;
	    }
	} else {
	    sinceObj = objv[i + 1];
	}
    }
    if (TkleakOrphansSince(interp, statePtr, sinceObj, &sincePtr) != TCL_OK) {
	return TCL_ERROR;
    }

    scanPtr = (TkleakOrphanScan *) Tcl_Alloc(sizeof(TkleakOrphanScan));
    memset(scanPtr, 0, sizeof(TkleakOrphanScan));
    scanPtr->budget = (long) budget;
    scanPtr->steps = 1;
    if (sinceObj != NULL) {
	scanPtr->sinceObj = Tcl_NewStringObj(Tcl_GetString(sinceObj), -1);
	Tcl_IncrRefCount(scanPtr->sinceObj);
    }
    scanPtr->sinceSerial = sincePtr ? sincePtr->serial : 0;
    scanPtr->resultPtr = Tcl_NewListObj(0, NULL);
    Tcl_IncrRefCount(scanPtr->resultPtr);
    TkleakRefsInit(&scanPtr->refs);
    scanPtr->refs.queuePtr = &scanPtr->queue;

    if (TkleakCensusTakeSteps(statePtr, interp, &scanPtr->curPtr,
	    &scanPtr->refs, &scanPtr->windowsPtr, &scanPtr->unreadPtr)
	    != TCL_OK) {
	FreeScan(scanPtr);
	return TCL_ERROR;
    }
    bindingsPtr = TkleakCensusFind(scanPtr->curPtr, "binding");
    if (bindingsPtr != NULL) {
	scanPtr->queue.bindingIds = bindingsPtr->ids;
	scanPtr->queue.numBindingIds = bindingsPtr->numIds;
    }

    /*
     * Only now, the census taken: a failed begin leaves a scan under
     * way as it was.
     */

    TkleakOrphanScanFree(statePtr);
    statePtr->query.scanPtr = scanPtr;
    Tcl_SetObjResult(interp, ScanStatus(scanPtr));
    return TCL_OK;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakOrphanScanObjCmd --
 *
 *	tkleak::orphanscan begin ?-since snapshot? ?-budget microseconds?:
 *	begins a stepped orphan scan (replacing one under way) and takes
 *	its first step, the census; tkleak::orphanscan step: takes the
 *	next step; tkleak::orphanscan cancel: drops the scan under way;
 *	tkleak::orphanscan status: says where it is.
 *
 * Results:
 *	A status dict (ScanStatus); "step" ends the scan when it returns
 *	"done" or "changed". Errors: TKLEAK USAGE, TKLEAK SNAPSHOT UNKNOWN,
 *	TKLEAK ORPHANSCAN VALUE -budget, TKLEAK ORPHANSCAN NONE (a step with
 *	no scan under way), TKLEAK CENSUS NOMEM.
 *
 * Side effects:
 *	Those of tkleak::orphans without recording, spread over the steps;
 *	a failed call changes nothing but, on a memory shortage in a step,
 *	ends the scan.
 *
 *----------------------------------------------------------------------
 */

int
TkleakOrphanScanObjCmd(
    ClientData clientData,
    Tcl_Interp *interp,
    int objc,
    Tcl_Obj *const objv[])
{
    static const char *const subcommands[] = {
	"begin", "cancel", "status", "step", NULL
    };
    enum { SC_BEGIN, SC_CANCEL, SC_STATUS, SC_STEP };
    TkleakState *statePtr = clientData;
    TkleakOrphanScan *scanPtr = statePtr->query.scanPtr;
    int index;

    if (objc < 2) {
	Tcl_WrongNumArgs(interp, 1, objv, "subcommand ?arg ...?");
	Tcl_SetErrorCode(interp, "TKLEAK", "USAGE", (char *) NULL);
	return TCL_ERROR;
    }
    if (TkleakGetIndex(interp, objv[1], subcommands, "subcommand", &index,
	    "USAGE", (char *) NULL) != TCL_OK) {
	return TCL_ERROR;
    }
    if (index == SC_BEGIN) {
	return Begin(statePtr, interp, objc, objv);
    }
    if (objc != 2) {
	Tcl_WrongNumArgs(interp, 2, objv, NULL);
	Tcl_SetErrorCode(interp, "TKLEAK", "USAGE", (char *) NULL);
	return TCL_ERROR;
    }
    switch (index) {
    case SC_CANCEL:
	Tcl_SetObjResult(interp, Tcl_NewBooleanObj(scanPtr != NULL));
	TkleakOrphanScanFree(statePtr);
	return TCL_OK;
    case SC_STATUS:
	Tcl_SetObjResult(interp, ScanStatus(scanPtr));
	return TCL_OK;
    default:
	break;
    }
    if (scanPtr == NULL) {
	Tcl_SetObjResult(interp, Tcl_NewStringObj(
		"no orphan scan under way", -1));
	Tcl_SetErrorCode(interp, "TKLEAK", "ORPHANSCAN", "NONE",
		(char *) NULL);
	return TCL_ERROR;
    }
    if (Step(statePtr, interp, scanPtr) != TCL_OK) {
	TkleakOrphanScanFree(statePtr);
	return TCL_ERROR;
    }
    Tcl_SetObjResult(interp, ScanStatus(scanPtr));
    if (scanPtr->changed || scanPtr->phase == PH_DONE) {
	TkleakOrphanScanFree(statePtr);
    }
    return TCL_OK;
}
