/*
 * tk.c --
 *
 *	Tk's windows asked the safe way: starting Tk's part of the state
 *	(TkleakInitTk), finding Tk's own widget command of a window, the one
 *	at its path or the one a megawidget renamed (TkleakWidgetCommand),
 *	and calling it through its C procedure, never whatever the app put
 *	at the window's path (TkleakCallWidget, TkleakTkWidgetHas). These
 *	read widget records through private/ (TkleakWalkInstanceData,
 *	TkleakWalkCommands), so they live above it; private/ reaches
 *	TkleakTkWidgetHas only through the state's widgetHasProc.
 *
 * Copyright (c) 2026 the tkleak developers. See the file "LICENSE".
 */

#include "config.h"
#include <stdlib.h>
#include <string.h>
#include "tkleakInt.h"

/*
 *----------------------------------------------------------------------
 *
 * TkleakInitTk --
 *
 *	Start counting Tk's kinds once Tk is in the interpreter (at load,
 *	or at the first census after a later "package require Tk"): set up
 *	the Tk stubs and learn where Tk's library lies. Then, until they
 *	are known, learn the class procs of Tk's menus and canvases from
 *	the app's own (walk.c, TkleakWalkLearnClasses): nothing is made
 *	for it, so no command of the app is called and no binding fires.
 *
 * Results:
 *	1 when Tk is usable.
 *
 * Side effects:
 *	The first time: Tk's stubs are set up and Tk's library located
 *	(TkleakCoreLibraries). Until they are known, the class procs of
 *	menus and canvases are learned; the interpreter's state is saved and
 *	restored around that.
 *
 *----------------------------------------------------------------------
 */

int
TkleakInitTk(
    TkleakState *statePtr,
    Tcl_Interp *interp)
{
    Tk_Window mainWin;

    if (!statePtr->tk.tkReady) {
	if (Tcl_PkgPresent(interp, "Tk", NULL, 0) == NULL
		|| Tk_InitStubs(interp, TK_VERSION, 0) == NULL
		|| Tk_MainWindow(interp) == NULL) {
	    Tcl_ResetResult(interp);
	    return 0;
	}
	statePtr->tk.tkReady = 1;
	TkleakCoreLibraries(statePtr, 1);
    }
    if (statePtr->priv.menuClassProcs == NULL
	    || statePtr->priv.canvasClassProcs == NULL) {
	Tcl_InterpState saved = Tcl_SaveInterpState(interp, TCL_OK);

	mainWin = Tk_MainWindow(interp);	/* NULL after "destroy ." */
	if (mainWin != NULL) {
	    TkleakWalkLearnClasses(statePtr, mainWin);
	}
	Tcl_RestoreInterpState(interp, saved);
    }
    return 1;
}


/*
 * IsRecordOf --
 *
 *	Whether CLIENTDATA, the client data of one of Tk's own C commands,
 *	is the widget record of TKWIN: the record Tk_SetClassProcs gave the
 *	window, or without the private headers a record whose first field
 *	is the window, as every Tk 8.6 and ttk widget record has.
 */

static int
IsRecordOf(
    TkleakState *statePtr,
    Tk_Window tkwin,
    ClientData clientData)
{
    ClientData record;

    if (clientData == NULL) {
	return 0;
    }
    if (TkleakWalkInstanceData(statePtr, tkwin, &record)) {
	return clientData == record;
    }
    return *(Tk_Window *) clientData == tkwin;
}

/*
 * AddHull --
 *
 *	TkleakWalkCommands callback: note a command of Tcl's or Tk's own
 *	under its client data (a widget record when it is a widget
 *	command), unless its procedure is a proc's.
 */

static void
AddHull(
    void *data,
    Tcl_Command token,
    Tcl_ObjCmdProc *objProc,
    ClientData clientData)
{
    TkleakCollect *ctxPtr = data;
    TkleakState *statePtr = ctxPtr->statePtr;
    Tcl_HashEntry *hPtr;
    int isNew;

    if (objProc == statePtr->core.procProc || objProc == statePtr->core.aliasProc
	    || objProc == statePtr->core.importProc) {
	return;
    }
    hPtr = Tcl_CreateHashEntry(ctxPtr->hullsPtr, clientData, &isNew);
    if (isNew) {
	Tcl_SetHashValue(hPtr, token);
    }
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakWidgetCommand --
 *
 *	Find Tk's own widget command of the window TKWIN: the command at
 *	its path when that is one of Tk's C commands whose client data is
 *	the window's widget record, else (a megawidget's proc, ensemble or
 *	object at the path, the usual snit and TclOO pattern) the command
 *	the widget's own was renamed to, found by its client data among all
 *	commands (by the private walk only; the table is made once per
 *	collector).
 *
 * Results:
 *	1 with *INFOPTR the command's info (call its objProc with its
 *	objClientData), or 0 when the window has no widget command of Tk's
 *	that tkleak can find: the caller must not call anything for it.
 *
 * Side effects:
 *	The first megawidget lookup of a collector fills its table of
 *	hulls (ctxPtr->hullsPtr), which the collector frees. No script runs.
 *
 *----------------------------------------------------------------------
 */

int
TkleakWidgetCommand(
    TkleakCollect *ctxPtr,
    Tk_Window tkwin,
    Tcl_CmdInfo *infoPtr)
{
    TkleakState *statePtr = ctxPtr->statePtr;
    Tcl_Command token = Tcl_FindCommand(ctxPtr->interp, Tk_PathName(tkwin),
	    NULL, TCL_GLOBAL_ONLY);
    ClientData record;
    Tcl_HashEntry *hPtr;

    if (TkleakCoreCommand(statePtr, token, infoPtr)
	    && IsRecordOf(statePtr, tkwin, infoPtr->objClientData)) {
	return 1;
    }
    if (!TkleakWalkInstanceData(statePtr, tkwin, &record) || record == NULL) {
	return 0;
    }
    if (ctxPtr->hullsPtr == NULL) {
	ctxPtr->hullsPtr = (Tcl_HashTable *) Tcl_Alloc(sizeof(Tcl_HashTable));
	Tcl_InitHashTable(ctxPtr->hullsPtr, TCL_ONE_WORD_KEYS);
	TkleakWalkCommands(ctxPtr->interp, AddHull, ctxPtr);
    }
    hPtr = Tcl_FindHashEntry(ctxPtr->hullsPtr, record);
    return hPtr != NULL
	    && TkleakCoreCommand(statePtr, Tcl_GetHashValue(hPtr), infoPtr)
	    && infoPtr->objClientData == record;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakTkWidgetHas --
 *
 *	Whether TKWIN is one of Tk's own widgets (its command at its path
 *	is Tk's, with the window's record) and has the option OPTION, asked
 *	with "cget" through the widget command's C procedure, which runs no
 *	script.
 *
 * Side effects:
 *	None: the interpreter's state is saved and restored.
 *
 * Results:
 *	1 when it is and does, else 0.
 *
 *----------------------------------------------------------------------
 */

int
TkleakTkWidgetHas(
    TkleakState *statePtr,
    Tk_Window tkwin,
    const char *option)
{
    Tcl_Interp *interp = statePtr->interp;
    Tcl_Command token = Tcl_FindCommand(interp, Tk_PathName(tkwin), NULL,
	    TCL_GLOBAL_ONLY);
    Tcl_CmdInfo info;
    Tcl_InterpState saved;
    Tcl_Obj *objv[3];
    int i, code;

    if (!TkleakCoreCommand(statePtr, token, &info)
	    || !IsRecordOf(statePtr, tkwin, info.objClientData)) {
	return 0;
    }
    objv[0] = Tcl_NewStringObj(Tk_PathName(tkwin), -1);
    objv[1] = Tcl_NewStringObj("cget", 4);
    objv[2] = Tcl_NewStringObj(option, -1);
    for (i = 0; i < 3; i++) {
	Tcl_IncrRefCount(objv[i]);
    }
    saved = Tcl_SaveInterpState(interp, TCL_OK);
    code = info.objProc(info.objClientData, interp, 3, objv);
    Tcl_RestoreInterpState(interp, saved);
    for (i = 0; i < 3; i++) {
	Tcl_DecrRefCount(objv[i]);
    }
    return code == TCL_OK;
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
 * Side effects:
 *	The C procedure runs with the words given (callers ask only
 *	subcommands that read); the interpreter's result is reset, and a
 *	failed call counts under -skipped. A window with no widget command
 *	of Tk's is noted as unread (TkleakNoteUnread).
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
    if (path[0] == '.' && ctxPtr->statePtr->tk.tkReady
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
 *----------------------------------------------------------------------
 *
 * TkleakNoteUnread --
 *
 *	Note that the slots of the widget PATH could not be read: it counts
 *	once under -skipped and is named in the orphans' notes.
 *
 * Results:
 *	None.
 *
 * Side effects:
 *	The collector's unread table gets PATH (made on first use, freed by
 *	TkleakCollectDone), and its -skipped count grows once per path.
 *
 *----------------------------------------------------------------------
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
