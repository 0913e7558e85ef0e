/*
 * typeof.c --
 *
 *	tkleak::typeof name: the census types of what one name names, as
 *	a census would count it, without taking a census. The panel's
 *	Details view asks it of the name a user types; before it, the panel
 *	took a whole census and listed every command type to classify one
 *	name.
 *
 *	Notes on implementation: a name may name several things at once (a
 *	window and its widget command, an image and its command, a command
 *	and a namespace). What the census counts decides what is reported:
 *	a widget's command and an image's command are part of the widget
 *	and the image, not commands of their own, and tkleak's own windows,
 *	commands and namespaces are left out. Everything is looked up
 *	through Tcl's and Tk's own C procedures (Tk_NameToWindow,
 *	Tk_GetImageMasterData, Tcl_FindCommand, Tcl_FindNamespace); no
 *	command is called, no variable is read (a read trace would run the
 *	app's code), and the name is read as a string only.
 *
 * Copyright (c) 2026 the tkleak developers. See the file "LICENSE".
 */

#include "config.h"
#include <string.h>
#include "tkleakInt.h"

static void	AppendType(Tcl_Obj *listPtr, const char *prefix,
			    const char *name);
static const char *ObjectType(TkleakState *statePtr, Tcl_Interp *interp,
			    const char *fq, Tcl_DString *dsPtr);

/*
 * AppendType --
 *
 *	Appends the census type PREFIX + NAME ("widget " + "Button") to the
 *	list LISTPTR, which the caller owns.
 */

static void
AppendType(
    Tcl_Obj *listPtr,
    const char *prefix,
    const char *name)
{
    Tcl_Obj *typePtr = Tcl_NewStringObj(prefix, -1);

    Tcl_AppendToObj(typePtr, name, -1);
    Tcl_ListObjAppendElement(NULL, listPtr, typePtr);
}

/*
 * ObjectType --
 *
 *	The type "object CLASS" of the TclOO object FQ when the private
 *	walk cannot name its class (TkleakCommandType returned NULL): its
 *	class asked of Tcl's own "info object class", as the public census
 *	does (TkleakCallCore refuses anything but Tcl's own command).
 *
 * Results:
 *	DSPTR's string, or NULL when FQ is no object or its class is
 *	unknown. The interpreter's result and error state are put back.
 */

static const char *
ObjectType(
    TkleakState *statePtr,
    Tcl_Interp *interp,
    const char *fq,
    Tcl_DString *dsPtr)
{
    TkleakCollect ctx;
    Tcl_InterpState saved;
    Tcl_Obj *objv[4], *classNamePtr = NULL;
    const char *result = NULL;
    int i;

    memset(&ctx, 0, sizeof(ctx));
    ctx.statePtr = statePtr;
    ctx.interp = interp;
    objv[0] = Tcl_NewStringObj("info", 4);
    objv[1] = Tcl_NewStringObj("object", 6);
    objv[2] = Tcl_NewStringObj("class", 5);
    objv[3] = Tcl_NewStringObj(fq, -1);
    for (i = 0; i < 4; i++) {
	Tcl_IncrRefCount(objv[i]);
    }
    saved = Tcl_SaveInterpState(interp, TCL_OK);
    if (TkleakCallCore(&ctx, "::info", 4, objv, &classNamePtr) == TCL_OK) {
	Tcl_DStringAppend(dsPtr, "object ", 7);
	Tcl_DStringAppend(dsPtr, Tcl_GetString(classNamePtr), -1);
	Tcl_DecrRefCount(classNamePtr);
	result = Tcl_DStringValue(dsPtr);
    }
    Tcl_RestoreInterpState(interp, saved);
    for (i = 0; i < 4; i++) {
	Tcl_DecrRefCount(objv[i]);
    }
    if (ctx.hullsPtr != NULL) {
	Tcl_DeleteHashTable(ctx.hullsPtr);
	Tcl_Free((char *) ctx.hullsPtr);
    }
    if (ctx.unreadPtr != NULL) {
	Tcl_DeleteHashTable(ctx.unreadPtr);
	Tcl_Free((char *) ctx.unreadPtr);
    }
    return result;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakTypeofObjCmd --
 *
 *	tkleak::typeof name: the census types of what NAME names, in this
 *	order: "widget CLASS" (a window of this application), "image TYPE",
 *	the command's type ("command proc", ..., "object CLASS") unless the
 *	command is the window's or the image's own, and "namespace". A
 *	command or namespace name is resolved from the global namespace.
 *
 * Results:
 *	TCL_OK with a new list (empty when NAME names nothing the census
 *	counts, tkleak's own names included), or TCL_ERROR with TKLEAK
 *	USAGE for a wrong number of arguments.
 *
 * Side effects:
 *	None: no command is called but Tcl's own "info object class" (for
 *	an object whose class the private walk cannot name), and the
 *	interpreter's result and error state are put back after it.
 *
 *----------------------------------------------------------------------
 */

int
TkleakTypeofObjCmd(
    ClientData clientData,
    Tcl_Interp *interp,
    int objc,
    Tcl_Obj *const objv[])
{
    TkleakState *statePtr = clientData;
    Tcl_Obj *listPtr, *fqPtr;
    Tcl_Command token;
    Tcl_Namespace *nsPtr;
    const char *name, *fq;
    int isWindow = 0, isImage = 0;

    if (objc != 2) {
	Tcl_WrongNumArgs(interp, 1, objv, "name");
	Tcl_SetErrorCode(interp, "TKLEAK", "USAGE", (char *) NULL);
	return TCL_ERROR;
    }
    name = Tcl_GetString(objv[1]);
    listPtr = Tcl_NewListObj(0, NULL);

    if (TkleakInitTk(statePtr, interp) && Tk_MainWindow(interp) != NULL) {
	const Tk_ImageType *imageTypePtr = NULL;

	if (name[0] == '.') {
	    Tk_Window tkwin = Tk_NameToWindow(interp, name,
		    Tk_MainWindow(interp));

	    Tcl_ResetResult(interp);
	    if (tkwin != NULL) {
		isWindow = 1;
		if (!TkleakIsOwnWindow(name)) {
		    AppendType(listPtr, "widget ",
			    Tk_Class(tkwin) ? Tk_Class(tkwin) : "");
		}
	    }
	}
	(void) Tk_GetImageMasterData(interp, name, &imageTypePtr);
	if (imageTypePtr != NULL) {
	    isImage = 1;
	    if (!TkleakIsOwnName(name)) {
		AppendType(listPtr, "image ", imageTypePtr->name);
	    }
	}
    }

    token = Tcl_FindCommand(interp, name, NULL, TCL_GLOBAL_ONLY);
    if (token != NULL) {
	fqPtr = Tcl_NewObj();
	Tcl_IncrRefCount(fqPtr);
	Tcl_GetCommandFullName(interp, token, fqPtr);
	fq = Tcl_GetString(fqPtr);

	/*
	 * A window's or an image's own command is counted with it; so is
	 * the ::tkleak ensemble with tkleak.
	 */

	if (!isWindow && !isImage && !TkleakIsOwnName(fq)
		&& !(fq[0] == ':' && fq[1] == ':' && fq[2] == '.'
		    && TkleakIsOwnWindow(fq + 2))
		&& strcmp(fq, "::tkleak") != 0) {
	    Tcl_DString ds;
	    const char *type;

	    Tcl_DStringInit(&ds);
	    type = TkleakCommandType(statePtr, interp, token, fq, &ds);
	    if (type == NULL) {
		type = ObjectType(statePtr, interp, fq, &ds);
	    }
	    if (type != NULL) {
		AppendType(listPtr, "", type);
	    }
	    Tcl_DStringFree(&ds);
	}
	Tcl_DecrRefCount(fqPtr);
    }

    nsPtr = Tcl_FindNamespace(interp, name, NULL, TCL_GLOBAL_ONLY);
    if (nsPtr != NULL && !TkleakIsOwnNamespace(nsPtr->fullName)) {
	AppendType(listPtr, "namespace", "");
    }
    Tcl_SetObjResult(interp, listPtr);
    return TCL_OK;
}
