/*
 * log.c --
 *
 *	The attachment log of live recording and its fold: what a hook of
 *	record.c saw (an attachment, a creation) is appended here with its
 *	origin, and folded, when a command asks (TkleakRecordFlush) or the
 *	log is full, into the "seen" table (refs.c) and the origin tables
 *	(origin.c, creation.c): each slot's value is scanned for the names
 *	it holds then, not in the hook. The fold also drops the entries of
 *	the dead when those tables have doubled.
 *
 * Copyright (c) 2026 the tkleak developers. See the file "LICENSE".
 */

#include "config.h"
#include <string.h>
#include "record.h"

/*
 * CachedRef --
 *
 *	The referrer dict {owner OWNER slot SLOT}, shared between calls for
 *	the same slot (no reference held by the caller).
 */

static Tcl_Obj *
CachedRef(
    TkleakState *statePtr,
    const char *owner,
    const char *slot)
{
    Tcl_DString key;
    Tcl_HashEntry *hPtr;
    Tcl_Obj *refPtr;
    int isNew;

    if (statePtr->record.refCache.numEntries > 20000) {
	TkleakDeleteObjTable(&statePtr->record.refCache, 1);
    }
    Tcl_DStringInit(&key);
    Tcl_DStringAppend(&key, owner, -1);
    Tcl_DStringAppend(&key, "\001", 1);
    Tcl_DStringAppend(&key, slot, -1);
    hPtr = Tcl_CreateHashEntry(&statePtr->record.refCache, Tcl_DStringValue(&key),
	    &isNew);
    Tcl_DStringFree(&key);
    if (isNew) {
	refPtr = TkleakNewRef(owner, slot);
	Tcl_IncrRefCount(refPtr);
	Tcl_SetHashValue(hPtr, refPtr);
    }
    return Tcl_GetHashValue(hPtr);
}

/*
 * Remember --
 *
 *	Note every command, image or window that a word of TEXT (or TEXT
 *	whole, or its first list element) names, with {owner slot} as its
 *	last referrer and STACKPTR (or NULL) as where that happened.
 */

typedef struct RememberData {
    TkleakState *statePtr;
    Tcl_Interp *interp;
    Tcl_Obj *refPtr;
    Tcl_Obj *stackPtr;		/* Where this happened, or NULL. */
    int slotGone;		/* The slot's window is gone (and the slot
				 * with it). */
} RememberData;

static void
RememberName(
    RememberData *dataPtr,
    const char *name,
    int flags)			/* As TkleakScanWords reports the name. */
{
    TkleakState *statePtr = dataPtr->statePtr;
    Tcl_HashEntry *hPtr;
    Tcl_Obj *keysPtr, **kv;
    int isNew, i;
    Tcl_Size kc;

    /*
     * What a word names is memoised: most scripts name the same few
     * commands again and again. The memo lives for one flush, during
     * which no script runs and nothing is made or deleted, and is
     * emptied when it grows large.
     */

    if (statePtr->record.memo.numEntries > 20000) {
	TkleakDeleteObjTable(&statePtr->record.memo, 1);
    }
    hPtr = Tcl_CreateHashEntry(&statePtr->record.memo, name, &isNew);
    if (isNew) {
	keysPtr = TkleakResolveKeys(statePtr, dataPtr->interp, name);
	Tcl_IncrRefCount(keysPtr);
	Tcl_SetHashValue(hPtr, keysPtr);
    } else {
	keysPtr = Tcl_GetHashValue(hPtr);
    }
    if (Tcl_ListObjGetElements(NULL, keysPtr, &kc, &kv) != TCL_OK) {
	return;
    }
    for (i = 0; i < kc; i++) {
	if (TkleakWordMayName(flags, Tcl_GetString(kv[i])[0])) {
	    break;
	}
    }
    if (i == kc) {
	/*
	 * A name that names nothing here (an argument word may name a
	 * command and nothing else): a slot "seen" will not tie to what is
	 * made with it later (a binding made before its command), unless
	 * the slot went with its window (an editor opened and closed
	 * between two folds: every name in its slots is gone).
	 */

	if (!dataPtr->slotGone) {
	    TkleakSeenUnnamed(statePtr, name, strlen(name),
		    TkleakWordMayName(flags, TKLEAK_KEY_COMMAND),
		    dataPtr->refPtr);
	}
	return;
    }
    for (i = 0; i < kc; i++) {
	if (!TkleakWordMayName(flags, Tcl_GetString(kv[i])[0])) {
	    continue;
	}
	TkleakSeen(statePtr, Tcl_GetString(kv[i]), dataPtr->refPtr);
	if (dataPtr->stackPtr != NULL) {
	    TkleakOriginAttached(statePtr, Tcl_GetString(kv[i]),
		    dataPtr->refPtr, dataPtr->stackPtr);
	}
    }
}

static void
RememberWord(
    void *clientData,
    const char *word,
    size_t len,
    int flags)
{
    Tcl_DString ds;

    Tcl_DStringInit(&ds);
    Tcl_DStringAppend(&ds, word, (int) len);
    RememberName(clientData, Tcl_DStringValue(&ds), flags);
    Tcl_DStringFree(&ds);
}

static void
Remember(
    TkleakState *statePtr,
    Tcl_Interp *interp,
    const char *owner,
    const char *slot,
    const char *text,
    int len,
    Tcl_Obj *stackPtr)
{
    RememberData data;

    if (len == 0) {
	return;
    }
    data.statePtr = statePtr;
    data.interp = interp;
    /*
     * Every after event is a slot of its own, never set again: caching
     * its referrer would only fill the cache.
     */

    data.refPtr = strcmp(owner, "after") == 0 ? TkleakNewRef(owner, slot)
	    : CachedRef(statePtr, owner, slot);
    data.stackPtr = stackPtr;
    data.slotGone = owner[0] == '.' && statePtr->tk.tkReady
	    && Tk_MainWindow(interp) != NULL
	    && Tk_NameToWindow(interp, owner, Tk_MainWindow(interp)) == NULL;
    Tcl_IncrRefCount(data.refPtr);
    TkleakScanWords(text, (size_t) len, RememberWord, &data);
    TkleakScanQuotedWords(text, (size_t) len, RememberWord, &data);

    /*
     * The whole text, and when it is braced or quoted its first list
     * element, found without turning the app's object into a list.
     */

    if (strpbrk(text, " \t\n") != NULL) {
	size_t sl = strlen(slot);

	/*
	 * Only an image or menu option holds a bare name that may contain
	 * spaces; in a script, a name with spaces is braced.
	 */

	if ((sl >= 5 && strcmp(slot + sl - 5, "image") == 0)
		|| (sl >= 5 && strcmp(slot + sl - 5, "-menu") == 0)) {
	    RememberName(&data, text, TKLEAK_WORD_COMMAND);
	}
	if (text[0] == '{' || text[0] == '"') {
	    Tcl_Size argc;
	    const char **argv;

	    if (Tcl_SplitList(NULL, text, &argc, &argv) == TCL_OK) {
		if (argc > 0) {
		    RememberName(&data, argv[0], TKLEAK_WORD_COMMAND);
		}
		Tcl_Free((char *) argv);
	    }
	}
    }
    Tcl_DecrRefCount(data.refPtr);
}

/*
 * Created --
 *
 *	Note that the object KEY was made, at STACKPTR (or NULL).
 */

static void
Created(
    TkleakState *statePtr,
    const char *key,
    Tcl_Obj *stackPtr)
{
    /*
     * A new object may reuse the name of one that died: its origin
     * starts afresh.
     */

    TkleakOriginForget(statePtr, key);
    if (stackPtr != NULL) {
	TkleakOriginCreated(statePtr, key, stackPtr);
    }
}

/*
 * SameObj --
 *
 *	Whether two objects of a log entry are the same value, without
 *	making a string form that the app has not made.
 */

static int
SameObj(
    Tcl_Obj *a,
    Tcl_Obj *b)
{
    if (a == b) {
	return 1;
    }
    return a != NULL && b != NULL && a->bytes != NULL && b->bytes != NULL
	    && a->length == b->length && memcmp(a->bytes, b->bytes,
		(size_t) a->length) == 0;
}

/*
 * ObjCost --
 *
 *	What holding OBJPTR (or NULL) costs the log: the object and its
 *	string when nothing but the call being logged holds it (a word
 *	tkinter made for this call, a key made for the log), so that the
 *	log alone keeps it alive; nothing for a literal of a script or a
 *	widget's path, which live on anyway.
 */

static inline size_t
ObjCost(
    Tcl_Obj *objPtr)
{
    return objPtr == NULL || objPtr->refCount > 1 ? 0
	    : sizeof(Tcl_Obj) + (objPtr->bytes ? (size_t) objPtr->length : 0);
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakLogAppend --
 *
 *	Append an attachment or creation to the log (see enum LogKind),
 *	with where it happens when origins are on. A full log is folded
 *	into the tables first. VALUEPTR may be an object the caller made;
 *	the log does not keep it.
 *
 * Results:
 *	None.
 *
 * Side effects:
 *	The log holds a reference to OWNERPTR, APTR and BPTR, and to the
 *	stack captured here (when origins are on); VALUEPTR's string is
 *	copied, and a reference the caller made for it alone is released
 *	(VALUEPTR may have none). A full log is folded first
 *	(TkleakRecordFlush). No script runs.
 *
 *----------------------------------------------------------------------
 */

void
TkleakLogAppend(
    TkleakState *statePtr,
    Tcl_Interp *interp,
    int kind,
    int index,
    Tcl_Obj *ownerPtr,
    Tcl_Obj *aPtr,
    Tcl_Obj *bPtr,
    Tcl_Obj *valuePtr)
{
    TkleakRecord *recPtr = statePtr->record.recordPtr;
    LogEntry *entryPtr;
    Tcl_Obj *stackPtr = statePtr->opts.origins_on
	    ? TkleakOriginCapture(statePtr, interp) : NULL;
    const char *text = "";
    Tcl_Size len = 0;
    size_t cost;

    /*
     * The stack is held at once: a fold below may drop the stacks nothing
     * holds.
     */

    if (stackPtr != NULL) {
	Tcl_IncrRefCount(stackPtr);
    }
    if (valuePtr != NULL) {
	Tcl_IncrRefCount(valuePtr);
	text = Tcl_GetStringFromObj(valuePtr, &len);
    }

    /*
     * The same attachment made again, from the same place, straight
     * after itself (a slot set again and again) adds nothing: replaying
     * it twice leaves the tables as replaying it once.
     */

    if (recPtr->numLog > 0) {
	entryPtr = &recPtr->log[recPtr->numLog - 1];
	if (entryPtr->kind == kind && entryPtr->index == index
		&& entryPtr->stackPtr == stackPtr
		&& entryPtr->textLen == len
		&& SameObj(entryPtr->ownerPtr, ownerPtr)
		&& SameObj(entryPtr->aPtr, aPtr)
		&& SameObj(entryPtr->bPtr, bPtr)
		&& memcmp(recPtr->text + entryPtr->textOff, text,
		    (size_t) len) == 0) {
	    if (ownerPtr != NULL && ownerPtr->refCount == 0) {
		Tcl_IncrRefCount(ownerPtr);	/* Made for the log. */
		Tcl_DecrRefCount(ownerPtr);
	    }
	    if (valuePtr != NULL) {
		Tcl_DecrRefCount(valuePtr);
	    }
	    if (stackPtr != NULL) {
		Tcl_DecrRefCount(stackPtr);
	    }
	    return;
	}
    }
    cost = sizeof(LogEntry) + len + 1 + ObjCost(ownerPtr) + ObjCost(aPtr)
	    + ObjCost(bPtr);
    if (recPtr->numLog == LOG_MAX
	    || recPtr->numText + len + 1 > LOG_MAX_TEXT
	    || recPtr->logBytes + cost > LOG_MAX_BYTES) {
	TkleakRecordFlush(statePtr);
    }
    recPtr->logBytes += cost;
    if (recPtr->numLog == recPtr->capLog) {
	recPtr->capLog = recPtr->capLog ? 2 * recPtr->capLog : LOG_MIN;
	recPtr->log = (LogEntry *) Tcl_Realloc((char *) recPtr->log,
		recPtr->capLog * sizeof(LogEntry));
    }
    if (recPtr->numText + len + 1 > recPtr->capText) {
	recPtr->capText = 2 * (recPtr->numText + len + 1) + 1024;
	recPtr->text = Tcl_Realloc(recPtr->text, recPtr->capText);
    }
    entryPtr = &recPtr->log[recPtr->numLog++];
    entryPtr->kind = kind;
    entryPtr->index = index;
    entryPtr->ownerPtr = ownerPtr;
    entryPtr->aPtr = aPtr;
    entryPtr->bPtr = bPtr;
    entryPtr->textOff = recPtr->numText;
    entryPtr->textLen = len;
    memcpy(recPtr->text + recPtr->numText, text, (size_t) len);
    recPtr->text[recPtr->numText + len] = '\0';
    recPtr->numText += len + 1;
    entryPtr->stackPtr = stackPtr;
    if (ownerPtr) {
	Tcl_IncrRefCount(ownerPtr);
    }
    if (aPtr) {
	Tcl_IncrRefCount(aPtr);
    }
    if (bPtr) {
	Tcl_IncrRefCount(bPtr);
    }
    if (valuePtr != NULL) {
	Tcl_DecrRefCount(valuePtr);
    }
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakLogCreated --
 *
 *	Log that the object NAME, whose key kind is KIND, was made: its
 *	origin starts afresh at the next fold.
 *
 * Results:
 *	None.
 *
 * Side effects:
 *	A key object is made and held by the log (TkleakLogAppend).
 *
 *----------------------------------------------------------------------
 */

void
TkleakLogCreated(
    TkleakState *statePtr,
    Tcl_Interp *interp,
    TkleakKeyKind kind,
    const char *name)
{
    Tcl_Obj *keyPtr = Tcl_NewStringObj(TkleakKeyPrefix(kind), 1);

    Tcl_AppendToObj(keyPtr, name, -1);
    TkleakLogAppend(statePtr, interp, L_CREATED, 0, keyPtr, NULL, NULL, NULL);
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakLogFreeEntry --
 *
 *	Release what a log entry holds.
 *
 * Results:
 *	None.
 *
 * Side effects:
 *	The references the entry holds (owner, words, stack) are released;
 *	the entry itself belongs to the log.
 *
 *----------------------------------------------------------------------
 */

void
TkleakLogFreeEntry(
    LogEntry *entryPtr)
{
    Tcl_Obj **objs[4];
    int i;

    objs[0] = &entryPtr->ownerPtr;
    objs[1] = &entryPtr->aPtr;
    objs[2] = &entryPtr->bPtr;
    objs[3] = &entryPtr->stackPtr;
    for (i = 0; i < 4; i++) {
	if (*objs[i] != NULL) {
	    Tcl_DecrRefCount(*objs[i]);
	    *objs[i] = NULL;
	}
    }
}

/*
 * Replay --
 *
 *	Fold one log entry into the "seen" and origin tables, as the hook
 *	did at once before the log: put the slot name together and resolve
 *	the words of its value.
 */

static void
Replay(
    TkleakState *statePtr,
    Tcl_Interp *interp,
    LogEntry *entryPtr,
    const char *texts)
{
    Tcl_DString slot;
    const char *owner = entryPtr->ownerPtr
	    ? Tcl_GetString(entryPtr->ownerPtr) : "";
    const char *text;
    int len;
    char num[TCL_INTEGER_SPACE + 8];

    if (entryPtr->kind == L_CREATED) {
	Created(statePtr, owner, entryPtr->stackPtr);
	return;
    }
    text = texts + entryPtr->textOff;
    len = entryPtr->textLen;
    Tcl_DStringInit(&slot);
    switch (entryPtr->kind) {
    case L_OPTION:
	Tcl_DStringAppend(&slot, Tcl_GetString(entryPtr->aPtr), -1);
	break;
    case L_ENTRY:
	snprintf(num, sizeof(num), "entry %d ", entryPtr->index);
	Tcl_DStringAppend(&slot, num, -1);
	Tcl_DStringAppend(&slot, Tcl_GetString(entryPtr->aPtr), -1);
	break;
    case L_ITEM:
	Tcl_DStringAppend(&slot, "item ", 5);
	Tcl_DStringAppend(&slot, Tcl_GetString(entryPtr->bPtr), -1);
	Tcl_DStringAppend(&slot, " ", 1);
	Tcl_DStringAppend(&slot, Tcl_GetString(entryPtr->aPtr), -1);
	break;
    case L_BIND: {
	int how = len == 0 ? TKLEAK_BIND_DELETED : TKLEAK_BIND_SET;

	if (text[0] == '+') {
	    text++;
	    len--;
	    how = TKLEAK_BIND_APPENDED;
	}
	TkleakBindSlot(&slot, owner, Tcl_GetString(entryPtr->aPtr));
	if (entryPtr->stackPtr != NULL && !TkleakIsOwnWindow(owner)
		&& !TkleakIsOwnName(owner)) {
	    TkleakCreatedBinding(statePtr, interp, owner,
		    Tcl_GetString(entryPtr->aPtr), how, entryPtr->stackPtr);
	}
	break;
    }
    case L_CBIND: {
	const char *t = Tcl_GetString(entryPtr->aPtr);

	if (text[0] == '+') {		/* Appended, as "bind" does. */
	    text++;
	    len--;
	}
	Tcl_DStringAppend(&slot, (t[0] >= '0' && t[0] <= '9') ? "item " : "tag ",
		-1);
	Tcl_DStringAppend(&slot, t, -1);
	Tcl_DStringAppend(&slot, " bind ", -1);
	Tcl_DStringAppend(&slot, Tcl_GetString(entryPtr->bPtr), -1);
	break;
    }
    case L_TIMAGE:
	Tcl_DStringAppend(&slot, "image ", 6);
	Tcl_DStringAppend(&slot, Tcl_GetString(entryPtr->bPtr), -1);
	Tcl_DStringAppend(&slot, " ", 1);
	Tcl_DStringAppend(&slot, Tcl_GetString(entryPtr->aPtr), -1);
	break;
    case L_TBIND:
	if (text[0] == '+') {
	    text++;
	    len--;
	}
	Tcl_DStringAppend(&slot, "tag ", -1);
	Tcl_DStringAppend(&slot, Tcl_GetString(entryPtr->aPtr), -1);
	Tcl_DStringAppend(&slot, " bind ", -1);
	Tcl_DStringAppend(&slot, Tcl_GetString(entryPtr->bPtr), -1);
	break;
    case L_AFTER:
	owner = "after";
	Tcl_DStringAppend(&slot, "after ", 6);
	Tcl_DStringAppend(&slot, Tcl_GetString(entryPtr->aPtr), -1);
	if (entryPtr->stackPtr != NULL) {
	    TkleakCreatedAfter(statePtr, Tcl_GetString(entryPtr->aPtr),
		    entryPtr->stackPtr);
	}
	break;
    case L_WM:
	Tcl_DStringAppend(&slot, "wm protocol ", -1);
	Tcl_DStringAppend(&slot, Tcl_GetString(entryPtr->aPtr), -1);
	break;
    case L_TRACE:
	owner = "trace";
	Tcl_DStringAppend(&slot, "variable ", -1);
	Tcl_DStringAppend(&slot, Tcl_GetString(entryPtr->aPtr), -1);
	break;
    }
    Remember(statePtr, interp, owner, Tcl_DStringValue(&slot), text, len,
	    entryPtr->stackPtr);
    Tcl_DStringFree(&slot);
}

/*
 * PruneCount, TkleakLogNextPrune, ForgetDeadOwners --
 *
 *	What a fold counts to decide whether to drop what is kept of dead
 *	objects (the origin, "seen" and referrer cache entries); the count
 *	at which it next does (twice what is kept, at least PRUNE_MIN); and
 *	the last of the drops: referrers whose owner is a window that is
 *	gone.
 */

static int
PruneCount(
    TkleakState *statePtr)
{
    return statePtr->store.origins.numEntries + statePtr->store.seen.numEntries
	    + statePtr->record.refCache.numEntries;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakLogNextPrune --
 *
 *	The count of kept entries (origins, "seen", referrer cache) at
 *	which the next fold drops those of the dead: twice what is kept now,
 *	at least PRUNE_MIN.
 *
 * Results:
 *	A number of entries.
 *
 * Side effects:
 *	None.
 *
 *----------------------------------------------------------------------
 */

int
TkleakLogNextPrune(
    TkleakState *statePtr)
{
    int n = 2 * PruneCount(statePtr);

    return n > PRUNE_MIN ? n : PRUNE_MIN;
}

static void
ForgetDeadOwners(
    TkleakState *statePtr,
    Tcl_Interp *interp)
{
    Tcl_HashSearch search;
    Tcl_HashEntry *hPtr;
    Tk_Window mainWin;
    Tcl_DString owner;

    if (!statePtr->tk.tkReady || (mainWin = Tk_MainWindow(interp)) == NULL) {
	return;
    }
    Tcl_DStringInit(&owner);
    for (hPtr = Tcl_FirstHashEntry(&statePtr->record.refCache, &search); hPtr;
	    hPtr = Tcl_NextHashEntry(&search)) {
	const char *key = Tcl_GetHashKey(&statePtr->record.refCache, hPtr);
	const char *sep = strchr(key, '\001');

	if (key[0] != '.' || sep == NULL) {
	    continue;
	}
	Tcl_DStringSetLength(&owner, 0);
	Tcl_DStringAppend(&owner, key, (int) (sep - key));
	if (Tk_NameToWindow(interp, Tcl_DStringValue(&owner), mainWin)
		== NULL) {
	    Tcl_DecrRefCount((Tcl_Obj *) Tcl_GetHashValue(hPtr));
	    Tcl_DeleteHashEntry(hPtr);
	}
    }
    Tcl_DStringFree(&owner);
    Tcl_ResetResult(interp);
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakLogForgetDead --
 *
 *	Drop what is kept of objects that died: their origins and "seen"
 *	entries, the referrers of windows that are gone, and the stacks
 *	nothing uses any more; then set the count for the next time.
 *
 * Results:
 *	None.
 *
 * Side effects:
 *	Entries of the dead are deleted from the origin, "seen" and
 *	referrer tables, releasing their references; the interpreter's
 *	result may change.
 *
 *----------------------------------------------------------------------
 */

void
TkleakLogForgetDead(
    TkleakState *statePtr,
    Tcl_Interp *interp)
{
    TkleakOriginForgetDead(statePtr, interp);
    TkleakSeenForgetDead(statePtr, interp);
    ForgetDeadOwners(statePtr, interp);
    TkleakOriginForgetStacks(statePtr);
    statePtr->record.recordPtr->pruneAt = TkleakLogNextPrune(statePtr);
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakRecordFlush --
 *
 *	Fold the attachment log into the "seen" and origin tables: called
 *	by every command that reads them, and by the hooks when the log is
 *	full.
 *
 *	Notes on the semantics: a hook keeps the slot's value and where it
 *	was set, not what its words named then; the words are resolved
 *	here, against the commands, images and windows that exist now.
 *	The log is replayed in order, creations included, so an object
 *	made again under the name of a dead one still has its origin start
 *	afresh at its creation. Keys are names, so a name deleted and made
 *	again between the attachment and the question counts as the object
 *	that bears it now, as the tables always did; a word that named
 *	nothing when it was attached but names an object now is noted as
 *	naming it (the script would call it now). A name that names nothing
 *	now is not noted: whatever it named is gone, and so is what tkleak
 *	would report about it.
 *
 * Side effects:
 *	The interpreter's result is kept. No script runs.
 *
 * Results:
 *	None.
 *
 *----------------------------------------------------------------------
 */

void
TkleakRecordFlush(
    TkleakState *statePtr)
{
    TkleakRecord *recPtr = statePtr->record.recordPtr;
    Tcl_Interp *interp = statePtr->interp;
    Tcl_InterpState saved;
    LogEntry *log;
    char *text;
    size_t capText;
    int n, i, cap;

    /*
     * Arrays and namespaces made since the last fold have variable tables
     * of their own, not hooked yet (varorigin.c).
     */

    if (recPtr != NULL && recPtr->on) {
	TkleakVarHook(statePtr, interp, 2);
    }
    if (recPtr == NULL || recPtr->numLog == 0) {
	return;
    }

    /*
     * The log is taken out first, so that nothing done here can append
     * to the entries being replayed.
     */

    log = recPtr->log;
    n = recPtr->numLog;
    cap = recPtr->capLog;
    text = recPtr->text;
    capText = recPtr->capText;
    recPtr->log = NULL;
    recPtr->numLog = 0;
    recPtr->capLog = 0;
    recPtr->text = NULL;
    recPtr->numText = 0;
    recPtr->capText = 0;
    recPtr->logBytes = 0;
    saved = Tcl_SaveInterpState(interp, TCL_OK);
    for (i = 0; i < n; i++) {
	Replay(statePtr, interp, &log[i], text);
	TkleakLogFreeEntry(&log[i]);
    }
    TkleakDeleteObjTable(&statePtr->record.memo, 1);

    /*
     * Objects die without a hook seeing it (a window with its parent, an
     * after event that fires, a tkinter wrapper Python deletes): each
     * time the origin and "seen" tables have doubled since the last
     * look, the entries of the dead go, so that memory follows the app,
     * not its history. (A snapshot's objects that have died since keep
     * their origins while a snapshot holds them: TkleakOriginForgetDead.)
     */

    if (PruneCount(statePtr) >= recPtr->pruneAt) {
	TkleakLogForgetDead(statePtr, interp);
    }
    Tcl_RestoreInterpState(interp, saved);
    if (recPtr->log == NULL) {
	recPtr->log = log;
	recPtr->capLog = cap;
    } else {
	Tcl_Free((char *) log);
    }
    if (recPtr->text == NULL) {
	recPtr->text = text;
	recPtr->capText = capText;
    } else {
	Tcl_Free(text);
    }
}
