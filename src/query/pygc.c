/*
 * pygc.c --
 *
 *	Python's garbage collector, run before a census in a tkinter app
 *	that registered it ("tkleak gc", and leaktest before each of its
 *	censuses).
 *
 *	Notes on implementation:
 *
 *	In a tkinter app, an object that dies in a reference cycle keeps its
 *	Tcl side (a tkinter Variable's Tcl variable, an Image's photo, the
 *	wrapper command of a bound method) until Python's cyclic collector
 *	runs, and that happens when Python's allocation counters say so, not
 *	when a census is taken. The same action then reads as leaking in one
 *	run and clean in the next. A full collection first makes the census
 *	see what the app really keeps.
 *
 *	The collection must run as a tkinter callback. _tkinter keeps the
 *	Python thread state of a call into Tcl in Tcl thread data, sets it on
 *	each call into Tcl and clears it on return, and a Tcl command of its
 *	own takes it from there to re-enter Python. Taking the GIL from C
 *	(PyGILState_Ensure) and calling gc.collect() works until a finalizer
 *	calls into Tcl (tkinter's Variable.__del__ does): the nested return
 *	clears the saved state, and the next tkinter callback of the same
 *	call aborts Python ("PyEval_RestoreThread: ... NULL"). So the Python
 *	side registers the collector as a tkinter command, TKLEAK_COLLECTOR,
 *	and tkleak calls that: tkinter's own way into Python, which saves
 *	and restores its state. The tkleak Python module and tkleak-check
 *	--python register it; any tkinter app can with one line,
 *	root.tk.createcommand('::tkleak::PythonCollect', gc.collect).
 *	gc.collect() rather than a C collection, because the C one does
 *	nothing while the app has called gc.disable().
 *
 *	The collection runs Python finalizers (__del__ methods, weakref
 *	callbacks, tkinter's Variable.__del__ and Image.__del__, which unset
 *	variables and delete images), so it is never done inside a census:
 *	callers run it first and hold no pointer across it.
 *
 * Copyright (c) 2026 the tkleak developers. See the file "LICENSE".
 */

#include "config.h"
#include "tkleakInt.h"

#define TKLEAK_COLLECTOR "::tkleak::PythonCollect"

/*
 *----------------------------------------------------------------------
 *
 * TkleakPythonCollect --
 *
 *	Run Python's full garbage collection through the collector the
 *	Python side registered in INTERP, if it did.
 *
 * Results:
 *	TCL_OK with *COUNTPTR the count gc.collect() returned (unreachable
 *	objects found), or -1 when no collector is registered (a process
 *	without Python, or a tkinter app that did not register one).
 *	TCL_ERROR with the collector's error in INTERP's result, under the
 *	error code TKLEAK GC PYTHON.
 *
 * Side effects:
 *	Whatever Python's collector does: frees garbage and runs its
 *	finalizers, which may run scripts. Callers hold no pointer into Tcl
 *	or Tk records across this call.
 *
 *----------------------------------------------------------------------
 */

static int
TkleakPythonCollect(
    Tcl_Interp *interp,
    Tcl_WideInt *countPtr)
{
    Tcl_Obj *nameObj;
    Tcl_WideInt count;
    int code;

    *countPtr = -1;
    if (Tcl_FindCommand(interp, TKLEAK_COLLECTOR, NULL, TCL_GLOBAL_ONLY)
	    == NULL) {
	return TCL_OK;
    }
    nameObj = Tcl_NewStringObj(TKLEAK_COLLECTOR, -1);
    Tcl_IncrRefCount(nameObj);
    code = Tcl_EvalObjv(interp, 1, &nameObj, TCL_EVAL_GLOBAL);
    Tcl_DecrRefCount(nameObj);
    if (code == TCL_OK && Tcl_GetWideIntFromObj(NULL,
	    Tcl_GetObjResult(interp), &count) == TCL_OK && count >= 0) {
	Tcl_ResetResult(interp);
	*countPtr = count;
	return TCL_OK;
    }
    if (code == TCL_OK) {
	Tcl_SetObjResult(interp, Tcl_ObjPrintf("the Python collector "
		TKLEAK_COLLECTOR " returned \"%s\", not a count",
		Tcl_GetString(Tcl_GetObjResult(interp))));
    }
    Tcl_SetErrorCode(interp, "TKLEAK", "GC", "PYTHON", (char *) NULL);
    return TCL_ERROR;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakGcObjCmd --
 *
 *	"tkleak::gc": run Python's full garbage collection, for a census
 *	that should see only what the app really keeps.
 *
 * Results:
 *	The count of unreachable objects Python found, or -1 when no
 *	collector is registered. An error TKLEAK GC PYTHON when the
 *	collector failed.
 *
 * Side effects:
 *	See TkleakPythonCollect.
 *
 *----------------------------------------------------------------------
 */

int
TkleakGcObjCmd(
    ClientData clientData,
    Tcl_Interp *interp,
    int objc,
    Tcl_Obj *const objv[])
{
    Tcl_WideInt count;

    if (objc != 1) {
	Tcl_WrongNumArgs(interp, 1, objv, NULL);
	Tcl_SetErrorCode(interp, "TKLEAK", "USAGE", (char *) NULL);
	return TCL_ERROR;
    }
    if (TkleakPythonCollect(interp, &count) != TCL_OK) {
	return TCL_ERROR;
    }
    Tcl_SetObjResult(interp, Tcl_NewWideIntObj(count));
    return TCL_OK;
}
