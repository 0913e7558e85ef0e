/*
 * windows.c --
 *
 *	Tk's windows, images and menus read from Tk's own records (tkInt.h,
 *	tkMenu.h, tkCanvas.h): the window walk with bind tags, menu entries
 *	and canvas items, the image walk, menus' entry slots, and the class
 *	procs by which menus and canvases are recognised.
 *
 * Copyright (c) 2026 the tkleak developers. See the file "LICENSE".
 */

#include "private.h"

#ifdef TKLEAK_PRIVATE

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
	ctxPtr->sinkPtr->addTag(ctxPtr, winPtr->classUid);
    }
    for (topPtr = winPtr; topPtr && !(topPtr->flags & TK_TOP_HIERARCHY);
	    topPtr = topPtr->parentPtr) {
	/* Empty. */
    }
    if (topPtr && topPtr != winPtr && topPtr->pathName) {
	ctxPtr->sinkPtr->addTag(ctxPtr, topPtr->pathName);
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
 * Results:
 *	None.
 *
 * Side effects:
 *	The census gets the windows, their bind tags, menu entries and canvas
 *	items through the sink. Only records are read.
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
    Tcl_HashEntry **entries =
	    TkleakHashEntries(ctxPtr, &mainInfoPtr->nameTable);
    int n = ctxPtr->failed ? 0 : mainInfoPtr->nameTable.numEntries, k;
    char num[TCL_INTEGER_SPACE];
    const char *argv[2];

    for (k = 0; k < n; k++) {
	TkWindow *winPtr = Tcl_GetHashValue(entries[k]);
	int i;

	if (k + 8 < n) {
	    TkWindow *aheadPtr = Tcl_GetHashValue(entries[k + 8]);

	    __builtin_prefetch(&aheadPtr->flags);
	    __builtin_prefetch(&aheadPtr->pathName);
	    __builtin_prefetch(&aheadPtr->tagPtr);
	    __builtin_prefetch(&aheadPtr->instanceData);
	}
	if (k + 4 < n) {
	    TkWindow *aheadPtr = Tcl_GetHashValue(entries[k + 4]);

	    /*
	     * The allocator's header of the widget's record, which sizes it
	     * (TkleakWindowBytes).
	     */

	    if (aheadPtr->instanceData != NULL) {
		__builtin_prefetch((char *) aheadPtr->instanceData - 16);
	    }
	}

	if ((winPtr->flags & TK_ALREADY_DEAD) || winPtr->pathName == NULL) {
	    continue;
	}
	if (!ctxPtr->sinkPtr->countWindow(ctxPtr, (Tk_Window) winPtr)) {
	    continue;
	}
	if (winPtr->numTags > 0) {
	    for (i = 0; i < winPtr->numTags; i++) {
		const char *tag = (const char *) winPtr->tagPtr[i];

		if (strcmp(tag, winPtr->pathName) != 0) {
		    ctxPtr->sinkPtr->addTag(ctxPtr, tag);
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
	if (statePtr->priv.menuClassProcs
		&& (const void *) winPtr->classProcsPtr == statePtr->priv.menuClassProcs) {
	    TkMenu *menuPtr = winPtr->instanceData;

	    for (i = 0; i < menuPtr->numEntries; i++) {
		char *id, buf[200];

		/*
		 * Each entry is a block of its own, read only for the
		 * allocator's header just before it: fetch it a few
		 * entries ahead.
		 */

		if (i + 8 < menuPtr->numEntries
			&& menuPtr->entries[i + 8] != NULL) {
		    __builtin_prefetch((char *) menuPtr->entries[i + 8] - 16);
		}
		FormatInt(i, num);
		id = TkleakJoinPair(argv[0], num, buf, sizeof(buf));
		ctxPtr->sinkPtr->addFixed(ctxPtr, TT_MENU_ENTRY, id,
			strlen(id), TkleakHeldBytes(menuPtr->entries[i],
			    sizeof(TkMenuEntry)));
		if (id != buf) {
		    Tcl_Free(id);
		}
	    }
	} else if (statePtr->priv.canvasClassProcs
		&& (const void *) winPtr->classProcsPtr == statePtr->priv.canvasClassProcs) {
	    TkCanvas *canvasPtr = winPtr->instanceData;
	    Tk_Item *itemPtr;

	    for (itemPtr = canvasPtr->firstItemPtr; itemPtr;
		    itemPtr = itemPtr->nextPtr) {
		char *id, buf[200];

		FormatInt(itemPtr->id, num);
		id = TkleakJoinPair(argv[0], num, buf, sizeof(buf));
		ctxPtr->sinkPtr->addFixed(ctxPtr, TT_CANVAS_ITEM, id,
			strlen(id), TkleakHeldBytes(itemPtr, itemPtr->typePtr
			    ? (size_t) itemPtr->typePtr->itemSize : 64));
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
 *	Whether TKWIN is one of Tk's menus or canvases, by class procs
 *	(learned from TKWIN itself when not known yet).
 *
 * Results:
 *	1 when it is, else 0.
 *
 * Side effects:
 *	The class procs may be learned (TkleakWalkLearnClass), which asks
 *	Tk's own widget command through its C procedure.
 *
 *----------------------------------------------------------------------
 */

int
TkleakWalkIsMenu(
    TkleakState *statePtr,
    Tk_Window tkwin)
{
    if (statePtr->priv.menuClassProcs == NULL) {
	TkleakWalkLearnClass(statePtr, tkwin);
    }
    return statePtr->priv.menuClassProcs != NULL
	    && (const void *) ((TkWindow *) tkwin)->classProcsPtr
		== statePtr->priv.menuClassProcs
	    && ((TkWindow *) tkwin)->instanceData != NULL;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakWalkIsCanvas --
 *
 *	Whether TKWIN is one of Tk's canvases, as TkleakWalkIsMenu for
 *	menus.
 *
 * Results:
 *	1 when it is, else 0.
 *
 * Side effects:
 *	As TkleakWalkIsMenu.
 *
 *----------------------------------------------------------------------
 */

int
TkleakWalkIsCanvas(
    TkleakState *statePtr,
    Tk_Window tkwin)
{
    if (statePtr->priv.canvasClassProcs == NULL) {
	TkleakWalkLearnClass(statePtr, tkwin);
    }
    return statePtr->priv.canvasClassProcs != NULL
	    && (const void *) ((TkWindow *) tkwin)->classProcsPtr
		== statePtr->priv.canvasClassProcs
	    && ((TkWindow *) tkwin)->instanceData != NULL;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakWalkMenuRefs --
 *
 *	Index a menu's entry slots from its entry records.
 *
 * Results:
 *	None.
 *
 * Side effects:
 *	The slot index gets the referrers of the entries (the sink's
 *	refsMenuEntry); only the strings of the entries' objects are read.
 *
 *----------------------------------------------------------------------
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
	ctxPtr->sinkPtr->refsMenuEntry(ctxPtr, path, i, "-command",
		entryPtr->commandPtr);
	ctxPtr->sinkPtr->refsMenuEntry(ctxPtr, path, i, "-image",
		entryPtr->imagePtr);
	ctxPtr->sinkPtr->refsMenuEntry(ctxPtr, path, i, "-selectimage",
		entryPtr->selectImagePtr);
	if (entryPtr->type == CASCADE_ENTRY) {
	    ctxPtr->sinkPtr->refsMenuEntry(ctxPtr, path, i, "-menu",
		    entryPtr->namePtr);
	}
    }
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakWalkLearnClass --
 *
 *	Learn the class procs of Tk's menus or canvases from TKWIN, one of
 *	the app's own windows, when its class says it may be one and it
 *	has a widget record, and TkleakTkWidgetHas (the state's
 *	widgetHasProc) confirms it through Tk's own widget command (an
 *	option only that widget has: a frame made with "-class Menu" has no
 *	-tearoffcommand). Nothing is made for it, so no binding fires and no
 *	app command is called.
 *
 * Results:
 *	None.
 *
 * Side effects:
 *	Sets statePtr->priv.menuClassProcs or canvasClassProcs once confirmed.
 *
 *----------------------------------------------------------------------
 */

void
TkleakWalkLearnClass(
    TkleakState *statePtr,
    Tk_Window tkwin)
{
    TkWindow *winPtr = (TkWindow *) tkwin;
    const void *procs = winPtr->classProcsPtr;
    const char *clazz = winPtr->classUid;

    if (procs == NULL || winPtr->instanceData == NULL || clazz == NULL
	    || (winPtr->flags & TK_ALREADY_DEAD)) {
	return;
    }
    if (statePtr->priv.menuClassProcs == NULL && strcmp(clazz, "Menu") == 0
	    && procs != statePtr->priv.canvasClassProcs
	    && statePtr->core.widgetHasProc != NULL
	    && statePtr->core.widgetHasProc(statePtr, tkwin, "-tearoffcommand")) {
	statePtr->priv.menuClassProcs = procs;
    } else if (statePtr->priv.canvasClassProcs == NULL
	    && strcmp(clazz, "Canvas") == 0
	    && procs != statePtr->priv.menuClassProcs
	    && statePtr->core.widgetHasProc != NULL
	    && statePtr->core.widgetHasProc(statePtr, tkwin, "-closeenough")) {
	statePtr->priv.canvasClassProcs = procs;
    }
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakWalkLearnClasses --
 *
 *	TkleakWalkLearnClass over the windows of MAINWIN's application,
 *	until both class procs are known. Called before a census walks, so
 *	that the walk counts the entries and items of the first menus and
 *	canvases it meets.
 *
 * Results:
 *	None.
 *
 * Side effects:
 *	As TkleakWalkLearnClass.
 *
 *----------------------------------------------------------------------
 */

void
TkleakWalkLearnClasses(
    TkleakState *statePtr,
    Tk_Window mainWin)
{
    Tcl_HashTable *tablePtr = &((TkWindow *) mainWin)->mainPtr->nameTable;
    Tcl_HashSearch search;
    Tcl_HashEntry *hPtr;

    for (hPtr = Tcl_FirstHashEntry(tablePtr, &search); hPtr
	    && (statePtr->priv.menuClassProcs == NULL
		|| statePtr->priv.canvasClassProcs == NULL);
	    hPtr = Tcl_NextHashEntry(&search)) {
	TkWindow *winPtr = Tcl_GetHashValue(hPtr);

	if (winPtr->pathName != NULL
		&& !TkleakIsOwnWindow(winPtr->pathName)) {
	    TkleakWalkLearnClass(statePtr, (Tk_Window) winPtr);
	}
    }
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakWalkInstanceData --
 *
 *	The widget record of TKWIN, as its widget set it with
 *	Tk_SetClassProcs: *DATAPTR, NULL for a window without one.
 *	Returns 0 when the records are not read (no private headers, or
 *	the public walk chosen).
 *
 * Results:
 *	1 with *DATAPTR set, or 0 with *DATAPTR NULL.
 *
 * Side effects:
 *	None.
 *
 *----------------------------------------------------------------------
 */

int
TkleakWalkInstanceData(
    TkleakState *statePtr,
    Tk_Window tkwin,
    ClientData *dataPtr)
{
    *dataPtr = NULL;
    if (!TkleakWalkUsable(statePtr)) {
	return 0;
    }
    *dataPtr = ((TkWindow *) tkwin)->instanceData;
    return 1;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakWalkImages --
 *
 *	Count the images of MAINWIN's application from Tk's image table.
 *
 * Results:
 *	None.
 *
 * Side effects:
 *	The census gets the images through the sink.
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
	ctxPtr->sinkPtr->countImage(ctxPtr,
		Tcl_GetHashKey(&mainInfoPtr->imageTable, hPtr));
    }
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakWalkMenuOwns, TkleakWalkMenuSize, TkleakWalkMenuFind --
 *
 *	Whether CLIENTDATA is the menu record of TKWIN (a menu); how many
 *	entries the menu record CLIENTDATA has; the index of its entry that
 *	holds the object VALUEPTR itself in a slot (Tk keeps the objects an
 *	option was given), or -1.
 *
 * Results:
 *	1 when it is, else 0.
 *
 * Side effects:
 *	As TkleakWalkIsMenu.
 *
 *----------------------------------------------------------------------
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

/*
 *----------------------------------------------------------------------
 *
 * TkleakWalkMenuSize --
 *
 *	How many entries the menu record CLIENTDATA has (see
 *	TkleakWalkMenuOwns).
 *
 * Results:
 *	A count.
 *
 * Side effects:
 *	None.
 *
 *----------------------------------------------------------------------
 */

int
TkleakWalkMenuSize(
    ClientData clientData)
{
    return ((TkMenu *) clientData)->numEntries;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakWalkMenuFind --
 *
 *	The index of the entry of the menu record CLIENTDATA that holds the
 *	object VALUEPTR itself in a slot (see TkleakWalkMenuOwns).
 *
 * Results:
 *	The index, or -1.
 *
 * Side effects:
 *	None.
 *
 *----------------------------------------------------------------------
 */

int
TkleakWalkMenuFind(
    ClientData clientData,
    Tcl_Obj *valuePtr)
{
    TkMenu *menuPtr = clientData;
    int i;

    for (i = 0; i < menuPtr->numEntries; i++) {
	TkMenuEntry *entryPtr = menuPtr->entries[i];

	if (entryPtr->commandPtr == valuePtr || entryPtr->imagePtr == valuePtr
		|| entryPtr->selectImagePtr == valuePtr
		|| (entryPtr->type == CASCADE_ENTRY
		    && entryPtr->namePtr == valuePtr)) {
	    return i;
	}
    }
    return -1;
}

#endif /* TKLEAK_PRIVATE */
