/*
 * call.c --
 *
 *	Calling a widget command the safe way: Tk's own widget command of a
 *	window through its C procedure, never whatever the app put at the
 *	window's path (TkleakCallWidget), and noting the widgets whose slots
 *	could not be read so (TkleakNoteUnread).
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
