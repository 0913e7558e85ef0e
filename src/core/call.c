/*
 * call.c --
 *
 *	The one way tkleak calls a command: only Tcl's and Tk's own C
 *	commands, through their C procedures, never a proc, alias,
 *	ensemble or TclOO object the app may have put at their names.
 *	Which library holds a C function (TkleakLibraryKind), whether a
 *	command is Tcl's or Tk's own (TkleakCoreCommand), and calling a
 *	built-in (TkleakCallCore, TkleakCallCoreList). Widget commands are
 *	called the same way from census/tk.c, which can read widget records.
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
 *----------------------------------------------------------------------
 *
 * TkleakLibraryKind --
 *
 *	Which library holds the C function FUNC: Python's _tkinter (its
 *	callback wrappers), Tcl's or Tk's own (KIND_CORE), or anything else.
 *	dladdr is asked once per distinct function.
 *
 * Results:
 *	KIND_TKINTER, KIND_CORE or KIND_NATIVE.
 *
 * Side effects:
 *	The answer is cached in the state's procKinds table.
 *
 *----------------------------------------------------------------------
 */

int
TkleakLibraryKind(
    TkleakState *statePtr,
    void *func)
{
    Tcl_HashEntry *hPtr;
    int isNew, kind = KIND_NATIVE;

    hPtr = Tcl_CreateHashEntry(&statePtr->core.procKinds, func, &isNew);
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
 * Results:
 *	None.
 *
 * Side effects:
 *	The load addresses are kept for the process; the state's procKinds
 *	cache is emptied.
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
    for (hPtr = Tcl_FirstHashEntry(&statePtr->core.procKinds, &search); hPtr;
	    hPtr = Tcl_NextHashEntry(&search)) {
	Tcl_DeleteHashEntry(hPtr);
    }
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakCoreFree --
 *
 *	Free core/'s tables in a state being deleted (TkleakCoreState):
 *	the command kinds by objProc and the built-ins' procedures.
 *
 * Results:
 *	None.
 *
 * Side effects:
 *	Both tables are deleted; their values are plain pointers and
 *	integers, nothing to release.
 *
 *----------------------------------------------------------------------
 */

void
TkleakCoreFree(
    TkleakState *statePtr)
{
    Tcl_DeleteHashTable(&statePtr->core.procKinds);
    Tcl_DeleteHashTable(&statePtr->core.coreProcs);
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
 * Side effects:
 *	The library of the procedure may be cached (TkleakLibraryKind).
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
    objProc = statePtr->core.originalProc == NULL ? infoPtr->objProc
	    : statePtr->core.originalProc(statePtr, infoPtr->objProc,
		infoPtr->objClientData);
    if (objProc == NULL || objProc == statePtr->core.procProc
	    || objProc == statePtr->core.aliasProc
	    || objProc == statePtr->core.importProc
	    || objProc == statePtr->core.objectProc
	    || objProc == statePtr->core.myProc
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
		: Tcl_FindHashEntry(&ctxPtr->statePtr->core.coreProcs, cmdName);

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
		    &ctxPtr->statePtr->core.coreProcs, cmdName, &isNew);

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
 *----------------------------------------------------------------------
 *
 * TkleakCallCoreList --
 *
 *	TkleakCallCore with words given as C strings, result split into a
 *	list. *LISTPTR holds one reference on success.
 *
 * Results:
 *	TCL_OK with *LISTPTR the result (one reference, which the caller
 *	releases) and *LENPTR, *ELEMSPTR its elements; else TCL_ERROR with
 *	nothing held.
 *
 * Side effects:
 *	As TkleakCallCore: the built-in runs through its C procedure.
 *
 *----------------------------------------------------------------------
 */

int
TkleakCallCoreList(
    TkleakCollect *ctxPtr,
    const char *cmdName,
    int objc,
    const char *const words[],
    Tcl_Obj **listPtr,
    Tcl_Size *lenPtr,
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
