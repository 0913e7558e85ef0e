/*
 * call.c --
 *
 *	The one way tkleak calls a command: only Tcl's and Tk's own C
 *	commands, through their C procedures, never a proc, alias,
 *	ensemble or TclOO object the app may have put at their names.
 *	Which library holds a C function (TkleakLibraryKind), whether a
 *	command is Tcl's or Tk's own (TkleakCoreCommand), calling a built-in
 *	(TkleakCallCore, TkleakCallCoreList), finding Tk's own widget
 *	command of a window under a megawidget (TkleakWidgetCommand) and
 *	calling it (TkleakCallWidget), and noting the widgets whose slots
 *	could not be read so (TkleakNoteUnread).
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
 * The load addresses of Tcl's and Tk's libraries (or of the program that
 * holds them), as dladdr reports them: a C command whose procedure lies
 * in one of them is Tcl's or Tk's own. Tk's is set once Tk's stubs are
 * (TkleakCoreLibraries).
 */

static void *tclBase, *tkBase;

static int	CallProc(TkleakCollect *ctxPtr, const Tcl_CmdInfo *infoPtr,
		    Tcl_Obj *namePtr, int objc, Tcl_Obj *const objv[],
		    Tcl_Obj **resultPtr);

/*
 * TkleakLibraryKind --
 *
 *	Which library holds the C function FUNC: Python's _tkinter (its
 *	callback wrappers), Tcl's or Tk's own (KIND_CORE), or anything else.
 *	dladdr is asked once per distinct function.
 */

int
TkleakLibraryKind(
    TkleakState *statePtr,
    void *func)
{
    Tcl_HashEntry *hPtr;
    int isNew, kind = KIND_NATIVE;

    hPtr = Tcl_CreateHashEntry(&statePtr->procKinds, func, &isNew);
    if (!isNew) {
	return TKLEAK_P2I(Tcl_GetHashValue(hPtr));
    }
    if (func) {
	Dl_info info;

	if (!dladdr(func, &info)) {
	    /* Not in any loaded object: an ordinary native command. */
	} else if (info.dli_fname && strstr(info.dli_fname, "_tkinter")) {
	    kind = KIND_TKINTER;
	} else if (info.dli_fbase != NULL && (info.dli_fbase == tclBase
		|| info.dli_fbase == tkBase)) {
	    kind = KIND_CORE;
	}
    }
    Tcl_SetHashValue(hPtr, TKLEAK_I2P(kind));
    return kind;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakCoreLibraries --
 *
 *	Learn where Tcl's library is loaded, and Tk's when TK is set (its
 *	stubs are initialised), so that ProcKind can tell their C commands
 *	from anyone else's. Forgets the kinds cached so far, which were
 *	worked out without them.
 *
 *----------------------------------------------------------------------
 */

void
TkleakCoreLibraries(
    TkleakState *statePtr,
    int tk)
{
    Dl_info info;
    Tcl_HashSearch search;
    Tcl_HashEntry *hPtr;

    if (tclBase == NULL && dladdr((void *) tclStubsPtr->tcl_GetVersion,
	    &info)) {
	tclBase = info.dli_fbase;
    }
    if (tk && tkBase == NULL && dladdr((void *) tkStubsPtr->tk_MainWindow,
	    &info)) {
	tkBase = info.dli_fbase;
    }
    for (hPtr = Tcl_FirstHashEntry(&statePtr->procKinds, &search); hPtr;
	    hPtr = Tcl_NextHashEntry(&search)) {
	Tcl_DeleteHashEntry(hPtr);
    }
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakCoreCommand --
 *
 *	Whether the command TOKEN is one of Tcl's or Tk's own C commands,
 *	safe to call through its procedure: its procedure lies in Tcl's or
 *	Tk's library, and it is no proc, alias, import, ensemble or TclOO
 *	object (whose procedures lie there too but run app code), nor a
 *	command made with a string procedure. A command that tkleak's
 *	recording hooked is judged by its original procedure.
 *
 * Results:
 *	1 with *INFOPTR the command's info, its objProc the procedure to
 *	call; else 0.
 *
 *----------------------------------------------------------------------
 */

int
TkleakCoreCommand(
    TkleakState *statePtr,
    Tcl_Command token,
    Tcl_CmdInfo *infoPtr)
{
    Tcl_ObjCmdProc *objProc;

    if (token == NULL || !Tcl_GetCommandInfoFromToken(token, infoPtr)
	    || infoPtr->isNativeObjectProc == 0 || Tcl_IsEnsemble(token)) {
	return 0;
    }
    objProc = TkleakRecordOriginal(statePtr, infoPtr->objProc,
	    infoPtr->objClientData);
    if (objProc == NULL || objProc == statePtr->procProc
	    || objProc == statePtr->aliasProc
	    || objProc == statePtr->importProc
	    || objProc == statePtr->objectProc
	    || objProc == statePtr->myProc
	    || TkleakLibraryKind(statePtr, (void *) objProc) != KIND_CORE) {
	return 0;
    }
    infoPtr->objProc = objProc;
    return 1;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakCallCore --
 *
 *	Call the built-in command CMDNAME (fully qualified) with OBJV
 *	(objv[0] included) through its command procedure: no execution
 *	traces, no script. Refuses unless the command is still Tcl's or
 *	Tk's own C command (TkleakCoreCommand), since calling anything the
 *	app put in its place would run app code. A built-in ensemble
 *	("info", "namespace", and "info object" below "info") is not
 *	dispatched: the command its map names for the subcommand (word for
 *	word, no prefix) is called directly, under the same rule. A
 *	built-in the app has wrapped since (renamed, with a proc put at its
 *	name) is still called, through the procedure it had when last seen
 *	as Tcl's own, if that needed no client data (after, trace...).
 *
 * Results:
 *	TCL_OK with *RESULTPTR the command's result (one reference held:
 *	the caller must Tcl_DecrRefCount it), or TCL_ERROR.
 *
 * Side effects:
 *	The interpreter's result is reset.
 *
 *----------------------------------------------------------------------
 */

int
TkleakCallCore(
    TkleakCollect *ctxPtr,
    const char *cmdName,
    int objc,
    Tcl_Obj *const objv[],
    Tcl_Obj **resultPtr)
{
    Tcl_Interp *interp = ctxPtr->interp;
    Tcl_Command token = Tcl_FindCommand(interp, cmdName, NULL,
	    TCL_GLOBAL_ONLY);
    Tcl_CmdInfo info;
    Tcl_Obj *const *callv = objv;
    Tcl_Obj *targetPtr = NULL;
    int callc = objc, code;

    *resultPtr = NULL;
    while (token != NULL && callc >= 2 && Tcl_IsEnsemble(token)) {
	Tcl_Obj *mapPtr = NULL;

	if (Tcl_GetEnsembleMappingDict(NULL, token, &mapPtr) != TCL_OK
		|| mapPtr == NULL
		|| Tcl_DictObjGet(NULL, mapPtr, callv[1], &targetPtr) != TCL_OK
		|| targetPtr == NULL
		|| strpbrk(Tcl_GetString(targetPtr), TKLEAK_LIST_SPECIALS)
		    != NULL) {
	    token = NULL;	/* Not one command word: leave it. */
	} else {
	    token = Tcl_FindCommand(interp, Tcl_GetString(targetPtr), NULL,
		    TCL_GLOBAL_ONLY);
	    callv++;		/* "info object class" -> "class" ... */
	    callc--;
	}
    }
    if (!TkleakCoreCommand(ctxPtr->statePtr, token, &info)) {
	Tcl_HashEntry *hPtr = targetPtr != NULL ? NULL
		: Tcl_FindHashEntry(&ctxPtr->statePtr->coreProcs, cmdName);

	if (hPtr == NULL) {
	    ctxPtr->skipped++;
	    return TCL_ERROR;
	}
	memset(&info, 0, sizeof(info));
	info.objProc = (Tcl_ObjCmdProc *) Tcl_GetHashValue(hPtr);
	info.isNativeObjectProc = 1;
	return CallProc(ctxPtr, &info, NULL, callc, callv, resultPtr);
    }
    if (targetPtr == NULL) {
	if (info.objClientData == NULL) {
	    int isNew;
	    Tcl_HashEntry *hPtr = Tcl_CreateHashEntry(
		    &ctxPtr->statePtr->coreProcs, cmdName, &isNew);

	    Tcl_SetHashValue(hPtr, (void *) info.objProc);
	}
	return CallProc(ctxPtr, &info, NULL, callc, callv, resultPtr);
    }
    Tcl_IncrRefCount(targetPtr);
    code = CallProc(ctxPtr, &info, targetPtr, callc, callv, resultPtr);
    Tcl_DecrRefCount(targetPtr);
    return code;
}

/*
 * CallProc --
 *
 *	Call the command procedure of INFOPTR with OBJV, its first word
 *	replaced by NAMEPTR unless NULL. Like TkleakCallCore's results.
 */

static int
CallProc(
    TkleakCollect *ctxPtr,
    const Tcl_CmdInfo *infoPtr,
    Tcl_Obj *namePtr,
    int objc,
    Tcl_Obj *const objv[],
    Tcl_Obj **resultPtr)
{
    Tcl_Interp *interp = ctxPtr->interp;
    Tcl_Obj *wordv[8];
    int code;

    if (namePtr != NULL) {
	if (objc > 8) {
	    ctxPtr->skipped++;
	    return TCL_ERROR;
	}
	memcpy(wordv, objv, objc * sizeof(Tcl_Obj *));
	wordv[0] = namePtr;
	objv = wordv;
    }
    Tcl_ResetResult(interp);
    code = infoPtr->objProc(infoPtr->objClientData, interp, objc, objv);
    if (code != TCL_OK) {
	ctxPtr->skipped++;
	Tcl_ResetResult(interp);
	return TCL_ERROR;
    }
    *resultPtr = Tcl_GetObjResult(interp);
    Tcl_IncrRefCount(*resultPtr);
    Tcl_ResetResult(interp);
    return TCL_OK;
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

    if (objProc == statePtr->procProc || objProc == statePtr->aliasProc
	    || objProc == statePtr->importProc) {
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
 * TkleakCallCoreList --
 *
 *	TkleakCallCore with words given as C strings, result split into a
 *	list. *LISTPTR holds one reference on success.
 */

int
TkleakCallCoreList(
    TkleakCollect *ctxPtr,
    const char *cmdName,
    int objc,
    const char *const words[],
    Tcl_Obj **listPtr,
    int *lenPtr,
    Tcl_Obj ***elemsPtr)
{
    Tcl_Obj *objv[4] = {NULL, NULL, NULL, NULL};	/* GCC cannot see OBJC <= 4. */
    int i, code;

    for (i = 0; i < objc; i++) {
	objv[i] = Tcl_NewStringObj(words[i], -1);
	Tcl_IncrRefCount(objv[i]);
    }
    code = TkleakCallCore(ctxPtr, cmdName, objc, objv, listPtr);
    for (i = 0; i < objc; i++) {
	Tcl_DecrRefCount(objv[i]);
    }
    if (code != TCL_OK) {
	return TCL_ERROR;
    }
    if (Tcl_ListObjGetElements(NULL, *listPtr, lenPtr, elemsPtr) != TCL_OK) {
	Tcl_DecrRefCount(*listPtr);
	*listPtr = NULL;
	return TCL_ERROR;
    }
    return TCL_OK;
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
