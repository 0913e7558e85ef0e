/*
 * refs.c --
 *
 *	Slots, references and orphans.
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
 *	to (TkleakResolveKeys).
 *
 *	An orphan is a command, image or menu that did not exist at a
 *	reference snapshot and that no live slot names now, of one of two
 *	kinds:
 *	    detached: some slot named it once (seen when an index was built,
 *		or by live recording, record.c) and none does now;
 *	    unreferenced: a tkinter callback wrapper or an image no slot
 *		ever named (an app's own procs are called from code no
 *		index reads, so they never are);
 *	and, found the same way on both paths (TkleakOrphansMore), an
 *	after event whose command is gone (dangling) and a command named
 *	after a destroyed window (dead-window). Procs the autoloader knows
 *	(auto_index: Tk's library, loaded on first use) and the images of
 *	Tk's library (TkleakIsLibraryImage) are never orphans.
 *	That is the shape of Python 2.4's Tkinter.Menu.delete bug: the menu
 *	entries went, their wakeup wrappers stayed, one per window IDLE
 *	opened and closed, attached to nothing.
 *
 *	The reference index maps each object to the slots that name it. Its
 *	keys carry the object's kind, "c" + the fully qualified command name,
 *	"i" + an image name, "w" + a window path, so an image and its image
 *	command do not mix. It is built during a census (collect.c asks for
 *	it) and lives no longer than the command that asked.
 *
 * Copyright (c) 2026 the tkleak developers. See the file "LICENSE".
 */

#include "config.h"
#include <stdlib.h>
#include <string.h>
#include "tkleakInt.h"

typedef struct ScanData {
    TkleakCollect *ctxPtr;
    Tcl_Obj *refPtr;		/* The slot's {owner O slot S} dict. */
} ScanData;

void
TkleakRefsInit(
    TkleakRefs *refsPtr)
{
    Tcl_InitHashTable(&refsPtr->index, TCL_STRING_KEYS);
    Tcl_InitHashTable(&refsPtr->memo, TCL_STRING_KEYS);
    Tcl_InitHashTable(&refsPtr->classSlots, TCL_STRING_KEYS);
    refsPtr->tracedVars = Tcl_NewListObj(0, NULL);
    Tcl_IncrRefCount(refsPtr->tracedVars);
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakRefsFree --
 *
 *	Release an index: the referrer lists (one reference each) and the
 *	memo.
 *
 *----------------------------------------------------------------------
 */

void
TkleakRefsFree(
    TkleakRefs *refsPtr)
{
    TkleakDeleteObjTable(&refsPtr->index, 0);
    TkleakDeleteObjTable(&refsPtr->memo, 0);
    TkleakDeleteObjTable(&refsPtr->classSlots, 0);
    Tcl_DecrRefCount(refsPtr->tracedVars);
}

/*
 * Resolve --
 *
 *	What WORD names in this app (TkleakResolveKeys), memoised for the
 *	life of the index: a list of keys owned by the memo.
 */

static Tcl_Obj *
Resolve(
    TkleakCollect *ctxPtr,
    const char *word)
{
    Tcl_HashEntry *hPtr;
    Tcl_Obj *keysPtr;
    int isNew;

    hPtr = Tcl_CreateHashEntry(&ctxPtr->refsPtr->memo, word, &isNew);
    if (!isNew) {
	return Tcl_GetHashValue(hPtr);
    }
    keysPtr = TkleakResolveKeys(ctxPtr->statePtr, ctxPtr->interp, word);
    Tcl_IncrRefCount(keysPtr);
    Tcl_SetHashValue(hPtr, keysPtr);
    return keysPtr;
}

static void
AddKey(
    TkleakCollect *ctxPtr,
    const char *key,
    Tcl_Obj *refPtr)
{
    Tcl_HashEntry *hPtr;
    Tcl_Obj *listPtr;
    int isNew, n;

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
    int kc, i;

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

static void
ScanWord(
    void *clientData,
    const char *word,
    size_t len,
    int flags)
{
    ScanData *dataPtr = clientData;
    Tcl_DString ds;

    Tcl_DStringInit(&ds);
    Tcl_DStringAppend(&ds, word, (int) len);
    AddKeys(dataPtr->ctxPtr, Resolve(dataPtr->ctxPtr, Tcl_DStringValue(&ds)),
	    dataPtr->refPtr, flags);
    Tcl_DStringFree(&ds);
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakNewRef --
 *
 *	A referrer: the dict {owner OWNER slot SLOT}.
 *
 * Results:
 *	A new object with no reference held.
 *
 *----------------------------------------------------------------------
 */

Tcl_Obj *
TkleakNewRef(
    const char *owner,
    const char *slot)
{
    Tcl_Obj *refPtr = Tcl_NewDictObj();

    Tcl_DictObjPut(NULL, refPtr, Tcl_NewStringObj("owner", 5),
	    Tcl_NewStringObj(owner, -1));
    Tcl_DictObjPut(NULL, refPtr, Tcl_NewStringObj("slot", 4),
	    Tcl_NewStringObj(slot, -1));
    return refPtr;
}

/*
 * TkleakDeleteObjTable --
 *
 *	Delete a hash table whose values are Tcl objects holding one
 *	reference each, releasing them. With REINIT, the table is made
 *	again, empty, with string keys.
 */

void
TkleakDeleteObjTable(
    Tcl_HashTable *tablePtr,
    int reinit)
{
    Tcl_HashSearch search;
    Tcl_HashEntry *hPtr;

    for (hPtr = Tcl_FirstHashEntry(tablePtr, &search); hPtr;
	    hPtr = Tcl_NextHashEntry(&search)) {
	Tcl_DecrRefCount((Tcl_Obj *) Tcl_GetHashValue(hPtr));
    }
    Tcl_DeleteHashTable(tablePtr);
    if (reinit) {
	Tcl_InitHashTable(tablePtr, TCL_STRING_KEYS);
    }
}

/*
 * TkleakDictGet --
 *
 *	The value of KEY in DICTPTR, or NULL: Tcl_DictObjGet with a key
 *	that is freed again (a key made with no reference and handed to
 *	Tcl_DictObjGet would never be freed).
 */

Tcl_Obj *
TkleakDictGet(
    Tcl_Obj *dictPtr,
    const char *key)
{
    Tcl_Obj *keyPtr = Tcl_NewStringObj(key, -1), *valuePtr = NULL;

    Tcl_IncrRefCount(keyPtr);
    if (Tcl_DictObjGet(NULL, dictPtr, keyPtr, &valuePtr) != TCL_OK) {
	valuePtr = NULL;
    }
    Tcl_DecrRefCount(keyPtr);
    return valuePtr;
}

/*
 * TkleakBindSlot --
 *
 *	The slot name of a binding, in the (initialised) DSPTR: "bind SEQ"
 *	for a window's own tag, "bind TAG SEQ" for other tags ("bind all
 *	<Key>"); the owner is the tag.
 */

void
TkleakBindSlot(
    Tcl_DString *dsPtr,
    const char *tag,
    const char *seq)
{
    Tcl_DStringAppend(dsPtr, "bind ", 5);
    if (tag[0] != '.') {
	Tcl_DStringAppend(dsPtr, tag, -1);
	Tcl_DStringAppend(dsPtr, " ", 1);
    }
    Tcl_DStringAppend(dsPtr, seq, -1);
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
    refPtr = TkleakNewRef(owner, slot);
    Tcl_IncrRefCount(refPtr);
    data.ctxPtr = ctxPtr;
    data.refPtr = refPtr;

    /*
     * The words the scanners find, the whole text, and the first element
     * when it is a list (an option value like {my proc} names the command
     * "my proc"): parsed once and kept between scans (slotwords.c).
     */

    TkleakSlotWordsEach(ctxPtr->statePtr, text, len, ScanWord, &data);
    Tcl_DecrRefCount(refPtr);
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakCallWidget --
 *
 *	Call a widget command with the words WORDS[1..OBJC-1]: when PATH is
 *	a window, Tk's own widget command of it (TkleakWidgetCommand: the
 *	one at PATH, or the one a megawidget renamed), through its C
 *	procedure; nothing at all when there is none, since whatever sits
 *	at PATH then is the app's (the window is noted as unread). A PATH
 *	that is no window is a built-in command, called by TkleakCallCore.
 *
 * Results:
 *	TCL_OK with *RESULTPTR the result (one reference), or TCL_ERROR.
 *
 *----------------------------------------------------------------------
 */

int
TkleakCallWidget(
    TkleakCollect *ctxPtr,
    const char *path,
    int objc,
    const char *const words[],
    Tcl_Obj **resultPtr)
{
    Tcl_Obj *objv[6];
    Tcl_CmdInfo info;
    Tk_Window tkwin = NULL;
    int i, code;

    *resultPtr = NULL;
    if (path[0] == '.' && ctxPtr->statePtr->tkReady
	    && Tk_MainWindow(ctxPtr->interp) != NULL) {
	tkwin = Tk_NameToWindow(ctxPtr->interp, path,
		Tk_MainWindow(ctxPtr->interp));
	Tcl_ResetResult(ctxPtr->interp);
	if (tkwin == NULL) {
	    return TCL_ERROR;	/* Gone: nothing names it any more. */
	}
	if (!TkleakWidgetCommand(ctxPtr, tkwin, &info)) {
	    TkleakNoteUnread(ctxPtr, path);
	    return TCL_ERROR;
	}
    }
    objv[0] = Tcl_NewStringObj(path, -1);
    for (i = 1; i < objc; i++) {
	objv[i] = Tcl_NewStringObj(words[i], -1);
    }
    for (i = 0; i < objc; i++) {
	Tcl_IncrRefCount(objv[i]);
    }
    if (tkwin == NULL) {
	code = TkleakCallCore(ctxPtr, path, objc, objv, resultPtr);
    } else {
	Tcl_ResetResult(ctxPtr->interp);
	code = info.objProc(info.objClientData, ctxPtr->interp, objc, objv);
	if (code == TCL_OK) {
	    *resultPtr = Tcl_GetObjResult(ctxPtr->interp);
	    Tcl_IncrRefCount(*resultPtr);
	} else {
	    ctxPtr->skipped++;
	}
	Tcl_ResetResult(ctxPtr->interp);
    }
    for (i = 0; i < objc; i++) {
	Tcl_DecrRefCount(objv[i]);
    }
    return code == TCL_OK ? TCL_OK : TCL_ERROR;
}

/*
 * TkleakNoteUnread --
 *
 *	Note that the slots of the widget PATH could not be read: it counts
 *	once under -skipped and is named in the orphans' notes.
 */

void
TkleakNoteUnread(
    TkleakCollect *ctxPtr,
    const char *path)
{
    int isNew;

    if (ctxPtr->unreadPtr == NULL) {
	ctxPtr->unreadPtr = (Tcl_HashTable *) Tcl_Alloc(sizeof(Tcl_HashTable));
	Tcl_InitHashTable(ctxPtr->unreadPtr, TCL_STRING_KEYS);
    }
    Tcl_CreateHashEntry(ctxPtr->unreadPtr, path, &isNew);
    if (isNew) {
	ctxPtr->skipped++;
    }
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakWidgetObjCmd --
 *
 *	tkleak::widget path: what the panel's Details view shows of a
 *	window, read only through Tk's own C procedures, so that no
 *	megawidget method runs: a dict {class C manager M mapped 0|1 read
 *	0|1 options L}, L the widget's "configure" list from Tk's own
 *	widget command (TkleakWidgetCommand), empty with read 0 when there
 *	is none to be found.
 *
 * Results:
 *	TCL_OK, or TCL_ERROR with TKLEAK USAGE or TKLEAK WIDGET UNKNOWN.
 *
 *----------------------------------------------------------------------
 */

int
TkleakWidgetObjCmd(
    ClientData clientData,
    Tcl_Interp *interp,
    int objc,
    Tcl_Obj *const objv[])
{
    TkleakState *statePtr = clientData;
    TkleakCollect ctx;
    Tcl_InterpState saved;
    Tk_Window tkwin = NULL;
    Tcl_Obj *dictPtr, *optionsPtr = NULL, *managerPtr = NULL, *wv[3];
    const char *path, *words[2];
    int i;

    if (objc != 2) {
	Tcl_WrongNumArgs(interp, 1, objv, "path");
	Tcl_SetErrorCode(interp, "TKLEAK", "USAGE", (char *) NULL);
	return TCL_ERROR;
    }
    path = Tcl_GetString(objv[1]);
    if (path[0] == '.' && TkleakInitTk(statePtr, interp)
	    && Tk_MainWindow(interp) != NULL) {
	tkwin = Tk_NameToWindow(interp, path, Tk_MainWindow(interp));
	Tcl_ResetResult(interp);
    }
    if (tkwin == NULL) {
	Tcl_SetObjResult(interp, Tcl_ObjPrintf("no window named \"%s\"",
		path));
	Tcl_SetErrorCode(interp, "TKLEAK", "WIDGET", "UNKNOWN", path,
		(char *) NULL);
	return TCL_ERROR;
    }
    memset(&ctx, 0, sizeof(ctx));
    ctx.statePtr = statePtr;
    ctx.interp = interp;
    saved = Tcl_SaveInterpState(interp, TCL_OK);
    words[1] = "configure";
    if (TkleakCallWidget(&ctx, path, 2, words, &optionsPtr) != TCL_OK) {
	optionsPtr = NULL;
    }
    wv[0] = Tcl_NewStringObj("winfo", 5);
    wv[1] = Tcl_NewStringObj("manager", 7);
    wv[2] = Tcl_NewStringObj(path, -1);
    for (i = 0; i < 3; i++) {
	Tcl_IncrRefCount(wv[i]);
    }
    if (TkleakCallCore(&ctx, "::winfo", 3, wv, &managerPtr) != TCL_OK) {
	managerPtr = NULL;
    }
    for (i = 0; i < 3; i++) {
	Tcl_DecrRefCount(wv[i]);
    }
    Tcl_RestoreInterpState(interp, saved);
    if (ctx.hullsPtr != NULL) {
	Tcl_DeleteHashTable(ctx.hullsPtr);
	Tcl_Free((char *) ctx.hullsPtr);
    }
    if (ctx.unreadPtr != NULL) {
	Tcl_DeleteHashTable(ctx.unreadPtr);
	Tcl_Free((char *) ctx.unreadPtr);
    }
    dictPtr = Tcl_NewDictObj();
    Tcl_DictObjPut(NULL, dictPtr, Tcl_NewStringObj("class", 5),
	    Tcl_NewStringObj(Tk_Class(tkwin) ? Tk_Class(tkwin) : "", -1));
    Tcl_DictObjPut(NULL, dictPtr, Tcl_NewStringObj("manager", 7),
	    managerPtr ? managerPtr : Tcl_NewObj());
    Tcl_DictObjPut(NULL, dictPtr, Tcl_NewStringObj("mapped", 6),
	    Tcl_NewIntObj(Tk_IsMapped(tkwin) != 0));
    Tcl_DictObjPut(NULL, dictPtr, Tcl_NewStringObj("read", 4),
	    Tcl_NewIntObj(optionsPtr != NULL));
    Tcl_DictObjPut(NULL, dictPtr, Tcl_NewStringObj("options", 7),
	    optionsPtr ? optionsPtr : Tcl_NewObj());
    if (managerPtr != NULL) {
	Tcl_DecrRefCount(managerPtr);
    }
    if (optionsPtr != NULL) {
	Tcl_DecrRefCount(optionsPtr);
    }
    Tcl_SetObjResult(interp, dictPtr);
    return TCL_OK;
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
    int specc, i, isNew;
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
	    int fc;
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
    int seqc, j, k;

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
		int len;
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
    int n, i;
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
	    int tagc, k, isNew;

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
    int n, i;

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
    int len;
    const char *value;

    if (valuePtr == NULL) {
	return;
    }
    value = Tcl_GetStringFromObj(valuePtr, &len);
    snprintf(slot, sizeof(slot), "entry %d %s", index, option);
    TkleakRefsAdd(ctxPtr, path, slot, value, (size_t) len);
}

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
    int n, i;

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
 *----------------------------------------------------------------------
 */

void
TkleakRefsScanWindows(
    TkleakCollect *ctxPtr)
{
    Tcl_HashSearch search;
    Tcl_HashEntry *hPtr;
    TkleakState *statePtr = ctxPtr->statePtr;

    for (hPtr = Tcl_FirstHashEntry(&ctxPtr->widgets, &search); hPtr;
	    hPtr = Tcl_NextHashEntry(&search)) {
	const char *path = Tcl_GetHashKey(&ctxPtr->widgets, hPtr);
	Tk_Window tkwin = Tcl_GetHashValue(hPtr);
	Tcl_Obj *slotsPtr = NULL, **sv;
	const char *clazz = Tk_Class(tkwin);
	Tcl_CmdInfo info;
	int sc, i, found;

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
	    continue;
	} else if (TkleakWalkIsCanvas(statePtr, tkwin)) {
	    ScanCanvas(ctxPtr, path);
	} else if (clazz && strcmp(clazz, "Text") == 0) {
	    ScanText(ctxPtr, path);
	}
    }
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakRefsScanTraces --
 *
 *	Index the variable traces of the variables the walk found traced.
 *
 *----------------------------------------------------------------------
 */

void
TkleakRefsScanTraces(
    TkleakCollect *ctxPtr)
{
    Tcl_Obj **varv, *objv[4], *infoPtr, **tv;
    int varc, tc, i, j;

    if (Tcl_ListObjGetElements(NULL, ctxPtr->refsPtr->tracedVars, &varc,
	    &varv) != TCL_OK) {
	return;
    }
    objv[0] = Tcl_NewStringObj("trace", 5);
    objv[1] = Tcl_NewStringObj("info", 4);
    objv[2] = Tcl_NewStringObj("variable", 8);
    for (i = 0; i < 3; i++) {
	Tcl_IncrRefCount(objv[i]);
    }
    for (i = 0; i < varc; i++) {
	objv[3] = varv[i];
	if (TkleakCallCore(ctxPtr, "::trace", 4, objv, &infoPtr) != TCL_OK) {
	    continue;
	}
	if (Tcl_ListObjGetElements(NULL, infoPtr, &tc, &tv) == TCL_OK) {
	    for (j = 0; j < tc; j++) {
		Tcl_Obj *cmdPtr;

		if (Tcl_ListObjIndex(NULL, tv[j], 1, &cmdPtr) == TCL_OK
			&& cmdPtr) {
		    Tcl_DString slot;

		    Tcl_DStringInit(&slot);
		    Tcl_DStringAppend(&slot, "variable ", -1);
		    Tcl_DStringAppend(&slot, Tcl_GetString(varv[i]), -1);
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

/*
 *----------------------------------------------------------------------
 *
 * TkleakResolveKeys --
 *
 *	The one answer to "what does this word name": every object NAME
 *	names in the app, as index keys, in this order: "w" + NAME when it
 *	is a window's path, "i" + NAME when an image has that name, "c" +
 *	the fully qualified command Tcl would call for NAME from the global
 *	namespace (without "unknown", running nothing) unless NAME is a
 *	window's path, whose command is the window's own. A name can be a
 *	command and an image at once (a proc made after the image's own
 *	command was renamed away): it names both, and a slot naming it
 *	refers to both. tkleak's own windows, images and commands are no
 *	keys. Used by the index, tkleak::refs, the live orphan check and
 *	recording, so that they all agree.
 *
 * Results:
 *	A new list object (no reference held), empty when NAME names
 *	nothing.
 *
 * Side effects:
 *	The interpreter's result may be changed; callers save it.
 *
 *----------------------------------------------------------------------
 */

Tcl_Obj *
TkleakResolveKeys(
    TkleakState *statePtr,
    Tcl_Interp *interp,
    const char *name)
{
    Tcl_Obj *keysPtr = Tcl_NewListObj(0, NULL);
    Tcl_Command token;
    int isWindow = 0;

    if (statePtr->tkReady && Tk_MainWindow(interp) != NULL) {
	const Tk_ImageType *typePtr = NULL;

	if (name[0] == '.'
		&& Tk_NameToWindow(interp, name, Tk_MainWindow(interp))) {
	    isWindow = 1;
	    if (!TkleakIsOwnWindow(name)) {
		Tcl_ListObjAppendElement(NULL, keysPtr,
			Tcl_ObjPrintf("w%s", name));
	    }
	}
	if (!TkleakIsOwnName(name)) {
	    (void) Tk_GetImageMasterData(interp, name, &typePtr);
	    if (typePtr != NULL) {
		Tcl_ListObjAppendElement(NULL, keysPtr,
			Tcl_ObjPrintf("i%s", name));
	    }
	}
    }
    token = isWindow ? NULL
	    : Tcl_FindCommand(interp, name, NULL, TCL_GLOBAL_ONLY);
    if (token != NULL) {
	Tcl_Obj *keyPtr = Tcl_NewStringObj("c", 1);

	Tcl_GetCommandFullName(interp, token, keyPtr);
	if (TkleakIsOwnNamespace(Tcl_GetString(keyPtr) + 1)) {
	    Tcl_DecrRefCount(keyPtr);
	} else {
	    Tcl_ListObjAppendElement(NULL, keysPtr, keyPtr);
	}
    }
    return keysPtr;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakResolveKey --
 *
 *	The first key TkleakResolveKeys finds for NAME, for callers that
 *	want one object (tkleak::origin).
 *
 * Results:
 *	A new object (no reference held), or NULL when NAME names nothing.
 *
 * Side effects:
 *	The interpreter's result may be changed; callers save it.
 *
 *----------------------------------------------------------------------
 */

Tcl_Obj *
TkleakResolveKey(
    TkleakState *statePtr,
    Tcl_Interp *interp,
    const char *name)
{
    Tcl_Obj *keysPtr = TkleakResolveKeys(statePtr, interp, name), *firstPtr;
    Tcl_Obj *keyPtr = NULL;

    Tcl_IncrRefCount(keysPtr);
    if (Tcl_ListObjIndex(NULL, keysPtr, 0, &firstPtr) == TCL_OK
	    && firstPtr != NULL) {
	keyPtr = Tcl_DuplicateObj(firstPtr);
    }
    Tcl_DecrRefCount(keysPtr);
    return keyPtr;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakRefsRemember --
 *
 *	Note, for every object REFSPTR indexes, its last referrer in the
 *	interpreter's "seen" table, which decides whether an unreferenced
 *	object is "detached". Keyed by object, so replaced attachments of
 *	one slot do not pile up.
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

    TkleakRecordFlush(statePtr);	/* What was attached before comes first. */
    for (hPtr = Tcl_FirstHashEntry(&refsPtr->index, &search); hPtr;
	    hPtr = Tcl_NextHashEntry(&search)) {
	Tcl_Obj *listPtr = Tcl_GetHashValue(hPtr), **v;
	int n, i;

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
 * TkleakSeen --
 *
 *	Record REFPTR ({owner O slot S}) as the latest slot seen naming
 *	KEY. Each object keeps its last TKLEAK_SEEN_MAX distinct slots, most
 *	recent last: enough to recheck whether it is still attached (live.c)
 *	and bounded however often a slot is set again.
 *
 *----------------------------------------------------------------------
 */

void
TkleakSeen(
    TkleakState *statePtr,
    const char *key,
    Tcl_Obj *refPtr)
{
    int isNew, n, i;
    Tcl_HashEntry *hPtr = Tcl_CreateHashEntry(&statePtr->seen, key, &isNew);
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
 * TkleakSeenLast --
 *
 *	The last slot seen naming the object of ENTRY in the seen table
 *	(an object with no reference held).
 */

Tcl_Obj *
TkleakSeenLast(
    Tcl_HashEntry *hPtr)
{
    Tcl_Obj *listPtr = Tcl_GetHashValue(hPtr), *lastPtr = NULL;
    int n;

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
 *	binding. Nothing is evaluated.
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
    case 'c':
	return Tcl_FindCommand(interp, key + 1, NULL, TCL_GLOBAL_ONLY) != NULL;
    case 'a':
    case 'b':
	return TkleakCreationAlive(statePtr, interp, key);
    }
    if (statePtr->tkReady && Tk_MainWindow(interp) != NULL) {
	if (key[0] == 'i') {
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

/*
 *----------------------------------------------------------------------
 *
 * TkleakRefsObjCmd --
 *
 *	tkleak::refs name: the live referrers of a command (fully
 *	qualified or as written in a slot), an image or a window, as a
 *	list of {owner OWNER slot SLOT} dicts.
 *
 *----------------------------------------------------------------------
 */

int
TkleakRefsObjCmd(
    ClientData clientData,
    Tcl_Interp *interp,
    int objc,
    Tcl_Obj *const objv[])
{
    TkleakState *statePtr = clientData;
    TkleakCensus *censusPtr;
    TkleakRefs refs;
    Tcl_Obj *resultPtr, *keysPtr, **keys;
    Tcl_HashTable listed;
    const char *name;
    int numKeys, i, j, n;

    if (objc != 2) {
	Tcl_WrongNumArgs(interp, 1, objv, "name");
	Tcl_SetErrorCode(interp, "TKLEAK", "USAGE", (char *) NULL);
	return TCL_ERROR;
    }
    name = Tcl_GetString(objv[1]);
    TkleakRecordFlush(statePtr);
    TkleakInitTk(statePtr, interp);
    keysPtr = TkleakResolveKeys(statePtr, interp, name);
    Tcl_IncrRefCount(keysPtr);
    Tcl_ResetResult(interp);
    Tcl_ListObjGetElements(NULL, keysPtr, &numKeys, &keys);
    if (numKeys == 0) {
	Tcl_DecrRefCount(keysPtr);
	Tcl_SetObjResult(interp, Tcl_ObjPrintf(
		"no command, image or window named \"%s\"", name));
	Tcl_SetErrorCode(interp, "TKLEAK", "REFS", "UNKNOWN", name,
		(char *) NULL);
	return TCL_ERROR;
    }
    TkleakRefsInit(&refs);
    if (TkleakCensusTakeEx(statePtr, interp, &censusPtr, &refs) != TCL_OK) {
	TkleakRefsFree(&refs);
	Tcl_DecrRefCount(keysPtr);
	return TCL_ERROR;
    }
    TkleakCensusFree(censusPtr);
    TkleakRefsRemember(statePtr, &refs);

    /*
     * The referrers of each object the name names, each slot once: a slot
     * naming a proc and an image of one name refers to both.
     */

    resultPtr = Tcl_NewListObj(0, NULL);
    Tcl_InitHashTable(&listed, TCL_STRING_KEYS);
    for (i = 0; i < numKeys; i++) {
	Tcl_HashEntry *hPtr = Tcl_FindHashEntry(&refs.index,
		Tcl_GetString(keys[i]));
	Tcl_Obj **v;

	if (hPtr != NULL && Tcl_ListObjGetElements(NULL,
		Tcl_GetHashValue(hPtr), &n, &v) == TCL_OK) {
	    for (j = 0; j < n; j++) {
		int isNew;

		Tcl_CreateHashEntry(&listed, Tcl_GetString(v[j]), &isNew);
		if (isNew) {
		    Tcl_ListObjAppendElement(NULL, resultPtr, v[j]);
		}
	    }
	}
    }
    Tcl_DeleteHashTable(&listed);
    Tcl_DecrRefCount(keysPtr);
    TkleakRefsFree(&refs);
    Tcl_SetObjResult(interp, resultPtr);
    return TCL_OK;
}

/*
 * Within --
 *
 *	Whether window PATH is ROOT or below it.
 */

static int
Within(
    const char *path,
    const char *root)
{
    size_t n = strlen(root);

    return strncmp(path, root, n) == 0 && (path[n] == '\0' || path[n] == '.');
}

/*
 * CommandType --
 *
 *	The census type of the command FQ ("command proc", ...), or NULL.
 */

static const char *
CommandType(
    TkleakCensus *censusPtr,
    const char *fq)
{
    size_t i;

    for (i = 0; i < censusPtr->numTypes; i++) {
	TkleakType *typePtr = &censusPtr->types[i];
	size_t lo = 0, hi;

	if (strncmp(typePtr->name, "command ", 8) != 0
		&& strncmp(typePtr->name, "object ", 7) != 0) {
	    continue;
	}
	TkleakTypeSort(typePtr);
	hi = typePtr->numIds;
	while (lo < hi) {
	    size_t mid = (lo + hi) / 2;
	    int c = strcmp(typePtr->ids[mid], fq);

	    if (c == 0) {
		return typePtr->name;
	    } else if (c < 0) {
		lo = mid + 1;
	    } else {
		hi = mid;
	    }
	}
    }
    return NULL;
}

static void
Incr(
    Tcl_Obj *dictPtr,
    const char *type,
    int by)
{
    Tcl_Obj *keyPtr = Tcl_NewStringObj(type, -1), *valuePtr;
    int n = 0;

    if (by == 0) {
	Tcl_DecrRefCount(keyPtr);
	return;
    }
    if (Tcl_DictObjGet(NULL, dictPtr, keyPtr, &valuePtr) == TCL_OK
	    && valuePtr != NULL) {
	Tcl_GetIntFromObj(NULL, valuePtr, &n);
    }
    Tcl_DictObjPut(NULL, dictPtr, keyPtr, Tcl_NewIntObj(n + by));
}

/*
 * Retains --
 *
 *	What a detached menu keeps alive that nothing else reaches: the
 *	menus below it, their entries, and the commands and images only
 *	their entries name. A dict TYPE -> count.
 */

static Tcl_Obj *
Retains(
    TkleakCensus *censusPtr,
    TkleakRefs *refsPtr,
    const char *path)
{
    Tcl_Obj *dictPtr = Tcl_NewDictObj();
    TkleakType *typePtr;
    Tcl_HashSearch search;
    Tcl_HashEntry *hPtr;
    size_t i;
    int menus = 0, entries = 0;

    typePtr = TkleakCensusFind(censusPtr, "widget Menu");
    for (i = 0; typePtr && i < typePtr->numIds; i++) {
	if (strcmp(typePtr->ids[i], path) != 0
		&& Within(typePtr->ids[i], path)) {
	    menus++;
	}
    }
    typePtr = TkleakCensusFind(censusPtr, "menu entry");
    for (i = 0; typePtr && i < typePtr->numIds; i++) {
	const char *id = typePtr->ids[i], *sp = strrchr(id, ' ');
	Tcl_DString menu;

	if (sp == NULL) {
	    continue;
	}
	Tcl_DStringInit(&menu);
	Tcl_DStringAppend(&menu, id, (int) (sp - id));
	if (Within(Tcl_DStringValue(&menu), path)) {
	    entries++;
	}
	Tcl_DStringFree(&menu);
    }
    Incr(dictPtr, "widget Menu", menus);
    Incr(dictPtr, "menu entry", entries);

    for (hPtr = Tcl_FirstHashEntry(&refsPtr->index, &search); hPtr;
	    hPtr = Tcl_NextHashEntry(&search)) {
	const char *key = Tcl_GetHashKey(&refsPtr->index, hPtr);
	Tcl_Obj **v, *ownerPtr;
	int n, j, only = 1;
	const char *type;

	if (key[0] != 'c' && key[0] != 'i') {
	    continue;
	}
	if (Tcl_ListObjGetElements(NULL, Tcl_GetHashValue(hPtr), &n, &v)
		!= TCL_OK || n == 0) {
	    continue;
	}
	for (j = 0; j < n && only; j++) {
	    ownerPtr = TkleakDictGet(v[j], "owner");
	    if (ownerPtr == NULL
		    || !Within(Tcl_GetString(ownerPtr), path)) {
		only = 0;
	    }
	}
	if (!only) {
	    continue;
	}
	if (key[0] == 'c') {
	    type = CommandType(censusPtr, key + 1);
	} else {
	    type = "image";
	}
	if (type != NULL) {
	    Incr(dictPtr, type, 1);
	}
    }
    return dictPtr;
}

/*
 * AddNotes --
 *
 *	Give every orphan of the fresh list LISTPTR its key "notes": a dict
 *	that, when the last index could not read some widgets' slots (no
 *	widget command of Tk's found under a megawidget or a C extension's
 *	widget), has the key "unread" with their paths. An orphan may be
 *	named in one of those. Returns LISTPTR.
 */

static Tcl_Obj *
AddNotes(
    TkleakState *statePtr,
    Tcl_Obj *listPtr)
{
    Tcl_Obj **v;
    int n, i;

    if (Tcl_ListObjGetElements(NULL, listPtr, &n, &v) != TCL_OK) {
	return listPtr;
    }
    for (i = 0; i < n; i++) {
	Tcl_Obj *notesPtr = Tcl_NewDictObj();

	if (statePtr->lastUnread != NULL) {
	    Tcl_DictObjPut(NULL, notesPtr, Tcl_NewStringObj("unread", 6),
		    statePtr->lastUnread);
	}
	if (!Tcl_IsShared(v[i])) {
	    Tcl_DictObjPut(NULL, v[i], Tcl_NewStringObj("notes", 5),
		    notesPtr);
	} else {
	    Tcl_DecrRefCount(notesPtr);
	}
    }
    return listPtr;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakIsLibraryCommand --
 *
 *	Whether the command FQ is one Tcl's autoloader knows (an entry of
 *	::auto_index under its name, with or without the leading "::"):
 *	Tk's and Tcl's library procs and those of packages indexed with
 *	auto_mkindex, loaded on first use (::tk_dialog). They are never
 *	orphans: the library defines them once, for anyone to call. Only
 *	whether the element exists is read, and only when no trace is on
 *	the array or the element, since a read trace would run app code.
 *
 *----------------------------------------------------------------------
 */

static int
AutoIndexHas(
    TkleakState *statePtr,
    Tcl_Interp *interp,
    const char *name)
{
    TkleakCollect ctx;
    Tcl_DString elem;
    const char *w[4];
    Tcl_Obj *infoPtr;
    int i, traced = 0, has = 0;

    memset(&ctx, 0, sizeof(ctx));
    ctx.statePtr = statePtr;
    ctx.interp = interp;
    Tcl_DStringInit(&elem);
    Tcl_DStringAppend(&elem, "::auto_index(", -1);
    Tcl_DStringAppend(&elem, name, -1);
    Tcl_DStringAppend(&elem, ")", 1);
    w[0] = "trace";
    w[1] = "info";
    w[2] = "variable";
    for (i = 0; i < 2 && !traced; i++) {
	int n = 1;

	w[3] = i ? Tcl_DStringValue(&elem) : "::auto_index";
	if (TkleakCallWidget(&ctx, "::trace", 4, w, &infoPtr) != TCL_OK) {
	    traced = 1;		/* Cannot tell: do not read. */
	    continue;
	}
	Tcl_ListObjLength(NULL, infoPtr, &n);
	traced = n > 0;
	Tcl_DecrRefCount(infoPtr);
    }
    if (!traced) {
	has = Tcl_GetVar2Ex(interp, "::auto_index", name, TCL_GLOBAL_ONLY)
		!= NULL;
    }
    Tcl_DStringFree(&elem);
    Tcl_ResetResult(interp);
    return has;
}

int
TkleakIsLibraryCommand(
    TkleakState *statePtr,
    Tcl_Interp *interp,
    const char *fq)
{
    return AutoIndexHas(statePtr, interp, fq) || (strncmp(fq, "::", 2) == 0
	    && AutoIndexHas(statePtr, interp, fq + 2));
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakIsLibraryImage --
 *
 *	Whether the image NAME is one of Tk's library's own (in the
 *	namespaces ::tk and ::ttk: tk_messageBox's and tk_dialog's icons,
 *	made on first use and kept for the next). Never an orphan.
 *
 *----------------------------------------------------------------------
 */

int
TkleakIsLibraryImage(
    const char *name)
{
    if (strncmp(name, "::", 2) == 0) {
	name += 2;
    }
    return strncmp(name, "tk::", 4) == 0 || strncmp(name, "ttk::", 5) == 0;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakIsDeadWindowCommand --
 *
 *	Whether the command FQ is named after a window path of which no
 *	window exists: its name (in the global namespace) starts with "."
 *	and neither it nor any prefix of it ending before a "." or ":" is
 *	a window (git-gui's "::.__blame__0.ent" aliases, Thonny's
 *	".!configurationdialog10..." commands, after their window went).
 *	A name whose window, or a parent of it, still exists
 *	(BWidget's ".w:cmd") is not: it may still serve that window. The
 *	name is only compared, never evaluated.
 *
 *----------------------------------------------------------------------
 */

int
TkleakIsDeadWindowCommand(
    TkleakState *statePtr,
    Tcl_Interp *interp,
    const char *fq)
{
    const char *tail = fq, *p;
    Tk_Window mainWin;
    Tcl_DString ds;
    int alive = 0;

    if (!statePtr->tkReady || (mainWin = Tk_MainWindow(interp)) == NULL) {
	return 0;
    }
    if (strncmp(fq, "::", 2) == 0) {
	tail = fq + 2;
    }
    if (tail[0] != '.' || tail[1] == '\0' || strstr(tail, "::") != NULL) {
	return 0;
    }
    Tcl_DStringInit(&ds);
    for (p = tail + 1; !alive; p++) {
	if (*p == '.' || *p == ':' || *p == '\0') {
	    Tcl_DStringSetLength(&ds, 0);
	    Tcl_DStringAppend(&ds, tail, (int) (p - tail));
	    alive = Tk_NameToWindow(interp, Tcl_DStringValue(&ds), mainWin)
		    != NULL;
	    Tcl_ResetResult(interp);
	}
	if (*p == '\0') {
	    break;
	}
    }
    Tcl_DStringFree(&ds);
    return !alive;
}

static int
CompareStrings(
    const void *a,
    const void *b)
{
    return strcmp(*(const char **) a, *(const char **) b);
}

static Tcl_Obj *
NewOrphan(
    const char *name,
    const char *type,
    const char *reason,
    Tcl_Obj *lastPtr)
{
    Tcl_Obj *orphanPtr = Tcl_NewDictObj();

    Tcl_DictObjPut(NULL, orphanPtr, Tcl_NewStringObj("name", 4),
	    Tcl_NewStringObj(name, -1));
    Tcl_DictObjPut(NULL, orphanPtr, Tcl_NewStringObj("type", 4),
	    Tcl_NewStringObj(type, -1));
    Tcl_DictObjPut(NULL, orphanPtr, Tcl_NewStringObj("reason", 6),
	    Tcl_NewStringObj(reason, -1));
    Tcl_DictObjPut(NULL, orphanPtr, Tcl_NewStringObj("last", 4), lastPtr);
    Tcl_DictObjPut(NULL, orphanPtr, Tcl_NewStringObj("retains", 7),
	    Tcl_NewDictObj());
    Tcl_DictObjPut(NULL, orphanPtr, Tcl_NewStringObj("origin", 6),
	    Tcl_NewObj());
    return orphanPtr;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakOrphansMore --
 *
 *	Append to LISTPTR the orphans both paths find the same way, among
 *	what did not exist in SINCEPTR: pending after events whose script's
 *	command word names no command ("dangling": the script would fail),
 *	and commands named after destroyed windows ("dead-window",
 *	TkleakIsDeadWindowCommand). A script is parsed with Tcl's parser,
 *	on its string, and never evaluated; a command word the autoloader
 *	knows (TkleakIsLibraryCommand) or that has substitutions is not
 *	dangling.
 *
 *----------------------------------------------------------------------
 */

void
TkleakOrphansMore(
    TkleakState *statePtr,
    Tcl_Interp *interp,
    TkleakCensus *sincePtr,
    Tcl_Obj *listPtr)
{
    TkleakCollect ctx;
    const char *w[3];
    Tcl_Obj *idsPtr, **iv, *namesPtr, **nv, *unreadPtr;
    int ic, nc, i;

    memset(&ctx, 0, sizeof(ctx));
    ctx.statePtr = statePtr;
    ctx.interp = interp;
    w[0] = "info";
    w[1] = "commands";
    w[2] = "::.*";
    if (statePtr->tkReady && TkleakCallWidget(&ctx, "::info", 3, w, &namesPtr)
	    == TCL_OK) {
	Tcl_Obj *sortedPtr = Tcl_NewListObj(0, NULL);

	Tcl_IncrRefCount(sortedPtr);
	if (Tcl_ListObjGetElements(NULL, namesPtr, &nc, &nv) == TCL_OK) {
	    Tcl_ListObjReplace(NULL, sortedPtr, 0, 0, nc, nv);
	}
	Tcl_DecrRefCount(namesPtr);
	if (Tcl_ListObjGetElements(NULL, sortedPtr, &nc, &nv) == TCL_OK) {
	    const char **names = (const char **) Tcl_Alloc(
		    (nc + 1) * sizeof(char *));

	    for (i = 0; i < nc; i++) {
		names[i] = Tcl_GetString(nv[i]);
	    }
	    qsort(names, nc, sizeof(char *), CompareStrings);
	    for (i = 0; i < nc; i++) {
		Tcl_Command token = Tcl_FindCommand(interp, names[i], NULL,
			TCL_GLOBAL_ONLY);
		Tcl_DString typeDs;
		const char *type;

		if (token == NULL || TkleakIsOwnWindow(names[i] + 2)
			|| !TkleakIsDeadWindowCommand(statePtr, interp,
			names[i])) {
		    continue;
		}
		Tcl_DStringInit(&typeDs);
		type = TkleakCommandType(statePtr, interp, token, names[i],
			&typeDs);
		if (type != NULL && !TkleakCensusHas(sincePtr, type, names[i])) {
		    Tcl_ListObjAppendElement(NULL, listPtr, NewOrphan(
			    names[i], type, "dead-window", Tcl_NewObj()));
		}
		Tcl_DStringFree(&typeDs);
	    }
	    Tcl_Free((char *) names);
	}
	Tcl_DecrRefCount(sortedPtr);
    }
    Tcl_ResetResult(interp);

    w[0] = "after";
    w[1] = "info";
    if (TkleakCallWidget(&ctx, "::after", 2, w, &idsPtr) == TCL_OK) {
	if (Tcl_ListObjGetElements(NULL, idsPtr, &ic, &iv) == TCL_OK) {
	    for (i = ic - 1; i >= 0; i--) {
		const char *id = Tcl_GetString(iv[i]);
		Tcl_Obj *infoPtr, *scriptPtr;
		Tcl_Parse parse;
		const char *script;
		int len;

		if (TkleakCensusHas(sincePtr, "after", id)) {
		    continue;
		}
		w[2] = id;
		if (TkleakCallWidget(&ctx, "::after", 3, w, &infoPtr) != TCL_OK) {
		    continue;
		}
		if (Tcl_ListObjIndex(NULL, infoPtr, 0, &scriptPtr) == TCL_OK
			&& scriptPtr != NULL) {
		    script = Tcl_GetStringFromObj(scriptPtr, &len);
		    if (Tcl_ParseCommand(NULL, script, len, 0, &parse)
			    == TCL_OK) {
			if (parse.numWords > 0
				&& parse.tokenPtr[0].type == TCL_TOKEN_SIMPLE_WORD) {
			    Tcl_Token *t = &parse.tokenPtr[1];
			    Tcl_DString word;

			    Tcl_DStringInit(&word);
			    Tcl_DStringAppend(&word, t->start, t->size);
			    if (!TkleakIsOwnName(Tcl_DStringValue(&word))
				    && Tcl_FindCommand(interp,
				    Tcl_DStringValue(&word), NULL,
				    TCL_GLOBAL_ONLY) == NULL
				    && !TkleakIsLibraryCommand(statePtr, interp,
				    Tcl_DStringValue(&word))) {
				Tcl_Obj *orphanPtr;
				Tcl_DString slot;

				Tcl_DStringInit(&slot);
				Tcl_DStringAppend(&slot, "after ", 6);
				Tcl_DStringAppend(&slot, id, -1);
				orphanPtr = NewOrphan(id, "after", "dangling",
					TkleakNewRef("after",
					Tcl_DStringValue(&slot)));
				Tcl_DStringFree(&slot);
				Tcl_DictObjPut(NULL, orphanPtr,
					Tcl_NewStringObj("calls", 5),
					Tcl_NewStringObj(Tcl_DStringValue(&word),
					-1));
				Tcl_ListObjAppendElement(NULL, listPtr,
					orphanPtr);
			    }
			    Tcl_DStringFree(&word);
			}
			Tcl_FreeParse(&parse);
		    }
		}
		Tcl_DecrRefCount(infoPtr);
	    }
	}
	Tcl_DecrRefCount(idsPtr);
    }
    Tcl_ResetResult(interp);

    /*
     * Only built-ins were called: the widgets the index could not read
     * are still those of the last index.
     */

    unreadPtr = statePtr->lastUnread;
    statePtr->lastUnread = NULL;
    TkleakCollectDone(&ctx);
    if (statePtr->lastUnread != NULL) {
	Tcl_DecrRefCount(statePtr->lastUnread);
    }
    statePtr->lastUnread = unreadPtr;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakOrphansObjCmd --
 *
 *	tkleak::orphans ?-since snapshot?: the orphans (see the top of this
 *	file) among the objects that did not exist in SNAPSHOT (default:
 *	"baseline", else the oldest snapshot kept, else the census taken
 *	at package load). A list of dicts {name N type T reason R last L
 *	retains D}; a dangling one has "calls" too.
 *
 *----------------------------------------------------------------------
 */

int
TkleakOrphansObjCmd(
    ClientData clientData,
    Tcl_Interp *interp,
    int objc,
    Tcl_Obj *const objv[])
{
    static const char *const options[] = {"-since", NULL};
    TkleakState *statePtr = clientData;
    TkleakCensus *sincePtr = NULL, *curPtr;
    TkleakType **order;
    TkleakRefs refs;
    Tcl_Obj *resultPtr;
    size_t t, k;
    int index, fresh;

    if (objc != 1 && objc != 3) {
	Tcl_WrongNumArgs(interp, 1, objv, "?-since snapshot?");
	Tcl_SetErrorCode(interp, "TKLEAK", "USAGE", (char *) NULL);
	return TCL_ERROR;
    }
    if (objc == 3) {
	if (TkleakGetIndex(interp, objv[1], options, "option", &index,
		"USAGE", (char *) NULL) != TCL_OK) {
	    return TCL_ERROR;
	}
	if (TkleakGetCensus(interp, statePtr, objv[2], &sincePtr, &fresh)
		!= TCL_OK) {
	    return TCL_ERROR;
	}
    } else {
	Tcl_Obj *baseObj = Tcl_NewStringObj("baseline", 8);

	Tcl_IncrRefCount(baseObj);
	if (TkleakGetCensus(interp, statePtr, baseObj, &sincePtr, &fresh)
		!= TCL_OK) {
	    /*
	     * No baseline (never taken, or forgotten): the oldest snapshot
	     * kept is the user's reference; the census at package load
	     * only when there is none.
	     */

	    Tcl_ResetResult(interp);
	    sincePtr = statePtr->numSnaps > 0
		    ? statePtr->snaps[0].censusPtr : statePtr->loadPtr;
	}
	Tcl_DecrRefCount(baseObj);
    }
    TkleakRecordFlush(statePtr);
    if (TkleakRecording(statePtr) && sincePtr != NULL) {
	int code = TkleakOrphansLive(statePtr, interp, sincePtr, &resultPtr);

	if (code == TCL_OK) {
	    TkleakOrphansMore(statePtr, interp, sincePtr, resultPtr);
	    Tcl_SetObjResult(interp, AddNotes(statePtr, resultPtr));
	    return TCL_OK;
	}
	if (code == TCL_ERROR) {
	    return TCL_ERROR;
	}
    }
    TkleakRefsInit(&refs);
    if (TkleakCensusTakeEx(statePtr, interp, &curPtr, &refs) != TCL_OK) {
	TkleakRefsFree(&refs);
	return TCL_ERROR;
    }
    TkleakRefsRemember(statePtr, &refs);
    TkleakForgetDead(statePtr, interp, &statePtr->seen);

    /*
     * Types in name order, identities sorted: the same list every time.
     */

    order = (TkleakType **) Tcl_Alloc(
	    (curPtr->numTypes + 1) * sizeof(TkleakType *));
    for (t = 0; t < curPtr->numTypes; t++) {
	order[t] = &curPtr->types[t];
    }
    qsort(order, curPtr->numTypes, sizeof(TkleakType *),
	    TkleakCompareTypePtrs);
    resultPtr = Tcl_NewListObj(0, NULL);
    for (t = 0; t < curPtr->numTypes; t++) {
	TkleakType *typePtr = order[t];
	const char **ids;
	size_t n;
	char kind;

	if (strncmp(typePtr->name, "command ", 8) == 0
		|| strncmp(typePtr->name, "object ", 7) == 0) {
	    kind = 'c';
	} else if (strncmp(typePtr->name, "image ", 6) == 0) {
	    kind = 'i';
	} else if (strcmp(typePtr->name, "widget Menu") == 0) {
	    kind = 'w';
	} else {
	    continue;
	}
	if (TkleakIdsMinus(typePtr, sincePtr
		? TkleakCensusFind(sincePtr, typePtr->name) : NULL,
		&ids, &n) != 0) {
	    continue;
	}
	for (k = 0; k < n; k++) {
	    const char *id = ids[k], *reason;
	    Tcl_Obj *keyPtr = Tcl_ObjPrintf("%c%s", kind, id), *lastPtr;
	    Tcl_Obj *orphanPtr, *retainsPtr;
	    Tcl_HashEntry *seenPtr;

	    Tcl_IncrRefCount(keyPtr);
	    if (kind == 'w') {
		Tk_Window tkwin = Tk_NameToWindow(interp, id,
			Tk_MainWindow(interp));

		Tcl_ResetResult(interp);
		if (strchr(id, '#') != NULL || tkwin == NULL
			|| Tk_IsMapped(tkwin)) {
		    Tcl_DecrRefCount(keyPtr);
		    continue;	/* A clone, gone, or posted: in use. */
		}
	    }
	    if (Tcl_FindHashEntry(&refs.index, Tcl_GetString(keyPtr))
		    || (kind == 'c'
		    && (TkleakIsLibraryCommand(statePtr, interp, id)
		    || TkleakIsDeadWindowCommand(statePtr, interp, id)))
		    || (kind == 'i' && TkleakIsLibraryImage(id))) {
		Tcl_DecrRefCount(keyPtr);
		continue;	/* Named, a library's, or dead-window below. */
	    }
	    seenPtr = Tcl_FindHashEntry(&statePtr->seen, Tcl_GetString(keyPtr));
	    Tcl_DecrRefCount(keyPtr);
	    if (seenPtr != NULL) {
		reason = "detached";
		lastPtr = TkleakSeenLast(seenPtr);
	    } else if (kind == 'i' || (strcmp(typePtr->name,
		    "command tkinter") == 0 && TkleakIsTkinterWrapper(id))) {
		reason = "unreferenced";
		lastPtr = Tcl_NewObj();
	    } else {
		continue;
	    }
	    retainsPtr = (kind == 'w') ? Retains(curPtr, &refs, id)
		    : Tcl_NewDictObj();
	    orphanPtr = Tcl_NewDictObj();
	    Tcl_DictObjPut(NULL, orphanPtr, Tcl_NewStringObj("name", 4),
		    Tcl_NewStringObj(id, -1));
	    Tcl_DictObjPut(NULL, orphanPtr, Tcl_NewStringObj("type", 4),
		    Tcl_NewStringObj(typePtr->name, -1));
	    Tcl_DictObjPut(NULL, orphanPtr, Tcl_NewStringObj("reason", 6),
		    Tcl_NewStringObj(reason, -1));
	    Tcl_DictObjPut(NULL, orphanPtr, Tcl_NewStringObj("last", 4),
		    lastPtr);
	    Tcl_DictObjPut(NULL, orphanPtr, Tcl_NewStringObj("retains", 7),
		    retainsPtr);
	    {
		Tcl_Obj *okeyPtr = Tcl_ObjPrintf("%c%s", kind, id);

		Tcl_IncrRefCount(okeyPtr);
		Tcl_DictObjPut(NULL, orphanPtr, Tcl_NewStringObj("origin", 6),
			TkleakOriginLast(statePtr, Tcl_GetString(okeyPtr)));
		Tcl_DecrRefCount(okeyPtr);
	    }
	    Tcl_ListObjAppendElement(NULL, resultPtr, orphanPtr);
	}
	free((void *) ids);
    }
    Tcl_Free((char *) order);
    TkleakRefsFree(&refs);
    TkleakCensusFree(curPtr);
    TkleakOrphansMore(statePtr, interp, sincePtr, resultPtr);
    Tcl_SetObjResult(interp, AddNotes(statePtr, resultPtr));
    return TCL_OK;
}
