/*
 * resolve.c --
 *
 *	The one resolver: what a word names in the app, as index keys
 *	(heart/keys.h: command, image, window; TkleakResolveKeys). The
 *	index, recording, origins and the live check all ask here, so that
 *	they agree. Whether the object of a key still exists is asked of
 *	the store that keeps keys (TkleakKeyAlive, store/seen.c).
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
 * TkleakResolveKeys --
 *
 *	The one answer to "what does this word name": every object NAME
 *	names in the app, as index keys, in this order: "w" + NAME when it
 *	is a window's path, "i" + NAME when an image has that name, "c" +
 *	the fully qualified command Tcl would call for NAME from the global
 *	namespace (without "unknown", running nothing) unless NAME is a
 *	window's path, whose command is the window's own. A name can be a
 *	command and an image at once (a proc made after the image's own
 *	command was renamed away): it names both, and a slot naming it
 *	refers to both. tkleak's own windows, images and commands are no
 *	keys. Used by the index, tkleak::refs, the live orphan check and
 *	recording, so that they all agree.
 *
 * Results:
 *	A new list object (no reference held), empty when NAME names
 *	nothing.
 *
 * Side effects:
 *	The interpreter's result may be changed; callers save it.
 *
 *----------------------------------------------------------------------
 */

Tcl_Obj *
TkleakResolveKeys(
    TkleakState *statePtr,
    Tcl_Interp *interp,
    const char *name)
{
    return TkleakResolveKeysEx(statePtr, interp, name, 1);
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakResolveKeysEx --
 *
 *	TkleakResolveKeys, or with COMMANDS 0 only its window and image
 *	keys (the same ones, in the same order), for a word that can name
 *	no command (an argument word: TkleakWordMayName): the command
 *	lookup is the dearest part, and most words of a script are such.
 *
 * Results:
 *	As TkleakResolveKeys.
 *
 * Side effects:
 *	As TkleakResolveKeys.
 *
 *----------------------------------------------------------------------
 */

Tcl_Obj *
TkleakResolveKeysEx(
    TkleakState *statePtr,
    Tcl_Interp *interp,
    const char *name,
    int commands)
{
    Tcl_Obj *keysPtr = Tcl_NewListObj(0, NULL);
    Tcl_Command token;
    Tk_Window mainWin;
    int isWindow = 0;

    if (statePtr->tk.tkReady && (mainWin = Tk_MainWindow(interp)) != NULL) {
	const Tk_ImageType *typePtr = NULL;

	if (name[0] == '.' && Tk_NameToWindow(interp, name, mainWin)) {
	    isWindow = 1;
	    if (!TkleakIsOwnWindow(name)) {
		Tcl_ListObjAppendElement(NULL, keysPtr,
			Tcl_ObjPrintf("%c%s", TKLEAK_KEY_WINDOW, name));
	    }
	}
	if (!TkleakIsOwnName(name)) {
	    (void) Tk_GetImageMasterData(interp, name, &typePtr);
	    if (typePtr != NULL) {
		Tcl_ListObjAppendElement(NULL, keysPtr,
			Tcl_ObjPrintf("%c%s", TKLEAK_KEY_IMAGE, name));
	    }
	}
    }
    token = (isWindow || !commands) ? NULL
	    : Tcl_FindCommand(interp, name, NULL, TCL_GLOBAL_ONLY);
    if (token != NULL) {
	Tcl_Obj *keyPtr = Tcl_NewStringObj(
		TkleakKeyPrefix(TKLEAK_KEY_COMMAND), 1);

	Tcl_GetCommandFullName(interp, token, keyPtr);
	if (TkleakIsOwnNamespace(Tcl_GetString(keyPtr) + 1)) {
	    Tcl_DecrRefCount(keyPtr);
	} else {
	    Tcl_ListObjAppendElement(NULL, keysPtr, keyPtr);
	}
    }
    return keysPtr;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakResolveKey --
 *
 *	The first key TkleakResolveKeys finds for NAME, for callers that
 *	want one object (tkleak::origin).
 *
 * Results:
 *	A new object (no reference held), or NULL when NAME names nothing.
 *
 * Side effects:
 *	The interpreter's result may be changed; callers save it.
 *
 *----------------------------------------------------------------------
 */

Tcl_Obj *
TkleakResolveKey(
    TkleakState *statePtr,
    Tcl_Interp *interp,
    const char *name)
{
    Tcl_Obj *keysPtr = TkleakResolveKeys(statePtr, interp, name), *firstPtr;
    Tcl_Obj *keyPtr = NULL;

    Tcl_IncrRefCount(keysPtr);
    if (Tcl_ListObjIndex(NULL, keysPtr, 0, &firstPtr) == TCL_OK
	    && firstPtr != NULL) {
	keyPtr = Tcl_DuplicateObj(firstPtr);
    }
    Tcl_DecrRefCount(keysPtr);
    return keyPtr;
}
