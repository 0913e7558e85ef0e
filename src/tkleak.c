/*
 * tkleak.c --
 *
 *	Tkleak_Init: registers the commands of the tkleak package, frees the
 *	per-interpreter state when its interpreter goes (core/state.c finds
 *	and makes it), and learns what the built-in command kinds look like
 *	in this process. Everything else is in the layer folders beside
 *	this file: see doc/hacking.md for the map.
 *
 * Copyright (c) 2026 the tkleak developers. See the file "LICENSE".
 */

#include "config.h"
#include <string.h>
#include "tkleakInt.h"

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
    {"::tkleak::orphanscan", TkleakOrphanScanObjCmd},
    {"::tkleak::widget", TkleakWidgetObjCmd},
    {"::tkleak::record", TkleakRecordObjCmd},
    {"::tkleak::origin", TkleakOriginObjCmd},
    {"::tkleak::typeof", TkleakTypeofObjCmd},
    {"::tkleak::pycallable", TkleakPyCallableObjCmd},
    {NULL, NULL}
};

/*
 * DeleteState --
 *
 *	Free an interpreter's state when it goes away (called by state.c's
 *	AssocData delete proc): what every layer keeps in it.
 */

static void
DeleteState(
    ClientData clientData,
    Tcl_Interp *interp)
{
    TkleakState *statePtr = clientData;

    (void) interp;
    TkleakOrphanScanFree(statePtr);
    TkleakRecordFree(statePtr);
    TkleakOriginFree(statePtr);
    TkleakCensusStateFree(statePtr);
    TkleakFreeSnapshots(statePtr);
    TkleakCensusFree(statePtr->query.reference);
    TkleakCensusFree(statePtr->query.loadPtr);
    TkleakSeenFree(statePtr);
    TkleakCoreFree(statePtr);
    TkleakWalkFree(statePtr);
    Tcl_Free((char *) statePtr);
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

    statePtr->core.procProc = TkleakWalkProcProc();
    if (statePtr->core.procProc == NULL && EvalWords(interp, 4, procWords) == TCL_OK) {
	statePtr->core.procProc = ProbeCommand(interp, "::tkleak::ProbeProc");
    }
    if (Tcl_CreateAlias(interp, "::tkleak::ProbeAlias", interp, "::list",
	    0, NULL) == TCL_OK) {
	statePtr->core.aliasProc = ProbeCommand(interp, "::tkleak::ProbeAlias");
    }
    fromPtr = Tcl_CreateNamespace(interp, "::tkleak::ProbeFrom", NULL, NULL);
    toPtr = Tcl_CreateNamespace(interp, "::tkleak::ProbeTo", NULL, NULL);
    if (fromPtr && toPtr) {
	Tcl_CreateObjCommand(interp, "::tkleak::ProbeFrom::p",
		TkleakHeapObjCmd, NULL, NULL);
	if (Tcl_Export(interp, fromPtr, "p", 0) == TCL_OK
		&& Tcl_Import(interp, toPtr, "::tkleak::ProbeFrom::p", 0)
		== TCL_OK) {
	    statePtr->core.importProc = ProbeCommand(interp, "::tkleak::ProbeTo::p");
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

	statePtr->core.objNsProc =
		TkleakWalkNsEarlyDelete(Tcl_GetObjectNamespace(object));
	if (Tcl_GetCommandInfoFromToken(Tcl_GetObjectCommand(object), &info)) {
	    statePtr->core.objectProc = info.objProc;
	}
	Tcl_IncrRefCount(myObj);
	if (Tcl_GetCommandInfo(interp, Tcl_GetString(myObj), &info)) {
	    statePtr->core.myProc = info.objProc;
	}
	Tcl_DecrRefCount(myObj);
    }
    Tcl_ResetResult(interp);
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
 * Side effects:
 *	The ::tkleak commands are made, the state is made (with its
 *	callbacks: widgetHasProc, originalProc, recordMemoryProc), command
 *	kinds are probed, and two censuses are taken (the reference of
 *	print_diff and the census at load).
 *
 *----------------------------------------------------------------------
 */

DLLEXPORT int
Tkleak_Init(
    Tcl_Interp *interp)
{
    TkleakState *statePtr;
    int i;

    if (Tcl_InitStubs(interp, TCL_VERSION, 0) == NULL
	    || Tcl_OOInitStubs(interp) == NULL) {
	return TCL_ERROR;
    }
    if (Tcl_CreateNamespace(interp, "::tkleak", NULL, NULL) == NULL
	    && Tcl_FindNamespace(interp, "::tkleak", NULL, 0) == NULL) {
	return TCL_ERROR;
    }
    TkleakStateFreeProc(DeleteState);
    statePtr = TkleakGetState(interp);
    statePtr->core.widgetHasProc = TkleakTkWidgetHas;
    statePtr->core.originalProc = TkleakRecordOriginal;
    statePtr->core.recordMemoryProc = TkleakRecordMemory;
    for (i = 0; commands[i].name != NULL; i++) {
	Tcl_CreateObjCommand(interp, commands[i].name, commands[i].proc,
		statePtr, NULL);
    }
    if (statePtr->core.procProc == NULL) {
	ProbeTcl(statePtr, interp);
	TkleakCoreLibraries(statePtr, 0);
    }
    TkleakInitTk(statePtr, interp);
    TkleakSizesInit();
    if (statePtr->query.reference == NULL
	    && TkleakCensusTake(statePtr, interp, &statePtr->query.reference)
		!= TCL_OK) {
	return TCL_ERROR;
    }
    if (statePtr->query.loadPtr == NULL
	    && TkleakCensusTake(statePtr, interp, &statePtr->query.loadPtr)
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
 * Results:
 *	TCL_ERROR with TKLEAK SAFE.
 *
 * Side effects:
 *	None.
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
