/*
 * walk.c --
 *
 *	The fast path of a census: walking Tcl's namespaces, commands and
 *	variables and Tk's window table, menus, canvases and images through
 *	their private structures (tclInt.h, tkInt.h, tkMenu.h, tkCanvas.h).
 *	This is the only file that includes private headers. It is used
 *	only when configure found them and the running Tcl is 8.6, the
 *	version they describe (TkleakWalkUsable); otherwise collect.c takes
 *	the public-API path, which counts the same objects more slowly and
 *	without a few sizes.
 *
 *	Nothing here calls a function that can run a script, so the
 *	pointers held during a walk cannot dangle.
 *
 * Copyright (c) 2026 the tkleak developers. See the file "LICENSE".
 */

#include "config.h"
#ifdef TKLEAK_PRIVATE
#include "tclInt.h"
#include "tclCompile.h"
#include "tclOOInt.h"
#include "tkInt.h"
#include "tkMenu.h"
#include "tkCanvas.h"
#endif
#include <string.h>
#include "tkleakInt.h"

/*
 *----------------------------------------------------------------------
 *
 * TkleakWalkUsable --
 *
 *	Whether the private structures may be read in this process.
 *
 * Results:
 *	1 when built with the private headers and running on Tcl 8.6 (and
 *	the public path was not forced), else 0.
 *
 *----------------------------------------------------------------------
 */

int
TkleakWalkUsable(
    TkleakState *statePtr)
{
#ifdef TKLEAK_PRIVATE
    static int is86 = -1;	/* The running Tcl is 8.6; asked once. */

    if (statePtr->forcePublic) {
	return 0;
    }
    if (is86 < 0) {
	int major, minor;

	Tcl_GetVersion(&major, &minor, NULL, NULL);
	is86 = (major == 8 && minor == 6);
    }
    return is86;
#else
    (void) statePtr;
    return 0;
#endif
}

#ifdef TKLEAK_PRIVATE

#define VarFromEntry(hPtr) \
    ((Var *) ((char *) (hPtr) - offsetof(VarInHash, entry)))

/*
 * ObjLength --
 *
 *	The length of an object's string form, without making one.
 */

static size_t
ObjLength(
    Tcl_Obj *objPtr)
{
    return (objPtr && objPtr->bytes) ? (size_t) objPtr->length : 0;
}

/*
 * Entries --
 *
 *	The entries of TABLEPTR in an array owned by the collector, valid
 *	until the next call. The walk gathers a table's entries first so
 *	that it can fetch what they point to ahead of use.
 */

static Tcl_HashEntry **
Entries(
    TkleakCollect *ctxPtr,
    Tcl_HashTable *tablePtr)
{
    Tcl_HashSearch search;
    Tcl_HashEntry *hPtr;
    int n = 0;

    if (tablePtr->numEntries > ctxPtr->capEntries) {
	ctxPtr->capEntries = tablePtr->numEntries * 2;
	ctxPtr->entries = (Tcl_HashEntry **) Tcl_Realloc(
		(char *) ctxPtr->entries,
		ctxPtr->capEntries * sizeof(Tcl_HashEntry *));
    }
    for (hPtr = Tcl_FirstHashEntry(tablePtr, &search); hPtr != NULL;
	    hPtr = Tcl_NextHashEntry(&search)) {
	ctxPtr->entries[n++] = hPtr;
    }
    return ctxPtr->entries;
}

/*
 * WalkVars --
 *
 *	Count the variables of one namespace and the elements of its
 *	arrays. Values are read from the variable records, so no read trace
 *	fires and no string form is made.
 */

static void
WalkVars(
    TkleakCollect *ctxPtr,
    Namespace *nsPtr)
{
    Tcl_DString *dsPtr = &ctxPtr->name;
    int global = (nsPtr->parentPtr == NULL);

    Tcl_HashEntry **entries = Entries(ctxPtr, &nsPtr->varTable.table);
    int n = nsPtr->varTable.table.numEntries, i;

    for (i = 0; i < n; i++) {
	Tcl_HashEntry *hPtr = entries[i];
	Var *varPtr = VarFromEntry(hPtr);
	Tcl_Obj *keyPtr = hPtr->key.objPtr;
	int baseLen;

	if (i + 6 < n) {
	    Var *aheadPtr = VarFromEntry(entries[i + 6]);

	    __builtin_prefetch(entries[i + 6]->key.objPtr);
	    if (!TclIsVarArray(aheadPtr) && !TclIsVarLink(aheadPtr)) {
		__builtin_prefetch(aheadPtr->value.objPtr);
	    }
	}

	if (TclIsVarLink(varPtr) || TclIsVarDeadHash(varPtr)
		|| (TclIsVarUndefined(varPtr) && !TclIsVarArray(varPtr))) {
	    continue;
	}
	if (ctxPtr->prefixNs != nsPtr->fullName) {
	    Tcl_DStringSetLength(dsPtr, 0);
	    Tcl_DStringAppend(dsPtr, nsPtr->fullName, -1);
	    if (!global) {
		Tcl_DStringAppend(dsPtr, "::", 2);
	    }
	    ctxPtr->prefixNs = nsPtr->fullName;
	    ctxPtr->prefixLen = Tcl_DStringLength(dsPtr);
	}
	Tcl_DStringSetLength(dsPtr, ctxPtr->prefixLen);
	Tcl_DStringAppend(dsPtr, TclGetString(keyPtr), keyPtr->length);
	if (ctxPtr->refsPtr && (varPtr->flags & VAR_ALL_TRACES)) {
	    Tcl_ListObjAppendElement(NULL, ctxPtr->refsPtr->tracedVars,
		    Tcl_NewStringObj(Tcl_DStringValue(dsPtr),
		    Tcl_DStringLength(dsPtr)));
	}
	if (!TclIsVarArray(varPtr)) {
	    TkleakAddFixed(ctxPtr, TT_VARIABLE, Tcl_DStringValue(dsPtr),
		    Tcl_DStringLength(dsPtr), ObjLength(varPtr->value.objPtr));
	    continue;
	}
	TkleakAddFixed(ctxPtr, TT_VARIABLE, Tcl_DStringValue(dsPtr),
		Tcl_DStringLength(dsPtr), 0);
	if (varPtr->value.tablePtr == NULL) {
	    continue;
	}
	baseLen = Tcl_DStringLength(dsPtr);
	ctxPtr->prefixNs = NULL;	/* The elements overwrite the prefix. */
	{
	    Tcl_HashSearch elSearch;
	    Tcl_HashEntry *elPtr;

	    for (elPtr = Tcl_FirstHashEntry(&varPtr->value.tablePtr->table,
		    &elSearch); elPtr; elPtr = Tcl_NextHashEntry(&elSearch)) {
		Var *elVarPtr = VarFromEntry(elPtr);
		Tcl_Obj *elKeyPtr = elPtr->key.objPtr;

		if (TclIsVarUndefined(elVarPtr) || TclIsVarDeadHash(elVarPtr)
			|| TclIsVarLink(elVarPtr)) {
		    continue;
		}
		Tcl_DStringSetLength(dsPtr, baseLen);
		Tcl_DStringAppend(dsPtr, "(", 1);
		Tcl_DStringAppend(dsPtr, TclGetString(elKeyPtr),
			elKeyPtr->length);
		Tcl_DStringAppend(dsPtr, ")", 1);
		TkleakAddFixed(ctxPtr, TT_ELEMENT, Tcl_DStringValue(dsPtr),
			Tcl_DStringLength(dsPtr),
			ObjLength(elVarPtr->value.objPtr));
	    }
	}
    }
}

/*
 * WalkNamespace --
 *
 *	Count one namespace, its commands and variables, and recurse into
 *	its children. tkleak's own namespace is skipped whole; a TclOO
 *	object's namespace is part of the object, so it is neither a
 *	namespace row nor a source of command rows, but its variables are
 *	still variables.
 */

static void
WalkNamespace(
    TkleakCollect *ctxPtr,
    Namespace *nsPtr)
{
    TkleakState *statePtr = ctxPtr->statePtr;
    Tcl_HashSearch search;
    Tcl_HashEntry *hPtr;
    Tcl_HashTable *childTablePtr;
    int isObject;

    if ((nsPtr->flags & (NS_DYING | NS_DEAD | NS_KILLED))
	    || TkleakIsOwnNamespace(nsPtr->fullName)) {
	return;
    }
    isObject = (statePtr->objNsProc != NULL
	    && nsPtr->earlyDeleteProc == statePtr->objNsProc);
    if (!isObject) {
	TkleakAddFixed(ctxPtr, TT_NAMESPACE, nsPtr->fullName,
		strlen(nsPtr->fullName), 0);
	Tcl_HashEntry **entries = Entries(ctxPtr, &nsPtr->cmdTable);
	int n = nsPtr->cmdTable.numEntries, i;

	/*
	 * Commands, procs and proc bodies are separate allocations spread
	 * over the heap: fetch them a few commands ahead, so the cache
	 * misses overlap instead of following each other.
	 */

	for (i = 0; i < n; i++) {
	    Command *cmdPtr = Tcl_GetHashValue(entries[i]);
	    size_t bodyLen = 0;

	    if (i + 8 < n) {
		Command *aheadPtr = Tcl_GetHashValue(entries[i + 8]);

		__builtin_prefetch(aheadPtr->objClientData);
	    }
	    if (i + 4 < n) {
		Command *aheadPtr = Tcl_GetHashValue(entries[i + 4]);

		if (aheadPtr->objProc == statePtr->procProc
			&& aheadPtr->objClientData != NULL) {
		    __builtin_prefetch(
			    ((Proc *) aheadPtr->objClientData)->bodyPtr);
		}
	    }
	    if (cmdPtr->objProc == statePtr->procProc
		    && cmdPtr->objClientData != NULL) {
		bodyLen = ObjLength(((Proc *) cmdPtr->objClientData)->bodyPtr);
	    }
	    TkleakCountCommand(ctxPtr, (Tcl_Command) cmdPtr, cmdPtr->objProc,
		    nsPtr->fullName, Tcl_GetHashKey(&nsPtr->cmdTable, entries[i]),
		    bodyLen);
	}
    }
    WalkVars(ctxPtr, nsPtr);
#ifndef BREAK_NAMESPACE_COMPAT
    childTablePtr = &nsPtr->childTable;
#else
    childTablePtr = nsPtr->childTablePtr;
    if (childTablePtr == NULL) {
	return;
    }
#endif
    for (hPtr = Tcl_FirstHashEntry(childTablePtr, &search); hPtr != NULL;
	    hPtr = Tcl_NextHashEntry(&search)) {
	WalkNamespace(ctxPtr, Tcl_GetHashValue(hPtr));
    }
}

void
TkleakWalkNamespaces(
    TkleakCollect *ctxPtr)
{
    WalkNamespace(ctxPtr, (Namespace *) Tcl_GetGlobalNamespace(ctxPtr->interp));
}

/*
 * TkleakWalkHasFrames --
 *
 *	Whether the interpreter has frame information to show: "info
 *	frame" reads the current command frame without checking it, and a
 *	command called straight from C (tkinter's Tkapp_Call) has none.
 */

int
TkleakWalkHasFrames(
    Tcl_Interp *interp)
{
    return ((Interp *) interp)->cmdFramePtr != NULL;
}

Tcl_Class
TkleakWalkObjectClass(
    Tcl_Object object)
{
    return (Tcl_Class) ((Object *) object)->selfCls;
}

Tcl_NamespaceDeleteProc *
TkleakWalkNsEarlyDelete(
    Tcl_Namespace *nsPtr)
{
    return ((Namespace *) nsPtr)->earlyDeleteProc;
}

/*
 * AddDefaultTags --
 *
 *	The bind tags Tk uses for a window that has no "bindtags" of its
 *	own: its path, its class, its toplevel, and "all".
 */

static void
AddDefaultTags(
    TkleakCollect *ctxPtr,
    TkWindow *winPtr)
{
    TkWindow *topPtr;

    /*
     * The window's own path is not added: every counted window's
     * bindings are collected anyway (CollectBindings).
     */

    if (winPtr->classUid) {
	TkleakAddTag(ctxPtr, winPtr->classUid);
    }
    for (topPtr = winPtr; topPtr && !(topPtr->flags & TK_TOP_HIERARCHY);
	    topPtr = topPtr->parentPtr) {
	/* Empty. */
    }
    if (topPtr && topPtr != winPtr && topPtr->pathName) {
	TkleakAddTag(ctxPtr, topPtr->pathName);
    }
}

/*
 * FormatInt --
 *
 *	Decimal digits of N >= 0 into BUF (at least 12 bytes), faster than
 *	snprintf for the many menu entries and canvas items of a census.
 */

static char *
FormatInt(
    int n,
    char *buf)
{
    char tmp[12];
    int i = 0, j = 0;

    do {
	tmp[i++] = (char) ('0' + n % 10);
	n /= 10;
    } while (n > 0 && i < 11);
    while (i > 0) {
	buf[j++] = tmp[--i];
    }
    buf[j] = '\0';
    return buf;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakWalkWindows --
 *
 *	Count every live window of MAINWIN's application from Tk's path
 *	table, the bind tags they use, and the entries of menus and items of
 *	canvases (recognised by Tk's own class procs, never by class name,
 *	so a frame made with -class Canvas is not misread).
 *
 *----------------------------------------------------------------------
 */

void
TkleakWalkWindows(
    TkleakCollect *ctxPtr,
    Tk_Window mainWin)
{
    TkleakState *statePtr = ctxPtr->statePtr;
    TkMainInfo *mainInfoPtr = ((TkWindow *) mainWin)->mainPtr;
    Tcl_HashSearch search;
    Tcl_HashEntry *hPtr;
    char num[TCL_INTEGER_SPACE];
    const char *argv[2];

    for (hPtr = Tcl_FirstHashEntry(&mainInfoPtr->nameTable, &search);
	    hPtr != NULL; hPtr = Tcl_NextHashEntry(&search)) {
	TkWindow *winPtr = Tcl_GetHashValue(hPtr);
	int i;

	if ((winPtr->flags & TK_ALREADY_DEAD) || winPtr->pathName == NULL) {
	    continue;
	}
	if (!TkleakCountWindow(ctxPtr, (Tk_Window) winPtr)) {
	    continue;
	}
	if (winPtr->numTags > 0) {
	    for (i = 0; i < winPtr->numTags; i++) {
		const char *tag = (const char *) winPtr->tagPtr[i];

		if (strcmp(tag, winPtr->pathName) != 0) {
		    TkleakAddTag(ctxPtr, tag);
		}
	    }
	} else {
	    AddDefaultTags(ctxPtr, winPtr);
	}
	if (winPtr->instanceData == NULL) {
	    continue;
	}
	argv[0] = winPtr->pathName;
	argv[1] = num;
	if (statePtr->menuClassProcs
		&& (const void *) winPtr->classProcsPtr == statePtr->menuClassProcs) {
	    TkMenu *menuPtr = winPtr->instanceData;

	    for (i = 0; i < menuPtr->numEntries; i++) {
		char *id, buf[200];

		FormatInt(i, num);
		id = TkleakJoinPair(argv[0], num, buf, sizeof(buf));
		TkleakAddFixed(ctxPtr, TT_MENU_ENTRY, id, strlen(id), 0);
		if (id != buf) {
		    Tcl_Free(id);
		}
	    }
	} else if (statePtr->canvasClassProcs
		&& (const void *) winPtr->classProcsPtr == statePtr->canvasClassProcs) {
	    TkCanvas *canvasPtr = winPtr->instanceData;
	    Tk_Item *itemPtr;

	    for (itemPtr = canvasPtr->firstItemPtr; itemPtr;
		    itemPtr = itemPtr->nextPtr) {
		char *id, buf[200];

		FormatInt(itemPtr->id, num);
		id = TkleakJoinPair(argv[0], num, buf, sizeof(buf));
		TkleakAddFixed(ctxPtr, TT_CANVAS_ITEM, id, strlen(id), 0);
		if (id != buf) {
		    Tcl_Free(id);
		}
	    }
	}
    }
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakWalkIsMenu, TkleakWalkIsCanvas --
 *
 *	Whether TKWIN is one of Tk's menus or canvases, by class procs.
 *
 *----------------------------------------------------------------------
 */

int
TkleakWalkIsMenu(
    TkleakState *statePtr,
    Tk_Window tkwin)
{
    return statePtr->menuClassProcs != NULL
	    && (const void *) ((TkWindow *) tkwin)->classProcsPtr
		== statePtr->menuClassProcs
	    && ((TkWindow *) tkwin)->instanceData != NULL;
}

int
TkleakWalkIsCanvas(
    TkleakState *statePtr,
    Tk_Window tkwin)
{
    return statePtr->canvasClassProcs != NULL
	    && (const void *) ((TkWindow *) tkwin)->classProcsPtr
		== statePtr->canvasClassProcs
	    && ((TkWindow *) tkwin)->instanceData != NULL;
}

/*
 * TkleakWalkMenuRefs --
 *
 *	Index a menu's entry slots from its entry records.
 */

void
TkleakWalkMenuRefs(
    TkleakCollect *ctxPtr,
    Tk_Window tkwin)
{
    TkMenu *menuPtr = ((TkWindow *) tkwin)->instanceData;
    const char *path = Tk_PathName(tkwin);
    int i;

    for (i = 0; i < menuPtr->numEntries; i++) {
	TkMenuEntry *entryPtr = menuPtr->entries[i];

	if (entryPtr->type == TEAROFF_ENTRY
		|| entryPtr->type == SEPARATOR_ENTRY) {
	    continue;
	}
	TkleakRefsMenuEntry(ctxPtr, path, i, "-command", entryPtr->commandPtr);
	TkleakRefsMenuEntry(ctxPtr, path, i, "-image", entryPtr->imagePtr);
	TkleakRefsMenuEntry(ctxPtr, path, i, "-selectimage",
		entryPtr->selectImagePtr);
	if (entryPtr->type == CASCADE_ENTRY) {
	    TkleakRefsMenuEntry(ctxPtr, path, i, "-menu", entryPtr->namePtr);
	}
    }
}

Tk_BindingTable
TkleakWalkBindingTable(
    Tk_Window mainWin)
{
    return ((TkWindow *) mainWin)->mainPtr->bindingTable;
}

/*
 * TkleakWalkProbeClass --
 *
 *	Remember the class procs of a menu or canvas that tkleak made, to
 *	recognise Tk's menus and canvases during a walk.
 */

void
TkleakWalkProbeClass(
    TkleakState *statePtr,
    Tk_Window tkwin,
    int isMenu)
{
    const void *procs = ((TkWindow *) tkwin)->classProcsPtr;

    if (isMenu) {
	statePtr->menuClassProcs = procs;
    } else {
	statePtr->canvasClassProcs = procs;
    }
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakWalkImages --
 *
 *	Count the images of MAINWIN's application from Tk's image table.
 *
 *----------------------------------------------------------------------
 */

void
TkleakWalkImages(
    TkleakCollect *ctxPtr,
    Tk_Window mainWin)
{
    TkMainInfo *mainInfoPtr = ((TkWindow *) mainWin)->mainPtr;
    Tcl_HashSearch search;
    Tcl_HashEntry *hPtr;

    for (hPtr = Tcl_FirstHashEntry(&mainInfoPtr->imageTable, &search);
	    hPtr != NULL; hPtr = Tcl_NextHashEntry(&search)) {
	TkleakCountImage(ctxPtr,
		Tcl_GetHashKey(&mainInfoPtr->imageTable, hPtr));
    }
}

/*
 *----------------------------------------------------------------------
 *
 * Frame reading: the fast path of origin capture (origin.c).
 *
 *	An origin is what "info frame" says about each command frame of
 *	the interpreter, innermost first. Asking it costs a call and a dict
 *	per frame; here the frames are read from the interpreter's chain of
 *	CmdFrames instead, as a raw key: for each frame its type, the
 *	ByteCode and pc it runs (or the file and line of a sourced script),
 *	and the procedure of its call frame. The key is looked up in a
 *	cache of stacks made before; only on a miss does origin.c ask "info
 *	frame", and the stack it makes is stored under the key.
 *
 *	The cache is exact, because nothing a key points to can be freed
 *	and its address given to something else while the key is stored:
 *	the cache holds a reference to each ByteCode (through an object of
 *	Tcl's own "bytecode" type, so that the last release frees it as Tcl
 *	would), to each file path object, and to the Command of each
 *	procedure a frame names. The one thing a key cannot pin is that
 *	name, which "rename" changes under a running Proc; but Tcl bumps a
 *	Command's cmdEpoch whenever it is renamed, hidden or deleted, so
 *	each hit compares, for every frame, the Command and its epoch with
 *	the ones stored. How many frames a key covers is what "info frame"
 *	needs to fill the stack (frames without a file or a procedure are
 *	skipped); a key whose prediction disagrees with what "info frame"
 *	used is not stored. Coroutines renumber the frames, so they take the slow
 *	path, as do interpreters without frames. The cache holds at most
 *	FC_MAX entries and is emptied when full and when recording stops.
 *
 *----------------------------------------------------------------------
 */

#define FC_MAX 1024		/* Stacks cached. */
#define FC_BUCKETS 1024
#define FC_MAX_RAW 128		/* Frames a key may cover. */
#define FC_HINTS 256		/* Entries by innermost frame alone. */

typedef struct RawFrame {
    intptr_t type;		/* A word, so that keys have no padding. */
    const void *code;		/* ByteCode, or the path object. */
    const void *pc;		/* pc, or the line. */
    const void *cmd;		/* The frame's command string, if set. */
    const void *proc;		/* The call frame's Proc, or NULL. */
} RawFrame;

typedef struct ProcName {
    Command *cmdPtr;		/* NULL: the frame has no procedure; else
				 * one reference held. */
    int epoch;			/* Its cmdEpoch then. */
} ProcName;

typedef struct FrameEntry {
    struct FrameEntry *nextPtr;
    size_t hash;
    int numRaw;
    int toEnd;			/* The key covers the whole chain. */
    int depth;			/* The -depth it was made for. */
    RawFrame *raw;		/* Owned, numRaw of each. */
    ProcName *names;
    Tcl_Obj *stackPtr;		/* One reference held. */
} FrameEntry;

typedef struct TkleakFrameCache {
    FrameEntry *buckets[FC_BUCKETS];
    FrameEntry *hints[FC_HINTS];	/* The last entry seen for an innermost
					 * frame: tried first, frame by frame. */
    int numEntries;
    Tcl_HashTable holders;	/* ByteCode or path -> object, held. */
    const Tcl_ObjType *byteCodeType;
    RawFrame raw[FC_MAX_RAW];	/* The key of the last lookup, */
    int numRaw;			/* its length (-1: not cacheable), */
    int toEnd;			/* whether it covers the whole chain, */
    size_t hash;		/* and its hash. */
} TkleakFrameCache;

static TkleakFrameCache *
GetFrameCache(
    TkleakState *statePtr)
{
    TkleakFrameCache *cachePtr = statePtr->frameCache;

    if (cachePtr == NULL) {
	cachePtr = (TkleakFrameCache *) Tcl_Alloc(sizeof(TkleakFrameCache));
	memset(cachePtr, 0, sizeof(TkleakFrameCache));
	Tcl_InitHashTable(&cachePtr->holders, TCL_ONE_WORD_KEYS);
	cachePtr->byteCodeType = Tcl_GetObjType("bytecode");
	cachePtr->numRaw = -1;
	statePtr->frameCache = cachePtr;
    }
    return cachePtr;
}

/*
 * Hold --
 *
 *	Keep the ByteCode CODEPTR (isCode) or the object PTR alive while
 *	the cache holds keys naming it.
 */

static void
Hold(
    TkleakFrameCache *cachePtr,
    const void *ptr,
    int isCode)
{
    Tcl_HashEntry *hPtr;
    Tcl_Obj *holdPtr;
    int isNew;

    if (ptr == NULL) {
	return;
    }
    hPtr = Tcl_CreateHashEntry(&cachePtr->holders, ptr, &isNew);
    if (!isNew) {
	return;
    }
    if (isCode) {
	/*
	 * An empty object whose internal form is the ByteCode: its last
	 * release runs Tcl's own release of the ByteCode.
	 */

	holdPtr = Tcl_NewObj();
	((ByteCode *) ptr)->refCount++;
	holdPtr->internalRep.twoPtrValue.ptr1 = (void *) ptr;
	holdPtr->internalRep.twoPtrValue.ptr2 = NULL;
	holdPtr->typePtr = cachePtr->byteCodeType;
    } else {
	holdPtr = (Tcl_Obj *) ptr;
    }
    Tcl_IncrRefCount(holdPtr);
    Tcl_SetHashValue(hPtr, holdPtr);
}

/*
 * TkleakWalkFramesFlush --
 *
 *	Empty the frame cache of an interpreter, releasing what it holds.
 */

void
TkleakWalkFramesFlush(
    TkleakState *statePtr)
{
    TkleakFrameCache *cachePtr = statePtr->frameCache;
    Tcl_HashSearch search;
    Tcl_HashEntry *hPtr;
    int b, i;

    if (cachePtr == NULL) {
	return;
    }
    for (b = 0; b < FC_BUCKETS; b++) {
	FrameEntry *ePtr = cachePtr->buckets[b], *nextPtr;

	for (; ePtr != NULL; ePtr = nextPtr) {
	    nextPtr = ePtr->nextPtr;
	    for (i = 0; i < ePtr->numRaw; i++) {
		Command *cmdPtr = ePtr->names[i].cmdPtr;

		if (cmdPtr != NULL) {
		    TclCleanupCommandMacro(cmdPtr);
		}
	    }
	    Tcl_Free((char *) ePtr->raw);
	    Tcl_Free((char *) ePtr->names);
	    Tcl_DecrRefCount(ePtr->stackPtr);
	    Tcl_Free((char *) ePtr);
	}
	cachePtr->buckets[b] = NULL;
    }
    memset(cachePtr->hints, 0, sizeof(cachePtr->hints));
    cachePtr->numEntries = 0;
    for (hPtr = Tcl_FirstHashEntry(&cachePtr->holders, &search); hPtr;
	    hPtr = Tcl_NextHashEntry(&search)) {
	Tcl_DecrRefCount((Tcl_Obj *) Tcl_GetHashValue(hPtr));
    }
    Tcl_DeleteHashTable(&cachePtr->holders);
    Tcl_InitHashTable(&cachePtr->holders, TCL_ONE_WORD_KEYS);
    cachePtr->numRaw = -1;
}

void
TkleakWalkFramesFree(
    TkleakState *statePtr)
{
    if (statePtr->frameCache != NULL) {
	TkleakWalkFramesFlush(statePtr);
	Tcl_DeleteHashTable(
		&((TkleakFrameCache *) statePtr->frameCache)->holders);
	Tcl_Free((char *) statePtr->frameCache);
	statePtr->frameCache = NULL;
    }
}

/*
 * HasProcName --
 *
 *	Whether "info frame" names the procedure of a frame whose call
 *	frame runs PROCPTR.
 */

static inline int
HasProcName(
    Proc *procPtr)
{
    return procPtr != NULL && procPtr->cmdPtr != NULL
	    && procPtr->cmdPtr->hPtr != NULL;
}

/*
 * NameMatches --
 *
 *	Whether the procedure of PROCPTR still has the name stored in
 *	NAMEPTR.
 */

static inline int
NameMatches(
    Proc *procPtr,
    const ProcName *namePtr)
{
    /*
     * The stored Command is held, so no other Command can have its
     * address; the same epoch means it was not renamed since.
     */

    if (!HasProcName(procPtr)) {
	return namePtr->cmdPtr == NULL;
    }
    return procPtr->cmdPtr == namePtr->cmdPtr
	    && procPtr->cmdPtr->cmdEpoch == namePtr->epoch;
}

/*
 * ReadFrame --
 *
 *	Fill *RPTR with the raw key of FRAMEPTR. Returns 0 for a frame the
 *	cache does not handle.
 */

static inline int
ReadFrame(
    CmdFrame *framePtr,
    RawFrame *rPtr)
{
    rPtr->type = framePtr->type;
    rPtr->proc = framePtr->framePtr ? framePtr->framePtr->procPtr : NULL;
    rPtr->cmd = NULL;
    switch (framePtr->type) {
    case TCL_LOCATION_BC:
	rPtr->code = framePtr->data.tebc.codePtr;
	rPtr->pc = framePtr->data.tebc.pc;
	rPtr->cmd = framePtr->cmd;
	return 1;
    case TCL_LOCATION_SOURCE:
	if (framePtr->line == NULL || framePtr->data.eval.path == NULL) {
	    return 0;
	}
	rPtr->code = framePtr->data.eval.path;
	rPtr->pc = (const void *) (intptr_t) framePtr->line[0];
	return 1;
    case TCL_LOCATION_EVAL:
	rPtr->code = NULL;
	rPtr->pc = (const void *) (intptr_t)
		(framePtr->line ? framePtr->line[0] : 1);
	return 1;
    case TCL_LOCATION_PREBC:
	rPtr->code = NULL;
	rPtr->pc = NULL;
	return 1;
    }
    return 0;
}

static inline size_t
HintOf(
    const RawFrame *rPtr)
{
    return (((size_t) rPtr->code >> 4) ^ ((size_t) rPtr->pc)
	    ^ ((size_t) rPtr->proc >> 4)) % FC_HINTS;
}

/*
 * TryHint --
 *
 *	Whether the current frames are those of the entry EPTR, compared
 *	frame by frame: the key TkleakWalkFramesLookup would make, without
 *	making it.
 */

static int
TryHint(
    Interp *iPtr,
    FrameEntry *ePtr,
    int depth)
{
    CmdFrame *framePtr = iPtr->cmdFramePtr;
    int i;

    if (ePtr->depth != depth) {
	return 0;
    }
    for (i = 0; i < ePtr->numRaw; i++, framePtr = framePtr->nextPtr) {
	const RawFrame *rPtr = &ePtr->raw[i];
	Proc *procPtr;

	if (framePtr == NULL || framePtr->type != rPtr->type) {
	    return 0;
	}
	procPtr = framePtr->framePtr ? framePtr->framePtr->procPtr : NULL;
	if (procPtr != rPtr->proc) {
	    return 0;
	}
	switch (framePtr->type) {
	case TCL_LOCATION_BC:
	    if (framePtr->data.tebc.codePtr != rPtr->code
		    || framePtr->data.tebc.pc != rPtr->pc
		    || framePtr->cmd != rPtr->cmd) {
		return 0;
	    }
	    break;
	case TCL_LOCATION_SOURCE:
	    if (framePtr->line == NULL
		    || framePtr->data.eval.path != rPtr->code
		    || framePtr->line[0] != (intptr_t) rPtr->pc) {
		return 0;
	    }
	    break;
	case TCL_LOCATION_EVAL:
	    if ((framePtr->line ? framePtr->line[0] : 1)
		    != (intptr_t) rPtr->pc) {
		return 0;
	    }
	    break;
	}
	if (!NameMatches(procPtr, &ePtr->names[i])) {
	    return 0;
	}
    }
    return !ePtr->toEnd || framePtr == NULL;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakWalkFramesLookup --
 *
 *	Read the raw key of the current frames, covering what "info frame"
 *	needs for DEPTH frames, and look it up.
 *
 * Results:
 *	The cached Tcl stack (owned by the cache: the caller takes a
 *	reference of its own to keep it), or NULL on a miss or when the
 *	fast path does not apply; then the caller asks "info frame" and
 *	offers the stack to TkleakWalkFramesStore.
 *
 *----------------------------------------------------------------------
 */

Tcl_Obj *
TkleakWalkFramesLookup(
    TkleakState *statePtr,
    Tcl_Interp *interp,
    int depth)
{
    Interp *iPtr = (Interp *) interp;
    TkleakFrameCache *cachePtr = GetFrameCache(statePtr);
    CmdFrame *framePtr;
    FrameEntry *ePtr;
    size_t hash = 14695981039346656037UL;
    int n = 0, kept = 0, all, i;

    RawFrame first;

    cachePtr->numRaw = -1;
    if (cachePtr->byteCodeType == NULL || iPtr->cmdFramePtr == NULL
	    || iPtr->execEnvPtr->corPtr != NULL || iPtr->lineBCPtr == NULL
	    || !ReadFrame(iPtr->cmdFramePtr, &first)) {
	return NULL;
    }
    ePtr = cachePtr->hints[HintOf(&first)];
    if (ePtr != NULL && TryHint(iPtr, ePtr, depth)) {
	return ePtr->stackPtr;
    }

    /*
     * When the chain has no more frames than the stack may hold, the key
     * covers all of them and which are kept does not matter.
     */

    for (framePtr = iPtr->cmdFramePtr; framePtr != NULL && n <= depth;
	    framePtr = framePtr->nextPtr) {
	n++;
    }
    all = n <= depth;
    n = 0;
    for (framePtr = iPtr->cmdFramePtr; framePtr != NULL && kept < depth;
	    framePtr = framePtr->nextPtr) {
	RawFrame *rPtr;
	int hasFile = 0;

	if (n == FC_MAX_RAW) {
	    return NULL;
	}
	rPtr = &cachePtr->raw[n++];
	if (!ReadFrame(framePtr, rPtr)) {
	    return NULL;
	}
	if (rPtr->type == TCL_LOCATION_SOURCE) {
	    hasFile = 1;
	} else if (rPtr->type == TCL_LOCATION_BC && !all
		&& !HasProcName((Proc *) rPtr->proc)) {
	    Tcl_HashEntry *hPtr = Tcl_FindHashEntry(iPtr->lineBCPtr,
		    (char *) rPtr->code);

	    hasFile = hPtr != NULL && ((ExtCmdLoc *)
		    Tcl_GetHashValue(hPtr))->type == TCL_LOCATION_SOURCE;
	}
	if (hasFile || HasProcName((Proc *) rPtr->proc) || n == 1) {
	    kept++;
	}
	hash = (hash ^ (size_t) rPtr->code) * 1099511628211UL;
	hash = (hash ^ (size_t) rPtr->pc) * 1099511628211UL;
	hash = (hash ^ (size_t) rPtr->proc) * 1099511628211UL;
	hash = (hash ^ (size_t) rPtr->cmd ^ (size_t) rPtr->type)
		* 1099511628211UL;
    }
    cachePtr->toEnd = framePtr == NULL;
    cachePtr->numRaw = n;
    cachePtr->hash = hash;
    for (ePtr = cachePtr->buckets[hash % FC_BUCKETS]; ePtr != NULL;
	    ePtr = ePtr->nextPtr) {
	if (ePtr->hash != hash || ePtr->numRaw != n
		|| memcmp(ePtr->raw, cachePtr->raw, n * sizeof(RawFrame)) != 0) {
	    continue;
	}
	for (i = 0; i < n; i++) {
	    if (!NameMatches((Proc *) ePtr->raw[i].proc, &ePtr->names[i])) {
		break;
	    }
	}
	if (i == n) {
	    if (ePtr->depth == depth) {
		cachePtr->hints[HintOf(&first)] = ePtr;
	    }
	    return ePtr->stackPtr;
	}
    }
    return NULL;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakWalkFramesStore --
 *
 *	Store STACKPTR, made by "info frame" from LEVELS frames, under the
 *	key of the last TkleakWalkFramesLookup, when that lookup covered
 *	the same frames. No script may have run since that lookup.
 *
 * Side effects:
 *	The cache takes a reference to STACKPTR, and holds the ByteCodes
 *	and paths of the key.
 *
 *----------------------------------------------------------------------
 */

void
TkleakWalkFramesStore(
    TkleakState *statePtr,
    Tcl_Interp *interp,
    Tcl_Obj *stackPtr,
    int levels)
{
    TkleakFrameCache *cachePtr = statePtr->frameCache;
    Interp *iPtr = (Interp *) interp;
    FrameEntry *ePtr;
    CmdFrame *framePtr;
    int n, i;

    if (cachePtr == NULL || cachePtr->numRaw <= 0
	    || cachePtr->numRaw != levels) {
	return;
    }
    if (cachePtr->numEntries >= FC_MAX) {
	RawFrame raw[FC_MAX_RAW];
	size_t hash = cachePtr->hash;
	int toEnd = cachePtr->toEnd;

	n = cachePtr->numRaw;
	memcpy(raw, cachePtr->raw, n * sizeof(RawFrame));
	TkleakWalkFramesFlush(statePtr);
	memcpy(cachePtr->raw, raw, n * sizeof(RawFrame));
	cachePtr->numRaw = n;
	cachePtr->hash = hash;
	cachePtr->toEnd = toEnd;
    }
    n = cachePtr->numRaw;
    ePtr = (FrameEntry *) Tcl_Alloc(sizeof(FrameEntry));
    ePtr->hash = cachePtr->hash;
    ePtr->numRaw = n;
    ePtr->toEnd = cachePtr->toEnd;
    ePtr->depth = statePtr->depth;
    ePtr->raw = (RawFrame *) Tcl_Alloc(n * sizeof(RawFrame));
    memcpy(ePtr->raw, cachePtr->raw, n * sizeof(RawFrame));
    ePtr->names = (ProcName *) Tcl_Alloc(n * sizeof(ProcName));
    for (i = 0, framePtr = iPtr->cmdFramePtr; i < n;
	    i++, framePtr = framePtr->nextPtr) {
	ProcName *namePtr = &ePtr->names[i];
	Proc *procPtr = (Proc *) ePtr->raw[i].proc;

	memset(namePtr, 0, sizeof(ProcName));
	if (HasProcName(procPtr)) {
	    namePtr->cmdPtr = procPtr->cmdPtr;
	    namePtr->cmdPtr->refCount++;
	    namePtr->epoch = procPtr->cmdPtr->cmdEpoch;
	}
	if (ePtr->raw[i].type == TCL_LOCATION_BC) {
	    Hold(cachePtr, ePtr->raw[i].code, 1);
	} else if (ePtr->raw[i].type == TCL_LOCATION_SOURCE) {
	    Hold(cachePtr, ePtr->raw[i].code, 0);
	}
    }
    ePtr->stackPtr = stackPtr;
    Tcl_IncrRefCount(stackPtr);
    ePtr->nextPtr = cachePtr->buckets[ePtr->hash % FC_BUCKETS];
    cachePtr->buckets[ePtr->hash % FC_BUCKETS] = ePtr;
    cachePtr->hints[HintOf(&ePtr->raw[0])] = ePtr;
    cachePtr->numEntries++;
    cachePtr->numRaw = -1;
}

/*
 * TkleakWalkMenuOwns, TkleakWalkMenuSize --
 *
 *	Whether CLIENTDATA is the menu record of TKWIN (a menu); how many
 *	entries the menu record CLIENTDATA has.
 */

int
TkleakWalkMenuOwns(
    TkleakState *statePtr,
    Tk_Window tkwin,
    ClientData clientData)
{
    return TkleakWalkUsable(statePtr) && TkleakWalkIsMenu(statePtr, tkwin)
	    && ((TkWindow *) tkwin)->instanceData == clientData
	    && ((TkMenu *) clientData)->tkwin == tkwin;
}

int
TkleakWalkMenuSize(
    ClientData clientData)
{
    return ((TkMenu *) clientData)->numEntries;
}

#else /* !TKLEAK_PRIVATE */

void TkleakWalkNamespaces(TkleakCollect *ctxPtr) { (void) ctxPtr; }
int TkleakWalkIsMenu(TkleakState *s, Tk_Window w) { (void) s; return Tk_Class(w) && strcmp(Tk_Class(w), "Menu") == 0; }
int TkleakWalkIsCanvas(TkleakState *s, Tk_Window w) { (void) s; return Tk_Class(w) && strcmp(Tk_Class(w), "Canvas") == 0; }
void TkleakWalkMenuRefs(TkleakCollect *c, Tk_Window w) { (void) c; (void) w; }
void TkleakWalkWindows(TkleakCollect *ctxPtr, Tk_Window w) { (void) ctxPtr; (void) w; }
Tk_BindingTable TkleakWalkBindingTable(Tk_Window w) { (void) w; return NULL; }
void TkleakWalkImages(TkleakCollect *ctxPtr, Tk_Window w) { (void) ctxPtr; (void) w; }
void TkleakWalkProbeClass(TkleakState *s, Tk_Window w, int m) { (void) s; (void) w; (void) m; }
Tcl_NamespaceDeleteProc *TkleakWalkNsEarlyDelete(Tcl_Namespace *n) { (void) n; return NULL; }
Tcl_Class TkleakWalkObjectClass(Tcl_Object o) { (void) o; return NULL; }
int TkleakWalkHasFrames(Tcl_Interp *i) { (void) i; return 0; }
Tcl_Obj *TkleakWalkFramesLookup(TkleakState *s, Tcl_Interp *i, int d) { (void) s; (void) i; (void) d; return NULL; }
void TkleakWalkFramesStore(TkleakState *s, Tcl_Interp *i, Tcl_Obj *o, int l) { (void) s; (void) i; (void) o; (void) l; }
void TkleakWalkFramesFlush(TkleakState *s) { (void) s; }
void TkleakWalkFramesFree(TkleakState *s) { (void) s; }
int TkleakWalkMenuOwns(TkleakState *s, Tk_Window w, ClientData c) { (void) s; (void) w; (void) c; return 0; }
int TkleakWalkMenuSize(ClientData c) { (void) c; return -1; }

#endif /* TKLEAK_PRIVATE */
