/*
 * widget.c --
 *
 *	tkleak::widget: what the panel's Details view shows of a window.
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
 * TkleakWidgetObjCmd --
 *
 *	tkleak::widget path: what the panel's Details view shows of a
 *	window, read only through Tk's own C procedures, so that no
 *	megawidget method runs: a dict {class C manager M mapped 0|1 read
 *	0|1 options L}, L the widget's "configure" list from Tk's own
 *	widget command (TkleakWidgetCommand), empty with read 0 when there
 *	is none to be found.
 *
 * Results:
 *	TCL_OK, or TCL_ERROR with TKLEAK USAGE or TKLEAK WIDGET UNKNOWN.
 *
 * Side effects:
 *	Tk's own widget command and "winfo manager" run through their C
 *	procedures; the interpreter's result is replaced.
 *
 *----------------------------------------------------------------------
 */

int
TkleakWidgetObjCmd(
    ClientData clientData,
    Tcl_Interp *interp,
    int objc,
    Tcl_Obj *const objv[])
{
    TkleakState *statePtr = clientData;
    TkleakCollect ctx;
    Tcl_InterpState saved;
    Tk_Window tkwin = NULL;
    Tcl_Obj *dictPtr, *optionsPtr = NULL, *managerPtr = NULL, *wv[3];
    const char *path, *words[2];
    int i;

    if (objc != 2) {
	Tcl_WrongNumArgs(interp, 1, objv, "path");
	Tcl_SetErrorCode(interp, "TKLEAK", "USAGE", (char *) NULL);
	return TCL_ERROR;
    }
    path = Tcl_GetString(objv[1]);
    if (path[0] == '.' && TkleakInitTk(statePtr, interp)
	    && Tk_MainWindow(interp) != NULL) {
	tkwin = Tk_NameToWindow(interp, path, Tk_MainWindow(interp));
	Tcl_ResetResult(interp);
    }
    if (tkwin == NULL) {
	Tcl_SetObjResult(interp, Tcl_ObjPrintf("no window named \"%s\"",
		path));
	Tcl_SetErrorCode(interp, "TKLEAK", "WIDGET", "UNKNOWN", path,
		(char *) NULL);
	return TCL_ERROR;
    }
    memset(&ctx, 0, sizeof(ctx));
    ctx.statePtr = statePtr;
    ctx.interp = interp;
    saved = Tcl_SaveInterpState(interp, TCL_OK);
    words[1] = "configure";
    if (TkleakCallWidget(&ctx, path, 2, words, &optionsPtr) != TCL_OK) {
	optionsPtr = NULL;
    }
    wv[0] = Tcl_NewStringObj("winfo", 5);
    wv[1] = Tcl_NewStringObj("manager", 7);
    wv[2] = Tcl_NewStringObj(path, -1);
    for (i = 0; i < 3; i++) {
	Tcl_IncrRefCount(wv[i]);
    }
    if (TkleakCallCore(&ctx, "::winfo", 3, wv, &managerPtr) != TCL_OK) {
	managerPtr = NULL;
    }
    for (i = 0; i < 3; i++) {
	Tcl_DecrRefCount(wv[i]);
    }
    Tcl_RestoreInterpState(interp, saved);
    if (ctx.hullsPtr != NULL) {
	Tcl_DeleteHashTable(ctx.hullsPtr);
	Tcl_Free((char *) ctx.hullsPtr);
    }
    if (ctx.unreadPtr != NULL) {
	Tcl_DeleteHashTable(ctx.unreadPtr);
	Tcl_Free((char *) ctx.unreadPtr);
    }
    dictPtr = Tcl_NewDictObj();
    Tcl_DictObjPut(NULL, dictPtr, Tcl_NewStringObj("class", 5),
	    Tcl_NewStringObj(Tk_Class(tkwin) ? Tk_Class(tkwin) : "", -1));
    Tcl_DictObjPut(NULL, dictPtr, Tcl_NewStringObj("manager", 7),
	    managerPtr ? managerPtr : Tcl_NewObj());
    Tcl_DictObjPut(NULL, dictPtr, Tcl_NewStringObj("mapped", 6),
	    Tcl_NewIntObj(Tk_IsMapped(tkwin) != 0));
    Tcl_DictObjPut(NULL, dictPtr, Tcl_NewStringObj("read", 4),
	    Tcl_NewIntObj(optionsPtr != NULL));
    Tcl_DictObjPut(NULL, dictPtr, Tcl_NewStringObj("options", 7),
	    optionsPtr ? optionsPtr : Tcl_NewObj());
    if (managerPtr != NULL) {
	Tcl_DecrRefCount(managerPtr);
    }
    if (optionsPtr != NULL) {
	Tcl_DecrRefCount(optionsPtr);
    }
    Tcl_SetObjResult(interp, dictPtr);
    return TCL_OK;
}
