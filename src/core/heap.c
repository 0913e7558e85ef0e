/*
 * heap.c --
 *
 *	The process's memory: bytes in use by malloc (mallinfo2) and the
 *	resident set size (/proc/self/statm), for the heap line of a diff
 *	and for "tkleak heap"; and how much of the heap is tkleak's own
 *	(TkleakOwnBytes), which the heap line takes out of the app's growth.
 *
 *	What tkleak holds is counted where it lives: the censuses
 *	(snapshots, the baseline of print_diff, the census at load, the
 *	census being taken) block by block as malloc sized them, exactly
 *	(census.c, TkleakBlockBytes); its tables (what recording and
 *	snapshots remember: "seen", origins, interned stacks, the memos,
 *	the recording log and widget hooks, the words of slot texts kept
 *	between scans) are estimated from their sizes,
 *	since Tcl's allocator keeps its own pools; the panel's and menu's
 *	Tcl variables (::tkleak::panel, ::tkleak::menu) are estimated the
 *	same way. Not counted: the panel's widgets, and the memory Tcl's
 *	object pool keeps after tkleak let go of it.
 *
 * Copyright (c) 2026 the tkleak developers. See the file "LICENSE".
 */

#include "config.h"
#include <malloc.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "tkleakInt.h"

/*
 * Under AddressSanitizer malloc is ASan's and mallinfo2 reports nothing;
 * ASan's own figure is used then (make check-asan runs the tests so).
 */

extern size_t __sanitizer_get_current_allocated_bytes(void)
	__attribute__((weak));

/*
 *----------------------------------------------------------------------
 *
 * TkleakHeapGet --
 *
 *	Read the heap in use and the RSS, in bytes; -1 where unknown.
 *
 * Results:
 *	None: *HEAPPTR and *RSSPTR are set.
 *
 * Side effects:
 *	None.
 *
 *----------------------------------------------------------------------
 */

void
TkleakHeapGet(
    long long *heapPtr,
    long long *rssPtr)
{
    FILE *f;
    long long pages = 0, resident = 0;

#if defined(HAVE_MALLINFO2)
    struct mallinfo2 mi = mallinfo2();

    *heapPtr = (long long) (mi.uordblks + mi.hblkhd);
    if (*heapPtr == 0 && __sanitizer_get_current_allocated_bytes != NULL) {
	*heapPtr = (long long) __sanitizer_get_current_allocated_bytes();
    }
#elif defined(HAVE_MALLINFO)
    struct mallinfo mi = mallinfo();

    *heapPtr = (long long) (unsigned) mi.uordblks + (unsigned) mi.hblkhd;
#else
    *heapPtr = -1;
#endif
    *rssPtr = -1;
    f = fopen("/proc/self/statm", "r");
    if (f != NULL) {
	if (fscanf(f, "%lld %lld", &pages, &resident) == 2) {
	    *rssPtr = resident * (long long) sysconf(_SC_PAGESIZE);
	}
	fclose(f);
    }
}

/*
 * What Tcl's allocator adds to a block, and a hash entry without its key:
 * estimates (Tcl 8.6's threaded allocator keeps a header a block).
 */

#define BLOCK_HEADER 16
#define ENTRY_BYTES (sizeof(Tcl_HashEntry) + BLOCK_HEADER)
#define SEEN_REF_LEN 40		/* "owner .!editorwindow.!text slot <Key>" */

static const Tcl_ObjType *listTypePtr, *dictTypePtr;

/*
 *----------------------------------------------------------------------
 *
 * TkleakObjBytes --
 *
 *	An estimate of what OBJPTR and what it holds take: the object, its
 *	string, and for a list or a dict its elements, DEPTH levels down.
 *	A shared object's bytes are split among its holders, so that
 *	interned stacks are not counted once per origin. Reads no string
 *	that is not there and changes no object's type.
 *
 * Results:
 *	A number of bytes (fractional for shared objects).
 *
 * Side effects:
 *	None.
 *
 *----------------------------------------------------------------------
 */

double
TkleakObjBytes(
    Tcl_Obj *objPtr,
    int depth)
{
    double n;

    if (objPtr == NULL) {
	return 0;
    }
    if (listTypePtr == NULL) {
	listTypePtr = Tcl_GetObjType("list");
	dictTypePtr = Tcl_GetObjType("dict");
    }
    n = sizeof(Tcl_Obj);
    if (objPtr->bytes != NULL) {
	n += objPtr->length + 1 + BLOCK_HEADER;
    }
    if (depth > 0 && objPtr->typePtr != NULL
	    && objPtr->typePtr == listTypePtr) {
	Tcl_Obj **elems;
	int i;
	Tcl_Size count;

	if (Tcl_ListObjGetElements(NULL, objPtr, &count, &elems) == TCL_OK) {
	    n += 4 * sizeof(int) + count * sizeof(Tcl_Obj *) + BLOCK_HEADER;
	    for (i = 0; i < count; i++) {
		n += TkleakObjBytes(elems[i], depth - 1);
	    }
	}
    } else if (depth > 0 && objPtr->typePtr != NULL
	    && objPtr->typePtr == dictTypePtr) {
	Tcl_DictSearch search;
	Tcl_Obj *keyPtr, *valuePtr;
	int done;

	if (Tcl_DictObjFirst(NULL, objPtr, &search, &keyPtr, &valuePtr,
		&done) == TCL_OK) {
	    for (; !done; Tcl_DictObjNext(&search, &keyPtr, &valuePtr, &done)) {
		n += ENTRY_BYTES + 2 * sizeof(void *) + sizeof(void *)
			+ TkleakObjBytes(keyPtr, depth - 1)
			+ TkleakObjBytes(valuePtr, depth - 1);
	    }
	    Tcl_DictObjDone(&search);
	}
    }
    return objPtr->refCount > 1 ? n / objPtr->refCount : n;
}

/*
 * TableBytes --
 *
 *	An estimate of a hash table with string keys and Tcl_Obj values
 *	(KEYS 0: one-word keys and values that are not objects; KEYS 2: a
 *	key may be its value's own string, which costs nothing more: the
 *	stack table's, store/origin.c).
 */

static double
TableBytes(
    Tcl_HashTable *tablePtr,
    int keys,
    int depth)
{
    Tcl_HashSearch search;
    Tcl_HashEntry *hPtr;
    double n = (double) tablePtr->numBuckets * sizeof(Tcl_HashEntry *);

    if (!keys) {
	return n + (double) tablePtr->numEntries * ENTRY_BYTES;
    }
    for (hPtr = Tcl_FirstHashEntry(tablePtr, &search); hPtr != NULL;
	    hPtr = Tcl_NextHashEntry(&search)) {
	const char *key = Tcl_GetHashKey(tablePtr, hPtr);
	Tcl_Obj *valuePtr = Tcl_GetHashValue(hPtr);

	n += ENTRY_BYTES + TkleakObjBytes(valuePtr, depth)
		+ (keys == 2 && key == valuePtr->bytes ? 0 : strlen(key));
    }
    return n;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakSeenEntryBytes, TkleakSeenRefBytes --
 *
 *	The estimates the seen table (store/seen.c) keeps its size by, as
 *	it changes: an entry of KEY with its list (room for
 *	TKLEAK_SEEN_MAX referrers), and one referrer in it ({owner O slot
 *	S}: the object, its string, a dict of two entries and their values,
 *	of a typical length, SEEN_REF_LEN), by half, as the walk of
 *	TkleakObjBytes counted it: the slot index that made it holds it too
 *	(refs.c). Walking the
 *	table instead took four times a census on IDLE with 30 editors, on
 *	the first census after every index that changed it.
 *
 * Results:
 *	A number of bytes.
 *
 * Side effects:
 *	None.
 *
 *----------------------------------------------------------------------
 */

double
TkleakSeenEntryBytes(
    const char *key)
{
    return (double) (ENTRY_BYTES + strlen(key) + sizeof(Tcl_Obj)
	    + 4 * sizeof(int) + TKLEAK_SEEN_MAX * sizeof(Tcl_Obj *)
	    + BLOCK_HEADER);
}

double
TkleakSeenRefBytes(void)
{
    return (double) (3 * sizeof(Tcl_Obj) + 2 * (ENTRY_BYTES
	    + 3 * sizeof(void *)) + 2 * SEEN_REF_LEN + 3 * (1 + BLOCK_HEADER))
	    / 2;
}
/*
 * VarsBytes --
 *
 *	An estimate of the data the panel and the menu keep in namespace
 *	NS: the variables named below, tkleak's own, when they exist.
 */

static double
VarsBytes(
    Tcl_Interp *interp,
    const char *ns)
{
    static const char *const names[] = {
	"info", "history", "diff", "summary", "orphans", "orphanOf",
	"details", "items", "groups", "kinds", "stats", "cascades", NULL
    };
    Tcl_DString name;
    double n = 0;
    int i;

    Tcl_DStringInit(&name);
    for (i = 0; names[i] != NULL; i++) {
	Tcl_Obj *valuePtr;

	Tcl_DStringSetLength(&name, 0);
	Tcl_DStringAppend(&name, ns, -1);
	Tcl_DStringAppend(&name, "::", 2);
	Tcl_DStringAppend(&name, names[i], -1);
	valuePtr = Tcl_GetVar2Ex(interp, Tcl_DStringValue(&name), NULL,
		TCL_GLOBAL_ONLY);
	n += TkleakObjBytes(valuePtr, 6);
    }
    Tcl_DStringFree(&name);
    return n;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakOwnBytes --
 *
 *	The heap bytes tkleak holds in this interpreter now: see the top of
 *	this file for what is exact and what is estimated.
 *
 * Results:
 *	A number of bytes.
 *
 * Side effects:
 *	None.
 *
 *----------------------------------------------------------------------
 */

long long
TkleakOwnBytes(
    TkleakState *statePtr)
{
    double n = 0;
    int i;

    for (i = 0; i < statePtr->store.numSnaps; i++) {
	n += TkleakCensusMemory(statePtr->store.snaps[i].censusPtr)
		+ TkleakObjBytes(statePtr->store.snaps[i].nameObj, 0);
    }
    n += statePtr->store.capSnaps * sizeof(TkleakSnapshot)
	    + TkleakCensusMemory(statePtr->query.reference)
	    + TkleakCensusMemory(statePtr->query.loadPtr)
	    + statePtr->store.seenBytes + (double)
		statePtr->store.seen.numBuckets * sizeof(Tcl_HashEntry *)
	    + TableBytes(&statePtr->record.memo, 1, 1)
	    + TableBytes(&statePtr->record.refCache, 1, 3)
	    + TableBytes(&statePtr->store.origins, 1, 3)
	    + TableBytes(&statePtr->store.unresolved, 1, 1)
	    + TableBytes(&statePtr->store.stacks, 2, 3)
	    + TableBytes(&statePtr->store.frames, 1, 2)
	    + TableBytes(&statePtr->core.procKinds, 0, 0)
	    + (double) statePtr->census.slotWordsBytes
	    + (double) TkleakNameSetBytes(statePtr->store.unnamedPtr)
	    + (statePtr->core.recordMemoryProc != NULL
		? statePtr->core.recordMemoryProc(statePtr) : 0);
    if (!Tcl_InterpDeleted(statePtr->interp)) {
	n += VarsBytes(statePtr->interp, "::tkleak::panel")
		+ VarsBytes(statePtr->interp, "::tkleak::menu");
    }
    return (long long) n;
}
