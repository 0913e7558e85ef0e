/*
 * collect.c --
 *
 *	Taking a census of a running app: every widget, command, namespace,
 *	variable, TclOO object, image, font, after event, channel, child
 *	interp, binding, menu entry and canvas item, by type, with
 *	identities and sizes (the table in doc/tkleak.n).
 *
 *	Notes on implementation:
 *
 *	A census lives inside someone else's app, so it must leave the app
 *	as it found it. It never evaluates a script or a name: the few
 *	built-in commands it needs ("after info", "font names", ...) are
 *	called through their command procedures, and only when the command
 *	of that name is still Tk's or Tcl's own C command, never a proc the
 *	app put in its place (TkleakCallCore). It never calls "update", and
 *	it reads variables from their records, so no trace fires. It saves
 *	and restores the interpreter's result and error state.
 *
 *	tkleak's own objects are left out: ::tkleak and below, windows
 *	whose path has a component "tkleak" (the panel .tkleak, the Memory
 *	cascade and its clones), images and fonts named ::tkleak::*, and
 *	after events whose script calls into ::tkleak.
 *
 *	The walk over namespaces, windows and images uses walk.c's fast
 *	path through the private structures when it can, else the public
 *	API below.
 *
 * Copyright (c) 2026 the tkleak developers. See the file "LICENSE".
 */

#define _GNU_SOURCE
#include "config.h"
#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>
#include "tkleakInt.h"

/*
 * The classes of Tk and ttk widgets. Their class bindings are counted
 * whether or not a widget of the class exists yet, so the first button
 * an app makes does not show up as six new bindings.
 */

static const char *const stdClasses[] = {
    "all", "Button", "Canvas", "Checkbutton", "Entry", "Frame", "Label",
    "Labelframe", "Listbox", "Menu", "Menubutton", "Message",
    "Panedwindow", "Radiobutton", "Scale", "Scrollbar", "Spinbox", "Text",
    "Toplevel", "TButton", "TCheckbutton", "TCombobox", "TEntry", "TFrame",
    "TLabel", "TLabelframe", "TMenubutton", "TNotebook", "TPanedwindow",
    "TProgressbar", "TRadiobutton", "TScale", "TScrollbar", "TSeparator",
    "TSizegrip", "TSpinbox", "Treeview", NULL
};

static void	AddBindingQueued(TkleakCollect *ctxPtr, const char *tag,
		    const char *seq, const char *id, size_t idLen,
		    const char *script);

static int	CensusTake(TkleakState *statePtr, Tcl_Interp *interp,
		    TkleakCensus **censusPtrPtr, TkleakRefs *refsPtr,
		    Tcl_Obj **windowsPtrPtr, Tcl_HashTable **unreadPtrPtr,
		    int skipOwn);
static void	CollectBindings(TkleakCollect *ctxPtr, Tk_Window mainWin);
static void	CollectBindingsAside(TkleakCollect *ctxPtr, Tk_Window mainWin,
		    void *worker);
static void	CollectAfters(TkleakCollect *ctxPtr);
static void	CollectCore(TkleakCollect *ctxPtr, int tk);
static void	CollectInterps(TkleakCollect *ctxPtr, Tcl_Obj *pathPtr);

static int	ComparePaths(const void *a, const void *b);
static void	CollectTraces(TkleakCollect *ctxPtr);
static int	AfterIsOwn(const char *script);

/*
 *----------------------------------------------------------------------
 *
 * TkleakCollectRelease --
 *
 *	Release what TkleakWidgetCommand and TkleakCallWidget kept in a
 *	collector, leaving the state's lastUnread as it is: for a collector
 *	that called only built-ins (the full orphan scan's checks), whose
 *	unread widgets are still those of the last index.
 *
 * Results:
 *	None.
 *
 * Side effects:
 *	The collector's hull and unread tables are freed.
 *
 *----------------------------------------------------------------------
 */

void
TkleakCollectRelease(
    TkleakCollect *ctxPtr)
{
    if (ctxPtr->hullsPtr != NULL) {
	Tcl_DeleteHashTable(ctxPtr->hullsPtr);
	Tcl_Free((char *) ctxPtr->hullsPtr);
	ctxPtr->hullsPtr = NULL;
    }
    if (ctxPtr->unreadPtr != NULL) {
	Tcl_DeleteHashTable(ctxPtr->unreadPtr);
	Tcl_Free((char *) ctxPtr->unreadPtr);
	ctxPtr->unreadPtr = NULL;
    }
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakCensusStateFree --
 *
 *	Free census/'s part of a state (TkleakCensusState): the last unread
 *	list and the slot words.
 *
 * Results:
 *	None.
 *
 * Side effects:
 *	The lastUnread list is released (one reference); the slot word
 *	tables are freed (TkleakSlotWordsFree), and the kept referrers
 *	(TkleakRefsAge).
 *
 *----------------------------------------------------------------------
 */

void
TkleakCensusStateFree(
    TkleakState *statePtr)
{
    if (statePtr->census.lastUnread != NULL) {
	Tcl_DecrRefCount(statePtr->census.lastUnread);
	statePtr->census.lastUnread = NULL;
    }
    TkleakSlotWordsFree(statePtr);
    TkleakRefsAge(statePtr, 0);
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakCollectDone --
 *
 *	Release what TkleakWidgetCommand and TkleakCallWidget kept in a
 *	collector, and keep the paths of the widgets it could not read
 *	(statePtr->census.lastUnread, sorted) for the notes of the orphans.
 *
 * Results:
 *	None.
 *
 * Side effects:
 *	The collector's hull and unread tables are freed; the state's
 *	lastUnread is replaced (the old list released, the new one held).
 *
 *----------------------------------------------------------------------
 */

void
TkleakCollectDone(
    TkleakCollect *ctxPtr)
{
    TkleakState *statePtr = ctxPtr->statePtr;
    Tcl_HashSearch search;
    Tcl_HashEntry *hPtr;
    const char **paths;
    int n = 0, i;

    if (ctxPtr->hullsPtr != NULL) {
	Tcl_DeleteHashTable(ctxPtr->hullsPtr);
	Tcl_Free((char *) ctxPtr->hullsPtr);
	ctxPtr->hullsPtr = NULL;
    }
    if (statePtr->census.lastUnread != NULL) {
	Tcl_DecrRefCount(statePtr->census.lastUnread);
	statePtr->census.lastUnread = NULL;
    }
    if (ctxPtr->unreadPtr == NULL) {
	return;
    }
    paths = (const char **) Tcl_Alloc(
	    (ctxPtr->unreadPtr->numEntries + 1) * sizeof(const char *));
    for (hPtr = Tcl_FirstHashEntry(ctxPtr->unreadPtr, &search); hPtr;
	    hPtr = Tcl_NextHashEntry(&search)) {
	paths[n++] = Tcl_GetHashKey(ctxPtr->unreadPtr, hPtr);
    }
    qsort(paths, n, sizeof(const char *), ComparePaths);
    statePtr->census.lastUnread = Tcl_NewListObj(0, NULL);
    Tcl_IncrRefCount(statePtr->census.lastUnread);
    for (i = 0; i < n; i++) {
	Tcl_ListObjAppendElement(NULL, statePtr->census.lastUnread,
		Tcl_NewStringObj(paths[i], -1));
    }
    Tcl_Free((char *) paths);
    Tcl_DeleteHashTable(ctxPtr->unreadPtr);
    Tcl_Free((char *) ctxPtr->unreadPtr);
    ctxPtr->unreadPtr = NULL;
}

static int
ComparePaths(
    const void *a,
    const void *b)
{
    return strcmp(*(const char *const *) a, *(const char *const *) b);
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakCensusTake --
 *
 *	Take a census of the app in INTERP.
 *
 * Results:
 *	TCL_OK with *CENSUSPTRPTR a new census owned by the caller, or
 *	TCL_ERROR (out of memory) with a message and error code in the
 *	interpreter and nothing allocated.
 *
 * Side effects:
 *	None visible to the app: the interpreter state is restored.
 *
 *----------------------------------------------------------------------
 */

int
TkleakCensusTake(
    TkleakState *statePtr,
    Tcl_Interp *interp,
    TkleakCensus **censusPtrPtr)
{
    return TkleakCensusTakeEx(statePtr, interp, censusPtrPtr, NULL);
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakCensusTakeEx --
 *
 *	TkleakCensusTake, also filling the reference index REFSPTR (made
 *	by the caller with TkleakRefsInit) when it is not NULL.
 *
 * Results:
 *	As TkleakCensusTake: TCL_OK with *CENSUSPTRPTR a new census owned by
 *	the caller, or TCL_ERROR with a message and error code.
 *
 * Side effects:
 *	As TkleakCensusTake; REFSPTR, when given, holds a reference to each
 *	referrer it indexes (freed by TkleakRefsFree).
 *
 *----------------------------------------------------------------------
 */

int
TkleakCensusTakeEx(
    TkleakState *statePtr,
    Tcl_Interp *interp,
    TkleakCensus **censusPtrPtr,
    TkleakRefs *refsPtr)
{
    return CensusTake(statePtr, interp, censusPtrPtr, refsPtr, NULL, NULL,
	    0);
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakCensusTakeBare --
 *
 *	TkleakCensusTake for a query's own use: a census never kept nor
 *	diffed (what a detached menu retains, live.c; the check at the end
 *	of a stepped scan, orphanstep.c), so without tkleak's own bytes,
 *	which walk every table tkleak keeps (the origins and stacks of a
 *	recording among them), nor the heap.
 *
 * Results:
 *	As TkleakCensusTake; the census's own bytes and heap are 0.
 *
 * Side effects:
 *	As TkleakCensusTake; the state's lastUnread is left as it is.
 *
 *----------------------------------------------------------------------
 */

int
TkleakCensusTakeBare(
    TkleakState *statePtr,
    Tcl_Interp *interp,
    TkleakCensus **censusPtrPtr)
{
    return CensusTake(statePtr, interp, censusPtrPtr, NULL, NULL, NULL, 1);
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakCensusTakeSteps --
 *
 *	The first step of a stepped scan (query/orphanstep.c): the census,
 *	whose slots met on the way (bindings, after events) are queued in
 *	REFSPTR (made with TkleakRefsInit, with a queue), not indexed; the
 *	windows whose slots are to be indexed later are given by path, in
 *	the order TkleakCensusTakeEx indexes them. The index is not begun
 *	(TkleakRefsBegin, a walk of every global command, is the caller's
 *	at its next step), and bindings are queued by the position of their
 *	identity among the census's (the caller gives the queue those
 *	identities). It measures neither tkleak's own bytes nor the heap
 *	(never diffed, never kept). The check census at a scan's end is
 *	TkleakCensusTakeBare.
 *
 * Results:
 *	As TkleakCensusTake; *WINDOWSPTRPTR is a new list of
 *	paths (one reference, the caller's) and *UNREADPTRPTR the paths of
 *	the widgets found unreadable so far, or NULL (the caller's, freed
 *	with Tcl_DeleteHashTable and Tcl_Free).
 *
 * Side effects:
 *	As TkleakCensusTake; the state's lastUnread is left as it is.
 *
 *----------------------------------------------------------------------
 */

int
TkleakCensusTakeSteps(
    TkleakState *statePtr,
    Tcl_Interp *interp,
    TkleakCensus **censusPtrPtr,
    TkleakRefs *refsPtr,
    Tcl_Obj **windowsPtrPtr,
    Tcl_HashTable **unreadPtrPtr)
{
    return CensusTake(statePtr, interp, censusPtrPtr, refsPtr,
	    windowsPtrPtr, unreadPtrPtr, 0);
}

/*
 * CensusTake --
 *
 *	TkleakCensusTakeEx and TkleakCensusTakeSteps: with WINDOWSPTRPTR,
 *	REFSPTR queues (a stepped scan's first step) and the windows and
 *	unread widgets are handed over instead of scanned; with SKIPOWN,
 *	neither tkleak's own bytes nor the heap are measured (mallinfo
 *	walks every free block) and lastUnread is not touched.
 */

static int
CensusTake(
    TkleakState *statePtr,
    Tcl_Interp *interp,
    TkleakCensus **censusPtrPtr,
    TkleakRefs *refsPtr,
    Tcl_Obj **windowsPtrPtr,
    Tcl_HashTable **unreadPtrPtr,
    int skipOwn)
{
    TkleakCollect ctx;
    TkleakSink stepsSink;	/* A stepped scan's census: the census sink,
				 * but the bindings the private walk meets
				 * are queued by name (AddBindingQueued). */
    Tcl_InterpState saved;
    Tk_Window mainWin = NULL;
    void *worker = NULL;
    int i, tk = 0, usePrivate = TkleakWalkUsable(statePtr);

    *censusPtrPtr = NULL;
    if (windowsPtrPtr != NULL) {
	*windowsPtrPtr = NULL;
	*unreadPtrPtr = NULL;
    }
    memset(&ctx, 0, sizeof(ctx));
    ctx.sinkPtr = &tkleakCensusSink;
    if (windowsPtrPtr != NULL) {
	stepsSink = tkleakCensusSink;
	stepsSink.addBinding = AddBindingQueued;
	ctx.sinkPtr = &stepsSink;
    }
    ctx.statePtr = statePtr;
    ctx.interp = interp;
    ctx.refsPtr = refsPtr;
    ctx.censusPtr = TkleakCensusNew();
    if (ctx.censusPtr == NULL) {
	goto nomem;
    }
    for (i = 0; i < TT_COUNT; i++) {
	ctx.fixed[i] = -1;
    }
    Tcl_InitHashTable(&ctx.widgets, TCL_STRING_KEYS);
    Tcl_InitHashTable(&ctx.tags, TCL_STRING_KEYS);
    Tcl_InitHashTable(&ctx.images, TCL_STRING_KEYS);
    Tcl_InitHashTable(&ctx.imageCmds, TCL_STRING_KEYS);
    Tcl_InitHashTable(&ctx.tagPtrs, TCL_ONE_WORD_KEYS);
    Tcl_InitHashTable(&ctx.classTypes, TCL_ONE_WORD_KEYS);
    Tcl_DStringInit(&ctx.name);
    saved = Tcl_SaveInterpState(interp, TCL_OK);

    if (TkleakInitTk(statePtr, interp)) {
	mainWin = Tk_MainWindow(interp);
	tk = (mainWin != NULL);
    }
    if (refsPtr != NULL && windowsPtrPtr == NULL) {
	TkleakRefsBegin(&ctx);	/* A stepped scan's: at its next step. */
    }

    /*
     * A large census walks the namespaces below the global one on a
     * second thread (walk.c, "The namespace worker", says what the main
     * thread may do until TkleakWalkNamespacesFinish).
     */

    if (usePrivate) {
	worker = TkleakWalkNamespacesStart(&ctx);
    }

    /*
     * Windows first: the namespace walk needs their paths to tell widget
     * commands from other commands.
     */

    if (tk) {
	if (usePrivate) {
	    TkleakWalkWindows(&ctx, mainWin);
	} else {
	    TkleakPublicWindows(&ctx, mainWin);
	}
    }
    if (tk) {
	if (usePrivate) {
	    TkleakWalkImages(&ctx, mainWin);
	} else {
	    TkleakPublicImages(&ctx);
	}
    }
    if (worker != NULL) {
	TkleakWalkGlobalNamespace(&ctx);
    } else if (usePrivate) {
	TkleakWalkNamespaces(&ctx);
    } else {
	Tcl_Obj *globalObj = Tcl_NewStringObj("::", 2);

	Tcl_IncrRefCount(globalObj);
	TkleakPublicNamespace(&ctx, globalObj);
	Tcl_DecrRefCount(globalObj);
    }
    if (tk) {
	for (i = 0; stdClasses[i] != NULL; i++) {
	    TkleakAddTag(&ctx, stdClasses[i]);
	}
	if (worker != NULL) {
	    CollectBindingsAside(&ctx, mainWin, worker);
	    worker = NULL;
	} else {
	    CollectBindings(&ctx, mainWin);
	}
    }
    if (worker != NULL) {
	TkleakWalkNamespacesFinish(&ctx, worker);
    }
    CollectCore(&ctx, tk);
    CollectInterps(&ctx, NULL);
    CollectTraces(&ctx);
    if (refsPtr != NULL && windowsPtrPtr != NULL) {
	/*
	 * A stepped scan indexes the windows later, by path, in this
	 * order.
	 */

	Tcl_HashSearch search;
	Tcl_HashEntry *hPtr;

	*windowsPtrPtr = Tcl_NewListObj(0, NULL);
	Tcl_IncrRefCount(*windowsPtrPtr);
	for (hPtr = Tcl_FirstHashEntry(&ctx.widgets, &search);
		hPtr != NULL && tk; hPtr = Tcl_NextHashEntry(&search)) {
	    Tcl_ListObjAppendElement(NULL, *windowsPtrPtr, Tcl_NewStringObj(
		    Tcl_GetHashKey(&ctx.widgets, hPtr), -1));
	}
    } else if (refsPtr != NULL) {
	if (tk) {
	    TkleakRefsScanWindows(&ctx);
	}
	TkleakRefsScanTraces(&ctx);
	TkleakSlotWordsAge(statePtr, refsPtr->scan);
	TkleakRefsAge(statePtr, refsPtr->scan);
    }

    Tcl_RestoreInterpState(interp, saved);
    if (windowsPtrPtr != NULL) {
	*unreadPtrPtr = ctx.unreadPtr;
	ctx.unreadPtr = NULL;
	TkleakCollectRelease(&ctx);
    } else if (skipOwn) {
	TkleakCollectRelease(&ctx);
    } else if (refsPtr != NULL || ctx.hullsPtr != NULL) {
	TkleakCollectDone(&ctx);
    }
    Tcl_DeleteHashTable(&ctx.widgets);
    Tcl_DeleteHashTable(&ctx.tags);
    Tcl_DeleteHashTable(&ctx.images);
    Tcl_DeleteHashTable(&ctx.imageCmds);
    Tcl_DeleteHashTable(&ctx.tagPtrs);
    Tcl_DeleteHashTable(&ctx.classTypes);
    Tcl_DStringFree(&ctx.name);
    free(ctx.entries);
    free(ctx.nameBuf);
    free(ctx.traced);
    statePtr->census.lastSkipped = ctx.skipped;
    if (ctx.failed) {
	TkleakCensusFree(ctx.censusPtr);
	if (windowsPtrPtr != NULL) {
	    Tcl_DecrRefCount(*windowsPtrPtr);
	    *windowsPtrPtr = NULL;
	    if (*unreadPtrPtr != NULL) {
		Tcl_DeleteHashTable(*unreadPtrPtr);
		Tcl_Free((char *) *unreadPtrPtr);
		*unreadPtrPtr = NULL;
	    }
	}
	goto nomem;
    }
    /*
     * tkleak's own bytes, for the heap line of a diff between kept
     * censuses; a census taken only for its index (orphans, refs) is
     * never diffed, and measuring them walks every table tkleak keeps.
     */

    if (!skipOwn && (refsPtr == NULL || refsPtr->keepCensus)) {
	ctx.censusPtr->own = TkleakOwnBytes(statePtr)
		+ (long long) TkleakCensusMemory(ctx.censusPtr);
    }
    if (!skipOwn && windowsPtrPtr == NULL) {
	TkleakHeapGet(&ctx.censusPtr->heap, &ctx.censusPtr->rss);
    }
    statePtr->census.lastObjects = TkleakCensusObjects(ctx.censusPtr);
    *censusPtrPtr = ctx.censusPtr;
    return TCL_OK;

  nomem:
    Tcl_SetObjResult(interp, Tcl_NewStringObj(
	    "not enough memory for a census", -1));
    Tcl_SetErrorCode(interp, "TKLEAK", "CENSUS", "NOMEM", (char *) NULL);
    return TCL_ERROR;
}

/*
 * AddBindingQueued --
 *
 *	TkleakAddBinding for a stepped scan's census: the binding counted,
 *	its slot queued by the position of its identity among the census's
 *	bindings (TkleakRefsQueueBindingId), which holds its tag and
 *	sequence; neither they nor the script are copied.
 */

static void
AddBindingQueued(
    TkleakCollect *ctxPtr,
    const char *tag,
    const char *seq,
    const char *id,
    size_t idLen,
    const char *script)
{
    TkleakAddFixed(ctxPtr, TT_BINDING, id, idLen,
	    TkleakBindingBytes(strlen(script)));
    if (!ctxPtr->failed) {
	TkleakRefsQueueBindingId(ctxPtr, ctxPtr->censusPtr->types[
		ctxPtr->fixed[TT_BINDING]].numIds - 1);
    }
}

/*
 * CollectBindings --
 *
 *	Count every (tag, sequence) that has a script, over the bind tags
 *	the windows use (which include "all" and the classes).
 */

static void
CollectBindings(
    TkleakCollect *ctxPtr,
    Tk_Window mainWin)
{
    Tk_BindingTable table = NULL;
    Tcl_HashSearch search;
    Tcl_HashEntry *hPtr;
    int pass;

    if (TkleakWalkUsable(ctxPtr->statePtr)) {
	table = TkleakWalkBindingTable(mainWin);
	if (table != NULL && TkleakWalkBindings(ctxPtr, table) == TCL_OK) {
	    return;
	}
    }

    /*
     * Two passes: every counted window's own tag, then the other tags in
     * use (class names, "all", custom bindtags) that are not such a path.
     * TkleakWalkBindings takes the same tags in the same order.
     */

    for (pass = 0; pass < 2; pass++) {
    Tcl_HashTable *tablePtr = pass ? &ctxPtr->tags : &ctxPtr->widgets;

    for (hPtr = Tcl_FirstHashEntry(tablePtr, &search); hPtr != NULL;
	    hPtr = Tcl_NextHashEntry(&search)) {
	const char *tag = Tcl_GetHashKey(tablePtr, hPtr);
	const char *words[3];
	Tcl_Obj *seqsPtr = NULL, **seqv;
	int j;
	Tcl_Size seqc;

	if (pass == 1 && tag[0] == '.') {
	    continue;		/* A window: its own pass, or not counted. */
	}
	if (table != NULL) {
	    /*
	     * Tk keys a window's bindings by its path name record, other
	     * tags by their Uid.
	     */

	    TkleakTagBindings(ctxPtr, table, pass == 0
		    ? (ClientData) Tk_PathName((Tk_Window) Tcl_GetHashValue(hPtr))
		    : (ClientData) Tk_GetUid(tag), tag);
	    continue;
	}
	words[0] = "bind";
	words[1] = tag;
	if (TkleakCallCoreList(ctxPtr, "::bind", 2, words, &seqsPtr, &seqc,
		&seqv) != TCL_OK) {
	    continue;
	}
	for (j = 0; j < seqc; j++) {
	    Tcl_Obj *scriptPtr, *objv[3];
	    const char *argv[2];
	    char *id;

	    objv[0] = Tcl_NewStringObj("bind", 4);
	    objv[1] = Tcl_NewStringObj(tag, -1);
	    objv[2] = seqv[j];
	    Tcl_IncrRefCount(objv[0]);
	    Tcl_IncrRefCount(objv[1]);
	    if (TkleakCallCore(ctxPtr, "::bind", 3, objv, &scriptPtr)
		    == TCL_OK && Tcl_GetCharLength(scriptPtr) == 0) {
		/*
		 * No script: a sequence whose text finds no binding (a
		 * keysym with no name is listed as plain <Key>), skipped
		 * as Tk_GetBinding's NULL is on the private path.
		 */

		Tcl_DecrRefCount(scriptPtr);
	    } else if (scriptPtr != NULL) {
		argv[0] = tag;
		argv[1] = Tcl_GetString(seqv[j]);
		id = Tcl_Merge(2, argv);
		TkleakAddFixed(ctxPtr, TT_BINDING, id, strlen(id),
			TkleakBindingBytes((size_t) scriptPtr->length));
		Tcl_Free(id);
		TkleakBindingRef(ctxPtr, tag, argv[1],
			Tcl_GetString(scriptPtr), (size_t) scriptPtr->length);
		Tcl_DecrRefCount(scriptPtr);
	    }
	    Tcl_DecrRefCount(objv[0]);
	    Tcl_DecrRefCount(objv[1]);
	}
	Tcl_DecrRefCount(seqsPtr);
    }
    }
}

/*
 * CollectBindingsAside --
 *
 *	CollectBindings while the namespace worker WORKER runs, into a
 *	census of its own; then the worker's finish, and the bindings are
 *	appended after the namespaces, where the serial walk counts them.
 */

static void
CollectBindingsAside(
    TkleakCollect *ctxPtr,
    Tk_Window mainWin,
    void *worker)
{
    TkleakCensus *mainPtr = ctxPtr->censusPtr;
    TkleakCensus *asidePtr = TkleakCensusNew();
    int fixed[TT_COUNT], i;
    size_t t;

    if (asidePtr == NULL) {
	TkleakWalkNamespacesFinish(ctxPtr, worker);
	CollectBindings(ctxPtr, mainWin);
	return;
    }
    memcpy(fixed, ctxPtr->fixed, sizeof(fixed));
    for (i = 0; i < TT_COUNT; i++) {
	ctxPtr->fixed[i] = -1;
    }
    ctxPtr->censusPtr = asidePtr;
    CollectBindings(ctxPtr, mainWin);
    ctxPtr->censusPtr = mainPtr;
    memcpy(ctxPtr->fixed, fixed, sizeof(fixed));

    TkleakWalkNamespacesFinish(ctxPtr, worker);
    TkleakCensusAdoptArena(mainPtr, asidePtr);
    for (t = 0; t < asidePtr->numTypes && !ctxPtr->failed; t++) {
	if (TkleakCensusAppendType(mainPtr, &asidePtr->types[t]) != 0) {
	    ctxPtr->failed = 1;
	}
    }
    TkleakCensusFree(asidePtr);
}

/*
 * AfterIsOwn --
 *
 *	Whether the after script SCRIPT calls into tkleak: its first word
 *	is in ::tkleak. The word is split from the string, so the app's
 *	script object keeps the type it has (tkinter turns a Tcl list into
 *	a Python tuple, and after_cancel then fails on it).
 */

static int
AfterIsOwn(
    const char *script)
{
    int own = 0;
    Tcl_Size argc;
    const char **argv;

    if (strstr(script, "tkleak::") == NULL) {
	return 0;		/* The usual case, without splitting. */
    }
    if (Tcl_SplitList(NULL, script, &argc, &argv) == TCL_OK) {
	own = argc > 0 && (TkleakIsOwnName(argv[0])
		|| strncmp(argv[0], "tkleak::", 8) == 0);
	Tcl_Free((char *) argv);
    }
    return own;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakCountAfter --
 *
 *	Count the pending after event ID ("after#N", IDLEN bytes) whose
 *	script is SCRIPTPTR, the app's own object (NULL when it could not
 *	be read), unless the script is tkleak's; its bytes are the script's
 *	length in characters. With a reference index, the script is indexed
 *	as the slot "after after#N" of the owner "after".
 *
 * Side effects:
 *	Only the string of SCRIPTPTR is read (made when it has none):
 *	its type is left as it is.
 *
 * Results:
 *	None.
 *
 *----------------------------------------------------------------------
 */

void
TkleakCountAfter(
    TkleakCollect *ctxPtr,
    const char *id,
    int idLen,
    Tcl_Obj *scriptPtr)
{
    Tcl_Size len = 0;
    const char *script = NULL;

    if (scriptPtr != NULL) {
	script = Tcl_GetStringFromObj(scriptPtr, &len);
	if (AfterIsOwn(script)) {
	    return;
	}
    }
    TkleakAddFixed(ctxPtr, TT_AFTER, id, (size_t) idLen,
	    TkleakAfterBytes(scriptPtr));
    if (script != NULL && ctxPtr->refsPtr != NULL) {
	Tcl_DString slot;

	Tcl_DStringInit(&slot);
	Tcl_DStringAppend(&slot, "after ", 6);
	Tcl_DStringAppend(&slot, id, idLen);
	TkleakRefsAdd(ctxPtr, "after", Tcl_DStringValue(&slot), script,
		(size_t) len);
	Tcl_DStringFree(&slot);
    }
}

/*
 * CollectAfters --
 *
 *	The pending after events, in the order "after info" lists them,
 *	read in one pass over Tcl's after list when the private walk can
 *	(TkleakWalkAfters); otherwise "after info ID" is asked for each,
 *	which Tcl answers by walking that list up to the event: quadratic
 *	in the number of events.
 */

static void
CollectAfters(
    TkleakCollect *ctxPtr)
{
    Tcl_Obj *listPtr, **elems, *objv[3], *resultPtr, **infov;
    const char *words[2];
    int i;
    Tcl_Size n, infoc, idLen;

    if (TkleakWalkAfters(ctxPtr) == TCL_OK) {
	return;
    }
    words[0] = "after";
    words[1] = "info";
    if (TkleakCallCoreList(ctxPtr, "::after", 2, words, &listPtr, &n, &elems)
	    != TCL_OK) {
	return;
    }
    objv[0] = Tcl_NewStringObj("after", 5);
    objv[1] = Tcl_NewStringObj("info", 4);
    Tcl_IncrRefCount(objv[0]);
    Tcl_IncrRefCount(objv[1]);
    for (i = 0; i < n; i++) {
	const char *id = Tcl_GetStringFromObj(elems[i], &idLen);

	objv[2] = elems[i];
	if (TkleakCallCore(ctxPtr, "::after", 3, objv, &resultPtr) != TCL_OK) {
	    TkleakCountAfter(ctxPtr, id, idLen, NULL);
	    continue;
	}

	/*
	 * The result is a new list {SCRIPT TYPE}; its first element is the
	 * app's own script object.
	 */

	if (Tcl_ListObjGetElements(NULL, resultPtr, &infoc, &infov) == TCL_OK
		&& infoc >= 1) {
	    TkleakCountAfter(ctxPtr, id, idLen, infov[0]);
	} else {
	    TkleakCountAfter(ctxPtr, id, idLen, NULL);
	}
	Tcl_DecrRefCount(resultPtr);
    }
    Tcl_DecrRefCount(objv[0]);
    Tcl_DecrRefCount(objv[1]);
    Tcl_DecrRefCount(listPtr);
}

/*
 * CollectCore --
 *
 *	Fonts, after events and channels, through the built-in commands.
 */

static void
CollectCore(
    TkleakCollect *ctxPtr,
    int tk)
{
    Tcl_Interp *interp = ctxPtr->interp;
    Tcl_Obj *listPtr, **elems;
    int i;
    Tcl_Size n;
    const char *words[3];

    if (tk) {
	words[0] = "font";
	words[1] = "names";
	if (TkleakCallCoreList(ctxPtr, "::font", 2, words, &listPtr, &n,
		&elems) == TCL_OK) {
	    for (i = 0; i < n; i++) {
		const char *name = Tcl_GetString(elems[i]);

		if (!TkleakIsOwnName(name)) {
		    TkleakAddFixed(ctxPtr, TT_FONT, name, elems[i]->length, 0);
		}
	    }
	    Tcl_DecrRefCount(listPtr);
	}
    }

    CollectAfters(ctxPtr);

    Tcl_ResetResult(interp);
    if (Tcl_GetChannelNames(interp) == TCL_OK) {
	listPtr = Tcl_GetObjResult(interp);
	Tcl_IncrRefCount(listPtr);
	Tcl_ResetResult(interp);
	if (Tcl_ListObjGetElements(NULL, listPtr, &n, &elems) == TCL_OK) {
	    for (i = 0; i < n; i++) {
		TkleakAddFixed(ctxPtr, TT_CHANNEL, Tcl_GetString(elems[i]),
			elems[i]->length, 0);
	    }
	}
	Tcl_DecrRefCount(listPtr);
    }
}

/*
 * CollectInterps --
 *
 *	Child interpreters, recursively; identities are interp paths as
 *	"interp children" gives them ({a b} for b inside a).
 */

static void
CollectInterps(
    TkleakCollect *ctxPtr,
    Tcl_Obj *pathPtr)
{
    Tcl_Obj *objv[3], *listPtr, **elems;
    int i;
    Tcl_Size n;

    objv[0] = Tcl_NewStringObj("interp", 6);
    objv[1] = Tcl_NewStringObj("children", 8);
    objv[2] = pathPtr ? pathPtr : Tcl_NewObj();
    for (i = 0; i < 3; i++) {
	Tcl_IncrRefCount(objv[i]);
    }
    if (TkleakCallCore(ctxPtr, "::interp", 3, objv, &listPtr) == TCL_OK) {
	if (Tcl_ListObjGetElements(NULL, listPtr, &n, &elems) == TCL_OK) {
	    for (i = 0; i < n; i++) {
		Tcl_Obj *childPtr = pathPtr ? Tcl_DuplicateObj(pathPtr)
			: Tcl_NewObj();
		const char *id;
		Tcl_Size len;

		Tcl_IncrRefCount(childPtr);
		Tcl_ListObjAppendElement(NULL, childPtr, elems[i]);
		id = Tcl_GetStringFromObj(childPtr, &len);
		TkleakAddFixed(ctxPtr, TT_INTERP, id, (size_t) len, 0);
		CollectInterps(ctxPtr, childPtr);
		Tcl_DecrRefCount(childPtr);
	    }
	}
	Tcl_DecrRefCount(listPtr);
    }
    for (i = 0; i < 3; i++) {
	Tcl_DecrRefCount(objv[i]);
    }
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakNoteTraced --
 *
 *	Note that the variable (KIND 'v') or command (KIND 'c') whose fully
 *	qualified name is PREFIX followed by NAME has traces (a namespace
 *	PREFIX and a NAME in it are joined by "::"), for
 *	CollectTraces to read after the walk. Only malloc is called, so the
 *	namespace worker may note too. On a memory shortage the census is
 *	marked failed.
 *
 * Results:
 *	None.
 *
 * Side effects:
 *	The collector's traced table gets the name (malloc'ed, freed with
 *	the collector).
 *
 *----------------------------------------------------------------------
 */

void
TkleakNoteTraced(
    TkleakCollect *ctxPtr,
    int kind,
    const char *prefix,
    size_t prefixLen,
    const char *name,
    size_t nameLen)
{
    int sep = (nameLen > 0 && (prefixLen < 2
	    || prefix[prefixLen - 1] != ':' || prefix[prefixLen - 2] != ':'));
    size_t need = ctxPtr->tracedLen + prefixLen + (sep ? 2 : 0) + nameLen + 2;
    char *p;

    if (need > ctxPtr->tracedCap) {
	size_t cap = need * 2 > 256 ? need * 2 : 256;
	char *traced = realloc(ctxPtr->traced, cap);

	if (traced == NULL) {
	    ctxPtr->failed = 1;
	    return;
	}
	ctxPtr->traced = traced;
	ctxPtr->tracedCap = cap;
    }
    p = ctxPtr->traced + ctxPtr->tracedLen;
    *p++ = (char) kind;
    if (prefixLen > 0) {
	memcpy(p, prefix, prefixLen);
	p += prefixLen;
    }
    if (sep) {
	*p++ = ':';
	*p++ = ':';
    }
    if (nameLen > 0) {
	memcpy(p, name, nameLen);
    }
    p[nameLen] = '\0';
    ctxPtr->tracedLen = need;
}

/*
 * CountTraceInfo --
 *
 *	Count the traces of kind KIND ("variable", "command", "execution")
 *	on NAME that INFOPTR, the result of "trace info KIND NAME" (tkleak's
 *	own object), lists as {ops command} pairs, except tkleak's own.
 *	The identity is the list {KIND NAME OPS COMMAND}; Tcl keeps a trace
 *	added twice twice, so the second and later of one identity get
 *	"#2", "#3"... as a fifth element (SEENPTR counts them), and a trace
 *	added on every open shows as one new identity each time. A trace's
 *	bytes are its command's length.
 */

static void
CountTraceInfo(
    TkleakCollect *ctxPtr,
    Tcl_HashTable *seenPtr,
    const char *kind,
    const char *name,
    Tcl_Obj *infoPtr)
{
    Tcl_Obj **tv, *opsPtr, *cmdPtr;
    int j, isNew;
    Tcl_Size tc;
    Tcl_DString id;
    Tcl_HashEntry *hPtr;

    if (Tcl_ListObjGetElements(NULL, infoPtr, &tc, &tv) != TCL_OK) {
	return;
    }
    Tcl_DStringInit(&id);
    for (j = 0; j < tc && !ctxPtr->failed; j++) {
	if (Tcl_ListObjIndex(NULL, tv[j], 0, &opsPtr) != TCL_OK
		|| Tcl_ListObjIndex(NULL, tv[j], 1, &cmdPtr) != TCL_OK
		|| opsPtr == NULL || cmdPtr == NULL
		|| AfterIsOwn(Tcl_GetString(cmdPtr))) {
	    continue;
	}
	Tcl_DStringSetLength(&id, 0);
	Tcl_DStringAppendElement(&id, kind);
	Tcl_DStringAppendElement(&id, name);
	Tcl_DStringAppendElement(&id, Tcl_GetString(opsPtr));
	Tcl_DStringAppendElement(&id, Tcl_GetString(cmdPtr));
	hPtr = Tcl_CreateHashEntry(seenPtr, Tcl_DStringValue(&id), &isNew);
	Tcl_SetHashValue(hPtr, (void *) ((size_t) Tcl_GetHashValue(hPtr) + 1));
	if (!isNew) {
	    char buf[TCL_INTEGER_SPACE + 2];

	    snprintf(buf, sizeof(buf), "#%lu",
		    (unsigned long) (size_t) Tcl_GetHashValue(hPtr));
	    Tcl_DStringAppendElement(&id, buf);
	}
	TkleakAddFixed(ctxPtr, TT_TRACE, Tcl_DStringValue(&id),
		(size_t) Tcl_DStringLength(&id),
		TkleakTraceBytes((size_t) cmdPtr->length));
    }
    Tcl_DStringFree(&id);
}

/*
 * CollectTraces --
 *
 *	Count the variable, command and execution traces of the variables
 *	and commands the walk noted (TkleakNoteTraced), in the order it
 *	noted them. The traces are read with "trace info", called through
 *	Tcl's own command procedure (never a "trace" the app put in its
 *	place), on names tkleak makes: the app's values are not touched.
 *	Only traces set by scripts are listed; C traces (Tk's -textvariable,
 *	tkleak's own delete traces) are part of their owner.
 */

static void
CollectTraces(
    TkleakCollect *ctxPtr)
{
    static const char *const varKinds[] = {"variable", NULL};
    static const char *const cmdKinds[] = {"command", "execution", NULL};
    const char *const *kinds;
    Tcl_HashTable seen;
    Tcl_Obj *objv[4], *infoPtr;
    size_t pos = 0, len;
    int k;

    if (ctxPtr->tracedLen == 0 || ctxPtr->failed) {
	return;
    }
    Tcl_InitHashTable(&seen, TCL_STRING_KEYS);
    objv[0] = Tcl_NewStringObj("trace", 5);
    objv[1] = Tcl_NewStringObj("info", 4);
    Tcl_IncrRefCount(objv[0]);
    Tcl_IncrRefCount(objv[1]);
    while (pos < ctxPtr->tracedLen && !ctxPtr->failed) {
	const char *entry = ctxPtr->traced + pos;

	len = strlen(entry + 1);
	pos += len + 2;
	objv[3] = Tcl_NewStringObj(entry + 1, (int) len);
	Tcl_IncrRefCount(objv[3]);
	for (kinds = entry[0] == 'v' ? varKinds : cmdKinds, k = 0;
		kinds[k] != NULL; k++) {
	    objv[2] = Tcl_NewStringObj(kinds[k], -1);
	    Tcl_IncrRefCount(objv[2]);
	    if (TkleakCallCore(ctxPtr, "::trace", 4, objv, &infoPtr)
		    == TCL_OK) {
		CountTraceInfo(ctxPtr, &seen, kinds[k], entry + 1, infoPtr);
		Tcl_DecrRefCount(infoPtr);
	    }
	    Tcl_DecrRefCount(objv[2]);
	}
	Tcl_DecrRefCount(objv[3]);
    }
    Tcl_DecrRefCount(objv[0]);
    Tcl_DecrRefCount(objv[1]);
    Tcl_DeleteHashTable(&seen);
}
