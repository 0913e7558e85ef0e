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
    int major, minor;

    if (statePtr->forcePublic) {
	return 0;
    }
    Tcl_GetVersion(&major, &minor, NULL, NULL);
    return major == 8 && minor == 6;
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
 * TkleakWalkCommandNre, TkleakWalkSetCommandNre --
 *
 *	A command's non-recursive (NRE) procedure, and putting one back:
 *	Tcl_SetCommandInfoFromToken drops it when it changes the objProc,
 *	so record.c, which hooks TclOO class commands that way, restores it
 *	when it unhooks them.
 */

Tcl_ObjCmdProc *
TkleakWalkCommandNre(
    Tcl_Command token)
{
    return ((Command *) token)->nreProc;
}

void
TkleakWalkSetCommandNre(
    Tcl_Command token,
    Tcl_ObjCmdProc *nreProc)
{
    ((Command *) token)->nreProc = nreProc;
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
Tcl_ObjCmdProc *TkleakWalkCommandNre(Tcl_Command t) { (void) t; return NULL; }
void TkleakWalkSetCommandNre(Tcl_Command t, Tcl_ObjCmdProc *p) { (void) t; (void) p; }

#endif /* TKLEAK_PRIVATE */
