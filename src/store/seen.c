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
 *	While recording, beside it, the names slots may hold without
 *	"seen" tying them to an object (store.unnamedPtr, a set of
 *	heart/nameset.c): the words that named nothing at the last full
 *	index or at a fold since (a binding made before its command, a
 *	cascade entry before its menu) and the names of the entries dropped
 *	since (a slot still naming a command that died, whose name a new
 *	command may take: tkinter's wrapper names can come back). The live
 *	check sends any object that such a name may name to the full scan
 *	(TkleakSeenMayBeNamed), where it would otherwise call it detached
 *	or unreferenced on the word of "seen" alone. A dropped entry's
 *	slots are kept instead, a bounded number (store.unresolved,
 *	TkleakSeenUnresolved), for the live check to ask as it asks those of
 *	"seen": IDLE's Recent Files entries are deleted and made again
 *	with new wrappers whose names are often those of the old ones.
 *
 * Copyright (c) 2026 the tkleak developers. See the file "LICENSE".
 */

#include "config.h"
#include <stdlib.h>
#include <string.h>
#include "tkleakInt.h"

/*
 * ListBytes --
 *
 *	What one entry of KEY with its list counts for in store.seenBytes
 *	(heap.c's estimates: the entry, and each referrer the same whatever
 *	its length, a fresh one having no string yet, and none made for
 *	the count). The size is added as the table grows and taken off as
 *	it shrinks, so that the figure is the table's and nothing walks it.
 */

static double
ListBytes(
    const char *key,
    Tcl_Obj *listPtr)
{
    Tcl_Size c = 0;

    (void) Tcl_ListObjLength(NULL, listPtr, &c);
    return TkleakSeenEntryBytes(key) + (double) c * TkleakSeenRefBytes();
}

/*
 * SameRef --
 *
 *	Whether two referrers are the same slot: the same object, or the
 *	same string.
 */

static int
SameRef(
    Tcl_Obj *aPtr,
    Tcl_Obj *bPtr)
{
    return aPtr == bPtr || strcmp(Tcl_GetString(aPtr), Tcl_GetString(bPtr)) == 0;
}

/*
 * SameSlotAsked --
 *
 *	Whether the referrers A and B are the same slot to the live check:
 *	the same slot, or entries of one menu through one option (it asks
 *	every entry of the menu, since entries move: live.c's MenuNames).
 *	Compared on their strings, "owner OWNER slot {entry INDEX OPTION}"
 *	as TkleakNewRef makes them (SameRef made them already): all but
 *	the index alike.
 */

static int
SameSlotAsked(
    Tcl_Obj *a,
    Tcl_Obj *b)
{
    const char *sa, *sb, *ea, *eb;

    if (SameRef(a, b)) {
	return 1;
    }
    sa = Tcl_GetString(a);
    sb = Tcl_GetString(b);
    ea = strstr(sa, " slot {entry ");
    eb = strstr(sb, " slot {entry ");
    if (ea == NULL || eb == NULL || ea - sa != eb - sb
	    || memcmp(sa, sb, (size_t) (ea - sa)) != 0) {
	return 0;
    }
    ea += 13;
    eb += 13;
    while (*ea >= '0' && *ea <= '9') {
	ea++;
    }
    while (*eb >= '0' && *eb <= '9') {
	eb++;
    }
    return *ea == ' ' && strcmp(ea, eb) == 0;
}


/*
 * EndsWith --
 *
 *	Whether the seen list of KEY ends with the N referrers REFS, in
 *	that order: then noting them again, one by one (TkleakSeen), would
 *	move each to the end in turn and leave the list as it is. On a
 *	second index of an unchanged app that is every object named by more
 *	than one slot, and the table need not change.
 */

static int
EndsWith(
    TkleakState *statePtr,
    const char *key,
    Tcl_Obj *const *refs,
    Tcl_Size n)
{
    Tcl_HashEntry *hPtr = Tcl_FindHashEntry(&statePtr->store.seen, key);
    Tcl_Obj **v;
    Tcl_Size m, i;

    if (hPtr == NULL || Tcl_ListObjGetElements(NULL, Tcl_GetHashValue(hPtr),
	    &m, &v) != TCL_OK || m < n) {
	return 0;
    }
    for (i = 0; i < n; i++) {
	if (!SameRef(v[m - n + i], refs[i])) {
	    return 0;
	}
    }
    return 1;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakRefsRememberEntry --
 *
 *	TkleakRefsRemember for one entry HPTR of REFSPTR's index (an
 *	object and its referrers): its last TKLEAK_SEEN_MAX referrers noted
 *	in "seen", unless its list there ends with them already. A stepped
 *	scan (query/orphanstep.c) remembers an entry a piece.
 *
 * Results:
 *	None.
 *
 * Side effects:
 *	As TkleakSeen for each referrer noted.
 *
 *----------------------------------------------------------------------
 */

void
TkleakRefsRememberEntry(
    TkleakState *statePtr,
    TkleakRefs *refsPtr,
    Tcl_HashEntry *hPtr)
{
    const char *key = Tcl_GetHashKey(&refsPtr->index, hPtr);
    Tcl_Obj **v;
    Tcl_Size n, i;

    if (Tcl_ListObjGetElements(NULL, Tcl_GetHashValue(hPtr), &n, &v)
	    != TCL_OK) {
	return;
    }
    i = (n > TKLEAK_SEEN_MAX ? n - TKLEAK_SEEN_MAX : 0);
    if (EndsWith(statePtr, key, v + i, n - i)) {
	return;
    }
    for (; i < n; i++) {
	TkleakSeen(statePtr, key, v[i]);
    }
}

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
 *	1 when every key of the seen table is now one REFSPTR indexes: an
 *	object the index found, that exists, so the caller, with no script
 *	run since the index, need not look for the dead
 *	(TkleakSeenForgetDead, a lookup for every entry); else 0.
 *
 * Side effects:
 *	The seen table holds a reference to each referrer it keeps. The
 *	index's set of unnamed words, if it made one, becomes the store's.
 *
 *----------------------------------------------------------------------
 */

int
TkleakRefsRemember(
    TkleakState *statePtr,
    TkleakRefs *refsPtr)
{
    Tcl_HashSearch search;
    Tcl_HashEntry *hPtr;

    for (hPtr = Tcl_FirstHashEntry(&refsPtr->index, &search); hPtr;
	    hPtr = Tcl_NextHashEntry(&search)) {
	TkleakRefsRememberEntry(statePtr, refsPtr, hPtr);
    }

    /*
     * The index's unnamed words are every slot's now: they replace the
     * set (TkleakSeenPrepare), and a slot of a dropped entry that still
     * names its name is one of them.
     */

    if (refsPtr->unnamedPtr != NULL && statePtr->store.trackUnnamed) {
	TkleakNameSetFree(statePtr->store.unnamedPtr);
	statePtr->store.unnamedPtr = refsPtr->unnamedPtr;
	refsPtr->unnamedPtr = NULL;
	TkleakDeleteObjTable(&statePtr->store.unresolved, 1);
    }

    /*
     * Every key indexed is in the table now (each with one referrer at
     * least), and an index holds only keys it found: commands, images and
     * windows that exist. As many entries as keys: no other.
     */

    return statePtr->store.seen.numEntries == refsPtr->index.numEntries;
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
 * TkleakSeenDrop --
 *
 *	Delete the entry HPTR of the seen table (an object that died), its
 *	bytes out of the table's size. Slots may still name its name: while
 *	recording, when one of them may still be there (MayStillStand),
 *	the slots of a tkinter wrapper, image or window are kept
 *	(KeepSlots); when older ones were dropped, or for another command,
 *	the name goes into the set of unnamed names.
 *
 * Results:
 *	None.
 *
 * Side effects:
 *	The entry's list is released (one reference) and the entry
 *	deleted; store.unresolved or the set of unnamed names may grow.
 *
 *----------------------------------------------------------------------
 */

#define UNRESOLVED_MAX 2048	/* Names whose slots are kept... */
#define UNRESOLVED_REFS 16	/* ...and slots a name. */

/*
 * MayStillStand --
 *
 *	Whether a slot of the referrer list LISTPTR may still be there to
 *	name its object's name: a slot of a window that exists, or of an
 *	owner that is no window (a bind tag, an after event, a variable),
 *	or a list as long as the table keeps (older slots were dropped).
 *	The slots of windows destroyed went with them: an app that closes
 *	a window whose callbacks die with it (IDLE's editors) keeps none of
 *	them. Tk's message for a window not found is cleared.
 */

static int
MayStillStand(
    TkleakState *statePtr,
    Tcl_Obj *listPtr)
{
    Tcl_Interp *interp = statePtr->interp;
    Tk_Window mainWin = NULL;
    Tcl_Obj **v, *ownerPtr;
    Tcl_Size n, i;
    int stands = 0, looked = 0;

    if (Tcl_ListObjGetElements(NULL, listPtr, &n, &v) != TCL_OK
	    || n >= TKLEAK_SEEN_MAX) {
	return 1;
    }
    if (statePtr->tk.tkReady && !Tcl_InterpDeleted(interp)) {
	mainWin = Tk_MainWindow(interp);
    }
    for (i = 0; i < n && !stands; i++) {
	const char *owner;

	ownerPtr = TkleakDictGet(v[i], "owner");
	owner = ownerPtr != NULL ? Tcl_GetString(ownerPtr) : "";
	if (owner[0] != '.' || mainWin == NULL) {
	    stands = 1;
	} else if (Tk_NameToWindow(interp, owner, mainWin) != NULL) {
	    stands = 1;
	} else {
	    looked = 1;		/* Tk left its "bad window" message. */
	}
    }
    if (looked) {
	Tcl_ResetResult(interp);
    }
    return stands;
}

/*
 * IsWrapperWord --
 *
 *	Whether WORD, as a command word, names a command that has the shape
 *	of a tkinter wrapper's name (TkleakIsTkinterWrapper).
 */

static int
IsWrapperWord(
    const char *word)
{
    Tcl_DString fq;
    int is;

    if (strncmp(word, "::", 2) == 0) {
	return TkleakIsTkinterWrapper(word);
    }
    Tcl_DStringInit(&fq);
    Tcl_DStringAppend(&fq, "::", 2);
    Tcl_DStringAppend(&fq, word, -1);
    is = TkleakIsTkinterWrapper(Tcl_DStringValue(&fq));
    Tcl_DStringFree(&fq);
    return is;
}

/*
 * KeepSlots --
 *
 *	Keep in store.unresolved, under NAME (LEN bytes: the name a key is
 *	looked for by, TkleakNameSetKeyName), the N referrers at V, beside
 *	those kept already (each slot once, SameSlotAsked).
 *	When they cannot all be kept (more than UNRESOLVED_REFS under one
 *	name, or UNRESOLVED_MAX names kept), NAME goes into the set of
 *	unnamed names instead: the full scan tells.
 */

static void
KeepSlots(
    TkleakState *statePtr,
    const char *name,
    size_t len,
    Tcl_Size n,
    Tcl_Obj *const v[])
{
    Tcl_HashTable *tablePtr = &statePtr->store.unresolved;
    Tcl_HashEntry *hPtr;
    Tcl_DString ds;
    Tcl_Obj **kv, *keptPtr;
    Tcl_Size kc = 0, i, j;
    int isNew;

    if (n == 0) {
	return;
    }
    Tcl_DStringInit(&ds);
    Tcl_DStringAppend(&ds, name, (int) len);
    hPtr = Tcl_FindHashEntry(tablePtr, Tcl_DStringValue(&ds));
    if (hPtr == NULL && tablePtr->numEntries >= UNRESOLVED_MAX) {
	TkleakNameSetAdd(statePtr->store.unnamedPtr, name, len);
	Tcl_DStringFree(&ds);
	return;
    }
    if (hPtr == NULL) {
	hPtr = Tcl_CreateHashEntry(tablePtr, Tcl_DStringValue(&ds), &isNew);
	keptPtr = Tcl_NewListObj(0, NULL);
	Tcl_IncrRefCount(keptPtr);
	Tcl_SetHashValue(hPtr, keptPtr);
    } else {
	keptPtr = Tcl_GetHashValue(hPtr);
    }
    Tcl_DStringFree(&ds);
    Tcl_ListObjGetElements(NULL, keptPtr, &kc, &kv);
    for (i = 0; i < n; i++) {
	for (j = 0; j < kc && !SameSlotAsked(kv[j], v[i]); j++) {
	    /* Each slot once. */
	}
	if (j < kc) {
	    continue;
	}
	if (kc >= UNRESOLVED_REFS) {
	    TkleakNameSetAdd(statePtr->store.unnamedPtr, name, len);
	    return;
	}
	Tcl_ListObjAppendElement(NULL, keptPtr, v[i]);
	Tcl_ListObjGetElements(NULL, keptPtr, &kc, &kv);
    }
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakSeenUnresolved --
 *
 *	The slots that may name the object of KEY without "seen" knowing,
 *	kept while recording since the last full index (KeepSlots): those
 *	of dropped entries, and those folded while their word named
 *	nothing. The live check asks them whether they name it now, as it
 *	asks those of "seen"; they are kept by the name a key is looked for
 *	by, so some may name another object of that name.
 *
 * Results:
 *	A list of referrers (no reference held for the caller), or NULL.
 *
 * Side effects:
 *	None.
 *
 *----------------------------------------------------------------------
 */

Tcl_Obj *
TkleakSeenUnresolved(
    TkleakState *statePtr,
    const char *key)
{
    Tcl_DString ds;
    Tcl_HashEntry *hPtr;
    size_t len;
    const char *name = TkleakNameSetKeyName(key, &len);

    if (statePtr->store.unresolved.numEntries == 0) {
	return NULL;
    }
    Tcl_DStringInit(&ds);
    Tcl_DStringAppend(&ds, name, (int) len);
    hPtr = Tcl_FindHashEntry(&statePtr->store.unresolved,
	    Tcl_DStringValue(&ds));
    Tcl_DStringFree(&ds);
    return hPtr != NULL ? Tcl_GetHashValue(hPtr) : NULL;
}

void
TkleakSeenDrop(
    TkleakState *statePtr,
    Tcl_HashEntry *hPtr)
{
    if (statePtr->store.unnamedPtr != NULL
	    && MayStillStand(statePtr, Tcl_GetHashValue(hPtr))) {
	const char *key = Tcl_GetHashKey(&statePtr->store.seen, hPtr);
	Tcl_Obj **v;
	Tcl_Size n = 0;

	Tcl_ListObjGetElements(NULL, Tcl_GetHashValue(hPtr), &n, &v);
	if (n >= TKLEAK_SEEN_MAX || (key[0] == TKLEAK_KEY_COMMAND
		&& !TkleakIsTkinterWrapper(key + 1))) {
	    TkleakNameSetAddKey(statePtr->store.unnamedPtr, key);
	} else {
	    size_t len;
	    const char *name = TkleakNameSetKeyName(key, &len);

	    KeepSlots(statePtr, name, len, n, v);
	}
    }
    statePtr->store.seenBytes -= ListBytes(
	    Tcl_GetHashKey(&statePtr->store.seen, hPtr), Tcl_GetHashValue(hPtr));
    Tcl_DecrRefCount((Tcl_Obj *) Tcl_GetHashValue(hPtr));
    Tcl_DeleteHashEntry(hPtr);
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
    statePtr->store.seenBytes = 0;
    TkleakSeenTrackUnnamed(statePtr, 0);
    TkleakDeleteObjTable(&statePtr->store.unresolved, 0);
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakSeenTrackUnnamed --
 *
 *	Start (TRACK 1: recording is turned on) or stop keeping the set of
 *	names slots may hold unknown to "seen", and the slots of dropped
 *	entries. Started, there is no set until the next full index
 *	remembered gives one (TkleakSeenPrepare, TkleakRefsRemember); until
 *	then the live check asks the full scan.
 *
 * Results:
 *	None.
 *
 * Side effects:
 *	Stopped, the set and the dropped entries' slots are freed.
 *
 *----------------------------------------------------------------------
 */

void
TkleakSeenTrackUnnamed(
    TkleakState *statePtr,
    int track)
{
    statePtr->store.trackUnnamed = track;
    if (!track) {
	TkleakNameSetFree(statePtr->store.unnamedPtr);
	statePtr->store.unnamedPtr = NULL;
	TkleakDeleteObjTable(&statePtr->store.unresolved, 1);
    }
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakSeenPrepare --
 *
 *	Ready the index REFSPTR (TkleakRefsInit'ed) of a full census whose
 *	referrers will be remembered (TkleakRefsRemember): while the set of
 *	unnamed names is kept, the index makes a new one of its own words,
 *	which then replaces it.
 *
 * Results:
 *	None.
 *
 * Side effects:
 *	REFSPTR may get a set (freed with it unless remembered).
 *
 *----------------------------------------------------------------------
 */

void
TkleakSeenPrepare(
    TkleakState *statePtr,
    TkleakRefs *refsPtr)
{
    if (statePtr->store.trackUnnamed && refsPtr->unnamedPtr == NULL) {
	refsPtr->unnamedPtr = TkleakNameSetNew();
    }
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakSeenUnnamed --
 *
 *	Recording's fold met WORD (LEN bytes), which names nothing, in the
 *	slot REFPTR, where it may name a command (COMMANDS) or not. The
 *	name of a tkinter wrapper met where it may name a command, or a
 *	window path, keeps its slot (KeepSlots, under the name a key is
 *	looked for by), for the live check to ask: tkinter deletes wrappers
 *	whose names come back (IDLE's Windows and Recent Files menus, remade
 *	at each change), and windows are made again under their old paths.
 *	Any other word (a binding made before its proc, a name an image may
 *	take) goes into the set of unnamed names, at each meeting, since
 *	a word met as an argument first may be met as a command word next.
 *
 * Results:
 *	None.
 *
 * Side effects:
 *	store.unresolved or the set of unnamed names may grow; nothing
 *	while the set is not kept.
 *
 *----------------------------------------------------------------------
 */

void
TkleakSeenUnnamed(
    TkleakState *statePtr,
    const char *word,
    size_t len,
    int commands,
    Tcl_Obj *refPtr)
{
    if (statePtr->store.unnamedPtr == NULL) {
	return;
    }
    if ((commands && IsWrapperWord(word)) || word[0] == '.') {
	size_t tailLen;
	const char *tail = TkleakNameSetTail(word, len, &tailLen);

	KeepSlots(statePtr, tail, tailLen, 1, &refPtr);
    } else {
	TkleakNameSetAddWord(statePtr->store.unnamedPtr, word, len, commands);
    }
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakSeenMayBeNamed --
 *
 *	Whether a slot "seen" does not know of may name the object of KEY:
 *	its name may be in the set of unnamed names, or there is no set to
 *	ask (not recording, no full index since recording began, or a set
 *	too full to answer well).
 *
 * Results:
 *	1 when the live check cannot rule such a slot out (the full scan
 *	must tell), else 0.
 *
 * Side effects:
 *	None.
 *
 *----------------------------------------------------------------------
 */

int
TkleakSeenMayBeNamed(
    TkleakState *statePtr,
    const char *key)
{
    TkleakNameSet *setPtr = statePtr->store.unnamedPtr;

    return setPtr == NULL || TkleakNameSetFull(setPtr)
	    || TkleakNameSetMayName(setPtr, key);
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakSeen --
 *
 *	Record REFPTR ({owner O slot S}) as the latest slot seen naming
 *	KEY. Each object keeps its last TKLEAK_SEEN_MAX distinct slots, most
 *	recent last: enough to recheck whether it is still attached (live.c)
 *	and bounded however often a slot is set again. Entries of one menu
 *	through one option are one slot (SameSlotAsked: the live check asks
 *	every entry of the menu, since entries move), so that a menu remade
 *	again and again (IDLE's Windows and Recent Files menus, whose
 *	wrappers' names come back) does not fill an object's list and send
 *	the live check to the full scan.
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

    if (isNew) {
	listPtr = Tcl_NewListObj(0, NULL);
	Tcl_IncrRefCount(listPtr);
	Tcl_SetHashValue(hPtr, listPtr);
	statePtr->store.seenBytes += TkleakSeenEntryBytes(key);
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
    if (n > 0 && SameRef(v[n - 1], refPtr)) {
	return;			/* Already the latest. */
    }
    for (i = 0; i < n; i++) {
	if (SameSlotAsked(v[i], refPtr)) {
	    statePtr->store.seenBytes -= TkleakSeenRefBytes();
	    Tcl_ListObjReplace(NULL, listPtr, i, 1, 0, NULL);
	    break;
	}
    }
    Tcl_ListObjLength(NULL, listPtr, &n);
    if (n >= TKLEAK_SEEN_MAX) {
	statePtr->store.seenBytes -= (double) (n - TKLEAK_SEEN_MAX + 1)
		* TkleakSeenRefBytes();
	Tcl_ListObjReplace(NULL, listPtr, 0, n - TKLEAK_SEEN_MAX + 1, 0, NULL);
    }
    statePtr->store.seenBytes += TkleakSeenRefBytes();
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
	if (!alive && tablePtr == &statePtr->store.seen) {
	    TkleakSeenDrop(statePtr, hPtr);
	} else if (!alive) {
	    Tcl_DecrRefCount((Tcl_Obj *) Tcl_GetHashValue(hPtr));
	    Tcl_DeleteHashEntry(hPtr);
	}
    }
    if (haveAfters >= 0) {
	Tcl_DeleteHashTable(&afters);
    }
    Tcl_ResetResult(interp);
}
