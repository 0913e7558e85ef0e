/*
 * sink.c --
 *
 *	The sink of a census: where every walker, private or public, puts
 *	what it finds. Each object is counted by type with its identity and
 *	size (TkleakAddFixed, TkleakAddTyped), commands by kind
 *	(TkleakCountCommand), windows, images, bind tags and bindings with
 *	what the rest of the census needs to remember of them.
 *
 * Copyright (c) 2026 the tkleak developers. See the file "LICENSE".
 */

#define _GNU_SOURCE
#include "config.h"
#include <stdlib.h>
#include <string.h>
#include "tkleakInt.h"

static void	TkleakAddImage(TkleakCollect *ctxPtr,
			    const Tk_ImageType *typePtr, const char *name,
			    size_t bytes);

static const char *const fixedNames[TT_COUNT] = {
    "command proc", "command alias", "command ensemble", "command tkinter",
    "command native", "namespace", "variable", "array element", "font",
    "after", "channel", "interp", "binding", "menu entry", "canvas item", "trace"
};

/*
 * ImageSig --
 *
 *	Which bit of the collector's imageSig filter stands for a fully
 *	qualified command name of LEN bytes whose last byte is LAST.
 *	TkleakCountCommand looks a command up among the image commands only
 *	when its bit is set.
 */

static inline unsigned
ImageSig(
    size_t len,
    int last)
{
    return (unsigned) (((len & 15) << 4) | ((unsigned char) last & 15));
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakAddFixed --
 *
 *	Count one object of a fixed type (command proc, namespace, ...).
 *	On a memory shortage the census is marked failed.
 *
 * Results:
 *	None.
 *
 * Side effects:
 *	The census gets the object's identity (copied) under its type; on a
 *	memory shortage the census is marked failed.
 *
 *----------------------------------------------------------------------
 */

void
TkleakAddFixed(
    TkleakCollect *ctxPtr,
    int which,
    const char *id,
    size_t idLen,
    size_t bytes)
{
    int type = ctxPtr->fixed[which];

    if (ctxPtr->failed) {
	return;
    }
    if (type < 0) {
	type = TkleakCensusType(ctxPtr->censusPtr, fixedNames[which],
		strlen(fixedNames[which]));
	if (type < 0) {
	    ctxPtr->failed = 1;
	    return;
	}
	ctxPtr->fixed[which] = type;
    }
    if (TkleakCensusAdd(ctxPtr->censusPtr, type, id, idLen, bytes) != 0) {
	ctxPtr->failed = 1;
    }
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakAddTyped --
 *
 *	Count one object of a type named PREFIX SUFFIX ("widget Button",
 *	"object ::Thing", "image photo"). KEY identifies the type cheaply
 *	(a class Uid, a Tcl_Class, an image type) so the name is built once
 *	per type; distinct keys must not share a prefix and suffix... nor
 *	need they: two keys with one name map to one row.
 *
 *----------------------------------------------------------------------
 */

static void
TkleakAddTyped(
    TkleakCollect *ctxPtr,
    const void *key,
    const char *prefix,
    const char *suffix,
    const char *id,
    size_t idLen,
    size_t bytes)
{
    Tcl_HashEntry *hPtr;
    int isNew, type;

    if (ctxPtr->failed) {
	return;
    }
    hPtr = Tcl_CreateHashEntry(&ctxPtr->classTypes, key, &isNew);
    if (isNew) {
	Tcl_DString ds;

	Tcl_DStringInit(&ds);
	Tcl_DStringAppend(&ds, prefix, -1);
	Tcl_DStringAppend(&ds, suffix ? suffix : "", -1);
	type = TkleakCensusType(ctxPtr->censusPtr, Tcl_DStringValue(&ds),
		Tcl_DStringLength(&ds));
	Tcl_DStringFree(&ds);
	if (type < 0) {
	    Tcl_DeleteHashEntry(hPtr);
	    ctxPtr->failed = 1;
	    return;
	}
	Tcl_SetHashValue(hPtr, TKLEAK_I2P(type + 1));
    }
    type = TKLEAK_P2I(Tcl_GetHashValue(hPtr)) - 1;
    if (TkleakCensusAdd(ctxPtr->censusPtr, type, id, idLen, bytes) != 0) {
	ctxPtr->failed = 1;
    }
}

/*
 * ProcKind --
 *
 *	Which kind of C command TOKEN is, whose object procedure is
 *	OBJPROC: a TclOO object, a tkinter callback wrapper or another
 *	native command. A command made with Tcl_CreateCommand (string
 *	arguments) has Tcl's own trampoline as its object procedure, and
 *	its library is that of its string procedure: Python 3.6's _tkinter
 *	makes its wrappers so.
 */

static int
ProcKind(
    TkleakState *statePtr,
    Tcl_Command token,
    Tcl_ObjCmdProc *objProc,
    Tcl_ObjCmdProc **tkinterProcPtr)
{
    Tcl_CmdInfo info;
    int kind;

    if (objProc == statePtr->core.objectProc) {
	return KIND_OBJECT;
    }

    /*
     * A tkinter app has tens of thousands of wrappers with one object
     * procedure: TKINTERPROCPTR (when not NULL) keeps the last one found
     * in _tkinter, which saves a lookup of the kind per command.
     */

    if (tkinterProcPtr != NULL && objProc == *tkinterProcPtr
	    && objProc != NULL) {
	return KIND_TKINTER;
    }
    kind = TkleakLibraryKind(statePtr, (void *) objProc);
    if (kind == KIND_TKINTER && tkinterProcPtr != NULL) {
	*tkinterProcPtr = objProc;
    }
    if (kind != KIND_TKINTER && Tcl_GetCommandInfoFromToken(token, &info)
	    && !info.isNativeObjectProc && info.proc != NULL) {
	kind = TkleakLibraryKind(statePtr, (void *) info.proc);
    }
    return kind;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakCommandType --
 *
 *	The census type of the command TOKEN, whose fully qualified name is
 *	FQ, as TkleakCountCommand counts it: "command proc" and the other
 *	fixed kinds, or "object CLASS" built in DSPTR (initialised).
 *
 * Results:
 *	The type name (static, or DSPTR's string), or NULL for a command
 *	that is not counted as a command (a TclOO object whose class is
 *	unknown).
 *
 * Side effects:
 *	DSPTR may be appended to. The interpreter's result may change when
 *	a TclOO object's class is asked.
 *
 *----------------------------------------------------------------------
 */

const char *
TkleakCommandType(
    TkleakState *statePtr,
    Tcl_Interp *interp,
    Tcl_Command token,
    const char *fq,
    Tcl_DString *dsPtr)
{
    Tcl_CmdInfo info;

    if (!Tcl_GetCommandInfoFromToken(token, &info)) {
	return NULL;
    }
    if (info.objProc == statePtr->core.procProc) {
	return fixedNames[TT_PROC];
    }
    if (info.objProc == statePtr->core.aliasProc
	    || info.objProc == statePtr->core.importProc) {
	return fixedNames[TT_ALIAS];
    }
    if (Tcl_IsEnsemble(token)) {
	return fixedNames[TT_ENSEMBLE];
    }
    switch (ProcKind(statePtr, token, info.objProc, NULL)) {
    case KIND_OBJECT: {
	Tcl_Obj *nameObj = Tcl_NewStringObj(fq, -1);
	Tcl_Object object;

	Tcl_IncrRefCount(nameObj);
	object = Tcl_GetObjectFromObj(interp, nameObj);
	Tcl_DecrRefCount(nameObj);
	if (object == NULL || !TkleakWalkUsable(statePtr)) {
	    return NULL;
	}
	Tcl_DStringAppend(dsPtr, "object ", 7);
	Tcl_DStringAppend(dsPtr, Tcl_GetString(Tcl_GetObjectName(interp,
		Tcl_GetClassAsObject(TkleakWalkObjectClass(object)))), -1);
	return Tcl_DStringValue(dsPtr);
    }
    case KIND_TKINTER:
	return fixedNames[TT_TKINTER];
    default:
	return fixedNames[TT_NATIVE];
    }
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakCountCommand --
 *
 *	Count one command of namespace NSNAME: as a proc, alias (imports
 *	included), ensemble, tkinter wrapper, native command or TclOO
 *	object. Widget commands are left out (the widget is counted) and
 *	so is the ::tkleak ensemble.
 *
 * Results:
 *	None.
 *
 * Side effects:
 *	The census gets the command (its name copied) under its type; the
 *	command's kind may be cached (TkleakLibraryKind).
 *
 *----------------------------------------------------------------------
 */

void
TkleakCountCommand(
    TkleakCollect *ctxPtr,
    Tcl_Command token,
    Tcl_ObjCmdProc *objProc,
    const char *nsName,
    const char *name,
    size_t bodyLen)
{
    TkleakState *statePtr = ctxPtr->statePtr;
    Tcl_DString *dsPtr = &ctxPtr->name;
    int global = (nsName[2] == '\0'), which;
    const char *fq;
    size_t len, bytes;

    if (global) {
	if (name[0] == '.'
		&& (Tcl_FindHashEntry(&ctxPtr->widgets, name) != NULL
		    || TkleakIsOwnWindow(name))) {
	    return;
	}
	if (name[0] == 't' && strcmp(name, "tkleak") == 0
		&& Tcl_IsEnsemble(token)) {
	    return;
	}
    }

    /*
     * The fully qualified name: the namespace's prefix is kept in NAME
     * from one command to the next, so only the tail is copied.
     */

    if (ctxPtr->prefixNs != nsName) {
	Tcl_DStringSetLength(dsPtr, 0);
	Tcl_DStringAppend(dsPtr, nsName, -1);
	if (!global) {
	    Tcl_DStringAppend(dsPtr, "::", 2);
	}
	ctxPtr->prefixNs = nsName;
	ctxPtr->prefixLen = Tcl_DStringLength(dsPtr);
    }
    len = strlen(name);
    bytes = TkleakCommandBytes(len);
    if ((size_t) ctxPtr->prefixLen + len < (size_t) TCL_DSTRING_STATIC_SIZE
	    && dsPtr->string == dsPtr->staticSpace) {
	memcpy(dsPtr->string + ctxPtr->prefixLen, name, len + 1);
	dsPtr->length = ctxPtr->prefixLen + (int) len;
    } else {
	Tcl_DStringSetLength(dsPtr, ctxPtr->prefixLen);
	Tcl_DStringAppend(dsPtr, name, (int) len);
    }
    fq = Tcl_DStringValue(dsPtr);
    len = (size_t) Tcl_DStringLength(dsPtr);
    if (objProc == statePtr->core.procProc) {
	TkleakAddFixed(ctxPtr, TT_PROC, fq, len,
		bytes + (bodyLen ? bodyLen : TkleakProcBytes(token)));
	return;
    }
    if (objProc == statePtr->core.aliasProc || objProc == statePtr->core.importProc) {
	TkleakAddFixed(ctxPtr, TT_ALIAS, fq, len, bytes);
	return;
    }
    if (Tcl_IsEnsemble(token)) {
	TkleakAddFixed(ctxPtr, TT_ENSEMBLE, fq, len, bytes);
	return;
    }
    if (ctxPtr->imageCmds.numEntries > 0
	    && (ctxPtr->imageSig[ImageSig(len, fq[len - 1]) / 8]
		& (1 << (ImageSig(len, fq[len - 1]) % 8)))
	    && Tcl_FindHashEntry(&ctxPtr->imageCmds, fq) != NULL) {
	return;			/* An image's command is part of the image. */
    }
    switch (ProcKind(statePtr, token, objProc, &ctxPtr->tkinterProc)) {
    case KIND_OBJECT: {
	Tcl_Obj *nameObj = Tcl_NewStringObj(fq, (int) len);
	Tcl_Object object;

	Tcl_IncrRefCount(nameObj);
	object = Tcl_GetObjectFromObj(ctxPtr->interp, nameObj);
	Tcl_DecrRefCount(nameObj);
	if (object != NULL) {
	    Tcl_Object classObject = NULL;

	    if (TkleakWalkUsable(statePtr)) {
		classObject = Tcl_GetClassAsObject(TkleakWalkObjectClass(object));
	    } else {
		Tcl_Obj *objv[4], *classNamePtr;
		int i;

		objv[0] = Tcl_NewStringObj("info", 4);
		objv[1] = Tcl_NewStringObj("object", 6);
		objv[2] = Tcl_NewStringObj("class", 5);
		objv[3] = Tcl_NewStringObj(fq, (int) len);
		for (i = 0; i < 4; i++) {
		    Tcl_IncrRefCount(objv[i]);
		}
		if (TkleakCallCore(ctxPtr, "::info", 4, objv, &classNamePtr)
			== TCL_OK) {
		    classObject = Tcl_GetObjectFromObj(ctxPtr->interp,
			    classNamePtr);
		    Tcl_DecrRefCount(classNamePtr);
		}
		for (i = 0; i < 4; i++) {
		    Tcl_DecrRefCount(objv[i]);
		}
	    }
	    if (classObject != NULL) {
		Tcl_Obj *classNameObj = Tcl_GetObjectName(ctxPtr->interp,
			classObject);

		fq = Tcl_DStringValue(dsPtr);
		TkleakAddTyped(ctxPtr, classObject, "object ",
			Tcl_GetString(classNameObj), fq, len,
			bytes + TkleakObjectBytes(len));
		return;
	    }
	}
	which = TT_NATIVE;
	break;
    }
    case KIND_TKINTER:
	which = TT_TKINTER;
	break;
    default:
	which = TT_NATIVE;
	break;
    }
    TkleakAddFixed(ctxPtr, which, fq, len, bytes);
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakCountWindow --
 *
 *	Count one window as "widget CLASS" and remember its path, unless it
 *	is tkleak's.
 *
 * Results:
 *	1 when counted, 0 when skipped.
 *
 * Side effects:
 *	The census gets the window, and the collector's widgets table its
 *	path (a pointer to Tk's string, valid during the census).
 *
 *----------------------------------------------------------------------
 */

int
TkleakCountWindow(
    TkleakCollect *ctxPtr,
    Tk_Window tkwin)
{
    const char *path = Tk_PathName(tkwin);
    const char *clazz = Tk_Class(tkwin);
    int isNew;

    if (path == NULL || TkleakIsOwnWindow(path)) {
	return 0;
    }
    Tcl_SetHashValue(Tcl_CreateHashEntry(&ctxPtr->widgets, path, &isNew),
	    tkwin);
    TkleakAddTyped(ctxPtr, clazz ? clazz : "", "widget ", clazz, path,
	    strlen(path), TkleakWindowBytes(tkwin));
    return 1;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakCountImage --
 *
 *	Count the image NAME unless it is tkleak's or deleted (Tk keeps a
 *	deleted image's record while a widget still shows it): "image
 *	TYPE", photos sized width*height*4.
 *
 * Results:
 *	None.
 *
 * Side effects:
 *	The census gets the image, and the collector's image tables its
 *	name; the interpreter's result may change.
 *
 *----------------------------------------------------------------------
 */

void
TkleakCountImage(
    TkleakCollect *ctxPtr,
    const char *name)
{
    const Tk_ImageType *typePtr = NULL;
    size_t bytes = 0;

    if (TkleakIsOwnName(name)) {
	return;
    }
    (void) Tk_GetImageMasterData(ctxPtr->interp, name, &typePtr);
    if (typePtr == NULL) {
	return;
    }
    bytes = TkleakImageBytes(ctxPtr->interp, typePtr, name);
    TkleakAddImage(ctxPtr, typePtr, name, bytes);
}

/*
 * TkleakAddImage --
 *
 *	Count one image as "image TYPE" and remember its name, so that its
 *	command is not counted a second time as a command.
 */

static void
TkleakAddImage(
    TkleakCollect *ctxPtr,
    const Tk_ImageType *typePtr,
    const char *name,
    size_t bytes)
{
    int isNew;

    size_t len = strlen(name), sig;

    Tcl_CreateHashEntry(&ctxPtr->images, name, &isNew);
    if (name[0] == ':' && name[1] == ':') {
	Tcl_CreateHashEntry(&ctxPtr->imageCmds, name, &isNew);
    } else {
	Tcl_DString fq;

	Tcl_DStringInit(&fq);
	Tcl_DStringAppend(&fq, "::", 2);
	Tcl_DStringAppend(&fq, name, -1);
	Tcl_CreateHashEntry(&ctxPtr->imageCmds, Tcl_DStringValue(&fq), &isNew);
	Tcl_DStringFree(&fq);
    }
    sig = ImageSig(len + (name[0] == ':' && name[1] == ':' ? 0 : 2),
	    len ? name[len - 1] : ':');
    ctxPtr->imageSig[sig / 8] |= (unsigned char) (1 << (sig % 8));
    TkleakAddTyped(ctxPtr, typePtr, "image ", typePtr->name, name,
	    strlen(name), bytes);
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakAddTag --
 *
 *	Remember the bind tag TAG (Tk's string, valid during the census) as
 *	used by a window, so that its bindings are counted, unless it is a
 *	window of tkleak's.
 *
 * Results:
 *	None.
 *
 * Side effects:
 *	The collector's tag tables get TAG.
 *
 *----------------------------------------------------------------------
 */

void
TkleakAddTag(
    TkleakCollect *ctxPtr,
    const char *tag)
{
    int isNew;

    /*
     * Most tags are Uids or path names shared by many windows (class,
     * toplevel, "all"): a test by address first is much cheaper than
     * hashing the string again.
     */

    if (tag == NULL || tag == ctxPtr->lastTags[0] || tag == ctxPtr->lastTags[1]
	    || tag == ctxPtr->lastTags[2]) {
	return;
    }
    ctxPtr->lastTags[ctxPtr->lastTagSlot] = tag;
    ctxPtr->lastTagSlot = (ctxPtr->lastTagSlot + 1) % 3;
    Tcl_CreateHashEntry(&ctxPtr->tagPtrs, tag, &isNew);
    if (isNew && !TkleakIsOwnWindow(tag)) {
	Tcl_CreateHashEntry(&ctxPtr->tags, tag, &isNew);
    }
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakBindingRef --
 *
 *	Index a binding as a slot (see TkleakBindSlot).
 *
 * Results:
 *	None.
 *
 * Side effects:
 *	With a reference index, the slot's referrers are added to it
 *	(TkleakRefsAdd); without one, nothing.
 *
 *----------------------------------------------------------------------
 */

void
TkleakBindingRef(
    TkleakCollect *ctxPtr,
    const char *tag,
    const char *seq,
    const char *script,
    size_t len)
{
    Tcl_DString slot;

    if (ctxPtr->refsPtr == NULL) {
	return;
    }
    Tcl_DStringInit(&slot);
    TkleakBindSlot(&slot, tag, seq);
    TkleakRefsAdd(ctxPtr, tag, Tcl_DStringValue(&slot), script, len);
    Tcl_DStringFree(&slot);
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakAddBinding --
 *
 *	Count the binding of TAG to the event sequence SEQ, whose identity
 *	{TAG SEQ} is ID (IDLEN bytes) and whose script is SCRIPT; index its
 *	slot when the census fills a reference index.
 *
 * Results:
 *	None.
 *
 * Side effects:
 *	As TkleakAddFixed and TkleakBindingRef.
 *
 *----------------------------------------------------------------------
 */

void
TkleakAddBinding(
    TkleakCollect *ctxPtr,
    const char *tag,
    const char *seq,
    const char *id,
    size_t idLen,
    const char *script)
{
    size_t len = strlen(script);

    TkleakAddFixed(ctxPtr, TT_BINDING, id, idLen, TkleakBindingBytes(len));
    TkleakBindingRef(ctxPtr, tag, seq, script, len);
}

/*
 * The sink the walks of private/ feed (tkleakInt.h): census/ hands it
 * to them in each collector (TkleakCensusTakeEx), so that private/ calls
 * nothing above it.
 */

const TkleakSink tkleakCensusSink = {
    TkleakAddFixed,
    TkleakAddTag,
    TkleakAddBinding,
    TkleakCountCommand,
    TkleakCountWindow,
    TkleakCountImage,
    TkleakCountAfter,
    TkleakNoteTraced,
    TkleakTagBindings,
    TkleakRefsMenuEntry
};
