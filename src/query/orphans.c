/*
 * orphans.c --
 *
 *	tkleak::orphans without recording, and what both paths share.
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
 *	Without recording, the orphans are found from a census and a full
 *	slot index (census/refs.c); while recording, live.c asks only the
 *	objects recording saw attached.
 *
 * Copyright (c) 2026 the tkleak developers. See the file "LICENSE".
 */

#include "config.h"
#include <stdlib.h>
#include <string.h>
#include "tkleakInt.h"

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

	if (TkleakTypeKeyKind(typePtr->name) != TKLEAK_KEY_COMMAND) {
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

/*
 * CommandTypes --
 *
 *	CommandType for many names of a census whose types are not sorted
 *	(a fresh one, live.c's): a hash of every command's name to its
 *	type, the first type in census order holding it, as CommandType
 *	finds it, built once instead of sorting each command type.
 */

typedef struct CommandTypes {
    const char **ids;		/* Open addressing; the census owns the */
    const char **types;		/* strings. NULL: not built. */
    size_t mask;
} CommandTypes;

static void
CommandTypesBuild(
    CommandTypes *mapPtr,
    TkleakCensus *censusPtr)
{
    size_t i, k, n = 0, size = 1;

    for (i = 0; i < censusPtr->numTypes; i++) {
	if (TkleakTypeKeyKind(censusPtr->types[i].name) == TKLEAK_KEY_COMMAND) {
	    n += censusPtr->types[i].numIds;
	}
    }
    while (size < 2 * n + 2) {
	size <<= 1;
    }
    mapPtr->mask = size - 1;
    mapPtr->ids = (const char **) Tcl_Alloc(size * sizeof(char *));
    mapPtr->types = (const char **) Tcl_Alloc(size * sizeof(char *));
    memset(mapPtr->ids, 0, size * sizeof(char *));
    for (i = 0; i < censusPtr->numTypes; i++) {
	TkleakType *typePtr = &censusPtr->types[i];

	if (TkleakTypeKeyKind(typePtr->name) != TKLEAK_KEY_COMMAND) {
	    continue;
	}
	for (k = 0; k < typePtr->numIds; k++) {
	    const char *id = typePtr->ids[k];
	    size_t h = TkleakHashString(id) & mapPtr->mask;

	    while (mapPtr->ids[h] != NULL && strcmp(mapPtr->ids[h], id) != 0) {
		h = (h + 1) & mapPtr->mask;
	    }
	    if (mapPtr->ids[h] == NULL) {
		mapPtr->ids[h] = id;
		mapPtr->types[h] = typePtr->name;
	    }
	}
    }
}

static const char *
CommandTypesGet(
    CommandTypes *mapPtr,
    const char *fq)
{
    size_t h = TkleakHashString(fq) & mapPtr->mask;

    for (; mapPtr->ids[h] != NULL; h = (h + 1) & mapPtr->mask) {
	if (strcmp(mapPtr->ids[h], fq) == 0) {
	    return mapPtr->types[h];
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

static int
CompareStrings(
    const void *a,
    const void *b);

/*
 * Retains --
 *
 *	What a detached menu keeps alive that nothing else reaches: the
 *	menus below it, their entries, and the commands and images only
 *	their entries name. A dict TYPE -> count: "widget Menu" and "menu
 *	entry" first, then the types of the commands and images in name
 *	order (not the index's hash order, so that the live check, whose
 *	index is smaller, gives the same dict).
 *
 *	REFSPTR indexes every slot of the app, or (live.c) at least every
 *	slot of the windows below PATH: then ONLYPROC, when not NULL, tells
 *	for each command or image whose indexed slots are all below PATH
 *	whether a slot elsewhere names it too (0), none does (1), or it
 *	cannot tell (-1: Retains gives NULL). Such an index comes with a
 *	fresh census, whose types are not sorted yet: the commands' types
 *	are then looked up in a hash (CommandTypes).
 */

static Tcl_Obj *
Retains(
    TkleakCensus *censusPtr,
    TkleakRefs *refsPtr,
    const char *path,
    TkleakRetainsOnlyProc *onlyProc,
    void *onlyData)
{
    Tcl_Obj *dictPtr = Tcl_NewDictObj(), *countsPtr = Tcl_NewDictObj();
    Tcl_Obj *ownerKey = Tcl_NewStringObj("owner", 5);	/* One for all. */
    TkleakType *typePtr;
    Tcl_HashSearch search;
    Tcl_HashEntry *hPtr;
    Tcl_DictSearch dictSearch;
    Tcl_Obj *keyPtr, *valuePtr;
    const char **names;
    size_t i;
    int menus = 0, entries = 0, done, only;
    Tcl_Size numNames = 0;
    CommandTypes map;

    memset(&map, 0, sizeof(map));
    Tcl_IncrRefCount(ownerKey);

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

    Tcl_IncrRefCount(countsPtr);
    for (hPtr = Tcl_FirstHashEntry(&refsPtr->index, &search); hPtr;
	    hPtr = Tcl_NextHashEntry(&search)) {
	const char *key = Tcl_GetHashKey(&refsPtr->index, hPtr);
	Tcl_Obj **v, *ownerPtr;
	int j;
	Tcl_Size n;
	const char *type;

	if (key[0] != TKLEAK_KEY_COMMAND && key[0] != TKLEAK_KEY_IMAGE) {
	    continue;
	}
	if (Tcl_ListObjGetElements(NULL, Tcl_GetHashValue(hPtr), &n, &v)
		!= TCL_OK || n == 0) {
	    continue;
	}
	for (only = 1, j = 0; j < n && only; j++) {
	    if (Tcl_DictObjGet(NULL, v[j], ownerKey, &ownerPtr) != TCL_OK
		    || ownerPtr == NULL
		    || !Within(Tcl_GetString(ownerPtr), path)) {
		only = 0;
	    }
	}
	if (only && onlyProc != NULL) {
	    only = onlyProc(onlyData, key, path);
	    if (only < 0) {
		if (map.ids != NULL) {
		    Tcl_Free((char *) map.ids);
		    Tcl_Free((char *) map.types);
		}
		Tcl_DecrRefCount(countsPtr);
		Tcl_DecrRefCount(dictPtr);
		Tcl_DecrRefCount(ownerKey);
		return NULL;
	    }
	}
	if (!only) {
	    continue;
	}
	if (key[0] == TKLEAK_KEY_COMMAND && onlyProc == NULL) {
	    type = CommandType(censusPtr, key + 1);
	} else if (key[0] == TKLEAK_KEY_COMMAND) {
	    if (map.ids == NULL) {
		CommandTypesBuild(&map, censusPtr);
	    }
	    type = CommandTypesGet(&map, key + 1);
	} else {
	    type = "image";
	}
	if (type != NULL) {
	    Incr(countsPtr, type, 1);
	}
    }

    if (map.ids != NULL) {
	Tcl_Free((char *) map.ids);
	Tcl_Free((char *) map.types);
    }
    Tcl_DictObjSize(NULL, countsPtr, &numNames);
    names = (const char **) Tcl_Alloc((numNames + 1) * sizeof(char *));
    numNames = 0;
    if (Tcl_DictObjFirst(NULL, countsPtr, &dictSearch, &keyPtr, &valuePtr,
	    &done) == TCL_OK) {
	for (; !done; Tcl_DictObjNext(&dictSearch, &keyPtr, &valuePtr,
		&done)) {
	    names[numNames++] = Tcl_GetString(keyPtr);
	}
	Tcl_DictObjDone(&dictSearch);
    }
    qsort(names, numNames, sizeof(char *), CompareStrings);
    for (i = 0; i < (size_t) numNames; i++) {
	keyPtr = Tcl_NewStringObj(names[i], -1);
	Tcl_IncrRefCount(keyPtr);
	Tcl_DictObjGet(NULL, countsPtr, keyPtr, &valuePtr);
	Tcl_DictObjPut(NULL, dictPtr, keyPtr, valuePtr);
	Tcl_DecrRefCount(keyPtr);
    }
    Tcl_Free((char *) names);
    Tcl_DecrRefCount(countsPtr);
    Tcl_DecrRefCount(ownerKey);
    return dictPtr;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakRetains --
 *
 *	What the detached menu PATH retains (Retains), from the census
 *	CENSUSPTR and the index REFSPTR, which holds at least every slot of
 *	the windows below PATH; ONLYPROC says whether a command or image
 *	named there is named elsewhere too (NULL: REFSPTR is the full
 *	index, which says it).
 *
 * Results:
 *	A new dict (no reference held), or NULL when ONLYPROC could not
 *	tell.
 *
 * Side effects:
 *	Whatever ONLYPROC does.
 *
 *----------------------------------------------------------------------
 */

Tcl_Obj *
TkleakRetains(
    TkleakCensus *censusPtr,
    TkleakRefs *refsPtr,
    const char *path,
    TkleakRetainsOnlyProc *onlyProc,
    void *onlyData)
{
    return Retains(censusPtr, refsPtr, path, onlyProc, onlyData);
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
    int i;
    Tcl_Size n;

    if (Tcl_ListObjGetElements(NULL, listPtr, &n, &v) != TCL_OK) {
	return listPtr;
    }
    for (i = 0; i < n; i++) {
	Tcl_Obj *notesPtr = Tcl_NewDictObj();

	if (statePtr->census.lastUnread != NULL) {
	    Tcl_DictObjPut(NULL, notesPtr, Tcl_NewStringObj("unread", 6),
		    statePtr->census.lastUnread);
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
 * TkleakOrphansAddNotes --
 *
 *	AddNotes, for the stepped scan (orphanstep.c).
 *
 * Results:
 *	LISTPTR.
 *
 * Side effects:
 *	As AddNotes.
 *
 *----------------------------------------------------------------------
 */

Tcl_Obj *
TkleakOrphansAddNotes(
    TkleakState *statePtr,
    Tcl_Obj *listPtr)
{
    return AddNotes(statePtr, listPtr);
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
	Tcl_Size n = 1;

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

/*
 *----------------------------------------------------------------------
 *
 * TkleakIsLibraryCommand --
 *
 *	Whether the command FQ is one of a library's that the autoloader
 *	knows (auto_index: Tk's library, loaded on first use). Never an
 *	orphan.
 *
 * Results:
 *	1 when it is, else 0.
 *
 * Side effects:
 *	"trace info variable" runs through its C procedure, and auto_index
 *	is read only when no trace is set on it, so no trace fires; nothing
 *	is evaluated. The interpreter's result may change.
 *
 *----------------------------------------------------------------------
 */

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
 * Results:
 *	1 when it is, else 0.
 *
 * Side effects:
 *	None.
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
 * Results:
 *	1 when it is, else 0.
 *
 * Side effects:
 *	The interpreter's result may change; callers save it.
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

    if (!statePtr->tk.tkReady || (mainWin = Tk_MainWindow(interp)) == NULL) {
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

/*
 *----------------------------------------------------------------------
 *
 * TkleakNewOrphan --
 *
 *	One orphan as tkleak::orphans returns it: a dict {name NAME type
 *	TYPE reason REASON last LASTPTR retains {} origin {}}, in that key
 *	order; the caller replaces "retains" and "origin" where it has them
 *	(a dict keeps a key's place when its value is replaced).
 *
 * Results:
 *	A new dict with no reference held; it takes over LASTPTR.
 *
 * Side effects:
 *	None.
 *
 *----------------------------------------------------------------------
 */

Tcl_Obj *
TkleakNewOrphan(
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
    Tcl_Obj *idsPtr, **iv, *namesPtr, **nv;
    int i;
    Tcl_Size ic, nc;

    memset(&ctx, 0, sizeof(ctx));
    ctx.statePtr = statePtr;
    ctx.interp = interp;
    w[0] = "info";
    w[1] = "commands";
    w[2] = "::.*";
    if (statePtr->tk.tkReady && TkleakCallWidget(&ctx, "::info", 3, w, &namesPtr)
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
		    Tcl_ListObjAppendElement(NULL, listPtr, TkleakNewOrphan(
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
		Tcl_Size len;

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
				orphanPtr = TkleakNewOrphan(id, "after", "dangling",
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

    TkleakCollectRelease(&ctx);
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakOrphansSince --
 *
 *	The reference of the orphans: the snapshot SINCEOBJ names, or when
 *	SINCEOBJ is NULL, "baseline", else the oldest snapshot kept, else
 *	the census taken at package load (which may be NULL).
 *
 * Results:
 *	TCL_OK with *SINCEPTRPTR set (the store's), or TCL_ERROR with
 *	TKLEAK SNAPSHOT UNKNOWN when SINCEOBJ names no snapshot.
 *
 * Side effects:
 *	None.
 *
 *----------------------------------------------------------------------
 */

int
TkleakOrphansSince(
    Tcl_Interp *interp,
    TkleakState *statePtr,
    Tcl_Obj *sinceObj,
    TkleakCensus **sincePtrPtr)
{
    Tcl_Obj *baseObj;
    int fresh;

    if (sinceObj != NULL) {
	return TkleakGetCensus(interp, statePtr, sinceObj, sincePtrPtr,
		&fresh);
    }
    baseObj = Tcl_NewStringObj("baseline", 8);
    Tcl_IncrRefCount(baseObj);
    if (TkleakGetCensus(interp, statePtr, baseObj, sincePtrPtr, &fresh)
	    != TCL_OK) {
	/*
	 * No baseline (never taken, or forgotten): the oldest snapshot
	 * kept is the user's reference; the census at package load only
	 * when there is none.
	 */

	Tcl_ResetResult(interp);
	*sincePtrPtr = statePtr->store.numSnaps > 0
		? statePtr->store.snaps[0].censusPtr : statePtr->query.loadPtr;
    }
    Tcl_DecrRefCount(baseObj);
    return TCL_OK;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakOrphanCheck --
 *
 *	Whether the object ID of type TYPE (KIND its index key's kind,
 *	TkleakOrphanCandidate) in the census CURPTR is an orphan, by the
 *	full index REFSPTR and the "seen" table: the full scan's test of one
 *	candidate that did not exist at the reference.
 *
 * Results:
 *	A new orphan dict (no reference held), or NULL when it is not one.
 *
 * Side effects:
 *	The interpreter's result may change.
 *
 *----------------------------------------------------------------------
 */

Tcl_Obj *
TkleakOrphanCheck(
    TkleakState *statePtr,
    Tcl_Interp *interp,
    TkleakCensus *curPtr,
    TkleakRefs *refsPtr,
    const char *type,
    int kind,
    const char *id)
{
    const char *reason;
    Tcl_Obj *keyPtr = Tcl_ObjPrintf("%c%s", kind, id);
    Tcl_Obj *orphanPtr;
    Tcl_HashEntry *seenPtr;
    TkleakOrphanRow row;

    Tcl_IncrRefCount(keyPtr);
    if (kind == TKLEAK_KEY_WINDOW) {
	Tk_Window tkwin = Tk_NameToWindow(interp, id,
		Tk_MainWindow(interp));

	Tcl_ResetResult(interp);
	if (strchr(id, '#') != NULL || tkwin == NULL
		|| Tk_IsMapped(tkwin)) {
	    Tcl_DecrRefCount(keyPtr);
	    return NULL;	/* A clone, gone, or posted: in use. */
	}
    }
    /*
     * Named, a library's, or dead-window (reported below): in use.
     */

    row.type = type;
    row.name = id;
    row.inUse = Tcl_FindHashEntry(&refsPtr->index, Tcl_GetString(keyPtr))
	    || (kind == TKLEAK_KEY_COMMAND
	    && (TkleakIsLibraryCommand(statePtr, interp, id)
	    || TkleakIsDeadWindowCommand(statePtr, interp, id)))
	    || (kind == TKLEAK_KEY_IMAGE && TkleakIsLibraryImage(id));
    seenPtr = row.inUse ? NULL
	    : Tcl_FindHashEntry(&statePtr->store.seen, Tcl_GetString(keyPtr));
    row.seen = seenPtr != NULL;
    reason = TkleakOrphanReasonName(TkleakOrphanRule(&row));
    if (reason == NULL) {
	Tcl_DecrRefCount(keyPtr);
	return NULL;
    }
    orphanPtr = TkleakNewOrphan(id, type, reason,
	    seenPtr != NULL ? TkleakSeenLast(seenPtr) : Tcl_NewObj());
    if (kind == TKLEAK_KEY_WINDOW) {
	Tcl_DictObjPut(NULL, orphanPtr, Tcl_NewStringObj("retains", 7),
		Retains(curPtr, refsPtr, id, NULL, NULL));
    }
    Tcl_DictObjPut(NULL, orphanPtr, Tcl_NewStringObj("origin", 6),
	    TkleakOriginLast(statePtr, Tcl_GetString(keyPtr)));
    Tcl_DecrRefCount(keyPtr);
    return orphanPtr;
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
 * Results:
 *	TCL_OK with the list, or TCL_ERROR with TKLEAK USAGE or SNAPSHOT
 *	UNKNOWN.
 *
 * Side effects:
 *	The recording log is flushed; without recording (or when what a
 *	detached menu retains needs it), a census is taken and its slot index
 *	remembered in "seen"; entries of the dead are dropped from "seen".
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
    int index;

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
	if (TkleakOrphansSince(interp, statePtr, objv[2], &sincePtr)
		!= TCL_OK) {
	    return TCL_ERROR;
	}
    } else {
	TkleakOrphansSince(interp, statePtr, NULL, &sincePtr);
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
    TkleakSeenPrepare(statePtr, &refs);
    if (TkleakCensusTakeEx(statePtr, interp, &curPtr, &refs) != TCL_OK) {
	TkleakRefsFree(&refs);
	return TCL_ERROR;
    }
    if (!TkleakRefsRemember(statePtr, &refs)) {
	TkleakSeenForgetDead(statePtr, interp);
    }

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
	char kind = (char) TkleakOrphanCandidate(typePtr->name);

	if (kind == TKLEAK_KEY_NONE) {
	    continue;
	}
	if (TkleakIdsMinus(typePtr, sincePtr
		? TkleakCensusFind(sincePtr, typePtr->name) : NULL,
		&ids, &n) != 0) {
	    continue;
	}
	for (k = 0; k < n; k++) {
	    Tcl_Obj *orphanPtr = TkleakOrphanCheck(statePtr, interp, curPtr,
		    &refs, typePtr->name, kind, ids[k]);

	    if (orphanPtr != NULL) {
		Tcl_ListObjAppendElement(NULL, resultPtr, orphanPtr);
	    }
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
