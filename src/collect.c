/*
 * collect.c --
 *
 *	Taking a census of a running app: every widget, command, namespace,
 *	variable, TclOO object, image, font, after event, channel, child
 *	interp, binding, menu entry and canvas item, by type, with
 *	identities and sizes (the table in doc/tkleak.n).
 *
 *	Notes on implementation:
 *
 *	A census lives inside someone else's app, so it must leave the app
 *	as it found it. It never evaluates a script or a name: the few
 *	built-in commands it needs ("after info", "font names", ...) are
 *	called through their command procedures, and only when the command
 *	of that name is still Tk's or Tcl's own C command, never a proc the
 *	app put in its place (TkleakCallCore). It never calls "update", and
 *	it reads variables from their records, so no trace fires. It saves
 *	and restores the interpreter's result and error state.
 *
 *	tkleak's own objects are left out: ::tkleak and below, windows
 *	whose path has a component "tkleak" (the panel .tkleak, the Memory
 *	cascade and its clones), images and fonts named ::tkleak::*, and
 *	after events whose script calls into ::tkleak.
 *
 *	The walk over namespaces, windows and images uses walk.c's fast
 *	path through the private structures when it can, else the public
 *	API below.
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
 * The classes of Tk and ttk widgets. Their class bindings are counted
 * whether or not a widget of the class exists yet, so the first button
 * an app makes does not show up as six new bindings.
 */

static const char *const stdClasses[] = {
    "all", "Button", "Canvas", "Checkbutton", "Entry", "Frame", "Label",
    "Labelframe", "Listbox", "Menu", "Menubutton", "Message",
    "Panedwindow", "Radiobutton", "Scale", "Scrollbar", "Spinbox", "Text",
    "Toplevel", "TButton", "TCheckbutton", "TCombobox", "TEntry", "TFrame",
    "TLabel", "TLabelframe", "TMenubutton", "TNotebook", "TPanedwindow",
    "TProgressbar", "TRadiobutton", "TScale", "TScrollbar", "TSeparator",
    "TSizegrip", "TSpinbox", "Treeview", NULL
};

static const char *const fixedNames[TT_COUNT] = {
    "command proc", "command alias", "command ensemble", "command tkinter",
    "command native", "namespace", "variable", "array element", "font",
    "after", "channel", "interp", "binding", "menu entry", "canvas item", "trace"
};

/*
 * Command kinds, as cached per objProc in procKinds.
 */

enum { KIND_NATIVE = 1, KIND_TKINTER, KIND_OBJECT, KIND_CORE };

/*
 * The load addresses of Tcl's and Tk's libraries (or of the program that
 * holds them), as dladdr reports them: a C command whose procedure lies
 * in one of them is Tcl's or Tk's own. Tk's is set once Tk's stubs are
 * (TkleakCoreLibraries).
 */

static void *tclBase, *tkBase;

static void	CollectBindings(TkleakCollect *ctxPtr, Tk_Window mainWin);
static void	CollectBindingsAside(TkleakCollect *ctxPtr, Tk_Window mainWin,
		    void *worker);
static void	CollectAfters(TkleakCollect *ctxPtr);
static void	CollectCore(TkleakCollect *ctxPtr, int tk);
static void	CollectInterps(TkleakCollect *ctxPtr, Tcl_Obj *pathPtr);
static void	PublicNamespace(TkleakCollect *ctxPtr, Tcl_Obj *nsPtr);
static int	PublicOneNamespace(TkleakCollect *ctxPtr, Tcl_Obj *nsPtr);
static int	PublicOneWindow(TkleakCollect *ctxPtr, Tk_Window tkwin);
static void	PublicWindows(TkleakCollect *ctxPtr, Tk_Window tkwin);
static void	PublicImages(TkleakCollect *ctxPtr);
static int	ComparePaths(const void *a, const void *b);
static void	CollectTraces(TkleakCollect *ctxPtr);
static int	AfterIsOwn(const char *script);
static int	CallProc(TkleakCollect *ctxPtr, const Tcl_CmdInfo *infoPtr,
		    Tcl_Obj *namePtr, int objc, Tcl_Obj *const objv[],
		    Tcl_Obj **resultPtr);

/*
 *----------------------------------------------------------------------
 *
 * TkleakAddFixed --
 *
 *	Count one object of a fixed type (command proc, namespace, ...).
 *	On a memory shortage the census is marked failed.
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

void
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
 * LibraryKind --
 *
 *	Which library holds the C function FUNC: Python's _tkinter (its
 *	callback wrappers), Tcl's or Tk's own (KIND_CORE), or anything else.
 *	dladdr is asked once per distinct function.
 */

static int
LibraryKind(
    TkleakState *statePtr,
    void *func)
{
    Tcl_HashEntry *hPtr;
    int isNew, kind = KIND_NATIVE;

    hPtr = Tcl_CreateHashEntry(&statePtr->procKinds, func, &isNew);
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
    Tcl_ObjCmdProc *objProc)
{
    Tcl_CmdInfo info;
    int kind;

    if (objProc == statePtr->objectProc) {
	return KIND_OBJECT;
    }
    kind = LibraryKind(statePtr, (void *) objProc);
    if (kind != KIND_TKINTER && Tcl_GetCommandInfoFromToken(token, &info)
	    && !info.isNativeObjectProc && info.proc != NULL) {
	kind = LibraryKind(statePtr, (void *) info.proc);
    }
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
    for (hPtr = Tcl_FirstHashEntry(&statePtr->procKinds, &search); hPtr;
	    hPtr = Tcl_NextHashEntry(&search)) {
	Tcl_DeleteHashEntry(hPtr);
    }
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
    objProc = TkleakRecordOriginal(statePtr, infoPtr->objProc,
	    infoPtr->objClientData);
    if (objProc == NULL || objProc == statePtr->procProc
	    || objProc == statePtr->aliasProc
	    || objProc == statePtr->importProc
	    || objProc == statePtr->objectProc
	    || objProc == statePtr->myProc
	    || LibraryKind(statePtr, (void *) objProc) != KIND_CORE) {
	return 0;
    }
    infoPtr->objProc = objProc;
    return 1;
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
    if (info.objProc == statePtr->procProc) {
	return fixedNames[TT_PROC];
    }
    if (info.objProc == statePtr->aliasProc
	    || info.objProc == statePtr->importProc) {
	return fixedNames[TT_ALIAS];
    }
    if (Tcl_IsEnsemble(token)) {
	return fixedNames[TT_ENSEMBLE];
    }
    switch (ProcKind(statePtr, token, info.objProc)) {
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
    size_t len;

    if (global) {
	if (name[0] == '.'
		&& Tcl_FindHashEntry(&ctxPtr->widgets, name) != NULL) {
	    return;
	}
	if (TkleakIsOwnWindow(name) && name[0] == '.') {
	    return;
	}
	if (strcmp(name, "tkleak") == 0 && Tcl_IsEnsemble(token)) {
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
    if (objProc == statePtr->procProc) {
	TkleakAddFixed(ctxPtr, TT_PROC, fq, len, len + bodyLen);
	return;
    }
    if (objProc == statePtr->aliasProc || objProc == statePtr->importProc) {
	TkleakAddFixed(ctxPtr, TT_ALIAS, fq, len, len);
	return;
    }
    if (Tcl_IsEnsemble(token)) {
	TkleakAddFixed(ctxPtr, TT_ENSEMBLE, fq, len, len);
	return;
    }
    if (ctxPtr->imageCmds.numEntries > 0
	    && Tcl_FindHashEntry(&ctxPtr->imageCmds, fq) != NULL) {
	return;			/* An image's command is part of the image. */
    }
    switch (ProcKind(statePtr, token, objProc)) {
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
			Tcl_GetString(classNameObj), fq, len, 0);
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
    TkleakAddFixed(ctxPtr, which, fq, len, len);
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
	    strlen(path), 0);
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
    if (strcmp(typePtr->name, "photo") == 0) {
	Tk_PhotoHandle photo = Tk_FindPhoto(ctxPtr->interp, name);
	int w = 0, h = 0;

	if (photo) {
	    Tk_PhotoGetSize(photo, &w, &h);
	    bytes = (size_t) w * (size_t) h * 4;
	}
    }
    TkleakAddImage(ctxPtr, typePtr, name, bytes);
}

/*
 * TkleakAddImage --
 *
 *	Count one image as "image TYPE" and remember its name, so that its
 *	command is not counted a second time as a command.
 */

void
TkleakAddImage(
    TkleakCollect *ctxPtr,
    const Tk_ImageType *typePtr,
    const char *name,
    size_t bytes)
{
    int isNew;

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
    TkleakAddTyped(ctxPtr, typePtr, "image ", typePtr->name, name,
	    strlen(name), bytes);
}

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
 * TkleakJoinPair --
 *
 *	The two-element list {A B} as Tcl_Merge would make it, written to
 *	BUF when it fits and both are plain words (the usual case: a path
 *	or tag and a number or event sequence), else made by Tcl_Merge.
 *
 * Results:
 *	BUF, or a Tcl_Alloc'ed string the caller must Tcl_Free (test the
 *	result against BUF).
 *
 *----------------------------------------------------------------------
 */

char *
TkleakJoinPair(
    const char *a,
    const char *b,
    char *buf,
    size_t size)
{
    size_t la = strlen(a), lb = strlen(b);
    const char *argv[2];

    if (la > 0 && lb > 0 && la + lb + 2 <= size
	    && strpbrk(a, TKLEAK_LIST_SPECIALS) == NULL
	    && strpbrk(b, TKLEAK_LIST_SPECIALS) == NULL && a[0] != '#') {
	memcpy(buf, a, la);
	buf[la] = ' ';
	memcpy(buf + la + 1, b, lb + 1);
	return buf;
    }
    argv[0] = a;
    argv[1] = b;
    return Tcl_Merge(2, argv);
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
		: Tcl_FindHashEntry(&ctxPtr->statePtr->coreProcs, cmdName);

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
		    &ctxPtr->statePtr->coreProcs, cmdName, &isNew);

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
 * IsRecordOf --
 *
 *	Whether CLIENTDATA, the client data of one of Tk's own C commands,
 *	is the widget record of TKWIN: the record Tk_SetClassProcs gave the
 *	window, or without the private headers a record whose first field
 *	is the window, as every Tk 8.6 and ttk widget record has.
 */

static int
IsRecordOf(
    TkleakState *statePtr,
    Tk_Window tkwin,
    ClientData clientData)
{
    ClientData record;

    if (clientData == NULL) {
	return 0;
    }
    if (TkleakWalkInstanceData(statePtr, tkwin, &record)) {
	return clientData == record;
    }
    return *(Tk_Window *) clientData == tkwin;
}

/*
 * AddHull --
 *
 *	TkleakWalkCommands callback: note a command of Tcl's or Tk's own
 *	under its client data (a widget record when it is a widget
 *	command), unless its procedure is a proc's.
 */

static void
AddHull(
    void *data,
    Tcl_Command token,
    Tcl_ObjCmdProc *objProc,
    ClientData clientData)
{
    TkleakCollect *ctxPtr = data;
    TkleakState *statePtr = ctxPtr->statePtr;
    Tcl_HashEntry *hPtr;
    int isNew;

    if (objProc == statePtr->procProc || objProc == statePtr->aliasProc
	    || objProc == statePtr->importProc) {
	return;
    }
    hPtr = Tcl_CreateHashEntry(ctxPtr->hullsPtr, clientData, &isNew);
    if (isNew) {
	Tcl_SetHashValue(hPtr, token);
    }
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakWidgetCommand --
 *
 *	Find Tk's own widget command of the window TKWIN: the command at
 *	its path when that is one of Tk's C commands whose client data is
 *	the window's widget record, else (a megawidget's proc, ensemble or
 *	object at the path, the usual snit and TclOO pattern) the command
 *	the widget's own was renamed to, found by its client data among all
 *	commands (by the private walk only; the table is made once per
 *	collector).
 *
 * Results:
 *	1 with *INFOPTR the command's info (call its objProc with its
 *	objClientData), or 0 when the window has no widget command of Tk's
 *	that tkleak can find: the caller must not call anything for it.
 *
 *----------------------------------------------------------------------
 */

int
TkleakWidgetCommand(
    TkleakCollect *ctxPtr,
    Tk_Window tkwin,
    Tcl_CmdInfo *infoPtr)
{
    TkleakState *statePtr = ctxPtr->statePtr;
    Tcl_Command token = Tcl_FindCommand(ctxPtr->interp, Tk_PathName(tkwin),
	    NULL, TCL_GLOBAL_ONLY);
    ClientData record;
    Tcl_HashEntry *hPtr;

    if (TkleakCoreCommand(statePtr, token, infoPtr)
	    && IsRecordOf(statePtr, tkwin, infoPtr->objClientData)) {
	return 1;
    }
    if (!TkleakWalkInstanceData(statePtr, tkwin, &record) || record == NULL) {
	return 0;
    }
    if (ctxPtr->hullsPtr == NULL) {
	ctxPtr->hullsPtr = (Tcl_HashTable *) Tcl_Alloc(sizeof(Tcl_HashTable));
	Tcl_InitHashTable(ctxPtr->hullsPtr, TCL_ONE_WORD_KEYS);
	TkleakWalkCommands(ctxPtr->interp, AddHull, ctxPtr);
    }
    hPtr = Tcl_FindHashEntry(ctxPtr->hullsPtr, record);
    return hPtr != NULL
	    && TkleakCoreCommand(statePtr, Tcl_GetHashValue(hPtr), infoPtr)
	    && infoPtr->objClientData == record;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakTkWidgetHas --
 *
 *	Whether TKWIN is one of Tk's own widgets (its command at its path
 *	is Tk's, with the window's record) and has the option OPTION, asked
 *	with "cget" through the widget command's C procedure, which runs no
 *	script.
 *
 * Side effects:
 *	None: the interpreter's state is saved and restored.
 *
 *----------------------------------------------------------------------
 */

int
TkleakTkWidgetHas(
    TkleakState *statePtr,
    Tk_Window tkwin,
    const char *option)
{
    Tcl_Interp *interp = statePtr->interp;
    Tcl_Command token = Tcl_FindCommand(interp, Tk_PathName(tkwin), NULL,
	    TCL_GLOBAL_ONLY);
    Tcl_CmdInfo info;
    Tcl_InterpState saved;
    Tcl_Obj *objv[3];
    int i, code;

    if (!TkleakCoreCommand(statePtr, token, &info)
	    || !IsRecordOf(statePtr, tkwin, info.objClientData)) {
	return 0;
    }
    objv[0] = Tcl_NewStringObj(Tk_PathName(tkwin), -1);
    objv[1] = Tcl_NewStringObj("cget", 4);
    objv[2] = Tcl_NewStringObj(option, -1);
    for (i = 0; i < 3; i++) {
	Tcl_IncrRefCount(objv[i]);
    }
    saved = Tcl_SaveInterpState(interp, TCL_OK);
    code = info.objProc(info.objClientData, interp, 3, objv);
    Tcl_RestoreInterpState(interp, saved);
    for (i = 0; i < 3; i++) {
	Tcl_DecrRefCount(objv[i]);
    }
    return code == TCL_OK;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakCollectDone --
 *
 *	Release what TkleakWidgetCommand and TkleakCallWidget kept in a
 *	collector, and keep the paths of the widgets it could not read
 *	(statePtr->lastUnread, sorted) for the notes of the orphans.
 *
 *----------------------------------------------------------------------
 */

void
TkleakCollectDone(
    TkleakCollect *ctxPtr)
{
    TkleakState *statePtr = ctxPtr->statePtr;
    Tcl_HashSearch search;
    Tcl_HashEntry *hPtr;
    const char **paths;
    int n = 0, i;

    if (ctxPtr->hullsPtr != NULL) {
	Tcl_DeleteHashTable(ctxPtr->hullsPtr);
	Tcl_Free((char *) ctxPtr->hullsPtr);
	ctxPtr->hullsPtr = NULL;
    }
    if (statePtr->lastUnread != NULL) {
	Tcl_DecrRefCount(statePtr->lastUnread);
	statePtr->lastUnread = NULL;
    }
    if (ctxPtr->unreadPtr == NULL) {
	return;
    }
    paths = (const char **) Tcl_Alloc(
	    (ctxPtr->unreadPtr->numEntries + 1) * sizeof(const char *));
    for (hPtr = Tcl_FirstHashEntry(ctxPtr->unreadPtr, &search); hPtr;
	    hPtr = Tcl_NextHashEntry(&search)) {
	paths[n++] = Tcl_GetHashKey(ctxPtr->unreadPtr, hPtr);
    }
    qsort(paths, n, sizeof(const char *), ComparePaths);
    statePtr->lastUnread = Tcl_NewListObj(0, NULL);
    Tcl_IncrRefCount(statePtr->lastUnread);
    for (i = 0; i < n; i++) {
	Tcl_ListObjAppendElement(NULL, statePtr->lastUnread,
		Tcl_NewStringObj(paths[i], -1));
    }
    Tcl_Free((char *) paths);
    Tcl_DeleteHashTable(ctxPtr->unreadPtr);
    Tcl_Free((char *) ctxPtr->unreadPtr);
    ctxPtr->unreadPtr = NULL;
}

static int
ComparePaths(
    const void *a,
    const void *b)
{
    return strcmp(*(const char *const *) a, *(const char *const *) b);
}

/*
 * CallCoreList --
 *
 *	TkleakCallCore with words given as C strings, result split into a
 *	list. *LISTPTR holds one reference on success.
 */

static int
CallCoreList(
    TkleakCollect *ctxPtr,
    const char *cmdName,
    int objc,
    const char *const words[],
    Tcl_Obj **listPtr,
    int *lenPtr,
    Tcl_Obj ***elemsPtr)
{
    Tcl_Obj *objv[4];
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

/*
 *----------------------------------------------------------------------
 *
 * TkleakCensusTake --
 *
 *	Take a census of the app in INTERP.
 *
 * Results:
 *	TCL_OK with *CENSUSPTRPTR a new census owned by the caller, or
 *	TCL_ERROR (out of memory) with a message and error code in the
 *	interpreter and nothing allocated.
 *
 * Side effects:
 *	None visible to the app: the interpreter state is restored.
 *
 *----------------------------------------------------------------------
 */

int
TkleakCensusTake(
    TkleakState *statePtr,
    Tcl_Interp *interp,
    TkleakCensus **censusPtrPtr)
{
    return TkleakCensusTakeEx(statePtr, interp, censusPtrPtr, NULL);
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakCensusTakeEx --
 *
 *	TkleakCensusTake, also filling the reference index REFSPTR (made
 *	by the caller with TkleakRefsInit) when it is not NULL.
 *
 *----------------------------------------------------------------------
 */

int
TkleakCensusTakeEx(
    TkleakState *statePtr,
    Tcl_Interp *interp,
    TkleakCensus **censusPtrPtr,
    TkleakRefs *refsPtr)
{
    TkleakCollect ctx;
    Tcl_InterpState saved;
    Tk_Window mainWin = NULL;
    void *worker = NULL;
    int i, tk = 0, usePrivate = TkleakWalkUsable(statePtr);

    *censusPtrPtr = NULL;
    memset(&ctx, 0, sizeof(ctx));
    ctx.statePtr = statePtr;
    ctx.interp = interp;
    ctx.refsPtr = refsPtr;
    ctx.censusPtr = TkleakCensusNew();
    if (ctx.censusPtr == NULL) {
	goto nomem;
    }
    for (i = 0; i < TT_COUNT; i++) {
	ctx.fixed[i] = -1;
    }
    Tcl_InitHashTable(&ctx.widgets, TCL_STRING_KEYS);
    Tcl_InitHashTable(&ctx.tags, TCL_STRING_KEYS);
    Tcl_InitHashTable(&ctx.images, TCL_STRING_KEYS);
    Tcl_InitHashTable(&ctx.imageCmds, TCL_STRING_KEYS);
    Tcl_InitHashTable(&ctx.tagPtrs, TCL_ONE_WORD_KEYS);
    Tcl_InitHashTable(&ctx.classTypes, TCL_ONE_WORD_KEYS);
    Tcl_DStringInit(&ctx.name);
    saved = Tcl_SaveInterpState(interp, TCL_OK);

    if (TkleakInitTk(statePtr, interp)) {
	mainWin = Tk_MainWindow(interp);
	tk = (mainWin != NULL);
    }

    /*
     * A large census walks the namespaces below the global one on a
     * second thread (walk.c, "The namespace worker", says what the main
     * thread may do until TkleakWalkNamespacesFinish).
     */

    if (usePrivate) {
	worker = TkleakWalkNamespacesStart(&ctx);
    }

    /*
     * Windows first: the namespace walk needs their paths to tell widget
     * commands from other commands.
     */

    if (tk) {
	if (usePrivate) {
	    TkleakWalkWindows(&ctx, mainWin);
	} else {
	    PublicWindows(&ctx, mainWin);
	}
    }
    if (tk) {
	if (usePrivate) {
	    TkleakWalkImages(&ctx, mainWin);
	} else {
	    PublicImages(&ctx);
	}
    }
    if (worker != NULL) {
	TkleakWalkGlobalNamespace(&ctx);
    } else if (usePrivate) {
	TkleakWalkNamespaces(&ctx);
    } else {
	Tcl_Obj *globalObj = Tcl_NewStringObj("::", 2);

	Tcl_IncrRefCount(globalObj);
	PublicNamespace(&ctx, globalObj);
	Tcl_DecrRefCount(globalObj);
    }
    if (tk) {
	for (i = 0; stdClasses[i] != NULL; i++) {
	    TkleakAddTag(&ctx, stdClasses[i]);
	}
	if (worker != NULL) {
	    CollectBindingsAside(&ctx, mainWin, worker);
	    worker = NULL;
	} else {
	    CollectBindings(&ctx, mainWin);
	}
    }
    if (worker != NULL) {
	TkleakWalkNamespacesFinish(&ctx, worker);
    }
    CollectCore(&ctx, tk);
    CollectInterps(&ctx, NULL);
    CollectTraces(&ctx);
    if (refsPtr != NULL) {
	if (tk) {
	    TkleakRefsScanWindows(&ctx);
	}
	TkleakRefsScanTraces(&ctx);
	TkleakSlotWordsAge(statePtr);
    }

    Tcl_RestoreInterpState(interp, saved);
    if (refsPtr != NULL || ctx.hullsPtr != NULL) {
	TkleakCollectDone(&ctx);
    }
    Tcl_DeleteHashTable(&ctx.widgets);
    Tcl_DeleteHashTable(&ctx.tags);
    Tcl_DeleteHashTable(&ctx.images);
    Tcl_DeleteHashTable(&ctx.imageCmds);
    Tcl_DeleteHashTable(&ctx.tagPtrs);
    Tcl_DeleteHashTable(&ctx.classTypes);
    Tcl_DStringFree(&ctx.name);
    free(ctx.entries);
    free(ctx.nameBuf);
    free(ctx.traced);
    statePtr->lastSkipped = ctx.skipped;
    if (ctx.failed) {
	TkleakCensusFree(ctx.censusPtr);
	goto nomem;
    }
    ctx.censusPtr->own = TkleakOwnBytes(statePtr)
	    + (long long) TkleakCensusMemory(ctx.censusPtr);
    TkleakHeapGet(&ctx.censusPtr->heap, &ctx.censusPtr->rss);
    statePtr->lastObjects = TkleakCensusObjects(ctx.censusPtr);
    *censusPtrPtr = ctx.censusPtr;
    return TCL_OK;

  nomem:
    Tcl_SetObjResult(interp, Tcl_NewStringObj(
	    "not enough memory for a census", -1));
    Tcl_SetErrorCode(interp, "TKLEAK", "CENSUS", "NOMEM", (char *) NULL);
    return TCL_ERROR;
}

/*
 * BindingRef --
 *
 *	Index a binding as a slot (see TkleakBindSlot).
 */

static void
BindingRef(
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

    TkleakAddFixed(ctxPtr, TT_BINDING, id, idLen, len);
    BindingRef(ctxPtr, tag, seq, script, len);
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakTagBindings --
 *
 *	Count the bindings of TAG through Tk's API: Tk_GetAllBindings for
 *	its sequences, Tk_GetBinding for each script. OBJECT is the tag as
 *	Tk keys it in TABLE: a window's path name record, or the Uid of any
 *	other tag.
 *
 * Side effects:
 *	The interpreter's result is reset.
 *
 *----------------------------------------------------------------------
 */

void
TkleakTagBindings(
    TkleakCollect *ctxPtr,
    Tk_BindingTable table,
    ClientData object,
    const char *tag)
{
    Tcl_Interp *interp = ctxPtr->interp;
    Tcl_Obj *seqsPtr, **seqv;
    int seqc, j;

    Tcl_ResetResult(interp);
    Tk_GetAllBindings(interp, table, object);
    seqsPtr = Tcl_GetObjResult(interp);
    Tcl_IncrRefCount(seqsPtr);
    Tcl_ResetResult(interp);
    if (Tcl_ListObjGetElements(NULL, seqsPtr, &seqc, &seqv) != TCL_OK) {
	seqc = 0;
    }
    for (j = 0; j < seqc; j++) {
	const char *seq = Tcl_GetString(seqv[j]);
	const char *script = Tk_GetBinding(interp, table, object, seq);
	char *id, buf[200];

	if (script == NULL) {
	    continue;
	}
	id = TkleakJoinPair(tag, seq, buf, sizeof(buf));
	TkleakAddBinding(ctxPtr, tag, seq, id, strlen(id), script);
	if (id != buf) {
	    Tcl_Free(id);
	}
    }
    Tcl_DecrRefCount(seqsPtr);
}

/*
 * CollectBindings --
 *
 *	Count every (tag, sequence) that has a script, over the bind tags
 *	the windows use (which include "all" and the classes).
 */

static void
CollectBindings(
    TkleakCollect *ctxPtr,
    Tk_Window mainWin)
{
    Tk_BindingTable table = NULL;
    Tcl_HashSearch search;
    Tcl_HashEntry *hPtr;
    int pass;

    if (TkleakWalkUsable(ctxPtr->statePtr)) {
	table = TkleakWalkBindingTable(mainWin);
	if (table != NULL && TkleakWalkBindings(ctxPtr, table) == TCL_OK) {
	    return;
	}
    }

    /*
     * Two passes: every counted window's own tag, then the other tags in
     * use (class names, "all", custom bindtags) that are not such a path.
     * TkleakWalkBindings takes the same tags in the same order.
     */

    for (pass = 0; pass < 2; pass++) {
    Tcl_HashTable *tablePtr = pass ? &ctxPtr->tags : &ctxPtr->widgets;

    for (hPtr = Tcl_FirstHashEntry(tablePtr, &search); hPtr != NULL;
	    hPtr = Tcl_NextHashEntry(&search)) {
	const char *tag = Tcl_GetHashKey(tablePtr, hPtr);
	const char *words[3];
	Tcl_Obj *seqsPtr = NULL, **seqv;
	int seqc, j;

	if (pass == 1 && tag[0] == '.') {
	    continue;		/* A window: its own pass, or not counted. */
	}
	if (table != NULL) {
	    /*
	     * Tk keys a window's bindings by its path name record, other
	     * tags by their Uid.
	     */

	    TkleakTagBindings(ctxPtr, table, pass == 0
		    ? (ClientData) Tk_PathName((Tk_Window) Tcl_GetHashValue(hPtr))
		    : (ClientData) Tk_GetUid(tag), tag);
	    continue;
	}
	words[0] = "bind";
	words[1] = tag;
	if (CallCoreList(ctxPtr, "::bind", 2, words, &seqsPtr, &seqc,
		&seqv) != TCL_OK) {
	    continue;
	}
	for (j = 0; j < seqc; j++) {
	    Tcl_Obj *scriptPtr, *objv[3];
	    const char *argv[2];
	    char *id;

	    objv[0] = Tcl_NewStringObj("bind", 4);
	    objv[1] = Tcl_NewStringObj(tag, -1);
	    objv[2] = seqv[j];
	    Tcl_IncrRefCount(objv[0]);
	    Tcl_IncrRefCount(objv[1]);
	    if (TkleakCallCore(ctxPtr, "::bind", 3, objv, &scriptPtr)
		    == TCL_OK && Tcl_GetCharLength(scriptPtr) == 0) {
		/*
		 * No script: a sequence whose text finds no binding (a
		 * keysym with no name is listed as plain <Key>), skipped
		 * as Tk_GetBinding's NULL is on the private path.
		 */

		Tcl_DecrRefCount(scriptPtr);
	    } else if (scriptPtr != NULL) {
		argv[0] = tag;
		argv[1] = Tcl_GetString(seqv[j]);
		id = Tcl_Merge(2, argv);
		TkleakAddFixed(ctxPtr, TT_BINDING, id, strlen(id),
			(size_t) Tcl_GetCharLength(scriptPtr));
		Tcl_Free(id);
		BindingRef(ctxPtr, tag, argv[1], Tcl_GetString(scriptPtr),
			(size_t) scriptPtr->length);
		Tcl_DecrRefCount(scriptPtr);
	    }
	    Tcl_DecrRefCount(objv[0]);
	    Tcl_DecrRefCount(objv[1]);
	}
	Tcl_DecrRefCount(seqsPtr);
    }
    }
}

/*
 * CollectBindingsAside --
 *
 *	CollectBindings while the namespace worker WORKER runs, into a
 *	census of its own; then the worker's finish, and the bindings are
 *	appended after the namespaces, where the serial walk counts them.
 */

static void
CollectBindingsAside(
    TkleakCollect *ctxPtr,
    Tk_Window mainWin,
    void *worker)
{
    TkleakCensus *mainPtr = ctxPtr->censusPtr;
    TkleakCensus *asidePtr = TkleakCensusNew();
    int fixed[TT_COUNT], i;
    size_t t;

    if (asidePtr == NULL) {
	TkleakWalkNamespacesFinish(ctxPtr, worker);
	CollectBindings(ctxPtr, mainWin);
	return;
    }
    memcpy(fixed, ctxPtr->fixed, sizeof(fixed));
    for (i = 0; i < TT_COUNT; i++) {
	ctxPtr->fixed[i] = -1;
    }
    ctxPtr->censusPtr = asidePtr;
    CollectBindings(ctxPtr, mainWin);
    ctxPtr->censusPtr = mainPtr;
    memcpy(ctxPtr->fixed, fixed, sizeof(fixed));

    TkleakWalkNamespacesFinish(ctxPtr, worker);
    TkleakCensusAdoptArena(mainPtr, asidePtr);
    for (t = 0; t < asidePtr->numTypes && !ctxPtr->failed; t++) {
	if (TkleakCensusAppendType(mainPtr, &asidePtr->types[t]) != 0) {
	    ctxPtr->failed = 1;
	}
    }
    TkleakCensusFree(asidePtr);
}

/*
 * AfterIsOwn --
 *
 *	Whether the after script SCRIPT calls into tkleak: its first word
 *	is in ::tkleak. The word is split from the string, so the app's
 *	script object keeps the type it has (tkinter turns a Tcl list into
 *	a Python tuple, and after_cancel then fails on it).
 */

static int
AfterIsOwn(
    const char *script)
{
    int argc, own = 0;
    const char **argv;

    if (strstr(script, "tkleak::") == NULL) {
	return 0;		/* The usual case, without splitting. */
    }
    if (Tcl_SplitList(NULL, script, &argc, &argv) == TCL_OK) {
	own = argc > 0 && (TkleakIsOwnName(argv[0])
		|| strncmp(argv[0], "tkleak::", 8) == 0);
	Tcl_Free((char *) argv);
    }
    return own;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakCountAfter --
 *
 *	Count the pending after event ID ("after#N", IDLEN bytes) whose
 *	script is SCRIPTPTR, the app's own object (NULL when it could not
 *	be read), unless the script is tkleak's; its bytes are the script's
 *	length in characters. With a reference index, the script is indexed
 *	as the slot "after after#N" of the owner "after".
 *
 * Side effects:
 *	Only the string of SCRIPTPTR is read (made when it has none):
 *	its type is left as it is.
 *
 *----------------------------------------------------------------------
 */

void
TkleakCountAfter(
    TkleakCollect *ctxPtr,
    const char *id,
    int idLen,
    Tcl_Obj *scriptPtr)
{
    int len = 0;
    const char *script = NULL;
    size_t chars = 0;

    if (scriptPtr != NULL) {
	script = Tcl_GetStringFromObj(scriptPtr, &len);
	if (AfterIsOwn(script)) {
	    return;
	}
	chars = (size_t) Tcl_NumUtfChars(script, len);
    }
    TkleakAddFixed(ctxPtr, TT_AFTER, id, (size_t) idLen, chars);
    if (script != NULL && ctxPtr->refsPtr != NULL) {
	Tcl_DString slot;

	Tcl_DStringInit(&slot);
	Tcl_DStringAppend(&slot, "after ", 6);
	Tcl_DStringAppend(&slot, id, idLen);
	TkleakRefsAdd(ctxPtr, "after", Tcl_DStringValue(&slot), script,
		(size_t) len);
	Tcl_DStringFree(&slot);
    }
}

/*
 * CollectAfters --
 *
 *	The pending after events, in the order "after info" lists them,
 *	read in one pass over Tcl's after list when the private walk can
 *	(TkleakWalkAfters); otherwise "after info ID" is asked for each,
 *	which Tcl answers by walking that list up to the event: quadratic
 *	in the number of events.
 */

static void
CollectAfters(
    TkleakCollect *ctxPtr)
{
    Tcl_Obj *listPtr, **elems, *objv[3], *resultPtr, **infov;
    const char *words[2];
    int n, i, infoc, idLen;

    if (TkleakWalkAfters(ctxPtr) == TCL_OK) {
	return;
    }
    words[0] = "after";
    words[1] = "info";
    if (CallCoreList(ctxPtr, "::after", 2, words, &listPtr, &n, &elems)
	    != TCL_OK) {
	return;
    }
    objv[0] = Tcl_NewStringObj("after", 5);
    objv[1] = Tcl_NewStringObj("info", 4);
    Tcl_IncrRefCount(objv[0]);
    Tcl_IncrRefCount(objv[1]);
    for (i = 0; i < n; i++) {
	const char *id = Tcl_GetStringFromObj(elems[i], &idLen);

	objv[2] = elems[i];
	if (TkleakCallCore(ctxPtr, "::after", 3, objv, &resultPtr) != TCL_OK) {
	    TkleakCountAfter(ctxPtr, id, idLen, NULL);
	    continue;
	}

	/*
	 * The result is a new list {SCRIPT TYPE}; its first element is the
	 * app's own script object.
	 */

	if (Tcl_ListObjGetElements(NULL, resultPtr, &infoc, &infov) == TCL_OK
		&& infoc >= 1) {
	    TkleakCountAfter(ctxPtr, id, idLen, infov[0]);
	} else {
	    TkleakCountAfter(ctxPtr, id, idLen, NULL);
	}
	Tcl_DecrRefCount(resultPtr);
    }
    Tcl_DecrRefCount(objv[0]);
    Tcl_DecrRefCount(objv[1]);
    Tcl_DecrRefCount(listPtr);
}

/*
 * CollectCore --
 *
 *	Fonts, after events and channels, through the built-in commands.
 */

static void
CollectCore(
    TkleakCollect *ctxPtr,
    int tk)
{
    Tcl_Interp *interp = ctxPtr->interp;
    Tcl_Obj *listPtr, **elems;
    int n, i;
    const char *words[3];

    if (tk) {
	words[0] = "font";
	words[1] = "names";
	if (CallCoreList(ctxPtr, "::font", 2, words, &listPtr, &n, &elems)
		== TCL_OK) {
	    for (i = 0; i < n; i++) {
		const char *name = Tcl_GetString(elems[i]);

		if (!TkleakIsOwnName(name)) {
		    TkleakAddFixed(ctxPtr, TT_FONT, name, elems[i]->length, 0);
		}
	    }
	    Tcl_DecrRefCount(listPtr);
	}
    }

    CollectAfters(ctxPtr);

    Tcl_ResetResult(interp);
    if (Tcl_GetChannelNames(interp) == TCL_OK) {
	listPtr = Tcl_GetObjResult(interp);
	Tcl_IncrRefCount(listPtr);
	Tcl_ResetResult(interp);
	if (Tcl_ListObjGetElements(NULL, listPtr, &n, &elems) == TCL_OK) {
	    for (i = 0; i < n; i++) {
		TkleakAddFixed(ctxPtr, TT_CHANNEL, Tcl_GetString(elems[i]),
			elems[i]->length, 0);
	    }
	}
	Tcl_DecrRefCount(listPtr);
    }
}

/*
 * CollectInterps --
 *
 *	Child interpreters, recursively; identities are interp paths as
 *	"interp children" gives them ({a b} for b inside a).
 */

static void
CollectInterps(
    TkleakCollect *ctxPtr,
    Tcl_Obj *pathPtr)
{
    Tcl_Obj *objv[3], *listPtr, **elems;
    int n, i;

    objv[0] = Tcl_NewStringObj("interp", 6);
    objv[1] = Tcl_NewStringObj("children", 8);
    objv[2] = pathPtr ? pathPtr : Tcl_NewObj();
    for (i = 0; i < 3; i++) {
	Tcl_IncrRefCount(objv[i]);
    }
    if (TkleakCallCore(ctxPtr, "::interp", 3, objv, &listPtr) == TCL_OK) {
	if (Tcl_ListObjGetElements(NULL, listPtr, &n, &elems) == TCL_OK) {
	    for (i = 0; i < n; i++) {
		Tcl_Obj *childPtr = pathPtr ? Tcl_DuplicateObj(pathPtr)
			: Tcl_NewObj();
		const char *id;
		int len;

		Tcl_IncrRefCount(childPtr);
		Tcl_ListObjAppendElement(NULL, childPtr, elems[i]);
		id = Tcl_GetStringFromObj(childPtr, &len);
		TkleakAddFixed(ctxPtr, TT_INTERP, id, (size_t) len, 0);
		CollectInterps(ctxPtr, childPtr);
		Tcl_DecrRefCount(childPtr);
	    }
	}
	Tcl_DecrRefCount(listPtr);
    }
    for (i = 0; i < 3; i++) {
	Tcl_DecrRefCount(objv[i]);
    }
}

/*
 * The public-API path: slower, and without proc body sizes, variable
 * sizes, menu entries and canvas items, which need the private records.
 */

/*
 * GlobQuote --
 *
 *	Append S to DSPTR with glob metacharacters escaped, so a namespace
 *	name is matched as itself.
 */

static void
GlobQuote(
    Tcl_DString *dsPtr,
    const char *s)
{
    for (; *s; s++) {
	if (strchr("*?[]\\", *s)) {
	    Tcl_DStringAppend(dsPtr, "\\", 1);
	}
	Tcl_DStringAppend(dsPtr, s, 1);
    }
}

/*
 * The public walks keep the namespaces and windows still to walk on a
 * stack on the heap, not on the C stack: an app may nest namespaces
 * 20,000 deep or frames 2,000 deep, and a walk that called itself once a
 * level, each time through a Tcl command, would overflow the stack. The
 * names are popped in the order in which a walk that called itself for
 * each child would have taken them, so the census is the same.
 */

typedef struct NameStack {
    Tcl_Obj **items;			/* Each holds a reference; the top is
					 * last. */
    int num;
    int cap;
} NameStack;

/*
 * PushNames --
 *
 *	Push OBJC names onto STACKPTR, last first, so that they are popped
 *	in the order of OBJV. Each pushed name gets a reference.
 */

static void
PushNames(
    NameStack *stackPtr,
    int objc,
    Tcl_Obj *const objv[])
{
    int i;

    if (stackPtr->num + objc > stackPtr->cap) {
	stackPtr->cap = (stackPtr->num + objc) * 2;
	stackPtr->items = (Tcl_Obj **) Tcl_Realloc((char *) stackPtr->items,
		stackPtr->cap * sizeof(Tcl_Obj *));
    }
    for (i = objc - 1; i >= 0; i--) {
	Tcl_IncrRefCount(objv[i]);
	stackPtr->items[stackPtr->num++] = objv[i];
    }
}

/*
 * PushChildNames --
 *
 *	Push the words that "CMD WORD1 NAMEPTR" answers onto STACKPTR, in
 *	the order PushNames keeps; CMDNAME is the built-in's fully
 *	qualified name ("::winfo"), called through TkleakCallCore, and its
 *	tail the first word.
 */

static void
PushChildNames(
    TkleakCollect *ctxPtr,
    NameStack *stackPtr,
    const char *cmdName,
    const char *word1,
    Tcl_Obj *namePtr)
{
    Tcl_Obj *objv[3], *listPtr, **elems;
    int n, i;

    objv[0] = Tcl_NewStringObj(cmdName + 2, -1);
    objv[1] = Tcl_NewStringObj(word1, -1);
    objv[2] = namePtr;
    for (i = 0; i < 3; i++) {
	Tcl_IncrRefCount(objv[i]);
    }
    if (TkleakCallCore(ctxPtr, cmdName, 3, objv, &listPtr) == TCL_OK) {
	if (Tcl_ListObjGetElements(NULL, listPtr, &n, &elems) == TCL_OK) {
	    PushNames(stackPtr, n, elems);
	}
	Tcl_DecrRefCount(listPtr);
    }
    for (i = 0; i < 3; i++) {
	Tcl_DecrRefCount(objv[i]);
    }
}

/*
 * PublicNamespace --
 *
 *	Count the namespace NSOBJ names and every namespace below it, depth
 *	first, each one's children in the order "namespace children" gives.
 */

static void
PublicNamespace(
    TkleakCollect *ctxPtr,
    Tcl_Obj *nsObj)
{
    NameStack stack = {NULL, 0, 0};

    PushNames(&stack, 1, &nsObj);
    while (stack.num > 0) {
	Tcl_Obj *namePtr = stack.items[--stack.num];

	if (PublicOneNamespace(ctxPtr, namePtr)) {
	    PushChildNames(ctxPtr, &stack, "::namespace", "children", namePtr);
	}
	Tcl_DecrRefCount(namePtr);
    }
    Tcl_Free((char *) stack.items);
}

/*
 * PublicOneNamespace --
 *
 *	Count the namespace NSOBJ names, its commands and variables. Returns
 *	1 when its children are to be counted too, else 0.
 */

static int
PublicOneNamespace(
    TkleakCollect *ctxPtr,
    Tcl_Obj *nsObj)
{
    Tcl_Interp *interp = ctxPtr->interp;
    const char *nsName = Tcl_GetString(nsObj);
    Tcl_Namespace *nsPtr = Tcl_FindNamespace(interp, nsName, NULL, 0);
    Tcl_Obj *listPtr, **elems, *objv[3];
    Tcl_DString pattern;
    int n, i, global = (nsName[2] == '\0');
    Tcl_NamespaceDeleteProc *early;

    if (nsPtr == NULL || TkleakIsOwnNamespace(nsName)) {
	return 0;
    }
    early = TkleakWalkNsEarlyDelete(nsPtr);
    if (!(early && early == ctxPtr->statePtr->objNsProc)) {
	TkleakAddFixed(ctxPtr, TT_NAMESPACE, nsName, strlen(nsName), 0);
	Tcl_DStringInit(&pattern);
	GlobQuote(&pattern, nsName);
	if (!global) {
	    Tcl_DStringAppend(&pattern, "::", 2);
	}
	Tcl_DStringAppend(&pattern, "*", 1);
	objv[0] = Tcl_NewStringObj("info", 4);
	objv[1] = Tcl_NewStringObj("commands", 8);
	objv[2] = Tcl_NewStringObj(Tcl_DStringValue(&pattern), -1);
	for (i = 0; i < 3; i++) {
	    Tcl_IncrRefCount(objv[i]);
	}
	if (TkleakCallCore(ctxPtr, "::info", 3, objv, &listPtr) == TCL_OK) {
	    if (Tcl_ListObjGetElements(NULL, listPtr, &n, &elems) == TCL_OK) {
		for (i = 0; i < n; i++) {
		    Tcl_Command token = Tcl_GetCommandFromObj(interp, elems[i]);
		    Tcl_CmdInfo info;
		    const char *fq = Tcl_GetString(elems[i]);
		    const char *tail = global ? fq + 2 : fq + strlen(nsName) + 2;

		    if (token && Tcl_GetCommandInfoFromToken(token, &info)) {
			TkleakCountCommand(ctxPtr, token, info.objProc,
				nsName, tail, 0);
		    }

		    /*
		     * The public API does not tell which commands have
		     * traces: each is asked (CollectTraces).
		     */

		    TkleakNoteTraced(ctxPtr, 'c', fq, strlen(fq), NULL, 0);
		}
	    }
	    Tcl_DecrRefCount(listPtr);
	}
	for (i = 0; i < 3; i++) {
	    Tcl_DecrRefCount(objv[i]);
	}
	Tcl_DStringFree(&pattern);
    }

    /*
     * Variables: names only; reading a value could fire a trace.
     */

    objv[0] = Tcl_NewStringObj("info", 4);
    objv[1] = Tcl_NewStringObj("vars", 4);
    Tcl_DStringInit(&pattern);
    GlobQuote(&pattern, nsName);
    if (!global) {
	Tcl_DStringAppend(&pattern, "::", 2);
    }
    Tcl_DStringAppend(&pattern, "*", 1);
    objv[2] = Tcl_NewStringObj(Tcl_DStringValue(&pattern), -1);
    Tcl_DStringFree(&pattern);
    for (i = 0; i < 3; i++) {
	Tcl_IncrRefCount(objv[i]);
    }
    if (TkleakCallCore(ctxPtr, "::info", 3, objv, &listPtr) == TCL_OK) {
	if (Tcl_ListObjGetElements(NULL, listPtr, &n, &elems) == TCL_OK) {
	    /*
	     * "info vars" also lists variables declared without a value;
	     * "info exists" could tell them apart but fires read traces, so
	     * the public path counts them.
	     */

	    for (i = 0; i < n; i++) {
		TkleakAddFixed(ctxPtr, TT_VARIABLE, Tcl_GetString(elems[i]),
			(size_t) elems[i]->length, 0);
		TkleakNoteTraced(ctxPtr, 'v', elems[i]->bytes,
			(size_t) elems[i]->length, NULL, 0);
	    }
	}
	Tcl_DecrRefCount(listPtr);
    }
    for (i = 0; i < 3; i++) {
	Tcl_DecrRefCount(objv[i]);
    }
    return 1;
}

/*
 * PublicWindows --
 *
 *	Count TKWIN and every window below it, depth first, each one's
 *	children in the order "winfo children" gives.
 */

static void
PublicWindows(
    TkleakCollect *ctxPtr,
    Tk_Window tkwin)
{
    NameStack stack = {NULL, 0, 0};
    Tcl_Obj *rootPtr = Tcl_NewStringObj(Tk_PathName(tkwin), -1);

    PushNames(&stack, 1, &rootPtr);
    while (stack.num > 0) {
	Tcl_Obj *pathPtr = stack.items[--stack.num];
	Tk_Window child = Tk_NameToWindow(ctxPtr->interp,
		Tcl_GetString(pathPtr), tkwin);

	if (child != NULL && PublicOneWindow(ctxPtr, child)) {
	    PushChildNames(ctxPtr, &stack, "::winfo", "children", pathPtr);
	}
	Tcl_DecrRefCount(pathPtr);
    }
    Tcl_Free((char *) stack.items);
}

/*
 * PublicOneWindow --
 *
 *	Count TKWIN and the bind tags it uses. Returns 1 when its children
 *	are to be counted too, else 0.
 */

static int
PublicOneWindow(
    TkleakCollect *ctxPtr,
    Tk_Window tkwin)
{
    Tcl_Obj *listPtr, **elems;
    const char *words[2];
    int n, i;

    if (!TkleakCountWindow(ctxPtr, tkwin)) {
	return 0;
    }
    words[0] = "bindtags";
    words[1] = Tk_PathName(tkwin);
    if (CallCoreList(ctxPtr, "::bindtags", 2, words, &listPtr, &n, &elems)
	    == TCL_OK) {
	/*
	 * Not TkleakAddTag: these strings are freed with the list, so
	 * their addresses say nothing about the next window's tags.
	 */

	for (i = 0; i < n; i++) {
	    const char *tag = Tcl_GetString(elems[i]);
	    int isNew;

	    if (!TkleakIsOwnWindow(tag)) {
		Tcl_CreateHashEntry(&ctxPtr->tags, tag, &isNew);
	    }
	}
	Tcl_DecrRefCount(listPtr);
    }
    return 1;
}

static void
PublicImages(
    TkleakCollect *ctxPtr)
{
    Tcl_Obj *listPtr, **elems;
    const char *words[2];
    int n, i;

    words[0] = "image";
    words[1] = "names";
    if (CallCoreList(ctxPtr, "::image", 2, words, &listPtr, &n, &elems)
	    != TCL_OK) {
	return;
    }
    for (i = 0; i < n; i++) {
	TkleakCountImage(ctxPtr, Tcl_GetString(elems[i]));
    }
    Tcl_DecrRefCount(listPtr);
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakNoteTraced --
 *
 *	Note that the variable (KIND 'v') or command (KIND 'c') whose fully
 *	qualified name is PREFIX followed by NAME has traces (a namespace
 *	PREFIX and a NAME in it are joined by "::"), for
 *	CollectTraces to read after the walk. Only malloc is called, so the
 *	namespace worker may note too. On a memory shortage the census is
 *	marked failed.
 *
 *----------------------------------------------------------------------
 */

void
TkleakNoteTraced(
    TkleakCollect *ctxPtr,
    int kind,
    const char *prefix,
    size_t prefixLen,
    const char *name,
    size_t nameLen)
{
    int sep = (nameLen > 0 && (prefixLen < 2
	    || prefix[prefixLen - 1] != ':' || prefix[prefixLen - 2] != ':'));
    size_t need = ctxPtr->tracedLen + prefixLen + (sep ? 2 : 0) + nameLen + 2;
    char *p;

    if (need > ctxPtr->tracedCap) {
	size_t cap = need * 2 > 256 ? need * 2 : 256;
	char *traced = realloc(ctxPtr->traced, cap);

	if (traced == NULL) {
	    ctxPtr->failed = 1;
	    return;
	}
	ctxPtr->traced = traced;
	ctxPtr->tracedCap = cap;
    }
    p = ctxPtr->traced + ctxPtr->tracedLen;
    *p++ = (char) kind;
    if (prefixLen > 0) {
	memcpy(p, prefix, prefixLen);
	p += prefixLen;
    }
    if (sep) {
	*p++ = ':';
	*p++ = ':';
    }
    if (nameLen > 0) {
	memcpy(p, name, nameLen);
    }
    p[nameLen] = '\0';
    ctxPtr->tracedLen = need;
}

/*
 * CountTraceInfo --
 *
 *	Count the traces of kind KIND ("variable", "command", "execution")
 *	on NAME that INFOPTR, the result of "trace info KIND NAME" (tkleak's
 *	own object), lists as {ops command} pairs, except tkleak's own.
 *	The identity is the list {KIND NAME OPS COMMAND}; Tcl keeps a trace
 *	added twice twice, so the second and later of one identity get
 *	"#2", "#3"... as a fifth element (SEENPTR counts them), and a trace
 *	added on every open shows as one new identity each time. A trace's
 *	bytes are its command's length.
 */

static void
CountTraceInfo(
    TkleakCollect *ctxPtr,
    Tcl_HashTable *seenPtr,
    const char *kind,
    const char *name,
    Tcl_Obj *infoPtr)
{
    Tcl_Obj **tv, *opsPtr, *cmdPtr;
    int tc, j, isNew;
    Tcl_DString id;
    Tcl_HashEntry *hPtr;

    if (Tcl_ListObjGetElements(NULL, infoPtr, &tc, &tv) != TCL_OK) {
	return;
    }
    Tcl_DStringInit(&id);
    for (j = 0; j < tc && !ctxPtr->failed; j++) {
	if (Tcl_ListObjIndex(NULL, tv[j], 0, &opsPtr) != TCL_OK
		|| Tcl_ListObjIndex(NULL, tv[j], 1, &cmdPtr) != TCL_OK
		|| opsPtr == NULL || cmdPtr == NULL
		|| AfterIsOwn(Tcl_GetString(cmdPtr))) {
	    continue;
	}
	Tcl_DStringSetLength(&id, 0);
	Tcl_DStringAppendElement(&id, kind);
	Tcl_DStringAppendElement(&id, name);
	Tcl_DStringAppendElement(&id, Tcl_GetString(opsPtr));
	Tcl_DStringAppendElement(&id, Tcl_GetString(cmdPtr));
	hPtr = Tcl_CreateHashEntry(seenPtr, Tcl_DStringValue(&id), &isNew);
	Tcl_SetHashValue(hPtr, (void *) ((size_t) Tcl_GetHashValue(hPtr) + 1));
	if (!isNew) {
	    char buf[TCL_INTEGER_SPACE + 2];

	    snprintf(buf, sizeof(buf), "#%lu",
		    (unsigned long) (size_t) Tcl_GetHashValue(hPtr));
	    Tcl_DStringAppendElement(&id, buf);
	}
	TkleakAddFixed(ctxPtr, TT_TRACE, Tcl_DStringValue(&id),
		(size_t) Tcl_DStringLength(&id), (size_t) cmdPtr->length);
    }
    Tcl_DStringFree(&id);
}

/*
 * CollectTraces --
 *
 *	Count the variable, command and execution traces of the variables
 *	and commands the walk noted (TkleakNoteTraced), in the order it
 *	noted them. The traces are read with "trace info", called through
 *	Tcl's own command procedure (never a "trace" the app put in its
 *	place), on names tkleak makes: the app's values are not touched.
 *	Only traces set by scripts are listed; C traces (Tk's -textvariable,
 *	tkleak's own delete traces) are part of their owner.
 */

static void
CollectTraces(
    TkleakCollect *ctxPtr)
{
    static const char *const varKinds[] = {"variable", NULL};
    static const char *const cmdKinds[] = {"command", "execution", NULL};
    const char *const *kinds;
    Tcl_HashTable seen;
    Tcl_Obj *objv[4], *infoPtr;
    size_t pos = 0, len;
    int k;

    if (ctxPtr->tracedLen == 0 || ctxPtr->failed) {
	return;
    }
    Tcl_InitHashTable(&seen, TCL_STRING_KEYS);
    objv[0] = Tcl_NewStringObj("trace", 5);
    objv[1] = Tcl_NewStringObj("info", 4);
    Tcl_IncrRefCount(objv[0]);
    Tcl_IncrRefCount(objv[1]);
    while (pos < ctxPtr->tracedLen && !ctxPtr->failed) {
	const char *entry = ctxPtr->traced + pos;

	len = strlen(entry + 1);
	pos += len + 2;
	objv[3] = Tcl_NewStringObj(entry + 1, (int) len);
	Tcl_IncrRefCount(objv[3]);
	for (kinds = entry[0] == 'v' ? varKinds : cmdKinds, k = 0;
		kinds[k] != NULL; k++) {
	    objv[2] = Tcl_NewStringObj(kinds[k], -1);
	    Tcl_IncrRefCount(objv[2]);
	    if (TkleakCallCore(ctxPtr, "::trace", 4, objv, &infoPtr)
		    == TCL_OK) {
		CountTraceInfo(ctxPtr, &seen, kinds[k], entry + 1, infoPtr);
		Tcl_DecrRefCount(infoPtr);
	    }
	    Tcl_DecrRefCount(objv[2]);
	}
	Tcl_DecrRefCount(objv[3]);
    }
    Tcl_DecrRefCount(objv[0]);
    Tcl_DecrRefCount(objv[1]);
    Tcl_DeleteHashTable(&seen);
}
