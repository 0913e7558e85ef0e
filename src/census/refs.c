/*
 * refs.c --
 *
 *	The slot index: which slots name which objects, built during a
 *	census (collect.c asks for it) and living no longer than the command
 *	that asked.
 *
 *	A slot is any place in a running app that can call a command or show
 *	an image: a widget's -command (and every option whose class ends in
 *	Command) and -image options, a menu entry's -command, -image and
 *	cascade -menu, a toplevel's or menubutton's -menu, a binding of any
 *	bind tag, a canvas item's or text tag's binding, a canvas image item,
 *	a text widget's embedded image, a "wm protocol" handler, a pending
 *	"after" script and a variable trace. A slot names a command, image
 *	or menu when a word of the slot's script names it: a command word
 *	any of them, an argument word only an image or a window, never a
 *	word in a comment (words.c); a word names every object it resolves
 *	to (TkleakResolveKeys, core/resolve.c).
 *
 *	The index maps each object to the slots that name it. Its keys carry
 *	the object's kind, "c" + the fully qualified command name, "i" + an
 *	image name, "w" + a window path, so an image and its image command
 *	do not mix. Orphans are defined in query/orphans.c.
 *
 * Copyright (c) 2026 the tkleak developers. See the file "LICENSE".
 */

#include "config.h"
#include <stdlib.h>
#include <string.h>
#include "tkleakInt.h"

static void		Bounds(TkleakCollect *ctxPtr);

typedef struct ScanData {
    TkleakCollect *ctxPtr;
    Tcl_Obj *refPtr;		/* The slot's {owner O slot S} dict. */
} ScanData;

/*
 *----------------------------------------------------------------------
 *
 * TkleakRefsInit --
 *
 *	Make an empty slot index in REFSPTR, for TkleakCensusTakeEx to
 *	fill.
 *
 * Results:
 *	None.
 *
 * Side effects:
 *	The index holds an empty list of traced variables (one reference);
 *	TkleakRefsFree releases it.
 *
 *----------------------------------------------------------------------
 */

void
TkleakRefsInit(
    TkleakRefs *refsPtr)
{
    Tcl_InitHashTable(&refsPtr->index, TCL_STRING_KEYS);
    Tcl_InitHashTable(&refsPtr->classSlots, TCL_STRING_KEYS);
    refsPtr->scan = 0;
    refsPtr->bounded = 0;
    refsPtr->maxImage = refsPtr->maxCommand = 0;
    refsPtr->keepCensus = 0;
    refsPtr->tracedVars = Tcl_NewListObj(0, NULL);
    Tcl_IncrRefCount(refsPtr->tracedVars);
    refsPtr->queuePtr = NULL;
    refsPtr->unnamedPtr = NULL;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakRefsFree --
 *
 *	Release an index: the referrer lists (one reference each).
 *
 * Results:
 *	None.
 *
 * Side effects:
 *	The references the index holds are released.
 *
 *----------------------------------------------------------------------
 */

void
TkleakRefsFree(
    TkleakRefs *refsPtr)
{
    TkleakDeleteObjTable(&refsPtr->index, 0);
    TkleakDeleteObjTable(&refsPtr->classSlots, 0);
    Tcl_DecrRefCount(refsPtr->tracedVars);
    TkleakNameSetFree(refsPtr->unnamedPtr);
    refsPtr->unnamedPtr = NULL;
}

/*
 * NamesSome --
 *
 *	Whether the keys KEYSPTR (NULL: none) hold one a word may name:
 *	any, met where it may name a command (COMMANDS); else only an
 *	image or a window (TkleakWordMayName).
 */

static int
NamesSome(
    int commands,
    Tcl_Obj *keysPtr)
{
    Tcl_Obj **kv;
    Tcl_Size kc = 0, i;

    if (keysPtr != NULL
	    && Tcl_ListObjGetElements(NULL, keysPtr, &kc, &kv) == TCL_OK) {
	for (i = 0; i < kc; i++) {
	    if (commands || Tcl_GetString(kv[i])[0] != TKLEAK_KEY_COMMAND) {
		return 1;
	    }
	}
    }
    return 0;
}

/*
 * NoteMemoUnnamed --
 *
 *	Put in SETPTR (NULL: nothing to do) the kept word WORD (LEN bytes)
 *	whose memo MEMOPTR says it named nothing it may name: a command,
 *	image or window made later with its name is named by its slots
 *	without the index's referrers saying so (heart/nameset.c); where it
 *	may name a command, its tail too. A word that named something is
 *	left out, though an image made later may take the name of a
 *	command it names (rare); a window's path never names a command. The
 *	memo keeps the word's fingerprints: an index puts the same words in
 *	at every scan. (Recording's fold puts in its own words:
 *	store/seen.c's TkleakSeenUnnamed.)
 */

static void
NoteMemoUnnamed(
    TkleakNameSet *setPtr,
    const char *word,
    size_t len,
    TkleakWordMemo *memoPtr)
{
    if (setPtr == NULL || NamesSome(memoPtr->commands, memoPtr->keysPtr)) {
	return;
    }
    if (memoPtr->nameHash == 0) {
	size_t tailLen;
	const char *tail = TkleakNameSetTail(word, len, &tailLen);

	memoPtr->nameHash = TkleakNameSetHash(word, len);
	memoPtr->tailHash = tailLen == len ? memoPtr->nameHash
		: TkleakNameSetHash(tail, tailLen);
    }
    TkleakNameSetAddHash(setPtr, memoPtr->nameHash);
    if (memoPtr->commands && memoPtr->tailHash != memoPtr->nameHash) {
	TkleakNameSetAddHash(setPtr, memoPtr->tailHash);
    }
}

/*
 * One referrer kept between scans (census.slotRefs): the {owner O slot
 * S} dict of a slot and the last scan that used it. Handing the same
 * object to the index each scan spares making and freeing one dict a
 * slot, and lets "seen" (store/seen.c) know its latest referrer by
 * identity instead of by comparing strings.
 */

typedef struct SlotRef {
    Tcl_Obj *refPtr;		/* One reference. */
    unsigned long scan;
} SlotRef;

#define SLOT_REF_BYTES 64	/* A hash entry, its malloc overhead. */

/*
 * GetRef --
 *
 *	The referrer {owner OWNER slot SLOT}: the one of the last scan that
 *	met this slot, or a new one. Owned by the cache; the caller holds
 *	a reference as long as it keeps it.
 */

static Tcl_Obj *
GetRef(
    TkleakCollect *ctxPtr,
    const char *owner,
    const char *slot)
{
    TkleakState *statePtr = ctxPtr->statePtr;
    Tcl_HashEntry *hPtr;
    Tcl_DString key;
    SlotRef *srPtr;
    char prefix[TCL_INTEGER_SPACE + 2];
    int isNew;

    if (statePtr->census.slotRefs == NULL) {
	statePtr->census.slotRefs = (Tcl_HashTable *)
		Tcl_Alloc(sizeof(Tcl_HashTable));
	Tcl_InitHashTable(statePtr->census.slotRefs, TCL_STRING_KEYS);
    }

    /*
     * The owner's length first: owners and slots may hold any character
     * but NUL.
     */

    Tcl_DStringInit(&key);
    {
	size_t n = strlen(owner);
	char *p = prefix + sizeof(prefix) - 1;

	*p = ':';
	do {
	    *--p = (char) ('0' + n % 10);
	    n /= 10;
	} while (n > 0);
	Tcl_DStringAppend(&key, p, (int) (prefix + sizeof(prefix) - p));
    }
    Tcl_DStringAppend(&key, owner, -1);
    Tcl_DStringAppend(&key, slot, -1);
    hPtr = Tcl_CreateHashEntry(statePtr->census.slotRefs,
	    Tcl_DStringValue(&key), &isNew);
    if (isNew) {
	srPtr = (SlotRef *) Tcl_Alloc(sizeof(SlotRef));
	srPtr->scan = 0;
	srPtr->refPtr = TkleakNewRef(owner, slot);
	Tcl_IncrRefCount(srPtr->refPtr);
	Tcl_SetHashValue(hPtr, srPtr);
	statePtr->census.slotWordsBytes += sizeof(SlotRef) + SLOT_REF_BYTES
		+ (size_t) Tcl_DStringLength(&key);
    } else {
	srPtr = Tcl_GetHashValue(hPtr);
    }
    Tcl_DStringFree(&key);
    if (srPtr->scan != ctxPtr->refsPtr->scan) {
	srPtr->scan = ctxPtr->refsPtr->scan;
	if (statePtr->census.refsScan != srPtr->scan) {
	    statePtr->census.refsScan = srPtr->scan;
	    statePtr->census.refsUsed = 0;
	}
	statePtr->census.refsUsed++;
    }
    return srPtr->refPtr;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakRefsAge --
 *
 *	End of the full slot scan SCAN: the kept referrers of slots it did
 *	not meet go (TkleakRefsCacheFree with SCAN 0: all of them).
 *
 * Results:
 *	None.
 *
 * Side effects:
 *	The cache's references to those referrers are released (the index
 *	and "seen" may hold their own); their bytes leave the count.
 *
 *----------------------------------------------------------------------
 */

void
TkleakRefsAge(
    TkleakState *statePtr,
    unsigned long scan)
{
    Tcl_HashSearch search;
    Tcl_HashEntry *hPtr;

    if (statePtr->census.slotRefs == NULL || (scan != 0
	    && statePtr->census.refsScan == scan && statePtr->census.refsUsed
		== (size_t) statePtr->census.slotRefs->numEntries)) {
	return;			/* None unused: nothing to drop. */
    }
    for (hPtr = Tcl_FirstHashEntry(statePtr->census.slotRefs, &search);
	    hPtr != NULL; hPtr = Tcl_NextHashEntry(&search)) {
	SlotRef *srPtr = Tcl_GetHashValue(hPtr);

	if (scan == 0 || srPtr->scan != scan) {
	    statePtr->census.slotWordsBytes -= sizeof(SlotRef) + SLOT_REF_BYTES
		    + strlen(Tcl_GetHashKey(statePtr->census.slotRefs, hPtr));
	    Tcl_DecrRefCount(srPtr->refPtr);
	    Tcl_Free((char *) srPtr);
	    Tcl_DeleteHashEntry(hPtr);
	}
    }
    if (scan == 0) {
	Tcl_DeleteHashTable(statePtr->census.slotRefs);
	Tcl_Free((char *) statePtr->census.slotRefs);
	statePtr->census.slotRefs = NULL;
    }
}

static void
AddKey(
    TkleakCollect *ctxPtr,
    const char *key,
    Tcl_Obj *refPtr)
{
    Tcl_HashEntry *hPtr;
    Tcl_Obj *listPtr;
    int isNew;
    Tcl_Size n;

    hPtr = Tcl_CreateHashEntry(&ctxPtr->refsPtr->index, key, &isNew);
    if (isNew) {
	listPtr = Tcl_NewListObj(0, NULL);
	Tcl_IncrRefCount(listPtr);
	Tcl_SetHashValue(hPtr, listPtr);
    } else {
	Tcl_Obj *lastPtr;

	listPtr = Tcl_GetHashValue(hPtr);
	Tcl_ListObjLength(NULL, listPtr, &n);
	if (n > 0 && Tcl_ListObjIndex(NULL, listPtr, n - 1, &lastPtr) == TCL_OK
		&& lastPtr == refPtr) {
	    return;		/* The same slot names it twice. */
	}
    }
    Tcl_ListObjAppendElement(NULL, listPtr, refPtr);
}

/*
 * AddKeys --
 *
 *	Give every key of the list KEYSPTR that a word with FLAGS may name
 *	(TkleakWordMayName) the referrer REFPTR.
 */

static void
AddKeys(
    TkleakCollect *ctxPtr,
    Tcl_Obj *keysPtr,
    Tcl_Obj *refPtr,
    int flags)
{
    Tcl_Obj **kv;
    int i;
    Tcl_Size kc;

    if (Tcl_ListObjGetElements(NULL, keysPtr, &kc, &kv) != TCL_OK) {
	return;
    }
    for (i = 0; i < kc; i++) {
	const char *key = Tcl_GetString(kv[i]);

	if (TkleakWordMayName(flags, key[0])) {
	    AddKey(ctxPtr, key, refPtr);
	}
    }
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakRefsBegin --
 *
 *	Begin filling the index of CTXPTR (made with TkleakRefsInit): give
 *	it the number of a new scan, under which the words' memos and the
 *	kept referrers are valid, and its bounds (Bounds). Every
 *	index filled through TkleakRefsAdd begins here, the full scan of
 *	TkleakCensusTakeEx and a partial one alike; the end of a full scan
 *	(TkleakSlotWordsAge, TkleakRefsAge) drops what no scan since the
 *	last full one used.
 *
 * Results:
 *	None.
 *
 * Side effects:
 *	The state's count of scans is incremented; as Bounds.
 *
 *----------------------------------------------------------------------
 */

void
TkleakRefsBegin(
    TkleakCollect *ctxPtr)
{
    TkleakState *statePtr = ctxPtr->statePtr;

    ctxPtr->refsPtr->scan = ++statePtr->census.numScans;
    if (ctxPtr->refsPtr->scan == 0) {
	ctxPtr->refsPtr->scan = ++statePtr->census.numScans;	/* 0 is none. */
    }
    Bounds(ctxPtr);
}

/*
 *----------------------------------------------------------------------
 *
 * Bounds --
 *
 *	At the start of a slot scan (TkleakRefsBegin): the length of the longest image
 *	name and of the longest global command name, when they bound what
 *	a name can be (TkleakWalkGlobalNameBound). A word longer than both
 *	names nothing, and needs no lookup: on a real app most long words
 *	are whole binding scripts and quoted operands, each distinct, each
 *	asked once a scan. The scan runs no script, so the bounds hold to
 *	its end.
 *
 * Results:
 *	None.
 *
 * Side effects:
 *	The index's bounds are set, or it is left unbounded (every word
 *	looked up). "image names" runs through its C procedure.
 *
 *----------------------------------------------------------------------
 */

static void
Bounds(
    TkleakCollect *ctxPtr)
{
    TkleakRefs *refsPtr = ctxPtr->refsPtr;
    Tcl_Obj *namesPtr, **nv;
    Tcl_Size nc, i;
    const char *w[2];

    refsPtr->bounded = 0;
    refsPtr->maxImage = 0;
    if (!TkleakWalkUsable(ctxPtr->statePtr) || !TkleakWalkGlobalNameBound(
	    ctxPtr->interp, &refsPtr->maxCommand)) {
	return;
    }
    if (ctxPtr->statePtr->tk.tkReady && Tk_MainWindow(ctxPtr->interp) != NULL) {
	w[0] = "image";
	w[1] = "names";
	if (TkleakCallWidget(ctxPtr, "::image", 2, w, &namesPtr) != TCL_OK) {
	    Tcl_ResetResult(ctxPtr->interp);
	    return;
	}
	if (Tcl_ListObjGetElements(NULL, namesPtr, &nc, &nv) == TCL_OK) {
	    for (i = 0; i < nc; i++) {
		Tcl_Size n;

		(void) Tcl_GetStringFromObj(nv[i], &n);
		if ((size_t) n > refsPtr->maxImage) {
		    refsPtr->maxImage = (size_t) n;
		}
	    }
	}
	Tcl_DecrRefCount(namesPtr);
    }
    refsPtr->bounded = 1;
}

/*
 * CannotName --
 *
 *	Whether WORD surely names nothing (Bounds): not a window
 *	path, longer than any image name, and, when COMMANDS, a name
 *	without "::" longer than any global command's.
 */

static int
CannotName(
    const TkleakRefs *refsPtr,
    const char *word,
    int commands)
{
    size_t n;

    if (!refsPtr->bounded || word[0] == '.') {
	return 0;
    }
    n = strlen(word);
    if (n <= refsPtr->maxImage) {
	return 0;
    }
    return !commands || (n > refsPtr->maxCommand
	    && strstr(word, "::") == NULL);
}

/*
 * ScanWord --
 *
 *	Index one word of a slot: what it names (TkleakResolveKeys, asked
 *	once a scan for each distinct word and kept in its memo; only its
 *	windows and images while it is met as an argument word) gets the
 *	slot as a referrer; a word that names nothing goes into the index's
 *	set of unnamed words, when it keeps one (NoteMemoUnnamed). An index
 *	not begun (no scan of its own) keeps no set: TkleakSeenPrepare gives
 *	one only to a full census's index, which is begun.
 */

static void
ScanWord(
    void *clientData,
    const char *word,
    size_t len,
    int flags,
    TkleakWordMemo *memoPtr)
{
    ScanData *dataPtr = clientData;
    TkleakCollect *ctxPtr = dataPtr->ctxPtr;
    int commands = TkleakWordMayName(flags, TKLEAK_KEY_COMMAND);
    int fresh = 0;

    if (ctxPtr->refsPtr->scan == 0) {
	/*
	 * An index not begun with TkleakRefsBegin has no scan of its own
	 * to keep answers for: asked afresh, nothing kept.
	 */

	Tcl_Obj *keysPtr = TkleakResolveKeysEx(ctxPtr->statePtr,
		ctxPtr->interp, word, commands);

	Tcl_IncrRefCount(keysPtr);
	AddKeys(ctxPtr, keysPtr, dataPtr->refPtr, flags);
	Tcl_DecrRefCount(keysPtr);
	return;
    }
    if (memoPtr->scan != ctxPtr->refsPtr->scan || (commands
	    && !memoPtr->commands)) {
	Tcl_Obj *keysPtr;
	Tcl_Size n = 0;
	int either = commands || memoPtr->commands;

	fresh = 1;

	if (memoPtr->scan != 0 && memoPtr->scan != ctxPtr->refsPtr->scan
		&& ((memoPtr->keysPtr == NULL
		&& CannotName(ctxPtr->refsPtr, word, either))
		|| TkleakResolveKeysSame(ctxPtr->statePtr, ctxPtr->interp,
		word, either, memoPtr->keysPtr))) {
	    /*
	     * It names what it named in the last scan that met it: the
	     * memo stands.
	     */

	    memoPtr->scan = ctxPtr->refsPtr->scan;
	    memoPtr->commands = either;
	    goto add;
	}
	if (CannotName(ctxPtr->refsPtr, word, commands)) {
	    keysPtr = Tcl_NewObj();
	} else {
	    keysPtr = TkleakResolveKeysEx(ctxPtr->statePtr, ctxPtr->interp,
		    word, commands);
	}

	if (memoPtr->keysPtr != NULL) {
	    Tcl_DecrRefCount(memoPtr->keysPtr);
	    memoPtr->keysPtr = NULL;
	}
	if (Tcl_ListObjLength(NULL, keysPtr, &n) == TCL_OK && n > 0) {
	    memoPtr->keysPtr = keysPtr;
	    Tcl_IncrRefCount(keysPtr);
	} else {
	    Tcl_DecrRefCount(keysPtr);
	}
	memoPtr->scan = ctxPtr->refsPtr->scan;
	memoPtr->commands = commands;
    }
  add:
    if (memoPtr->keysPtr != NULL) {
	AddKeys(ctxPtr, memoPtr->keysPtr, dataPtr->refPtr, flags);
    }
    if (fresh) {
	/*
	 * Once a scan for each kept word: what it names is the same for
	 * every slot that holds it.
	 */

	NoteMemoUnnamed(ctxPtr->refsPtr->unnamedPtr, word, len, memoPtr);
    }
}

/*
 * QueueRoom --
 *
 *	Room in the slot queue for a record that ends the queue at NEED
 *	bytes: where to write it, or NULL (out of memory: the census is
 *	void, CTXPTR->failed).
 */

static char *
QueueRoom(
    TkleakCollect *ctxPtr,
    size_t need)
{
    TkleakRefsQueue *queuePtr = ctxPtr->refsPtr->queuePtr;

    if (need > queuePtr->cap) {
	size_t cap = need * 2 > 4096 ? need * 2 : 4096;
	char *buf = realloc(queuePtr->buf, cap);

	if (buf == NULL) {
	    ctxPtr->failed = 1;
	    return NULL;
	}
	queuePtr->buf = buf;
	queuePtr->cap = cap;
    }
    return queuePtr->buf + queuePtr->len;
}

/*
 * QueueSlot --
 *
 *	TkleakRefsAdd for an index that queues (a stepped scan's census):
 *	copy OWNER, SLOT and TEXT to the end of its queue. On a memory
 *	shortage the census is marked failed.
 */

static void
QueueSlot(
    TkleakCollect *ctxPtr,
    const char *owner,
    const char *slot,
    const char *text,
    size_t len)
{
    TkleakRefsQueue *queuePtr = ctxPtr->refsPtr->queuePtr;
    size_t ownerLen = strlen(owner) + 1, slotLen = strlen(slot) + 1;
    size_t need = queuePtr->len + ownerLen + slotLen + sizeof(size_t)
	    + len + 1;
    char *p = QueueRoom(ctxPtr, need);

    if (p == NULL) {
	return;
    }
    memcpy(p, owner, ownerLen);
    p += ownerLen;
    memcpy(p, slot, slotLen);
    p += slotLen;
    memcpy(p, &len, sizeof(size_t));
    p += sizeof(size_t);
    memcpy(p, text, len);
    p[len] = '\0';
    queuePtr->len = need;
    queuePtr->count++;
    queuePtr->lastRun = 0;
}

#define QUEUE_RUN ((size_t) -2)	/* Length of a run of bindings: its
					 * text is the position of the first
					 * one's identity and their number. */

/*
 *----------------------------------------------------------------------
 *
 * TkleakRefsQueueBindingId --
 *
 *	Queue the binding whose identity the census just counted as its
 *	INDEXth "binding" one (from 0), to be indexed (TkleakBindingRef)
 *	with the script Tk has for it when TkleakRefsQueueNext comes to
 *	it: a stepped scan's census copies neither the script nor the tag
 *	and sequence, which the identity {TAG SEQ} holds. Bindings counted
 *	one after the other are one record, a run.
 *
 * Results:
 *	None.
 *
 * Side effects:
 *	As QueueSlot.
 *
 *----------------------------------------------------------------------
 */

void
TkleakRefsQueueBindingId(
    TkleakCollect *ctxPtr,
    size_t index)
{
    TkleakRefsQueue *queuePtr = ctxPtr->refsPtr->queuePtr;
    size_t marker = QUEUE_RUN, run[2], need;
    char *p;

    if (queuePtr->lastRun != 0) {
	p = queuePtr->buf + queuePtr->lastRun - 1 + 2 + sizeof(size_t);
	memcpy(run, p, sizeof(run));
	if (run[0] + run[1] == index) {
	    run[1]++;
	    memcpy(p, run, sizeof(run));
	    queuePtr->count++;
	    return;
	}
    }
    need = queuePtr->len + 2 + sizeof(size_t) + sizeof(run);
    if ((p = QueueRoom(ctxPtr, need)) == NULL) {
	return;
    }
    run[0] = index;
    run[1] = 1;
    p[0] = p[1] = '\0';		/* No owner, no slot. */
    memcpy(p + 2, &marker, sizeof(size_t));
    memcpy(p + 2 + sizeof(size_t), run, sizeof(run));
    queuePtr->lastRun = queuePtr->len + 1;
    queuePtr->len = need;
    queuePtr->count++;
}

/*
 * QueuedBinding --
 *
 *	Index the binding of TAG to SEQ queued by its identity: its script now,
 *	from Tk's binding table (the window of a tag that is a path found
 *	again by name; a window or binding gone is skipped), as the census
 *	walk reads it (Tk_GetBinding).
 */

static void
QueuedBinding(
    TkleakCollect *ctxPtr,
    const char *tag,
    const char *seq)
{
    Tcl_Interp *interp = ctxPtr->interp;
    Tk_Window mainWin, tkwin;
    Tk_BindingTable table;
    ClientData object;
    const char *script;

    if (!ctxPtr->statePtr->tk.tkReady
	    || (mainWin = Tk_MainWindow(interp)) == NULL
	    || (table = TkleakWalkBindingTable(mainWin)) == NULL) {
	return;
    }
    if (tag[0] == '.') {
	tkwin = Tk_NameToWindow(interp, tag, mainWin);
	if (tkwin == NULL) {
	    Tcl_ResetResult(interp);
	    return;
	}
	object = (ClientData) Tk_PathName(tkwin);
    } else {
	object = (ClientData) Tk_GetUid(tag);
    }
    script = Tk_GetBinding(interp, table, object, seq);
    Tcl_ResetResult(interp);
    if (script != NULL) {
	TkleakBindingRef(ctxPtr, tag, seq, script, strlen(script));
    }
}

/*
 * QueuedBindingId --
 *
 *	QueuedBinding of the binding whose census identity is ID, the list
 *	{TAG SEQ} (TkleakJoinPair): split from its string, two bare words
 *	without a list parse.
 */

static void
QueuedBindingId(
    TkleakCollect *ctxPtr,
    const char *id)
{
    const char *space = strchr(id, ' ');
    Tcl_Size argc;
    const char **argv;

    if (space != NULL && space > id && space[1] != '\0'
	    && strchr(space + 1, ' ') == NULL
	    && strpbrk(id, "{}\"\\\t\n\v\f\r") == NULL) {
	Tcl_DString tag;

	Tcl_DStringInit(&tag);
	Tcl_DStringAppend(&tag, id, (Tcl_Size) (space - id));
	QueuedBinding(ctxPtr, Tcl_DStringValue(&tag), space + 1);
	Tcl_DStringFree(&tag);
	return;
    }
    if (Tcl_SplitList(NULL, id, &argc, &argv) != TCL_OK) {
	return;
    }
    if (argc == 2) {
	QueuedBinding(ctxPtr, argv[0], argv[1]);
    }
    Tcl_Free((char *) argv);
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakRefsQueueNext --
 *
 *	Index the next slot of the queue of CTXPTR's index (QueueSlot), as
 *	TkleakRefsAdd would have when the census met it; the next binding
 *	of a run (TkleakRefsQueueBindingId), with the script Tk has for it
 *	now.
 *
 * Results:
 *	1 when a slot was indexed, 0 when the queue is empty.
 *
 * Side effects:
 *	As TkleakRefsAdd; the queue moves on.
 *
 *----------------------------------------------------------------------
 */

int
TkleakRefsQueueNext(
    TkleakCollect *ctxPtr)
{
    TkleakRefs *refsPtr = ctxPtr->refsPtr;
    TkleakRefsQueue *queuePtr = refsPtr->queuePtr;
    const char *owner, *slot, *text;
    size_t len;

    if (queuePtr == NULL || queuePtr->pos >= queuePtr->len) {
	return 0;
    }
    owner = queuePtr->buf + queuePtr->pos;
    slot = owner + strlen(owner) + 1;
    memcpy(&len, slot + strlen(slot) + 1, sizeof(size_t));
    text = slot + strlen(slot) + 1 + sizeof(size_t);
    refsPtr->queuePtr = NULL;
    if (len == QUEUE_RUN) {
	/*
	 * One binding of the run a call: the run's record is left with
	 * the next one and one fewer.
	 */

	char *runPtr = queuePtr->buf + (text - queuePtr->buf);
	size_t run[2], index;

	memcpy(run, runPtr, sizeof(run));
	index = run[0];
	if (run[1] <= 1) {
	    queuePtr->pos = (size_t) (runPtr - queuePtr->buf) + sizeof(run);
	} else {
	    run[0]++;
	    run[1]--;
	    memcpy(runPtr, run, sizeof(run));
	}
	if (index < queuePtr->numBindingIds) {
	    QueuedBindingId(ctxPtr, queuePtr->bindingIds[index]);
	}
    } else {
	queuePtr->pos = (size_t) (text - queuePtr->buf) + len + 1;
	TkleakRefsAdd(ctxPtr, owner, slot, text, len);
    }
    refsPtr->queuePtr = queuePtr;
    return 1;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakRefsQueueFree --
 *
 *	Free what a queue holds (not the queue itself).
 *
 * Results:
 *	None.
 *
 * Side effects:
 *	The queue is empty.
 *
 *----------------------------------------------------------------------
 */

void
TkleakRefsQueueFree(
    TkleakRefsQueue *queuePtr)
{
    free(queuePtr->buf);
    memset(queuePtr, 0, sizeof(TkleakRefsQueue));
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakRefsAdd --
 *
 *	Index the slot SLOT of OWNER, whose script (or image or window
 *	name) is TEXT: every object a word of TEXT names gets the referrer
 *	{owner OWNER slot SLOT}. TEXT is taken whole too, and its first list
 *	element, as command words, so a name with spaces given as the value
 *	of an option is found as itself.
 *
 * Results:
 *	None.
 *
 * Side effects:
 *	The index holds a reference to the referrer in the list of each
 *	object named; what a word names is memoised in the index. The
 *	interpreter's result may change.
 *
 *----------------------------------------------------------------------
 */

void
TkleakRefsAdd(
    TkleakCollect *ctxPtr,
    const char *owner,
    const char *slot,
    const char *text,
    size_t len)
{
    ScanData data;
    Tcl_Obj *refPtr;

    if (ctxPtr->refsPtr == NULL || len == 0) {
	return;
    }
    if (ctxPtr->refsPtr->queuePtr != NULL) {
	QueueSlot(ctxPtr, owner, slot, text, len);
	return;
    }
    refPtr = GetRef(ctxPtr, owner, slot);
    Tcl_IncrRefCount(refPtr);
    data.ctxPtr = ctxPtr;
    data.refPtr = refPtr;

    /*
     * The words the scanners find, the whole text, and the first element
     * when it is a list (an option value like {my proc} names the command
     * "my proc"): parsed once and kept between scans (slotwords.c).
     */

    TkleakSlotWordsEachMemo(ctxPtr->statePtr, ctxPtr->refsPtr->scan, text,
	    len, ScanWord, &data);
    Tcl_DecrRefCount(refPtr);
}

/*
 * ClassSlots --
 *
 *	The options of a widget class that are slots, learned from the
 *	"configure" of its first widget: a list of option names, each
 *	followed by its kind, "c" (a Command option), "i" (an Image option)
 *	or "m" (-menu). Cached per class and widget command procedure (of
 *	INFOPTR, Tk's widget command of the window).
 */

static Tcl_Obj *
ClassSlots(
    TkleakCollect *ctxPtr,
    Tk_Window tkwin,
    const Tcl_CmdInfo *infoPtr)
{
    Tcl_HashEntry *hPtr;
    Tcl_DString key;
    Tcl_Obj *specsPtr, **specv, *slotsPtr;
    const char *words[2];
    int i, isNew;
    Tcl_Size specc;
    const char *path = Tk_PathName(tkwin);

    Tcl_DStringInit(&key);
    Tcl_DStringAppend(&key, Tk_Class(tkwin) ? Tk_Class(tkwin) : "", -1);
    {
	char buf[32];

	snprintf(buf, sizeof(buf), " %p", (void *) infoPtr->objProc);
	Tcl_DStringAppend(&key, buf, -1);
    }
    hPtr = Tcl_CreateHashEntry(&ctxPtr->refsPtr->classSlots,
	    Tcl_DStringValue(&key), &isNew);
    Tcl_DStringFree(&key);
    if (!isNew) {
	return Tcl_GetHashValue(hPtr);
    }
    slotsPtr = Tcl_NewListObj(0, NULL);
    Tcl_IncrRefCount(slotsPtr);
    Tcl_SetHashValue(hPtr, slotsPtr);
    words[1] = "configure";
    if (TkleakCallWidget(ctxPtr, path, 2, words, &specsPtr) != TCL_OK) {
	return slotsPtr;
    }
    if (Tcl_ListObjGetElements(NULL, specsPtr, &specc, &specv) == TCL_OK) {
	for (i = 0; i < specc; i++) {
	    Tcl_Obj **fv;
	    Tcl_Size fc;
	    const char *opt, *cls, *kind = NULL;
	    size_t clen;

	    if (Tcl_ListObjGetElements(NULL, specv[i], &fc, &fv) != TCL_OK
		    || fc != 5) {
		continue;	/* A synonym. */
	    }
	    opt = Tcl_GetString(fv[0]);
	    cls = Tcl_GetString(fv[2]);
	    clen = strlen(cls);
	    if (clen >= 7 && strcmp(cls + clen - 7, "Command") == 0) {
		kind = "c";
	    } else if (clen >= 5 && strcmp(cls + clen - 5, "Image") == 0) {
		kind = "i";
	    } else if (strcmp(opt, "-menu") == 0) {
		kind = "m";
	    }
	    if (kind) {
		Tcl_ListObjAppendElement(NULL, slotsPtr, fv[0]);
		Tcl_ListObjAppendElement(NULL, slotsPtr,
			Tcl_NewStringObj(kind, 1));
	    }
	}
    }
    Tcl_DecrRefCount(specsPtr);
    return slotsPtr;
}

/*
 * ScanBindings --
 *
 *	Index the bindings of one bind table object (a canvas item or tag,
 *	a text tag) given as widget subcommand words, e.g. {tag bind sel}.
 */

static void
ScanWidgetBindings(
    TkleakCollect *ctxPtr,
    const char *path,
    int nwords,
    const char *const words[],
    const char *slotPrefix)
{
    Tcl_Obj *seqsPtr, **seqv, *scriptPtr;
    const char *w[6];
    int j, k;
    Tcl_Size seqc;

    for (k = 0; k < nwords; k++) {
	w[k + 1] = words[k];
    }
    if (TkleakCallWidget(ctxPtr, path, nwords + 1, w, &seqsPtr) != TCL_OK) {
	return;
    }
    if (Tcl_ListObjGetElements(NULL, seqsPtr, &seqc, &seqv) == TCL_OK) {
	for (j = 0; j < seqc; j++) {
	    w[nwords + 1] = Tcl_GetString(seqv[j]);
	    if (TkleakCallWidget(ctxPtr, path, nwords + 2, w, &scriptPtr)
		    == TCL_OK) {
		Tcl_DString slot;
		Tcl_Size len;
		const char *script = Tcl_GetStringFromObj(scriptPtr, &len);

		Tcl_DStringInit(&slot);
		Tcl_DStringAppend(&slot, slotPrefix, -1);
		Tcl_DStringAppend(&slot, " bind ", -1);
		Tcl_DStringAppend(&slot, Tcl_GetString(seqv[j]), -1);
		TkleakRefsAdd(ctxPtr, path, Tcl_DStringValue(&slot), script,
			(size_t) len);
		Tcl_DStringFree(&slot);
		Tcl_DecrRefCount(scriptPtr);
	    }
	}
    }
    Tcl_DecrRefCount(seqsPtr);
}

static void
ScanCanvas(
    TkleakCollect *ctxPtr,
    const char *path)
{
    Tcl_Obj *idsPtr, **idv, *valuePtr;
    const char *w[4];
    int i;
    Tcl_Size n;
    Tcl_HashTable tags;
    Tcl_HashSearch search;
    Tcl_HashEntry *hPtr;

    w[1] = "find";
    w[2] = "all";
    if (TkleakCallWidget(ctxPtr, path, 3, w, &idsPtr) != TCL_OK) {
	return;
    }
    Tcl_InitHashTable(&tags, TCL_STRING_KEYS);
    if (Tcl_ListObjGetElements(NULL, idsPtr, &n, &idv) == TCL_OK) {
	for (i = 0; i < n; i++) {
	    const char *id = Tcl_GetString(idv[i]);
	    char slot[64];
	    Tcl_Obj *tagsPtr, **tagv;
	    int k, isNew;
	    Tcl_Size tagc;

	    w[1] = "type";
	    w[2] = id;
	    if (TkleakCallWidget(ctxPtr, path, 3, w, &valuePtr) == TCL_OK) {
		if (strcmp(Tcl_GetString(valuePtr), "image") == 0) {
		    Tcl_Obj *imgPtr;

		    w[1] = "itemcget";
		    w[3] = "-image";
		    if (TkleakCallWidget(ctxPtr, path, 4, w, &imgPtr) == TCL_OK) {
			snprintf(slot, sizeof(slot), "item %s -image", id);
			TkleakRefsAdd(ctxPtr, path, slot,
				Tcl_GetString(imgPtr), (size_t) imgPtr->length);
			Tcl_DecrRefCount(imgPtr);
		    }
		}
		Tcl_DecrRefCount(valuePtr);
	    }
	    {
		const char *bw[2];

		bw[0] = "bind";
		bw[1] = id;
		snprintf(slot, sizeof(slot), "item %s", id);
		ScanWidgetBindings(ctxPtr, path, 2, bw, slot);
	    }
	    w[1] = "gettags";
	    w[2] = id;
	    if (TkleakCallWidget(ctxPtr, path, 3, w, &tagsPtr) == TCL_OK) {
		if (Tcl_ListObjGetElements(NULL, tagsPtr, &tagc, &tagv)
			== TCL_OK) {
		    for (k = 0; k < tagc; k++) {
			Tcl_CreateHashEntry(&tags, Tcl_GetString(tagv[k]),
				&isNew);
		    }
		}
		Tcl_DecrRefCount(tagsPtr);
	    }
	}
    }
    Tcl_DecrRefCount(idsPtr);
    for (hPtr = Tcl_FirstHashEntry(&tags, &search); hPtr;
	    hPtr = Tcl_NextHashEntry(&search)) {
	const char *tag = Tcl_GetHashKey(&tags, hPtr);
	const char *bw[2];
	Tcl_DString slot;

	Tcl_DStringInit(&slot);
	Tcl_DStringAppend(&slot, "tag ", 4);
	Tcl_DStringAppend(&slot, tag, -1);
	bw[0] = "bind";
	bw[1] = tag;
	ScanWidgetBindings(ctxPtr, path, 2, bw, Tcl_DStringValue(&slot));
	Tcl_DStringFree(&slot);
    }
    Tcl_DeleteHashTable(&tags);
}

static void
ScanText(
    TkleakCollect *ctxPtr,
    const char *path)
{
    Tcl_Obj *listPtr, **v;
    const char *w[5];
    int i;
    Tcl_Size n;

    w[1] = "tag";
    w[2] = "names";
    if (TkleakCallWidget(ctxPtr, path, 3, w, &listPtr) == TCL_OK) {
	if (Tcl_ListObjGetElements(NULL, listPtr, &n, &v) == TCL_OK) {
	    for (i = 0; i < n; i++) {
		const char *bw[3];
		Tcl_DString slot;

		Tcl_DStringInit(&slot);
		Tcl_DStringAppend(&slot, "tag ", 4);
		Tcl_DStringAppend(&slot, Tcl_GetString(v[i]), -1);
		bw[0] = "tag";
		bw[1] = "bind";
		bw[2] = Tcl_GetString(v[i]);
		ScanWidgetBindings(ctxPtr, path, 3, bw, Tcl_DStringValue(&slot));
		Tcl_DStringFree(&slot);
	    }
	}
	Tcl_DecrRefCount(listPtr);
    }
    w[1] = "image";
    w[2] = "names";
    if (TkleakCallWidget(ctxPtr, path, 3, w, &listPtr) == TCL_OK) {
	if (Tcl_ListObjGetElements(NULL, listPtr, &n, &v) == TCL_OK) {
	    for (i = 0; i < n; i++) {
		Tcl_Obj *imgPtr;

		w[1] = "image";
		w[2] = "cget";
		w[3] = Tcl_GetString(v[i]);
		w[4] = "-image";
		if (TkleakCallWidget(ctxPtr, path, 5, w, &imgPtr) == TCL_OK) {
		    Tcl_DString slot;

		    Tcl_DStringInit(&slot);
		    Tcl_DStringAppend(&slot, "image ", 6);
		    Tcl_DStringAppend(&slot, Tcl_GetString(v[i]), -1);
		    Tcl_DStringAppend(&slot, " -image", 7);
		    TkleakRefsAdd(ctxPtr, path, Tcl_DStringValue(&slot),
			    Tcl_GetString(imgPtr), (size_t) imgPtr->length);
		    Tcl_DStringFree(&slot);
		    Tcl_DecrRefCount(imgPtr);
		}
	    }
	}
	Tcl_DecrRefCount(listPtr);
    }
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakRefsMenuEntry --
 *
 *	Index one menu entry's slots: -command, -image, -selectimage, and
 *	for a cascade its -menu. Used by walk.c's fast path and by the
 *	public one below.
 *
 * Results:
 *	None.
 *
 * Side effects:
 *	As TkleakRefsAdd; only the string of VALUEPTR (Tk's own object) is
 *	read.
 *
 *----------------------------------------------------------------------
 */

void
TkleakRefsMenuEntry(
    TkleakCollect *ctxPtr,
    const char *path,
    int index,
    const char *option,
    Tcl_Obj *valuePtr)
{
    char slot[80];
    Tcl_Size len;
    const char *value;

    if (valuePtr == NULL) {
	return;
    }
    value = Tcl_GetStringFromObj(valuePtr, &len);
    snprintf(slot, sizeof(slot), "entry %d %s", index, option);
    TkleakRefsAdd(ctxPtr, path, slot, value, (size_t) len);
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakRefsMenuPublic --
 *
 *	Index the entry slots of the menu PATH through Tk's own widget
 *	command ("index end", "type", "entrycget"), for when the menu record
 *	cannot be read (TkleakWalkMenuRefs).
 *
 * Results:
 *	None.
 *
 * Side effects:
 *	As TkleakRefsAdd; the widget command runs through its C procedure
 *	(TkleakCallWidget).
 *
 *----------------------------------------------------------------------
 */

void
TkleakRefsMenuPublic(
    TkleakCollect *ctxPtr,
    const char *path)
{
    static const char *const options[] =
	    {"-command", "-image", "-selectimage", "-menu"};
    Tcl_Obj *endPtr, *typePtr, *valuePtr;
    const char *w[4];
    char num[32];
    int last = -1, i, k;

    w[1] = "index";
    w[2] = "end";
    if (TkleakCallWidget(ctxPtr, path, 3, w, &endPtr) != TCL_OK) {
	return;
    }
    if (Tcl_GetIntFromObj(NULL, endPtr, &last) != TCL_OK) {
	last = -1;		/* "none": no entries. */
    }
    Tcl_DecrRefCount(endPtr);
    for (i = 0; i <= last; i++) {
	const char *type;

	snprintf(num, sizeof(num), "%d", i);
	w[1] = "type";
	w[2] = num;
	if (TkleakCallWidget(ctxPtr, path, 3, w, &typePtr) != TCL_OK) {
	    continue;
	}
	type = Tcl_GetString(typePtr);
	for (k = 0; k < 4; k++) {
	    if (strcmp(type, "tearoff") == 0 || strcmp(type, "separator") == 0
		    || (k == 3 && strcmp(type, "cascade") != 0)) {
		continue;
	    }
	    w[1] = "entrycget";
	    w[3] = options[k];
	    if (TkleakCallWidget(ctxPtr, path, 4, w, &valuePtr) == TCL_OK) {
		TkleakRefsMenuEntry(ctxPtr, path, i, options[k], valuePtr);
		Tcl_DecrRefCount(valuePtr);
	    }
	}
	Tcl_DecrRefCount(typePtr);
    }
}

static void
ScanProtocols(
    TkleakCollect *ctxPtr,
    const char *path)
{
    Tcl_Obj *objv[4], *namesPtr, **v, *scriptPtr;
    int i;
    Tcl_Size n;

    objv[0] = Tcl_NewStringObj("wm", 2);
    objv[1] = Tcl_NewStringObj("protocol", 8);
    objv[2] = Tcl_NewStringObj(path, -1);
    for (i = 0; i < 3; i++) {
	Tcl_IncrRefCount(objv[i]);
    }
    if (TkleakCallCore(ctxPtr, "::wm", 3, objv, &namesPtr) == TCL_OK) {
	if (Tcl_ListObjGetElements(NULL, namesPtr, &n, &v) == TCL_OK) {
	    for (i = 0; i < n; i++) {
		objv[3] = v[i];
		if (TkleakCallCore(ctxPtr, "::wm", 4, objv, &scriptPtr)
			== TCL_OK) {
		    Tcl_DString slot;

		    Tcl_DStringInit(&slot);
		    Tcl_DStringAppend(&slot, "wm protocol ", -1);
		    Tcl_DStringAppend(&slot, Tcl_GetString(v[i]), -1);
		    TkleakRefsAdd(ctxPtr, path, Tcl_DStringValue(&slot),
			    Tcl_GetString(scriptPtr),
			    (size_t) scriptPtr->length);
		    Tcl_DStringFree(&slot);
		    Tcl_DecrRefCount(scriptPtr);
		}
	    }
	}
	Tcl_DecrRefCount(namesPtr);
    }
    for (i = 0; i < 3; i++) {
	Tcl_DecrRefCount(objv[i]);
    }
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakRefsScanWindows --
 *
 *	Index the slots of every window collected: options, menu entries,
 *	protocols, canvas items and text tags and images.
 *
 * Results:
 *	None.
 *
 * Side effects:
 *	As TkleakRefsAdd; widget commands and built-ins run through their C
 *	procedures. The interpreter's result is reset.
 *
 *----------------------------------------------------------------------
 */

void
TkleakRefsScanWindows(
    TkleakCollect *ctxPtr)
{
    Tcl_HashSearch search;
    Tcl_HashEntry *hPtr;

    for (hPtr = Tcl_FirstHashEntry(&ctxPtr->widgets, &search); hPtr;
	    hPtr = Tcl_NextHashEntry(&search)) {
	TkleakRefsScanWindow(ctxPtr, Tcl_GetHashKey(&ctxPtr->widgets, hPtr),
		(Tk_Window) Tcl_GetHashValue(hPtr));
    }
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakRefsScanWindow --
 *
 *	Index the slots of the window PATH (TKWIN): its options, menu
 *	entries, protocols, canvas items and text tags and images.
 *
 * Results:
 *	None.
 *
 * Side effects:
 *	As TkleakRefsScanWindows.
 *
 *----------------------------------------------------------------------
 */

void
TkleakRefsScanWindow(
    TkleakCollect *ctxPtr,
    const char *path,
    Tk_Window tkwin)
{
    TkleakState *statePtr = ctxPtr->statePtr;
    Tcl_Obj *slotsPtr = NULL, **sv;
    const char *clazz = Tk_Class(tkwin);
    Tcl_CmdInfo info;
    int i, found;
    Tcl_Size sc;

    if (Tk_IsTopLevel(tkwin)) {
	ScanProtocols(ctxPtr, path);
    }
    found = TkleakWidgetCommand(ctxPtr, tkwin, &info);
    if (found) {
	slotsPtr = ClassSlots(ctxPtr, tkwin, &info);
    } else {
	TkleakNoteUnread(ctxPtr, path);	/* Nothing of Tk's to ask. */
    }
    if (slotsPtr != NULL
	    && Tcl_ListObjGetElements(NULL, slotsPtr, &sc, &sv) == TCL_OK) {
	for (i = 0; i + 1 < sc; i += 2) {
	    const char *w[3];
	    Tcl_Obj *valuePtr;

	    w[1] = "cget";
	    w[2] = Tcl_GetString(sv[i]);
	    if (TkleakCallWidget(ctxPtr, path, 3, w, &valuePtr) == TCL_OK) {
		TkleakRefsAdd(ctxPtr, path, w[2],
			Tcl_GetString(valuePtr), (size_t) valuePtr->length);
		Tcl_DecrRefCount(valuePtr);
	    }
	}
    }
    if (TkleakWalkIsMenu(statePtr, tkwin)) {
	if (TkleakWalkUsable(statePtr)) {
	    TkleakWalkMenuRefs(ctxPtr, tkwin);
	} else if (found) {
	    TkleakRefsMenuPublic(ctxPtr, path);
	}
    } else if (!found) {
	return;
    } else if (TkleakWalkIsCanvas(statePtr, tkwin)) {
	ScanCanvas(ctxPtr, path);
    } else if (clazz && strcmp(clazz, "Text") == 0) {
	ScanText(ctxPtr, path);
    }
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakRefsScanTraces --
 *
 *	Index the variable traces of the variables the walk found traced.
 *
 * Results:
 *	None.
 *
 * Side effects:
 *	As TkleakRefsAdd; "trace info variable" runs through its C
 *	procedure on names tkleak made.
 *
 *----------------------------------------------------------------------
 */

void
TkleakRefsScanTraces(
    TkleakCollect *ctxPtr)
{
    Tcl_Obj **varv;
    int i;
    Tcl_Size varc;

    if (Tcl_ListObjGetElements(NULL, ctxPtr->refsPtr->tracedVars, &varc,
	    &varv) != TCL_OK) {
	return;
    }
    for (i = 0; i < varc; i++) {
	TkleakRefsScanTrace(ctxPtr, varv[i]);
    }
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakRefsScanTrace --
 *
 *	Index the variable traces of the variable VARPTR names (tkleak's
 *	own object, a fully qualified name).
 *
 * Results:
 *	None.
 *
 * Side effects:
 *	As TkleakRefsScanTraces.
 *
 *----------------------------------------------------------------------
 */

void
TkleakRefsScanTrace(
    TkleakCollect *ctxPtr,
    Tcl_Obj *varPtr)
{
    Tcl_Obj *objv[4], *infoPtr, **tv;
    int i, j;
    Tcl_Size tc;

    objv[0] = Tcl_NewStringObj("trace", 5);
    objv[1] = Tcl_NewStringObj("info", 4);
    objv[2] = Tcl_NewStringObj("variable", 8);
    objv[3] = varPtr;
    for (i = 0; i < 3; i++) {
	Tcl_IncrRefCount(objv[i]);
    }
    if (TkleakCallCore(ctxPtr, "::trace", 4, objv, &infoPtr) == TCL_OK) {
	if (Tcl_ListObjGetElements(NULL, infoPtr, &tc, &tv) == TCL_OK) {
	    for (j = 0; j < tc; j++) {
		Tcl_Obj *cmdPtr;

		if (Tcl_ListObjIndex(NULL, tv[j], 1, &cmdPtr) == TCL_OK
			&& cmdPtr) {
		    Tcl_DString slot;

		    Tcl_DStringInit(&slot);
		    Tcl_DStringAppend(&slot, "variable ", -1);
		    Tcl_DStringAppend(&slot, Tcl_GetString(varPtr), -1);
		    TkleakRefsAdd(ctxPtr, "trace", Tcl_DStringValue(&slot),
			    Tcl_GetString(cmdPtr), (size_t) cmdPtr->length);
		    Tcl_DStringFree(&slot);
		}
	    }
	}
	Tcl_DecrRefCount(infoPtr);
    }
    for (i = 0; i < 3; i++) {
	Tcl_DecrRefCount(objv[i]);
    }
}
