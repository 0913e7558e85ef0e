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
 *	or menu when its name stands in the slot's script as a word (see
 *	words.c).
 *
 *	An orphan is a command, image or menu that did not exist at a
 *	reference snapshot and that no live slot names now, of one of two
 *	kinds:
 *	    detached: some slot named it once (seen when an index was built,
 *		or by live recording, record.c) and none does now;
 *	    unreferenced: a tkinter callback wrapper no slot names.
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

/*
 * What a word of a script resolves to, memoised per index: up to three
 * keys (a name can be a command, an image and a window at once).
 */

typedef struct Resolved {
    int numKeys;
    char *keys[3];
} Resolved;

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
    Tcl_HashSearch search;
    Tcl_HashEntry *hPtr;

    TkleakDeleteObjTable(&refsPtr->index, 0);
    for (hPtr = Tcl_FirstHashEntry(&refsPtr->memo, &search); hPtr;
	    hPtr = Tcl_NextHashEntry(&search)) {
	Resolved *resPtr = Tcl_GetHashValue(hPtr);
	int i;

	for (i = 0; i < resPtr->numKeys; i++) {
	    Tcl_Free(resPtr->keys[i]);
	}
	Tcl_Free((char *) resPtr);
    }
    Tcl_DeleteHashTable(&refsPtr->memo);
    TkleakDeleteObjTable(&refsPtr->classSlots, 0);
    Tcl_DecrRefCount(refsPtr->tracedVars);
}

static char *
MakeKey(
    char kind,
    const char *name,
    int len)
{
    char *key;

    if (len < 0) {
	len = (int) strlen(name);
    }
    key = Tcl_Alloc(len + 2);
    key[0] = kind;
    memcpy(key + 1, name, len);
    key[len + 1] = '\0';
    return key;
}

/*
 * Resolve --
 *
 *	What WORD names in this app, memoised. A command is looked up as
 *	Tcl would from the global namespace, without "unknown" and without
 *	running anything.
 */

static Resolved *
Resolve(
    TkleakCollect *ctxPtr,
    const char *word)
{
    TkleakRefs *refsPtr = ctxPtr->refsPtr;
    Tcl_HashEntry *hPtr;
    Resolved *resPtr;
    Tcl_Command token;
    int isNew;

    hPtr = Tcl_CreateHashEntry(&refsPtr->memo, word, &isNew);
    if (!isNew) {
	return Tcl_GetHashValue(hPtr);
    }
    resPtr = (Resolved *) Tcl_Alloc(sizeof(Resolved));
    resPtr->numKeys = 0;
    if (Tcl_FindHashEntry(&ctxPtr->widgets, word)) {
	resPtr->keys[resPtr->numKeys++] = MakeKey('w', word, -1);
    } else if (Tcl_FindHashEntry(&ctxPtr->images, word)) {
	resPtr->keys[resPtr->numKeys++] = MakeKey('i', word, -1);
    } else {
	token = Tcl_FindCommand(ctxPtr->interp, word, NULL, TCL_GLOBAL_ONLY);
	if (token != NULL) {
	    Tcl_Obj *fqPtr = Tcl_NewObj();
	    int len;
	    const char *fq;

	    Tcl_IncrRefCount(fqPtr);
	    Tcl_GetCommandFullName(ctxPtr->interp, token, fqPtr);
	    fq = Tcl_GetStringFromObj(fqPtr, &len);
	    if (!TkleakIsOwnNamespace(fq)) {
		resPtr->keys[resPtr->numKeys++] = MakeKey('c', fq, len);
	    }
	    Tcl_DecrRefCount(fqPtr);
	}
    }
    Tcl_SetHashValue(hPtr, resPtr);
    return resPtr;
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

static void
ScanWord(
    void *clientData,
    const char *word,
    size_t len)
{
    ScanData *dataPtr = clientData;
    Tcl_DString ds;
    Resolved *resPtr;
    int i;

    Tcl_DStringInit(&ds);
    Tcl_DStringAppend(&ds, word, (int) len);
    resPtr = Resolve(dataPtr->ctxPtr, Tcl_DStringValue(&ds));
    Tcl_DStringFree(&ds);
    for (i = 0; i < resPtr->numKeys; i++) {
	AddKey(dataPtr->ctxPtr, resPtr->keys[i], dataPtr->refPtr);
    }
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
 *	{owner OWNER slot SLOT}. TEXT is taken whole too, so a name with
 *	spaces given as the value of an option is found as itself.
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
    Resolved *resPtr;
    Tcl_DString ds;
    int i;

    if (ctxPtr->refsPtr == NULL || len == 0) {
	return;
    }
    refPtr = TkleakNewRef(owner, slot);
    Tcl_IncrRefCount(refPtr);
    data.ctxPtr = ctxPtr;
    data.refPtr = refPtr;
    TkleakScanWords(text, len, ScanWord, &data);
    TkleakScanQuotedWords(text, len, ScanWord, &data);

    /*
     * The whole text, and the first element when it is a list: an option
     * value like {my proc} names the command "my proc".
     */

    Tcl_DStringInit(&ds);
    Tcl_DStringAppend(&ds, text, (int) len);
    resPtr = Resolve(ctxPtr, Tcl_DStringValue(&ds));
    for (i = 0; i < resPtr->numKeys; i++) {
	AddKey(ctxPtr, resPtr->keys[i], refPtr);
    }
    {
	Tcl_Obj *valuePtr = Tcl_NewStringObj(text, (int) len), *firstPtr;

	Tcl_IncrRefCount(valuePtr);
	if (Tcl_ListObjIndex(NULL, valuePtr, 0, &firstPtr) == TCL_OK
		&& firstPtr != NULL) {
	    resPtr = Resolve(ctxPtr, Tcl_GetString(firstPtr));
	    for (i = 0; i < resPtr->numKeys; i++) {
		AddKey(ctxPtr, resPtr->keys[i], refPtr);
	    }
	}
	Tcl_DecrRefCount(valuePtr);
    }
    Tcl_DStringFree(&ds);
    Tcl_DecrRefCount(refPtr);
}

/*
 * TkleakCallWidget --
 *
 *	Call the widget command of PATH with OBJV[1..] through its command
 *	procedure, only when it is still Tk's own C command (not a proc a
 *	megawidget put in its place). *RESULTPTR gets one reference.
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
    int i, code;

    objv[0] = Tcl_NewStringObj(path, -1);
    for (i = 1; i < objc; i++) {
	objv[i] = Tcl_NewStringObj(words[i], -1);
    }
    for (i = 0; i < objc; i++) {
	Tcl_IncrRefCount(objv[i]);
    }
    code = TkleakCallCore(ctxPtr, path, objc, objv, resultPtr);
    for (i = 0; i < objc; i++) {
	Tcl_DecrRefCount(objv[i]);
    }
    return code;
}

/*
 * ClassSlots --
 *
 *	The options of a widget class that are slots, learned from the
 *	"configure" of its first widget: a list of option names, each
 *	followed by its kind, "c" (a Command option), "i" (an Image option)
 *	or "m" (-menu). Cached per class and widget command procedure.
 */

static Tcl_Obj *
ClassSlots(
    TkleakCollect *ctxPtr,
    Tk_Window tkwin)
{
    Tcl_HashEntry *hPtr;
    Tcl_CmdInfo info;
    Tcl_DString key;
    Tcl_Obj *specsPtr, **specv, *slotsPtr;
    const char *words[2];
    int specc, i, isNew;
    const char *path = Tk_PathName(tkwin);

    if (!Tcl_GetCommandInfo(ctxPtr->interp, path, &info)) {
	return NULL;
    }
    Tcl_DStringInit(&key);
    Tcl_DStringAppend(&key, Tk_Class(tkwin) ? Tk_Class(tkwin) : "", -1);
    {
	char buf[32];

	snprintf(buf, sizeof(buf), " %p", (void *) info.objProc);
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
	Tcl_Obj *slotsPtr = ClassSlots(ctxPtr, tkwin), **sv;
	const char *clazz = Tk_Class(tkwin);
	int sc, i;

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
	if (Tk_IsTopLevel(tkwin)) {
	    ScanProtocols(ctxPtr, path);
	}
	if (TkleakWalkIsMenu(statePtr, tkwin)) {
	    if (TkleakWalkUsable(statePtr)) {
		TkleakWalkMenuRefs(ctxPtr, tkwin);
	    } else {
		TkleakRefsMenuPublic(ctxPtr, path);
	    }
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
 * TkleakResolveKey --
 *
 *	The index key of what NAME names in the app: "w" + a window path,
 *	"i" + an image, "c" + a fully qualified command (tkleak's own
 *	excluded), looked up as from the global namespace, without
 *	"unknown" and without running anything.
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
    Tcl_Command token;
    Tcl_Obj *keyPtr;

    if (statePtr->tkReady && Tk_MainWindow(interp) != NULL) {
	const Tk_ImageType *typePtr = NULL;

	if (name[0] == '.'
		&& Tk_NameToWindow(interp, name, Tk_MainWindow(interp))) {
	    return Tcl_ObjPrintf("w%s", name);
	}
	(void) Tk_GetImageMasterData(interp, name, &typePtr);
	if (typePtr != NULL) {
	    return Tcl_ObjPrintf("i%s", name);
	}
    }
    token = Tcl_FindCommand(interp, name, NULL, TCL_GLOBAL_ONLY);
    if (token == NULL) {
	return NULL;
    }
    keyPtr = Tcl_NewStringObj("c", 1);
    Tcl_GetCommandFullName(interp, token, keyPtr);
    if (TkleakIsOwnNamespace(Tcl_GetString(keyPtr) + 1)) {
	Tcl_DecrRefCount(keyPtr);
	return NULL;
    }
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

    for (hPtr = Tcl_FirstHashEntry(tablePtr, &search); hPtr;
	    hPtr = Tcl_NextHashEntry(&search)) {
	if (!TkleakKeyAlive(statePtr, interp,
		Tcl_GetHashKey(tablePtr, hPtr))) {
	    Tcl_DecrRefCount((Tcl_Obj *) Tcl_GetHashValue(hPtr));
	    Tcl_DeleteHashEntry(hPtr);
	}
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
    Tcl_Obj *resultPtr, *keys[3];
    Tcl_Command token;
    const char *name;
    int numKeys = 0, i, j, n;

    if (objc != 2) {
	Tcl_WrongNumArgs(interp, 1, objv, "name");
	Tcl_SetErrorCode(interp, "TKLEAK", "USAGE", (char *) NULL);
	return TCL_ERROR;
    }
    name = Tcl_GetString(objv[1]);
    TkleakRecordFlush(statePtr);
    if (TkleakInitTk(statePtr, interp)) {
	const Tk_ImageType *typePtr = NULL;
	Tk_Window mainWin = Tk_MainWindow(interp);

	if (name[0] == '.' && Tk_NameToWindow(interp, name, mainWin)) {
	    keys[numKeys++] = Tcl_ObjPrintf("w%s", name);
	}
	(void) Tk_GetImageMasterData(interp, name, &typePtr);
	if (typePtr != NULL) {
	    keys[numKeys++] = Tcl_ObjPrintf("i%s", name);
	}
	Tcl_ResetResult(interp);
    }
    token = Tcl_FindCommand(interp, name, NULL, TCL_GLOBAL_ONLY);
    if (token != NULL && numKeys == 0) {
	Tcl_Obj *fqPtr = Tcl_NewStringObj("c", 1);

	Tcl_GetCommandFullName(interp, token, fqPtr);
	keys[numKeys++] = fqPtr;
    }
    if (numKeys == 0) {
	Tcl_SetObjResult(interp, Tcl_ObjPrintf(
		"no command, image or window named \"%s\"", name));
	Tcl_SetErrorCode(interp, "TKLEAK", "REFS", "UNKNOWN", name,
		(char *) NULL);
	return TCL_ERROR;
    }
    for (i = 0; i < numKeys; i++) {
	Tcl_IncrRefCount(keys[i]);
    }
    TkleakRefsInit(&refs);
    if (TkleakCensusTakeEx(statePtr, interp, &censusPtr, &refs) != TCL_OK) {
	TkleakRefsFree(&refs);
	for (i = 0; i < numKeys; i++) {
	    Tcl_DecrRefCount(keys[i]);
	}
	return TCL_ERROR;
    }
    TkleakCensusFree(censusPtr);
    TkleakRefsRemember(statePtr, &refs);
    resultPtr = Tcl_NewListObj(0, NULL);
    for (i = 0; i < numKeys; i++) {
	Tcl_HashEntry *hPtr = Tcl_FindHashEntry(&refs.index,
		Tcl_GetString(keys[i]));
	Tcl_Obj **v;

	if (hPtr != NULL && Tcl_ListObjGetElements(NULL,
		Tcl_GetHashValue(hPtr), &n, &v) == TCL_OK) {
	    for (j = 0; j < n; j++) {
		Tcl_ListObjAppendElement(NULL, resultPtr, v[j]);
	    }
	}
	Tcl_DecrRefCount(keys[i]);
    }
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
 *----------------------------------------------------------------------
 *
 * TkleakOrphansObjCmd --
 *
 *	tkleak::orphans ?-since snapshot?: the orphans (see the top of this
 *	file) among the objects that did not exist in SNAPSHOT (default:
 *	"baseline" when calibrated, else the census taken at package
 *	load). A list of dicts {name N type T reason R last L retains D}.
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
	if (Tcl_GetIndexFromObj(interp, objv[1], options, "option", 0,
		&index) != TCL_OK) {
	    Tcl_SetErrorCode(interp, "TKLEAK", "USAGE", (char *) NULL);
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
	    Tcl_ResetResult(interp);
	    sincePtr = statePtr->loadPtr;
	}
	Tcl_DecrRefCount(baseObj);
    }
    TkleakRecordFlush(statePtr);
    if (TkleakRecording(statePtr) && sincePtr != NULL) {
	int code = TkleakOrphansLive(statePtr, interp, sincePtr, &resultPtr);

	if (code == TCL_OK) {
	    Tcl_SetObjResult(interp, resultPtr);
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
	    if (Tcl_FindHashEntry(&refs.index, Tcl_GetString(keyPtr))) {
		Tcl_DecrRefCount(keyPtr);
		continue;
	    }
	    seenPtr = Tcl_FindHashEntry(&statePtr->seen, Tcl_GetString(keyPtr));
	    Tcl_DecrRefCount(keyPtr);
	    if (seenPtr != NULL) {
		reason = "detached";
		lastPtr = TkleakSeenLast(seenPtr);
	    } else if (strcmp(typePtr->name, "command tkinter") == 0
		    && TkleakIsTkinterWrapper(id)) {
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
    Tcl_SetObjResult(interp, resultPtr);
    return TCL_OK;
}
