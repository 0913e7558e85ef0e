/*
 * tkleak.c --
 *
 *	Tkleak_Init: registers the commands of the tkleak package, keeps
 *	the per-interpreter state, and learns what the built-in command
 *	kinds look like in this process. Everything else is in the files
 *	named for it: collect.c (census), snapshot.c (keeping), compare.c
 *	(diffs), heap.c, and the interpreter-free census.c, diff.c and
 *	format.c.
 *
 * Copyright (c) 2026 the tkleak developers. See the file "LICENSE".
 */

#include "config.h"
#include <string.h>
#include "tkleakInt.h"

#define STATE_KEY "tkleak"

static const struct {
    const char *name;
    Tcl_ObjCmdProc *proc;
} commands[] = {
    {"::tkleak::snapshot", TkleakSnapshotObjCmd},
    {"::tkleak::snapshots", TkleakSnapshotsObjCmd},
    {"::tkleak::forget", TkleakForgetObjCmd},
    {"::tkleak::summary", TkleakSummaryObjCmd},
    {"::tkleak::objects", TkleakObjectsObjCmd},
    {"::tkleak::diff", TkleakDiffObjCmd},
    {"::tkleak::new", TkleakNewObjCmd},
    {"::tkleak::gone", TkleakGoneObjCmd},
    {"::tkleak::grown", TkleakGrownObjCmd},
    {"::tkleak::format_diff", TkleakFormatDiffObjCmd},
    {"::tkleak::print_diff", TkleakPrintDiffObjCmd},
    {"::tkleak::calibrate", TkleakCalibrateObjCmd},
    {"::tkleak::heap", TkleakHeapObjCmd},
    {"::tkleak::gc", TkleakGcObjCmd},
    {"::tkleak::configure", TkleakConfigureObjCmd},
    {"::tkleak::refs", TkleakRefsObjCmd},
    {"::tkleak::orphans", TkleakOrphansObjCmd},
    {"::tkleak::widget", TkleakWidgetObjCmd},
    {"::tkleak::record", TkleakRecordObjCmd},
    {"::tkleak::origin", TkleakOriginObjCmd},
    {NULL, NULL}
};

/*
 * The last interpreter asked about in this thread and its state: the
 * recording hooks ask on every call, and Tcl_GetAssocData is a string
 * hash lookup. Cleared when that state goes.
 */

static __thread Tcl_Interp *lastInterp;
static __thread TkleakState *lastState;

/*
 * DeleteState --
 *
 *	AssocData delete proc: frees the snapshots when the interpreter
 *	goes away.
 */

static void
DeleteState(
    ClientData clientData,
    Tcl_Interp *interp)
{
    TkleakState *statePtr = clientData;

    (void) interp;
    if (lastState == statePtr) {
	lastInterp = NULL;
	lastState = NULL;
    }
    TkleakRecordFree(statePtr);
    TkleakOriginFree(statePtr);
    TkleakDeleteObjTable(&statePtr->memo, 0);
    TkleakDeleteObjTable(&statePtr->refCache, 0);
    TkleakSlotWordsFree(statePtr);
    TkleakFreeSnapshots(statePtr);
    TkleakCensusFree(statePtr->reference);
    TkleakCensusFree(statePtr->loadPtr);
    TkleakDeleteObjTable(&statePtr->seen, 0);
    if (statePtr->lastUnread != NULL) {
	Tcl_DecrRefCount(statePtr->lastUnread);
    }
    Tcl_DeleteHashTable(&statePtr->procKinds);
    Tcl_DeleteHashTable(&statePtr->coreProcs);
    TkleakWalkFree(statePtr);
    Tcl_Free((char *) statePtr);
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakGetState --
 *
 *	The interpreter's tkleak state, made on first use.
 *
 * Results:
 *	The state, owned by the interpreter (AssocData "tkleak").
 *
 *----------------------------------------------------------------------
 */

TkleakState *
TkleakGetState(
    Tcl_Interp *interp)
{
    TkleakState *statePtr;

    if (interp == lastInterp) {
	return lastState;
    }
    statePtr = Tcl_GetAssocData(interp, STATE_KEY, NULL);
    if (statePtr == NULL) {
	statePtr = (TkleakState *) Tcl_Alloc(sizeof(TkleakState));
	memset(statePtr, 0, sizeof(TkleakState));
	statePtr->interp = interp;
	statePtr->snapshotRefs = 0;
	statePtr->depth = 8;
	statePtr->origins_on = 1;
	Tcl_InitHashTable(&statePtr->memo, TCL_STRING_KEYS);
	Tcl_InitHashTable(&statePtr->refCache, TCL_STRING_KEYS);
	Tcl_InitHashTable(&statePtr->origins, TCL_STRING_KEYS);
	Tcl_InitHashTable(&statePtr->stacks, TCL_STRING_KEYS);
	Tcl_InitHashTable(&statePtr->seen, TCL_STRING_KEYS);
	Tcl_InitHashTable(&statePtr->procKinds, TCL_ONE_WORD_KEYS);
	Tcl_InitHashTable(&statePtr->coreProcs, TCL_STRING_KEYS);
	Tcl_SetAssocData(interp, STATE_KEY, DeleteState, statePtr);
    }
    if (!Tcl_InterpDeleted(interp)) {
	lastInterp = interp;
	lastState = statePtr;
    }
    return statePtr;
}

/*
 * ProbeCommand --
 *
 *	The objProc of the command NAME, which is then deleted.
 */

static Tcl_ObjCmdProc *
ProbeCommand(
    Tcl_Interp *interp,
    const char *name)
{
    Tcl_CmdInfo info;
    Tcl_ObjCmdProc *objProc = NULL;

    if (Tcl_GetCommandInfo(interp, name, &info)) {
	objProc = info.objProc;
	Tcl_DeleteCommand(interp, name);
    }
    return objProc;
}

static int
EvalWords(
    Tcl_Interp *interp,
    int objc,
    const char *const words[])
{
    Tcl_Obj *objv[4];
    int i, code;

    for (i = 0; i < objc; i++) {
	objv[i] = Tcl_NewStringObj(words[i], -1);
	Tcl_IncrRefCount(objv[i]);
    }
    code = Tcl_EvalObjv(interp, objc, objv, TCL_EVAL_GLOBAL);
    for (i = 0; i < objc; i++) {
	Tcl_DecrRefCount(objv[i]);
    }
    return code;
}

/*
 * ProbeTcl --
 *
 *	Learn the command procedures of a proc, an alias, an import and a
 *	TclOO object (and the object namespace's early delete proc, and
 *	"my"), so a census can tell command kinds apart with public calls
 *	and pointer comparisons alone. Nothing of the app's runs: the
 *	proc's procedure comes from Tcl's internal stubs (the private
 *	build; the public one makes a proc with "proc", as tkleak's own
 *	scripts do when they load), the alias and the import are made with
 *	Tcl's C API under ::tkleak, and the TclOO kinds are read off
 *	::oo::object itself, which is an object, instead of making one.
 */

static void
ProbeTcl(
    TkleakState *statePtr,
    Tcl_Interp *interp)
{
    static const char *const procWords[] =
	    {"::proc", "::tkleak::ProbeProc", "", ""};
    static const char *const roots[] = {"::oo::object", "::oo::class", NULL};
    Tcl_Namespace *fromPtr, *toPtr;
    Tcl_Obj *nameObj;
    Tcl_Object object = NULL;
    int i;

    statePtr->procProc = TkleakWalkProcProc();
    if (statePtr->procProc == NULL && EvalWords(interp, 4, procWords) == TCL_OK) {
	statePtr->procProc = ProbeCommand(interp, "::tkleak::ProbeProc");
    }
    if (Tcl_CreateAlias(interp, "::tkleak::ProbeAlias", interp, "::list",
	    0, NULL) == TCL_OK) {
	statePtr->aliasProc = ProbeCommand(interp, "::tkleak::ProbeAlias");
    }
    fromPtr = Tcl_CreateNamespace(interp, "::tkleak::ProbeFrom", NULL, NULL);
    toPtr = Tcl_CreateNamespace(interp, "::tkleak::ProbeTo", NULL, NULL);
    if (fromPtr && toPtr) {
	Tcl_CreateObjCommand(interp, "::tkleak::ProbeFrom::p",
		TkleakHeapObjCmd, NULL, NULL);
	if (Tcl_Export(interp, fromPtr, "p", 0) == TCL_OK
		&& Tcl_Import(interp, toPtr, "::tkleak::ProbeFrom::p", 0)
		== TCL_OK) {
	    statePtr->importProc = ProbeCommand(interp, "::tkleak::ProbeTo::p");
	}
    }
    if (fromPtr) {
	Tcl_DeleteNamespace(fromPtr);
    }
    if (toPtr) {
	Tcl_DeleteNamespace(toPtr);
    }

    /*
     * Tcl_GetObjectFromObj accepts only a command that is an object's
     * own, so an app's proc at ::oo::object is passed over.
     */

    for (i = 0; roots[i] != NULL && object == NULL; i++) {
	nameObj = Tcl_NewStringObj(roots[i], -1);
	Tcl_IncrRefCount(nameObj);
	object = Tcl_GetObjectFromObj(interp, nameObj);
	Tcl_DecrRefCount(nameObj);
    }
    if (object != NULL) {
	Tcl_CmdInfo info;
	Tcl_Obj *myObj = Tcl_ObjPrintf("%s::my",
		Tcl_GetObjectNamespace(object)->fullName);

	statePtr->objNsProc =
		TkleakWalkNsEarlyDelete(Tcl_GetObjectNamespace(object));
	if (Tcl_GetCommandInfoFromToken(Tcl_GetObjectCommand(object), &info)) {
	    statePtr->objectProc = info.objProc;
	}
	Tcl_IncrRefCount(myObj);
	if (Tcl_GetCommandInfo(interp, Tcl_GetString(myObj), &info)) {
	    statePtr->myProc = info.objProc;
	}
	Tcl_DecrRefCount(myObj);
    }
    Tcl_ResetResult(interp);
}

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
 *----------------------------------------------------------------------
 */

int
TkleakInitTk(
    TkleakState *statePtr,
    Tcl_Interp *interp)
{
    Tk_Window mainWin;

    if (!statePtr->tkReady) {
	if (Tcl_PkgPresent(interp, "Tk", NULL, 0) == NULL
		|| Tk_InitStubs(interp, "8.6", 0) == NULL
		|| Tk_MainWindow(interp) == NULL) {
	    Tcl_ResetResult(interp);
	    return 0;
	}
	statePtr->tkReady = 1;
	TkleakCoreLibraries(statePtr, 1);
    }
    if (statePtr->menuClassProcs == NULL
	    || statePtr->canvasClassProcs == NULL) {
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
 *----------------------------------------------------------------------
 *
 * Tkleak_Init --
 *
 *	Load the tkleak package into INTERP: Tcl (and Tk when present)
 *	stubs, the ::tkleak commands, the probes, and the reference census
 *	of print_diff.
 *
 * Results:
 *	TCL_OK, or TCL_ERROR with a message.
 *
 *----------------------------------------------------------------------
 */

DLLEXPORT int
Tkleak_Init(
    Tcl_Interp *interp)
{
    TkleakState *statePtr;
    int i;

    if (Tcl_InitStubs(interp, "8.6", 0) == NULL
	    || Tcl_OOInitStubs(interp) == NULL) {
	return TCL_ERROR;
    }
    if (Tcl_CreateNamespace(interp, "::tkleak", NULL, NULL) == NULL
	    && Tcl_FindNamespace(interp, "::tkleak", NULL, 0) == NULL) {
	return TCL_ERROR;
    }
    statePtr = TkleakGetState(interp);
    for (i = 0; commands[i].name != NULL; i++) {
	Tcl_CreateObjCommand(interp, commands[i].name, commands[i].proc,
		statePtr, NULL);
    }
    if (statePtr->procProc == NULL) {
	ProbeTcl(statePtr, interp);
	TkleakCoreLibraries(statePtr, 0);
    }
    TkleakInitTk(statePtr, interp);
    if (statePtr->reference == NULL
	    && TkleakCensusTake(statePtr, interp, &statePtr->reference)
		!= TCL_OK) {
	return TCL_ERROR;
    }
    if (statePtr->loadPtr == NULL
	    && TkleakCensusTake(statePtr, interp, &statePtr->loadPtr)
		!= TCL_OK) {
	return TCL_ERROR;
    }
    return Tcl_PkgProvide(interp, "tkleak", PACKAGE_VERSION);
}

/*
 *----------------------------------------------------------------------
 *
 * Tkleak_SafeInit --
 *
 *	tkleak refuses safe interpreters: a census reads the whole process
 *	(heap, RSS, every namespace of the interpreter), which is exactly
 *	what a safe interpreter must not see.
 *
 *----------------------------------------------------------------------
 */

DLLEXPORT int
Tkleak_SafeInit(
    Tcl_Interp *interp)
{
    Tcl_SetObjResult(interp, Tcl_NewStringObj(
	    "tkleak cannot be loaded into a safe interpreter", -1));
    Tcl_SetErrorCode(interp, "TKLEAK", "SAFE", (char *) NULL);
    return TCL_ERROR;
}
