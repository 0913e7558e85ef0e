/*
 * bindings.c --
 *
 *	The binding walk: Tk's binding table read through mirrors of
 *	tkBind.c's records, which no header declares, guarded by a version
 *	check and a self-test (see "The binding walk" below).
 *
 * Copyright (c) 2026 the tkleak developers. See the file "LICENSE".
 */

#include "private.h"

#ifdef TKLEAK_PRIVATE

/*
 * The binding walk.
 *
 * Tk keeps its bindings in a BindingTable whose records are private to
 * tkBind.c (not in tkInt.h). The mirrors below declare, field by field,
 * the layout those records have in Tk 8.6.11 to 8.6.18 (read from
 * tkBind.c of each release; 8.6.10 and older differ): only the fields
 * the walk reads and those that fix their offsets. They are used only
 * when the running Tk is in that range and BindWalkSelfTest has found a
 * binding of tkleak's own through them (BindWalkUsable); otherwise
 * collect.c asks Tk through Tk_GetAllBindings and Tk_GetBinding.
 *
 * The identity of a binding is its sequence as "bind TAG" lists it,
 * which Tk renders from the sequence's patterns. The walk never renders
 * one itself: the first time it meets a pattern sequence of some
 * content, it asks Tk_GetAllBindings for the object's list, whose order
 * is that of the object's chain, and keeps each text in the sequence
 * cache (by content, so the 9,000 buttons bound to <Enter> share one
 * entry). It also asks Tk_GetBinding whether that text finds the very
 * same record again; when it does not (a keysym with no name renders as
 * plain <Key>), the entry is marked, and every binding of that content
 * is then looked up by its text, as the public path does, so the answers
 * stay the same.
 */

typedef struct {			/* Tk's Event. */
    XEvent xev;
    union {
	KeySym info;
	Tk_Uid name;
    } detail;
    unsigned countAny;
    unsigned countDetailed;
} MirrorEvent;

typedef struct {			/* Tk's LookupTables. */
    Tcl_HashTable patternTable;
    Tcl_HashTable listTable;
    void *poolFirst;
    void *poolLast;
    unsigned number;
} MirrorLookupTables;

typedef struct {			/* Tk's BindingTable. */
    MirrorEvent eventInfo[TK_LASTEVENT];
    void *promArr;
    MirrorEvent *curEvent;
    unsigned curModMask;
    MirrorLookupTables lookupTables;
    Tcl_HashTable objectTable;	/* Object -> its newest PatSeq. */
    Tcl_Interp *interp;
} MirrorBindingTable;

typedef struct {			/* Tk's TkPattern. */
    unsigned eventType;
    unsigned count;
    unsigned modMask;
    KeySym info;
    Tk_Uid name;
} MirrorPattern;

typedef struct MirrorPatSeq {		/* Tk's PatSeq. */
    unsigned numPats;
    unsigned count;
    unsigned number;
    unsigned added:1;
    unsigned modMaskUsed:1;
    char *script;			/* NULL for a sequence being made. */
    Tcl_Obj *object;			/* The object (tag) it is bound to. */
    struct MirrorPatSeq *nextSeqPtr;
    Tcl_HashEntry *hPtr;
    union {
	void *owners;
	struct MirrorPatSeq *nextObj;	/* Next of the same object. */
    } ptr;
    MirrorPattern pats[1];		/* NUMPATS of them. */
} MirrorPatSeq;

/*
 * One entry of the sequence cache: the text "bind TAG" shows for pattern
 * sequences of this content.
 */

typedef struct SeqEntry {
    struct SeqEntry *nextPtr;		/* Next in its bucket. */
    size_t hash;
    int safe;				/* The text finds this content again. */
    int plain;				/* The text needs no quoting in a list. */
    char *text;				/* Owned. */
    size_t len;
    unsigned numPats;
    MirrorPattern pats[1];		/* NUMPATS copies, fields compared. */
} SeqEntry;

typedef struct SeqCache {
    SeqEntry **buckets;
    size_t mask;			/* Buckets - 1, a power of two - 1. */
    size_t numEntries;
    SeqEntry *lastPtr;			/* The last entry found. */
} SeqCache;

#define BIND_WALK_UNTESTED 0
#define BIND_WALK_OK 1
#define BIND_WALK_NO 2

static size_t
SeqHash(
    const MirrorPatSeq *psPtr)
{
    size_t h = 14695981039346656037u ^ psPtr->numPats;
    unsigned i;

    for (i = 0; i < psPtr->numPats; i++) {
	const MirrorPattern *p = &psPtr->pats[i];

	h = (h ^ p->eventType) * 1099511628211u;
	h = (h ^ p->count) * 1099511628211u;
	h = (h ^ p->modMask) * 1099511628211u;
	h = (h ^ (size_t) p->info) * 1099511628211u;
	h = (h ^ (size_t) (uintptr_t) p->name) * 1099511628211u;
    }
    return h;
}

static int
SeqSame(
    const SeqEntry *entryPtr,
    const MirrorPatSeq *psPtr)
{
    unsigned i;

    if (entryPtr->numPats != psPtr->numPats) {
	return 0;
    }
    for (i = 0; i < psPtr->numPats; i++) {
	const MirrorPattern *a = &entryPtr->pats[i], *b = &psPtr->pats[i];

	if (a->eventType != b->eventType || a->count != b->count
		|| a->modMask != b->modMask || a->info != b->info
		|| a->name != b->name) {
	    return 0;
	}
    }
    return 1;
}

/*
 * SeqFind --
 *
 *	The cache entry for PSPTR's content, or NULL.
 */

static SeqEntry *
SeqFind(
    SeqCache *cachePtr,
    const MirrorPatSeq *psPtr)
{
    SeqEntry *entryPtr = cachePtr->lastPtr;
    size_t hash;

    if (entryPtr != NULL && SeqSame(entryPtr, psPtr)) {
	return entryPtr;
    }
    if (cachePtr->buckets == NULL) {
	return NULL;
    }
    hash = SeqHash(psPtr);
    for (entryPtr = cachePtr->buckets[hash & cachePtr->mask]; entryPtr;
	    entryPtr = entryPtr->nextPtr) {
	if (entryPtr->hash == hash && SeqSame(entryPtr, psPtr)) {
	    cachePtr->lastPtr = entryPtr;
	    return entryPtr;
	}
    }
    return NULL;
}

/*
 * SeqAdd --
 *
 *	Add an entry for PSPTR's content with the text TEXT (copied).
 */

static void
SeqAdd(
    SeqCache *cachePtr,
    const MirrorPatSeq *psPtr,
    const char *text,
    size_t len,
    int safe)
{
    SeqEntry *entryPtr;
    size_t i;

    if (cachePtr->numEntries + 1 > (cachePtr->mask + 1) / 2) {
	size_t size = cachePtr->buckets ? (cachePtr->mask + 1) * 2 : 64;
	SeqEntry **buckets = (SeqEntry **) Tcl_Alloc(size * sizeof(SeqEntry *));

	memset(buckets, 0, size * sizeof(SeqEntry *));
	if (cachePtr->buckets != NULL) {
	    for (i = 0; i <= cachePtr->mask; i++) {
		SeqEntry *nextPtr;

		for (entryPtr = cachePtr->buckets[i]; entryPtr;
			entryPtr = nextPtr) {
		    nextPtr = entryPtr->nextPtr;
		    entryPtr->nextPtr = buckets[entryPtr->hash & (size - 1)];
		    buckets[entryPtr->hash & (size - 1)] = entryPtr;
		}
	    }
	    Tcl_Free((char *) cachePtr->buckets);
	}
	cachePtr->buckets = buckets;
	cachePtr->mask = size - 1;
    }
    entryPtr = (SeqEntry *) Tcl_Alloc(offsetof(SeqEntry, pats)
	    + psPtr->numPats * sizeof(MirrorPattern));
    entryPtr->hash = SeqHash(psPtr);
    entryPtr->safe = safe;
    entryPtr->plain = (len > 0 && strpbrk(text, TKLEAK_LIST_SPECIALS) == NULL);
    entryPtr->text = Tcl_Alloc(len + 1);
    memcpy(entryPtr->text, text, len + 1);
    entryPtr->len = len;
    entryPtr->numPats = psPtr->numPats;
    for (i = 0; i < psPtr->numPats; i++) {
	entryPtr->pats[i] = psPtr->pats[i];
    }
    entryPtr->nextPtr = cachePtr->buckets[entryPtr->hash & cachePtr->mask];
    cachePtr->buckets[entryPtr->hash & cachePtr->mask] = entryPtr;
    cachePtr->numEntries++;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakWalkFree --
 *
 *	Free what walk.c keeps in STATEPTR across censuses (the sequence
 *	cache).
 *
 * Results:
 *	None.
 *
 * Side effects:
 *	The sequence cache and its texts are freed.
 *
 *----------------------------------------------------------------------
 */

void
TkleakWalkFree(
    TkleakState *statePtr)
{
    SeqCache *cachePtr = statePtr->priv.seqCache;
    size_t i;

    if (cachePtr == NULL) {
	return;
    }
    if (cachePtr->buckets != NULL) {
	for (i = 0; i <= cachePtr->mask; i++) {
	    SeqEntry *entryPtr, *nextPtr;

	    for (entryPtr = cachePtr->buckets[i]; entryPtr;
		    entryPtr = nextPtr) {
		nextPtr = entryPtr->nextPtr;
		Tcl_Free(entryPtr->text);
		Tcl_Free((char *) entryPtr);
	    }
	}
	Tcl_Free((char *) cachePtr->buckets);
    }
    Tcl_Free((char *) cachePtr);
    statePtr->priv.seqCache = NULL;
}

/*
 * ChainStart --
 *
 *	The newest pattern sequence bound to OBJECT, or NULL.
 */

static MirrorPatSeq *
ChainStart(
    Tk_BindingTable table,
    ClientData object)
{
    Tcl_HashEntry *hPtr = Tcl_FindHashEntry(
	    &((MirrorBindingTable *) table)->objectTable, (char *) object);

    return hPtr ? (MirrorPatSeq *) Tcl_GetHashValue(hPtr) : NULL;
}

/*
 * LearnObject --
 *
 *	Put the text of each of OBJECT's sequences into the sequence cache,
 *	from Tk_GetAllBindings.
 *
 * Results:
 *	TCL_OK, or TCL_ERROR when Tk's list does not match the chain (the
 *	caller then takes the public path for this object).
 *
 * Side effects:
 *	The interpreter's result is reset.
 */

static int
LearnObject(
    Tcl_Interp *interp,
    SeqCache *cachePtr,
    Tk_BindingTable table,
    ClientData object)
{
    Tcl_Obj *listPtr, **seqv;
    MirrorPatSeq *psPtr;
    int i, code = TCL_OK;
    Tcl_Size seqc;

    Tcl_ResetResult(interp);
    Tk_GetAllBindings(interp, table, object);
    listPtr = Tcl_GetObjResult(interp);
    Tcl_IncrRefCount(listPtr);
    Tcl_ResetResult(interp);
    if (Tcl_ListObjGetElements(NULL, listPtr, &seqc, &seqv) != TCL_OK) {
	Tcl_DecrRefCount(listPtr);
	return TCL_ERROR;
    }
    for (psPtr = ChainStart(table, object), i = 0; psPtr && i < seqc;
	    psPtr = psPtr->ptr.nextObj, i++) {
	/* Check first: the list must be as long as the chain. */
    }
    if (psPtr != NULL || i != seqc) {
	code = TCL_ERROR;
    }
    for (psPtr = ChainStart(table, object), i = 0; code == TCL_OK && psPtr;
	    psPtr = psPtr->ptr.nextObj, i++) {
	Tcl_Size len;
	const char *text = Tcl_GetStringFromObj(seqv[i], &len);
	const char *script;

	if (SeqFind(cachePtr, psPtr) != NULL) {
	    continue;
	}
	script = Tk_GetBinding(interp, table, object, text);
	Tcl_ResetResult(interp);
	SeqAdd(cachePtr, psPtr, text, (size_t) len,
		script != NULL && script == psPtr->script);
    }
    Tcl_DecrRefCount(listPtr);
    return code;
}

/*
 * BindWalkSelfTest --
 *
 *	Whether the mirrors describe the running Tk: binds two sequences of
 *	a tag of tkleak's own through Tk's API, finds them through the
 *	mirrors with the patterns, scripts and texts Tk reports, and deletes
 *	them again.
 */

static int
BindWalkSelfTest(
    Tcl_Interp *interp,
    Tk_BindingTable table)
{
    static const char *const seqs[2] = {
	"<Control-Key-x><Double-Button-1>", "<<TkleakProbe>>"
    };
    static const char *const scripts[2] = {
	"tkleak probe one", "tkleak probe two"
    };
    ClientData object = (ClientData) Tk_GetUid("::tkleak::bindprobe");
    const char *version = Tcl_PkgPresent(interp, "Tk", NULL, 0);
    MirrorPatSeq *virtPtr, *seqPtr;
    int major, minor, patch, ok = 0;
    char extra;

    if (version == NULL || sscanf(version, "%d.%d.%d%c", &major, &minor,
	    &patch, &extra) != 3 || major != 8 || minor != 6
	    || patch < 11 || patch > 18) {
	Tcl_ResetResult(interp);
	return 0;
    }

    /*
     * Before the first lookup calls through the mirrored table's find
     * procedure: the table must look like a table of one-word keys, with
     * the find procedure of one of our own, and the record's last field
     * must be this interpreter.
     */

    {
	MirrorBindingTable *bindPtr = (MirrorBindingTable *) table;
	Tcl_HashTable own;
	int like;

	Tcl_InitHashTable(&own, TCL_ONE_WORD_KEYS);
	like = bindPtr->objectTable.keyType == TCL_ONE_WORD_KEYS
		&& bindPtr->objectTable.findProc == own.findProc
		&& bindPtr->objectTable.createProc == own.createProc
		&& bindPtr->interp == interp;
	Tcl_DeleteHashTable(&own);
	if (!like) {
	    return 0;
	}
    }
    if (ChainStart(table, object) != NULL) {
	return 0;			/* Someone else's use of the tag. */
    }
    if (Tk_CreateBinding(interp, table, object, seqs[0], scripts[0], 0) == 0
	    || Tk_CreateBinding(interp, table, object, seqs[1], scripts[1],
		0) == 0) {
	goto done;
    }

    /*
     * The chain holds the newest first: the virtual event, then the
     * two-pattern sequence, in the order they were written.
     */

    virtPtr = ChainStart(table, object);
    if (virtPtr == NULL || virtPtr->ptr.nextObj == NULL
	    || virtPtr->ptr.nextObj->ptr.nextObj != NULL) {
	goto done;
    }
    seqPtr = virtPtr->ptr.nextObj;
    if (virtPtr->numPats != 1 || virtPtr->pats[0].eventType != VirtualEvent
	    || virtPtr->pats[0].name != Tk_GetUid("TkleakProbe")
	    || (ClientData) virtPtr->object != object
	    || virtPtr->script != Tk_GetBinding(interp, table, object, seqs[1])
	    || virtPtr->script == NULL
	    || strcmp(virtPtr->script, scripts[1]) != 0) {
	goto done;
    }
    if (seqPtr->numPats != 2 || (ClientData) seqPtr->object != object
	    || seqPtr->pats[0].eventType != KeyPress
	    || seqPtr->pats[0].count != 1
	    || seqPtr->pats[0].modMask != ControlMask
	    || seqPtr->pats[0].info != 0x78	/* XK_x */
	    || seqPtr->pats[1].eventType != ButtonPress
	    || seqPtr->pats[1].count != 2
	    || seqPtr->pats[1].modMask != 0
	    || seqPtr->pats[1].info != 1
	    || seqPtr->script != Tk_GetBinding(interp, table, object, seqs[0])
	    || seqPtr->script == NULL
	    || strcmp(seqPtr->script, scripts[0]) != 0) {
	goto done;
    }
    ok = 1;

  done:
    Tk_DeleteAllBindings(table, object);
    Tcl_ResetResult(interp);
    return ok && ChainStart(table, object) == NULL;
}

/*
 * The object map: Tk's objectTable (object -> its newest PatSeq) copied
 * into one open-addressing array for the length of a census, so that the
 * lookups of thousands of tags probe a compact array instead of chasing
 * a chain of Tcl hash entries each.
 */

typedef struct {
    ClientData object;
    MirrorPatSeq *headPtr;
} MapSlot;

static size_t
MapIndex(
    ClientData object,
    size_t mask)
{
    unsigned long long h = (unsigned long long) (uintptr_t) object
	    * 0x9E3779B97F4A7C15ull;

    return (size_t) (h >> 29) & mask;
}

static MirrorPatSeq *
MapFind(
    const MapSlot *map,
    size_t mask,
    ClientData object)
{
    size_t i = MapIndex(object, mask);

    while (map[i].object != NULL) {
	if (map[i].object == object) {
	    return map[i].headPtr;
	}
	i = (i + 1) & mask;
    }
    return NULL;
}

#define AHEAD 8			/* Records fetched ahead of use. */

/*
 * The sequences of one object as CountChain finds them: each record with
 * its cache entry (NULL when it has none), in the order of the chain.
 * The array is kept for the whole walk and grows to the longest chain.
 */

typedef struct ChainItem {
    MirrorPatSeq *psPtr;
    SeqEntry *entryPtr;
} ChainItem;

typedef struct ChainScratch {
    ChainItem *items;			/* Tcl_Alloc'ed, or NULL. */
    size_t cap;
} ChainScratch;

/*
 * CountChain --
 *
 *	Count the bindings of one object, whose sequences are the NUMSEQS
 *	records SEQS in the order of its chain (newest first), as
 *	TkleakWalkBindings describes; falls back to TkleakTagBindings when
 *	the object's texts cannot be learnt. ENDPTR ends the array SEQS is
 *	part of (for fetching ahead). Each record's cache entry is
 *	looked up and kept in SCRATCHPTR, then the bindings are counted
 *	from there.
 */

static void
CountChain(
    TkleakCollect *ctxPtr,
    SeqCache *cachePtr,
    ChainScratch *scratchPtr,
    Tk_BindingTable table,
    ClientData object,
    const char *tag,
    MirrorPatSeq *const *seqs,
    size_t numSeqs,
    MirrorPatSeq *const *endPtr)
{
    Tcl_Interp *interp = ctxPtr->interp;
    size_t tagLen, num = 0, k;
    int tagPlain, learnt = 0;

    /*
     * Learn the texts first (at the first sequence the cache does not
     * know), so that a failure leaves nothing counted.
     */

    for (k = 0; k < numSeqs; k++) {
	MirrorPatSeq *psPtr = seqs[k];
	SeqEntry *entryPtr;

	if (seqs + k + AHEAD < endPtr) {
	    __builtin_prefetch(&seqs[k + AHEAD]->numPats);
	    __builtin_prefetch(&seqs[k + AHEAD]->pats[1]);
	}
	entryPtr = SeqFind(cachePtr, psPtr);

	if (entryPtr == NULL && !learnt) {
	    if (LearnObject(interp, cachePtr, table, object) != TCL_OK) {
		ctxPtr->sinkPtr->tagBindings(ctxPtr, table, object, tag);
		return;
	    }
	    learnt = 1;
	    entryPtr = SeqFind(cachePtr, psPtr);
	}
	if (num == scratchPtr->cap) {
	    size_t cap = scratchPtr->cap ? scratchPtr->cap * 2 : 64;

	    scratchPtr->items = (ChainItem *) Tcl_Realloc(
		    (char *) scratchPtr->items, cap * sizeof(ChainItem));
	    scratchPtr->cap = cap;
	}
	scratchPtr->items[num].psPtr = psPtr;
	scratchPtr->items[num++].entryPtr = entryPtr;
    }
    tagLen = strlen(tag);
    tagPlain = (tagLen > 0 && tag[0] != '#'
	    && strpbrk(tag, TKLEAK_LIST_SPECIALS) == NULL);
    for (k = 0; k < num; k++) {
	SeqEntry *entryPtr = scratchPtr->items[k].entryPtr;
	const char *script = scratchPtr->items[k].psPtr->script;
	char buf[200];
	const char *id;
	size_t idLen;

	/*
	 * The scripts a few records ahead, into the next objects' (ENDPTR
	 * ends the gathered records): a script of tkinter's spans two
	 * cache lines.
	 */

	if (seqs + k + AHEAD < endPtr && seqs[k + AHEAD]->script != NULL) {
	    __builtin_prefetch(seqs[k + AHEAD]->script);
	    __builtin_prefetch(seqs[k + AHEAD]->script + 64);
	}

	if (entryPtr == NULL) {
	    continue;			/* Not reached: learnt above. */
	}
	if (!entryPtr->safe) {
	    script = Tk_GetBinding(interp, table, object, entryPtr->text);
	}
	if (script == NULL) {
	    continue;
	}
	if (tagPlain && entryPtr->plain
		&& tagLen + entryPtr->len + 2 <= sizeof(buf)) {
	    memcpy(buf, tag, tagLen);
	    buf[tagLen] = ' ';
	    memcpy(buf + tagLen + 1, entryPtr->text, entryPtr->len + 1);
	    id = buf;
	    idLen = tagLen + 1 + entryPtr->len;
	} else {
	    id = TkleakJoinPair(tag, entryPtr->text, buf, sizeof(buf));
	    idLen = strlen(id);
	}
	ctxPtr->sinkPtr->addBinding(ctxPtr, tag, entryPtr->text, id, idLen,
		script);
	if (id != buf) {
	    Tcl_Free((char *) id);
	}
    }
}

#define WINDOW 16		/* Chains followed side by side. */

/*
 * The gathering of the chains (TkleakWalkBindings): a chain being
 * followed, and a record gathered, with the index of its object.
 */

typedef struct GatherSlot {
    MirrorPatSeq *psPtr;		/* The chain's next record. */
    int item;
} GatherSlot;

typedef struct Gathered {
    MirrorPatSeq *psPtr;
    int item;
} Gathered;

/*
 *----------------------------------------------------------------------
 *
 * TkleakWalkBindings --
 *
 *	Count the bindings of the tags in use from Tk's records: the tags
 *	of the counted windows (keyed in TABLE by their path name records),
 *	then the other tags (keyed by Uid), in the order of CollectBindings'
 *	public passes; one "binding" {TAG SEQUENCE} per sequence with a
 *	script, sized by the script's length, with the texts and in the
 *	order of Tk_GetAllBindings.
 *
 * Results:
 *	TCL_OK, or TCL_ERROR when the walk cannot be used (the running Tk
 *	is not one the mirrors describe): nothing was counted then.
 *
 * Side effects:
 *	The first call runs the self-test; the sequence cache grows.
 *
 *----------------------------------------------------------------------
 */

int
TkleakWalkBindings(
    TkleakCollect *ctxPtr,
    Tk_BindingTable table)
{
    TkleakState *statePtr = ctxPtr->statePtr;
    Tcl_HashTable *objTablePtr = &((MirrorBindingTable *) table)->objectTable;
    Tcl_HashEntry **entries, *hPtr;
    Tcl_HashSearch search;
    MapSlot *map;
    size_t mask, size;
    ClientData *objs;
    const char **tags;
    MirrorPatSeq **heads;
    ChainScratch scratch = {NULL, 0};
    GatherSlot slots[WINDOW];
    Gathered *gathered = NULL;
    size_t numGathered = 0, capGathered = 0, *first;
    MirrorPatSeq **seqs;
    int j, next, numSlots;
    int n, k, numItems, maxItems;

    if (statePtr->priv.bindWalk == BIND_WALK_UNTESTED) {
	statePtr->priv.bindWalk = BindWalkSelfTest(ctxPtr->interp, table)
		? BIND_WALK_OK : BIND_WALK_NO;
    }
    if (statePtr->priv.bindWalk != BIND_WALK_OK) {
	return TCL_ERROR;
    }
    if (statePtr->priv.seqCache == NULL) {
	statePtr->priv.seqCache = Tcl_Alloc(sizeof(SeqCache));
	memset(statePtr->priv.seqCache, 0, sizeof(SeqCache));
    }

    /*
     * The object map, from the entries of Tk's objectTable.
     */

    for (size = 16; size < (size_t) objTablePtr->numEntries * 2; size *= 2) {
	/* Empty. */
    }
    mask = size - 1;
    map = (MapSlot *) Tcl_Alloc(size * sizeof(MapSlot));
    memset(map, 0, size * sizeof(MapSlot));
    entries = TkleakHashEntries(ctxPtr, objTablePtr);
    n = ctxPtr->failed ? 0 : objTablePtr->numEntries;
    for (k = 0; k < n; k++) {
	ClientData object = (ClientData) entries[k]->key.oneWordValue;
	size_t i = MapIndex(object, mask);

	while (map[i].object != NULL) {
	    i = (i + 1) & mask;
	}
	map[i].object = object;
	map[i].headPtr = Tcl_GetHashValue(entries[k]);
    }

    /*
     * The tags and their objects: each window's path name record is read
     * a few windows ahead.
     */

    maxItems = ctxPtr->widgets.numEntries + ctxPtr->tags.numEntries;
    objs = (ClientData *) Tcl_Alloc((maxItems + 1) * (sizeof(ClientData)
	    + sizeof(const char *) + sizeof(MirrorPatSeq *)));
    tags = (const char **) (objs + maxItems + 1);
    heads = (MirrorPatSeq **) (tags + maxItems + 1);
    entries = TkleakHashEntries(ctxPtr, &ctxPtr->widgets);
    n = ctxPtr->failed ? 0 : ctxPtr->widgets.numEntries;
    numItems = 0;
    for (k = 0; k < n; k++) {
	if (k + AHEAD < n) {
	    __builtin_prefetch(&((TkWindow *)
		    Tcl_GetHashValue(entries[k + AHEAD]))->pathName);
	}
	objs[numItems] = (ClientData) Tk_PathName(
		(Tk_Window) Tcl_GetHashValue(entries[k]));
	tags[numItems++] = Tcl_GetHashKey(&ctxPtr->widgets, entries[k]);
    }
    for (hPtr = Tcl_FirstHashEntry(&ctxPtr->tags, &search); hPtr != NULL;
	    hPtr = Tcl_NextHashEntry(&search)) {
	const char *tag = Tcl_GetHashKey(&ctxPtr->tags, hPtr);

	if (tag[0] != '.') {
	    objs[numItems] = (ClientData) Tk_GetUid(tag);
	    tags[numItems++] = tag;
	}
    }
    for (k = 0; k < numItems; k++) {
	if (k + AHEAD < numItems) {
	    __builtin_prefetch(&map[MapIndex(objs[k + AHEAD], mask)]);
	}
	heads[k] = MapFind(map, mask, objs[k]);
    }
    Tcl_Free((char *) map);

    /*
     * The records of every chain, gathered first. Each object's sequences
     * are a linked chain of records spread over the heap, each one a
     * cache miss that waits for the one before: WINDOW chains are
     * followed side by side (a finished one makes room for the next
     * object's), so that their misses overlap. The records are then put
     * in object order (SEQS, object K's from FIRST[K] to FIRST[K + 1]),
     * in the order of their chains, and the objects counted in order.
     */

    first = (size_t *) Tcl_Alloc((numItems + 1) * sizeof(size_t));
    memset(first, 0, (numItems + 1) * sizeof(size_t));
    next = 0;
    numSlots = 0;
    for (;;) {
	while (numSlots < WINDOW && next < numItems) {
	    if (heads[next] != NULL) {
		slots[numSlots].psPtr = heads[next];
		slots[numSlots++].item = next;
	    }
	    next++;
	}
	if (numSlots == 0) {
	    break;
	}
	for (j = 0; j < numSlots; ) {
	    MirrorPatSeq *psPtr = slots[j].psPtr;

	    if (numGathered == capGathered) {
		capGathered = capGathered ? capGathered * 2 : 1024;
		gathered = (Gathered *) Tcl_Realloc((char *) gathered,
			capGathered * sizeof(Gathered));
	    }
	    gathered[numGathered].psPtr = psPtr;
	    gathered[numGathered++].item = slots[j].item;
	    first[slots[j].item + 1]++;
	    slots[j].psPtr = psPtr->ptr.nextObj;
	    if (slots[j].psPtr == NULL) {
		slots[j] = slots[--numSlots];	/* Order does not matter. */
	    } else {
		j++;
	    }
	}
    }
    for (k = 0; k < numItems; k++) {
	first[k + 1] += first[k];
    }
    seqs = (MirrorPatSeq **) Tcl_Alloc((numGathered + 1)
	    * sizeof(MirrorPatSeq *));
    {
	size_t *fill = (size_t *) Tcl_Alloc((numItems + 1) * sizeof(size_t));
	size_t g;

	memcpy(fill, first, (numItems + 1) * sizeof(size_t));
	for (g = 0; g < numGathered; g++) {
	    seqs[fill[gathered[g].item]++] = gathered[g].psPtr;
	}
	Tcl_Free((char *) fill);
    }
    if (gathered != NULL) {
	Tcl_Free((char *) gathered);
    }

    /*
     * The bindings, object by object (CountChain fetches the records and
     * scripts a few ahead).
     */

    for (k = 0; k < numItems; k++) {
	if (first[k + 1] > first[k]) {
	    CountChain(ctxPtr, statePtr->priv.seqCache, &scratch, table,
		    objs[k], tags[k], seqs + first[k],
		    first[k + 1] - first[k], seqs + numGathered);
	}
    }
    Tcl_Free((char *) seqs);
    Tcl_Free((char *) first);
    if (scratch.items != NULL) {
	Tcl_Free((char *) scratch.items);
    }
    Tcl_Free((char *) objs);
    return TCL_OK;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakWalkBindingTable --
 *
 *	The binding table of MAINWIN's application (Tk keeps no public
 *	accessor for it).
 *
 * Results:
 *	The table, owned by Tk.
 *
 * Side effects:
 *	None.
 *
 *----------------------------------------------------------------------
 */

Tk_BindingTable
TkleakWalkBindingTable(
    Tk_Window mainWin)
{
    return ((TkWindow *) mainWin)->mainPtr->bindingTable;
}

#endif /* TKLEAK_PRIVATE */
