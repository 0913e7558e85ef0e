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

/*
 * What one name was found to be, before it becomes keys (LookUp).
 */

typedef struct Named {
    int window;			/* A window's path. */
    int image;			/* An image's name (not tkleak's own). */
    Tcl_Command token;		/* The command Tcl would call, or NULL. */
} Named;

/*
 * LookUp --
 *
 *	The lookups of TkleakResolveKeysEx, into *NPTR: the one place that
 *	decides what a name is.
 */

static void
LookUp(
    TkleakState *statePtr,
    Tcl_Interp *interp,
    const char *name,
    int commands,
    Named *nPtr)
{
    Tk_Window mainWin;

    nPtr->window = nPtr->image = 0;
    nPtr->token = NULL;
    if (statePtr->tk.tkReady && (mainWin = Tk_MainWindow(interp)) != NULL) {
	const Tk_ImageType *typePtr = NULL;

	if (name[0] == '.' && Tk_NameToWindow(interp, name, mainWin)) {
	    nPtr->window = 1;
	}
	if (!TkleakIsOwnName(name)) {
	    (void) Tk_GetImageMasterData(interp, name, &typePtr);
	    nPtr->image = typePtr != NULL;
	}
    }
    if (!nPtr->window && commands) {
	nPtr->token = Tcl_FindCommand(interp, name, NULL, TCL_GLOBAL_ONLY);
    }
}

Tcl_Obj *
TkleakResolveKeysEx(
    TkleakState *statePtr,
    Tcl_Interp *interp,
    const char *name,
    int commands)
{
    Tcl_Obj *keysPtr = Tcl_NewListObj(0, NULL);
    Named n;

    LookUp(statePtr, interp, name, commands, &n);
    if (n.window && !TkleakIsOwnWindow(name)) {
	Tcl_ListObjAppendElement(NULL, keysPtr,
		Tcl_ObjPrintf("%c%s", TKLEAK_KEY_WINDOW, name));
    }
    if (n.image) {
	Tcl_ListObjAppendElement(NULL, keysPtr,
		Tcl_ObjPrintf("%c%s", TKLEAK_KEY_IMAGE, name));
    }
    if (n.token != NULL) {
	Tcl_Obj *keyPtr = Tcl_NewStringObj(
		TkleakKeyPrefix(TKLEAK_KEY_COMMAND), 1);

	Tcl_GetCommandFullName(interp, n.token, keyPtr);
	if (TkleakIsOwnNamespace(Tcl_GetString(keyPtr) + 1)) {
	    Tcl_DecrRefCount(keyPtr);
	} else {
	    Tcl_ListObjAppendElement(NULL, keysPtr, keyPtr);
	}
    }
    return keysPtr;
}

/*
 * IsKey --
 *
 *	Whether KEYPTR is the key of kind KIND and name NAME.
 */

static int
IsKey(
    Tcl_Obj *keyPtr,
    char kind,
    const char *name)
{
    const char *key = Tcl_GetString(keyPtr);

    return key[0] == kind && strcmp(key + 1, name) == 0;
}

/*
 * IsCommandKey --
 *
 *	Whether KEYPTR is the command key of TOKEN: "c" and the command's
 *	full name as Tcl_GetCommandFullName makes it (its namespace's full
 *	name, "::" unless that is the global namespace, its name), compared
 *	without making it.
 */

static int
IsCommandKey(
    Tcl_Interp *interp,
    Tcl_Command token,
    Tcl_Obj *keyPtr)
{
    const char *key = Tcl_GetString(keyPtr), *ns;
    Tcl_CmdInfo info;
    size_t n;

    if (key[0] != TKLEAK_KEY_COMMAND
	    || !Tcl_GetCommandInfoFromToken(token, &info)
	    || info.namespacePtr == NULL) {
	return 0;
    }
    key++;
    ns = info.namespacePtr->fullName;
    n = strlen(ns);
    if (strncmp(key, ns, n) != 0) {
	return 0;
    }
    key += n;
    if (info.namespacePtr != Tcl_GetGlobalNamespace(interp)) {
	if (strncmp(key, "::", 2) != 0) {
	    return 0;
	}
	key += 2;
    }
    return strcmp(key, Tcl_GetCommandName(interp, token)) == 0;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakResolveKeysSame --
 *
 *	Whether TkleakResolveKeysEx (NAME, COMMANDS) would give now exactly
 *	the keys of KEYSPTR (a list an earlier call gave, or NULL for
 *	none): the same lookups, compared with the keys instead of making
 *	new ones. For a scan that met NAME in the scan before: most names
 *	still name what they named.
 *
 * Results:
 *	1 when the keys would be the same, else 0.
 *
 * Side effects:
 *	As TkleakResolveKeys.
 *
 *----------------------------------------------------------------------
 */

int
TkleakResolveKeysSame(
    TkleakState *statePtr,
    Tcl_Interp *interp,
    const char *name,
    int commands,
    Tcl_Obj *keysPtr)
{
    Tcl_Obj **kv = NULL;
    Tcl_Size kc = 0, k = 0;
    Named n;

    if (keysPtr != NULL
	    && Tcl_ListObjGetElements(NULL, keysPtr, &kc, &kv) != TCL_OK) {
	return 0;
    }
    LookUp(statePtr, interp, name, commands, &n);
    if (n.window && !TkleakIsOwnWindow(name)) {
	if (k >= kc || !IsKey(kv[k], TKLEAK_KEY_WINDOW, name)) {
	    return 0;
	}
	k++;
    }
    if (n.image) {
	if (k >= kc || !IsKey(kv[k], TKLEAK_KEY_IMAGE, name)) {
	    return 0;
	}
	k++;
    }
    if (n.token != NULL) {
	/*
	 * A command of tkleak's own namespace is no key: whether it is,
	 * the full lookup says (0 here).
	 */

	if (k >= kc || !IsCommandKey(interp, n.token, kv[k])) {
	    return 0;
	}
	k++;
    }
    return k == kc;
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
