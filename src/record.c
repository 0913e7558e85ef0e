/*
 * record.c --
 *
 *	Live attachment recording: tkleak::record on|off|status. While on,
 *	tkleak sees every attachment as it is made, and where it is made
 *	(origin.c), through the commands that attach or create: proc,
 *	"image create", bind, after, "wm protocol", "trace add variable", the
 *	widget creation commands and every widget command (configure, menu
 *	add/insert/entryconfigure, canvas bind/create/itemconfigure, text tag
 *	bind and image create). Each slot's script is scanned for the names
 *	it holds, and each named command, image or menu is remembered with
 *	that slot as its last referrer (TkleakSeen), so an attachment made
 *	and undone between two snapshots is still known to tkleak::orphans.
 *
 *	Notes on implementation:
 *
 *	Only those commands are hooked, by swapping the objProc of their
 *	command with Tcl_SetCommandInfoFromToken; nothing else is traced, so
 *	the rest of the app runs at full speed. The command's client data is
 *	left alone, because Tk and extensions read it back with
 *	Tcl_GetCommandInfo; the hook finds the original procedure instead
 *	from a per-interpreter table keyed by client data (widget commands:
 *	each widget record is its own key) or from a fixed trampoline per
 *	hooked global command. The bookkeeping runs after the original
 *	command returns, with the interpreter's result saved and restored.
 *
 *	Memory stays bounded: what is remembered is keyed by object, so a
 *	slot replaced a thousand times keeps one entry, and "seen" entries
 *	of objects that died are dropped by tkleak::orphans. The widget
 *	table grows with the widgets hooked; entries of destroyed widgets
 *	are reused when malloc gives a new widget the same record address,
 *	and all are dropped by "record off".
 *
 * Copyright (c) 2026 the tkleak developers. See the file "LICENSE".
 */

#include "config.h"
#include <string.h>
#include "tkleakInt.h"

/*
 * The hooked global commands. Each has its own trampoline, so no lookup
 * is needed to find the original.
 */

static const char *const globalNames[] = {
    "::bind", "::after", "::wm", "::trace", "::proc", "::image",
    "::button", "::checkbutton", "::radiobutton", "::label", "::frame",
    "::labelframe", "::toplevel", "::menu", "::menubutton", "::canvas",
    "::text", "::entry", "::spinbox", "::listbox", "::scale",
    "::scrollbar", "::message", "::panedwindow",
    "::ttk::button", "::ttk::checkbutton", "::ttk::radiobutton",
    "::ttk::label", "::ttk::frame", "::ttk::labelframe",
    "::ttk::menubutton", "::ttk::entry", "::ttk::combobox",
    "::ttk::spinbox", "::ttk::scrollbar", "::ttk::scale",
    "::ttk::notebook", "::ttk::panedwindow", "::ttk::progressbar",
    "::ttk::treeview", "::ttk::separator", "::ttk::sizegrip", NULL
};
enum { G_BIND, G_AFTER, G_WM, G_TRACE, G_PROC, G_IMAGE, G_FIRST_CREATOR };
#define NUM_GLOBALS 42

typedef struct WidgetHook {
    Tcl_ObjCmdProc *objProc;	/* The widget command's own procedure. */
    Tcl_ObjCmdProc *nreProc;	/* A TclOO class's NRE procedure. */
    char kind;			/* 'm' menu, 'c' canvas, 't' text, 'w', or
				 * 'o' a TclOO class. */
} WidgetHook;

/*
 * Per-interpreter recording state, hung off TkleakState.
 */

struct TkleakRecord {
    int on;
    Tcl_CmdInfo orig[NUM_GLOBALS];
    int hooked[NUM_GLOBALS];
    Tcl_HashTable widgets;	/* Widget client data -> WidgetHook. */
};

static int	GlobalHook(int which, Tcl_Interp *interp, int objc,
		    Tcl_Obj *const objv[]);
static int	WidgetHookProc(ClientData clientData, Tcl_Interp *interp,
		    int objc, Tcl_Obj *const objv[]);
static int	ClassHookNRE(ClientData clientData, Tcl_Interp *interp,
		    int objc, Tcl_Obj *const objv[]);

#define TRAMPOLINE(n) \
    static int Hook##n(ClientData cd, Tcl_Interp *interp, int objc, \
	    Tcl_Obj *const objv[]) { \
	(void) cd; \
	return GlobalHook(n, interp, objc, objv); \
    }
TRAMPOLINE(0) TRAMPOLINE(1) TRAMPOLINE(2) TRAMPOLINE(3) TRAMPOLINE(4)
TRAMPOLINE(5) TRAMPOLINE(6) TRAMPOLINE(7) TRAMPOLINE(8) TRAMPOLINE(9)
TRAMPOLINE(10) TRAMPOLINE(11) TRAMPOLINE(12) TRAMPOLINE(13) TRAMPOLINE(14)
TRAMPOLINE(15) TRAMPOLINE(16) TRAMPOLINE(17) TRAMPOLINE(18) TRAMPOLINE(19)
TRAMPOLINE(20) TRAMPOLINE(21) TRAMPOLINE(22) TRAMPOLINE(23) TRAMPOLINE(24)
TRAMPOLINE(25) TRAMPOLINE(26) TRAMPOLINE(27) TRAMPOLINE(28) TRAMPOLINE(29)
TRAMPOLINE(30) TRAMPOLINE(31) TRAMPOLINE(32) TRAMPOLINE(33) TRAMPOLINE(34)
TRAMPOLINE(35) TRAMPOLINE(36) TRAMPOLINE(37) TRAMPOLINE(38) TRAMPOLINE(39)
TRAMPOLINE(40) TRAMPOLINE(41)

static Tcl_ObjCmdProc *const trampolines[NUM_GLOBALS] = {
    Hook0, Hook1, Hook2, Hook3, Hook4, Hook5, Hook6, Hook7, Hook8, Hook9,
    Hook10, Hook11, Hook12, Hook13, Hook14, Hook15, Hook16, Hook17, Hook18,
    Hook19, Hook20, Hook21, Hook22, Hook23, Hook24, Hook25, Hook26, Hook27,
    Hook28, Hook29, Hook30, Hook31, Hook32, Hook33, Hook34, Hook35, Hook36,
    Hook37, Hook38, Hook39, Hook40, Hook41
};

static TkleakRecord *
GetRecord(
    TkleakState *statePtr)
{
    if (statePtr->recordPtr == NULL) {
	statePtr->recordPtr = (TkleakRecord *) Tcl_Alloc(sizeof(TkleakRecord));
	memset(statePtr->recordPtr, 0, sizeof(TkleakRecord));
	Tcl_InitHashTable(&statePtr->recordPtr->widgets, TCL_ONE_WORD_KEYS);
    }
    return statePtr->recordPtr;
}

/*
 * CachedRef --
 *
 *	The referrer dict {owner OWNER slot SLOT}, shared between calls for
 *	the same slot (no reference held by the caller).
 */

static Tcl_Obj *
CachedRef(
    TkleakState *statePtr,
    const char *owner,
    const char *slot)
{
    Tcl_DString key;
    Tcl_HashEntry *hPtr;
    Tcl_Obj *refPtr;
    int isNew;

    if (statePtr->refCache.numEntries > 20000) {
	TkleakDeleteObjTable(&statePtr->refCache, 1);
    }
    Tcl_DStringInit(&key);
    Tcl_DStringAppend(&key, owner, -1);
    Tcl_DStringAppend(&key, "\001", 1);
    Tcl_DStringAppend(&key, slot, -1);
    hPtr = Tcl_CreateHashEntry(&statePtr->refCache, Tcl_DStringValue(&key),
	    &isNew);
    Tcl_DStringFree(&key);
    if (isNew) {
	refPtr = TkleakNewRef(owner, slot);
	Tcl_IncrRefCount(refPtr);
	Tcl_SetHashValue(hPtr, refPtr);
    }
    return Tcl_GetHashValue(hPtr);
}

/*
 * Remember --
 *
 *	Note every command, image or window that a word of TEXT (or TEXT
 *	whole, or its first list element) names, with {owner slot} as its
 *	last referrer.
 */

typedef struct RememberData {
    TkleakState *statePtr;
    Tcl_Interp *interp;
    Tcl_Obj *refPtr;
    Tcl_Obj *stackPtr;		/* Where this happens, taken on first use. */
} RememberData;

static void
RememberName(
    RememberData *dataPtr,
    const char *name)
{
    TkleakState *statePtr = dataPtr->statePtr;
    Tcl_HashEntry *hPtr;
    Tcl_Obj *keyPtr;
    int isNew;

    /*
     * What a word names is memoised: most scripts name the same few
     * commands again and again. An entry is dropped when tkleak sees an
     * object of that name made (ForgetName), and the memo is emptied when
     * it grows large.
     */

    if (statePtr->memo.numEntries > 20000) {
	TkleakDeleteObjTable(&statePtr->memo, 1);
    }
    hPtr = Tcl_CreateHashEntry(&statePtr->memo, name, &isNew);
    if (isNew) {
	keyPtr = TkleakResolveKey(statePtr, dataPtr->interp, name);
	if (keyPtr == NULL) {
	    keyPtr = Tcl_NewObj();
	}
	Tcl_IncrRefCount(keyPtr);
	Tcl_SetHashValue(hPtr, keyPtr);
    } else {
	keyPtr = Tcl_GetHashValue(hPtr);
    }
    if (keyPtr->length == 0 && Tcl_GetString(keyPtr)[0] == '\0') {
	return;			/* Names nothing. */
    }
    TkleakSeen(statePtr, Tcl_GetString(keyPtr), dataPtr->refPtr);
    if (statePtr->origins_on) {
	if (dataPtr->stackPtr == NULL) {
	    dataPtr->stackPtr = TkleakOriginCapture(statePtr, dataPtr->interp);
	}
	TkleakOriginAttached(statePtr, Tcl_GetString(keyPtr),
		dataPtr->refPtr, dataPtr->stackPtr);
    }
}

/*
 * ForgetName --
 *
 *	Drop the memo entries of NAME: an object of that name was just
 *	made, so a word that named nothing may name it now.
 */

static void
ForgetName(
    TkleakState *statePtr,
    const char *name)
{
    Tcl_HashEntry *hPtr = Tcl_FindHashEntry(&statePtr->memo, name);

    if (hPtr != NULL) {
	Tcl_DecrRefCount((Tcl_Obj *) Tcl_GetHashValue(hPtr));
	Tcl_DeleteHashEntry(hPtr);
    }
    if (strncmp(name, "::", 2) == 0) {
	ForgetName(statePtr, name + 2);
    }
}

static void
RememberWord(
    void *clientData,
    const char *word,
    size_t len)
{
    Tcl_DString ds;

    Tcl_DStringInit(&ds);
    Tcl_DStringAppend(&ds, word, (int) len);
    RememberName(clientData, Tcl_DStringValue(&ds));
    Tcl_DStringFree(&ds);
}

static void
Remember(
    TkleakState *statePtr,
    Tcl_Interp *interp,
    const char *owner,
    const char *slot,
    Tcl_Obj *textPtr)
{
    RememberData data;
    int len;
    const char *text = Tcl_GetStringFromObj(textPtr, &len);

    if (len == 0) {
	return;
    }
    data.statePtr = statePtr;
    data.interp = interp;
    data.refPtr = CachedRef(statePtr, owner, slot);
    data.stackPtr = NULL;
    Tcl_IncrRefCount(data.refPtr);
    TkleakScanWords(text, (size_t) len, RememberWord, &data);

    /*
     * The whole text, and when it is braced or quoted its first list
     * element, found without turning the app's object into a list.
     */

    if (strpbrk(text, " \t\n") != NULL) {
	size_t sl = strlen(slot);

	/*
	 * Only an image or menu option holds a bare name that may contain
	 * spaces; in a script, a name with spaces is braced.
	 */

	if ((sl >= 5 && strcmp(slot + sl - 5, "image") == 0)
		|| (sl >= 5 && strcmp(slot + sl - 5, "-menu") == 0)) {
	    RememberName(&data, text);
	}
	if (text[0] == '{' || text[0] == '"') {
	    int argc;
	    const char **argv;

	    if (Tcl_SplitList(NULL, text, &argc, &argv) == TCL_OK) {
		if (argc > 0) {
		    RememberName(&data, argv[0]);
		}
		Tcl_Free((char *) argv);
	    }
	}
    }
    Tcl_DecrRefCount(data.refPtr);
}

/*
 * Created --
 *
 *	Note where the object KEY is being made.
 */

static void
Created(
    TkleakState *statePtr,
    Tcl_Interp *interp,
    const char *key)
{
    ForgetName(statePtr, key + 1);

    /*
     * A new object may reuse the name of one that died: its origin
     * starts afresh.
     */

    TkleakOriginForget(statePtr, key);
    if (statePtr->origins_on) {
	TkleakOriginCreated(statePtr, key,
		TkleakOriginCapture(statePtr, interp));
    }
}

/*
 * IsSlotOption --
 *
 *	Whether a widget option is a slot: ends in "command" (any case) or
 *	"image", or is -menu.
 */

static int
IsSlotOption(
    const char *opt)
{
    size_t n = strlen(opt);

    return opt[0] == '-' && ((n >= 8 && strcasecmp(opt + n - 7, "command") == 0)
	    || (n >= 6 && strcasecmp(opt + n - 5, "image") == 0)
	    || strcmp(opt, "-menu") == 0);
}

/*
 * RememberOptions --
 *
 *	Remember the slot options among OBJV's "-option value" pairs, with
 *	slot names PREFIX + option.
 */

static void
RememberOptions(
    TkleakState *statePtr,
    Tcl_Interp *interp,
    const char *owner,
    const char *prefix,
    int objc,
    Tcl_Obj *const objv[])
{
    int i;

    for (i = 0; i + 1 < objc; i += 2) {
	const char *opt = Tcl_GetString(objv[i]);

	if (IsSlotOption(opt)) {
	    Tcl_DString slot;

	    Tcl_DStringInit(&slot);
	    Tcl_DStringAppend(&slot, prefix, -1);
	    Tcl_DStringAppend(&slot, opt, -1);
	    Remember(statePtr, interp, owner, Tcl_DStringValue(&slot),
		    objv[i + 1]);
	    Tcl_DStringFree(&slot);
	}
    }
}

/*
 * HookWidget --
 *
 *	Hook the widget command of PATH, if it is still the widget's own.
 */

static void
HookWidget(
    TkleakState *statePtr,
    Tcl_Interp *interp,
    const char *path)
{
    TkleakRecord *recPtr = GetRecord(statePtr);
    Tcl_Command token = Tcl_FindCommand(interp, path, NULL, TCL_GLOBAL_ONLY);
    Tcl_CmdInfo info;
    Tcl_HashEntry *hPtr;
    WidgetHook *hookPtr;
    Tk_Window tkwin;
    int isNew;

    if (token == NULL || !Tcl_GetCommandInfoFromToken(token, &info)
	    || info.objProc == WidgetHookProc || info.objProc == NULL
	    || info.objProc == statePtr->procProc
	    || info.objProc == statePtr->aliasProc) {
	return;
    }
    hPtr = Tcl_CreateHashEntry(&recPtr->widgets, info.objClientData, &isNew);
    if (isNew) {
	hookPtr = (WidgetHook *) Tcl_Alloc(sizeof(WidgetHook));
	Tcl_SetHashValue(hPtr, hookPtr);
    } else {
	hookPtr = Tcl_GetHashValue(hPtr);
    }
    hookPtr->objProc = info.objProc;
    hookPtr->nreProc = NULL;
    hookPtr->kind = 'w';
    tkwin = Tk_NameToWindow(interp, path, Tk_MainWindow(interp));
    if (tkwin != NULL) {
	if (TkleakWalkIsMenu(statePtr, tkwin)) {
	    hookPtr->kind = 'm';
	} else if (TkleakWalkIsCanvas(statePtr, tkwin)) {
	    hookPtr->kind = 'c';
	} else if (Tk_Class(tkwin) && strcmp(Tk_Class(tkwin), "Text") == 0) {
	    hookPtr->kind = 't';
	}
    }
    info.objProc = WidgetHookProc;
    Tcl_SetCommandInfoFromToken(token, &info);
}

/*
 * HookClass --
 *
 *	Hook the command TOKEN when it is a TclOO class, so that the objects
 *	it makes ("new", "create", "createWithNamespace") get their
 *	creation origin. An object command is non-recursive: Tcl runs its
 *	NRE procedure, so that is what is swapped (through walk.c, the one
 *	file that reads Tcl's Command record); its objProc stays TclOO's
 *	own, so the class is still an object to Tcl_GetObjectFromObj and to
 *	the census. Without the private records, classes are not hooked.
 */

static void
HookClass(
    TkleakState *statePtr,
    Tcl_Command token)
{
    TkleakRecord *recPtr = GetRecord(statePtr);
    Tcl_CmdInfo info;
    Tcl_HashEntry *hPtr;
    WidgetHook *hookPtr;
    Tcl_ObjCmdProc *nreProc;
    int isNew;

    if (token == NULL || !TkleakWalkUsable(statePtr)
	    || statePtr->objectProc == NULL
	    || !Tcl_GetCommandInfoFromToken(token, &info)
	    || info.objProc != statePtr->objectProc
	    || info.objClientData == NULL
	    || Tcl_GetObjectAsClass((Tcl_Object) info.objClientData) == NULL
	    || (nreProc = TkleakWalkCommandNre(token)) == NULL
	    || nreProc == ClassHookNRE) {
	return;
    }
    hPtr = Tcl_CreateHashEntry(&recPtr->widgets, info.objClientData, &isNew);
    if (isNew) {
	hookPtr = (WidgetHook *) Tcl_Alloc(sizeof(WidgetHook));
	Tcl_SetHashValue(hPtr, hookPtr);
    } else {
	hookPtr = Tcl_GetHashValue(hPtr);
    }
    hookPtr->objProc = info.objProc;
    hookPtr->nreProc = nreProc;
    hookPtr->kind = 'o';
    TkleakWalkSetCommandNre(token, ClassHookNRE);
}

/*
 * UnhookCommand --
 *
 *	Give the widget or class command TOKEN its own procedure back if
 *	tkleak hooked it.
 */

static void
UnhookCommand(
    TkleakRecord *recPtr,
    Tcl_Command token)
{
    Tcl_CmdInfo info;
    Tcl_HashEntry *hPtr;

    if (token == NULL || !Tcl_GetCommandInfoFromToken(token, &info)
	    || (hPtr = Tcl_FindHashEntry(&recPtr->widgets,
		    info.objClientData)) == NULL) {
	return;
    }
    if (info.objProc == WidgetHookProc) {
	info.objProc = ((WidgetHook *) Tcl_GetHashValue(hPtr))->objProc;
	Tcl_SetCommandInfoFromToken(token, &info);
    } else if (TkleakWalkCommandNre(token) == ClassHookNRE) {
	TkleakWalkSetCommandNre(token,
		((WidgetHook *) Tcl_GetHashValue(hPtr))->nreProc);
    }
}

/*
 * ObjectMade --
 *
 *	A hooked class's "new" or "create" returned TCL_OK: note where the
 *	object named by the interpreter's result was made, and hook it when
 *	it is a class in turn. A non-recursive callback, run after the
 *	constructor; the result is left as it was.
 */

static int
ObjectMade(
    ClientData data[],
    Tcl_Interp *interp,
    int result)
{
    TkleakState *statePtr = TkleakGetState(interp);
    Tcl_Obj *resultPtr;
    Tcl_Object object;
    Tcl_Command token;

    if (result != TCL_OK || statePtr->recordPtr == NULL
	    || !statePtr->recordPtr->on || !statePtr->origins_on) {
	return result;
    }
    resultPtr = Tcl_GetObjResult(interp);
    Tcl_IncrRefCount(resultPtr);
    object = Tcl_GetObjectFromObj(interp, resultPtr);
    if (object != NULL && (token = Tcl_GetObjectCommand(object)) != NULL) {
	Tcl_Obj *keyPtr = Tcl_NewStringObj("c", 1);

	Tcl_IncrRefCount(keyPtr);
	Tcl_GetCommandFullName(interp, token, keyPtr);
	if (!TkleakIsOwnNamespace(Tcl_GetString(keyPtr) + 1)) {
	    Created(statePtr, interp, Tcl_GetString(keyPtr));
	    HookClass(statePtr, token);
	}
	Tcl_DecrRefCount(keyPtr);
    }
    Tcl_ResetResult(interp);
    Tcl_SetObjResult(interp, resultPtr);
    Tcl_DecrRefCount(resultPtr);
    (void) data;
    return TCL_OK;
}

/*
 * ClassHookNRE --
 *
 *	The NRE procedure of a hooked TclOO class: when the call makes an
 *	object, arrange for ObjectMade to run after it; then run the
 *	class's own procedure.
 */

static int
ClassHookNRE(
    ClientData clientData,
    Tcl_Interp *interp,
    int objc,
    Tcl_Obj *const objv[])
{
    TkleakState *statePtr = TkleakGetState(interp);
    TkleakRecord *recPtr = statePtr->recordPtr;
    Tcl_HashEntry *hPtr;

    hPtr = recPtr ? Tcl_FindHashEntry(&recPtr->widgets, clientData) : NULL;
    if (hPtr == NULL) {
	Tcl_SetObjResult(interp, Tcl_NewStringObj(
		"tkleak: lost the procedure of a recorded class", -1));
	Tcl_SetErrorCode(interp, "TKLEAK", "RECORD", "LOST", (char *) NULL);
	return TCL_ERROR;
    }
    if (objc >= 2 && recPtr->on) {
	const char *sub = Tcl_GetString(objv[1]);

	if (strcmp(sub, "new") == 0 || strcmp(sub, "create") == 0
		|| strcmp(sub, "createWithNamespace") == 0) {
	    Tcl_NRAddCallback(interp, ObjectMade, NULL, NULL, NULL, NULL);
	}
    }
    return ((WidgetHook *) Tcl_GetHashValue(hPtr))->nreProc(clientData,
	    interp, objc, objv);
}

/*
 * MenuIndex --
 *
 *	The numeric index of entry INDEXPTR of menu PATH, through the
 *	menu's own procedure; -1 when there is none.
 */

static int
MenuIndex(
    WidgetHook *hookPtr,
    ClientData clientData,
    Tcl_Interp *interp,
    Tcl_Obj *pathPtr,
    Tcl_Obj *indexPtr)
{
    Tcl_Obj *objv[3];
    int index = -1;

    objv[0] = pathPtr;
    objv[1] = Tcl_NewStringObj("index", 5);
    objv[2] = indexPtr;
    Tcl_IncrRefCount(objv[1]);
    if (hookPtr->objProc(clientData, interp, 3, objv) == TCL_OK
	    && Tcl_GetIntFromObj(NULL, Tcl_GetObjResult(interp), &index)
		!= TCL_OK) {
	index = -1;
    }
    Tcl_DecrRefCount(objv[1]);
    Tcl_ResetResult(interp);
    return index;
}

/*
 * WidgetHookProc --
 *
 *	The procedure of a hooked widget command: run the widget's own,
 *	then remember the slots the call filled.
 */

static int
WidgetHookProc(
    ClientData clientData,
    Tcl_Interp *interp,
    int objc,
    Tcl_Obj *const objv[])
{
    TkleakState *statePtr = TkleakGetState(interp);
    TkleakRecord *recPtr = statePtr->recordPtr;
    Tcl_HashEntry *hPtr;
    WidgetHook *hookPtr;
    Tcl_Obj *resultPtr;
    const char *path, *sub;
    char prefix[64];
    int code;

    hPtr = recPtr ? Tcl_FindHashEntry(&recPtr->widgets, clientData) : NULL;
    if (hPtr == NULL) {
	Tcl_SetObjResult(interp, Tcl_NewStringObj(
		"tkleak: lost the procedure of a recorded widget", -1));
	Tcl_SetErrorCode(interp, "TKLEAK", "RECORD", "LOST", (char *) NULL);
	return TCL_ERROR;
    }
    hookPtr = Tcl_GetHashValue(hPtr);
    code = hookPtr->objProc(clientData, interp, objc, objv);
    if (code != TCL_OK || objc < 3 || !recPtr->on) {
	return code;
    }
    /*
     * The call succeeded, so the interpreter holds nothing but its result:
     * keep that, and put it back after the bookkeeping.
     */

    resultPtr = Tcl_GetObjResult(interp);
    Tcl_IncrRefCount(resultPtr);
    Tcl_IncrRefCount(objv[0]);
    path = Tcl_GetString(objv[0]);
    sub = Tcl_GetString(objv[1]);
    if (strcmp(sub, "configure") == 0) {
	RememberOptions(statePtr, interp, path, "", objc - 2, objv + 2);
    } else if (hookPtr->kind == 'm' && objc >= 3
	    && (strcmp(sub, "add") == 0 || strcmp(sub, "insert") == 0
	    || strcmp(sub, "entryconfigure") == 0)) {
	int first = strcmp(sub, "add") == 0 ? 3 : (strcmp(sub, "insert") == 0
		? 4 : 3);
	Tcl_Obj *endPtr = Tcl_NewStringObj("end", 3);
	int index;

	Tcl_CmdInfo info;

	/*
	 * The call may have run scripts (a -variable's traces) that
	 * destroyed the menu: ask it for the index only while the same
	 * widget command is still there.
	 */

	index = -1;
	Tcl_IncrRefCount(endPtr);
	if (Tcl_GetCommandInfo(interp, path, &info)
		&& info.objProc == WidgetHookProc
		&& info.objClientData == clientData) {
	    index = MenuIndex(hookPtr, clientData, interp, objv[0],
		    strcmp(sub, "add") == 0 ? endPtr : objv[2]);
	}
	Tcl_DecrRefCount(endPtr);
	if (index >= 0 && objc > first) {
	    snprintf(prefix, sizeof(prefix), "entry %d ", index);
	    RememberOptions(statePtr, interp, path, prefix, objc - first,
		    objv + first);
	}
    } else if (hookPtr->kind == 'c' && strcmp(sub, "bind") == 0 && objc == 5) {
	const char *t = Tcl_GetString(objv[2]);
	Tcl_DString slot;

	Tcl_DStringInit(&slot);
	Tcl_DStringAppend(&slot, (t[0] >= '0' && t[0] <= '9') ? "item " : "tag ",
		-1);
	Tcl_DStringAppend(&slot, t, -1);
	Tcl_DStringAppend(&slot, " bind ", -1);
	Tcl_DStringAppend(&slot, Tcl_GetString(objv[3]), -1);
	Remember(statePtr, interp, path, Tcl_DStringValue(&slot), objv[4]);
	Tcl_DStringFree(&slot);
    } else if (hookPtr->kind == 'c' && (strcmp(sub, "create") == 0
	    || strcmp(sub, "itemconfigure") == 0)) {
	int i;

	snprintf(prefix, sizeof(prefix), "item %s ", strcmp(sub, "create") == 0
		? Tcl_GetString(resultPtr) : Tcl_GetString(objv[2]));
	for (i = 3; i < objc && Tcl_GetString(objv[i])[0] != '-'; i++) {
	    /* Skip coordinates. */
	}
	RememberOptions(statePtr, interp, path, prefix, objc - i, objv + i);
    } else if (hookPtr->kind == 't' && strcmp(sub, "tag") == 0 && objc == 6
	    && strcmp(Tcl_GetString(objv[2]), "bind") == 0) {
	Tcl_DString slot;

	Tcl_DStringInit(&slot);
	Tcl_DStringAppend(&slot, "tag ", -1);
	Tcl_DStringAppend(&slot, Tcl_GetString(objv[3]), -1);
	Tcl_DStringAppend(&slot, " bind ", -1);
	Tcl_DStringAppend(&slot, Tcl_GetString(objv[4]), -1);
	Remember(statePtr, interp, path, Tcl_DStringValue(&slot), objv[5]);
	Tcl_DStringFree(&slot);
    }
    Tcl_DecrRefCount(objv[0]);
    Tcl_ResetResult(interp);
    Tcl_SetObjResult(interp, resultPtr);
    Tcl_DecrRefCount(resultPtr);
    return TCL_OK;
}

/*
 * GlobalHook --
 *
 *	The procedure of a hooked global command WHICH: run the original,
 *	then remember what it attached.
 */

static int
GlobalHook(
    int which,
    Tcl_Interp *interp,
    int objc,
    Tcl_Obj *const objv[])
{
    TkleakState *statePtr = TkleakGetState(interp);
    TkleakRecord *recPtr = statePtr->recordPtr;
    Tcl_CmdInfo *origPtr;

    Tcl_Obj *resultPtr;
    int code;

    if (recPtr == NULL || !recPtr->hooked[which]) {
	Tcl_SetObjResult(interp, Tcl_NewStringObj(
		"tkleak: lost the procedure of a recorded command", -1));
	Tcl_SetErrorCode(interp, "TKLEAK", "RECORD", "LOST", (char *) NULL);
	return TCL_ERROR;
    }
    origPtr = &recPtr->orig[which];
    code = origPtr->objProc(origPtr->objClientData, interp, objc, objv);
    if (code != TCL_OK || !recPtr->on) {
	return code;
    }
    resultPtr = Tcl_GetObjResult(interp);
    Tcl_IncrRefCount(resultPtr);
    switch (which) {
    case G_BIND:
	if (objc == 4) {
	    const char *tag = Tcl_GetString(objv[1]);
	    Tcl_DString slot;
	    Tcl_Obj *scriptPtr = objv[3];
	    const char *script = Tcl_GetString(scriptPtr);

	    if (script[0] == '+') {
		scriptPtr = Tcl_NewStringObj(script + 1, -1);
	    }
	    Tcl_IncrRefCount(scriptPtr);
	    Tcl_DStringInit(&slot);
	    TkleakBindSlot(&slot, tag, Tcl_GetString(objv[2]));
	    Remember(statePtr, interp, tag, Tcl_DStringValue(&slot), scriptPtr);
	    Tcl_DStringFree(&slot);
	    if (statePtr->origins_on && !TkleakIsOwnWindow(tag)
		    && !TkleakIsOwnName(tag)) {
		int deleted = Tcl_GetString(scriptPtr)[0] == '\0';

		TkleakCreatedBinding(statePtr, interp, tag,
			Tcl_GetString(objv[2]), deleted, deleted ? NULL
			: TkleakOriginCapture(statePtr, interp));
	    }
	    Tcl_DecrRefCount(scriptPtr);
	}
	break;
    case G_AFTER:
	if (objc >= 3) {
	    const char *first = Tcl_GetString(objv[1]);
	    int ms;

	    if (strcmp(first, "idle") == 0
		    || Tcl_GetIntFromObj(NULL, objv[1], &ms) == TCL_OK) {
		Tcl_Obj *scriptPtr = Tcl_ConcatObj(objc - 2, objv + 2);
		Tcl_DString slot;

		Tcl_IncrRefCount(scriptPtr);
		Tcl_DStringInit(&slot);
		Tcl_DStringAppend(&slot, "after ", 6);
		Tcl_DStringAppend(&slot, Tcl_GetString(resultPtr), -1);
		Remember(statePtr, interp, "after", Tcl_DStringValue(&slot),
			scriptPtr);
		Tcl_DStringFree(&slot);
		if (statePtr->origins_on) {
		    TkleakCreatedAfter(statePtr, interp,
			    Tcl_GetString(resultPtr),
			    TkleakOriginCapture(statePtr, interp));
		}
		Tcl_DecrRefCount(scriptPtr);
	    } else if (objc == 3 && strcmp(first, "cancel") == 0
		    && strncmp(Tcl_GetString(objv[2]), "after#", 6) == 0) {
		Tcl_DString key;

		Tcl_DStringInit(&key);
		Tcl_DStringAppend(&key, "a", 1);
		Tcl_DStringAppend(&key, Tcl_GetString(objv[2]), -1);
		TkleakOriginForget(statePtr, Tcl_DStringValue(&key));
		Tcl_DStringFree(&key);
	    }
	}
	break;
    case G_WM:
	if (objc == 5 && strcmp(Tcl_GetString(objv[1]), "protocol") == 0) {
	    Tcl_DString slot;

	    Tcl_DStringInit(&slot);
	    Tcl_DStringAppend(&slot, "wm protocol ", -1);
	    Tcl_DStringAppend(&slot, Tcl_GetString(objv[3]), -1);
	    Remember(statePtr, interp, Tcl_GetString(objv[2]),
		    Tcl_DStringValue(&slot), objv[4]);
	    Tcl_DStringFree(&slot);
	}
	break;
    case G_TRACE:
	if (objc == 6 && strcmp(Tcl_GetString(objv[1]), "add") == 0
		&& strcmp(Tcl_GetString(objv[2]), "variable") == 0) {
	    Tcl_DString slot;

	    Tcl_DStringInit(&slot);
	    Tcl_DStringAppend(&slot, "variable ", -1);
	    Tcl_DStringAppend(&slot, Tcl_GetString(objv[3]), -1);
	    Remember(statePtr, interp, "trace", Tcl_DStringValue(&slot),
		    objv[5]);
	    Tcl_DStringFree(&slot);
	}
	break;
    case G_PROC:
	if (objc == 4) {
	    Tcl_Command token = Tcl_FindCommand(interp,
		    Tcl_GetString(objv[1]), NULL, 0);

	    if (token != NULL) {
		Tcl_Obj *keyPtr = Tcl_NewStringObj("c", 1);

		Tcl_IncrRefCount(keyPtr);
		Tcl_GetCommandFullName(interp, token, keyPtr);
		if (!TkleakIsOwnNamespace(Tcl_GetString(keyPtr) + 1)) {
		    Created(statePtr, interp, Tcl_GetString(keyPtr));
		}
		Tcl_DecrRefCount(keyPtr);
	    }
	}
	break;
    case G_IMAGE:
	if (objc >= 3 && strcmp(Tcl_GetString(objv[1]), "create") == 0) {
	    Tcl_DString key;

	    Tcl_DStringInit(&key);
	    Tcl_DStringAppend(&key, "i", 1);
	    Tcl_DStringAppend(&key, Tcl_GetString(resultPtr), -1);
	    Created(statePtr, interp, Tcl_DStringValue(&key));
	    Tcl_DStringFree(&key);
	}
	break;
    default:
	/*
	 * A widget creation command: its options, then hook the widget.
	 */

	if (objc >= 2) {
	    const char *path = Tcl_GetString(resultPtr);

	    if (path[0] == '.' && !TkleakIsOwnWindow(path)) {
		Tcl_DString key;

		Tcl_DStringInit(&key);
		Tcl_DStringAppend(&key, "w", 1);
		Tcl_DStringAppend(&key, path, -1);
		Created(statePtr, interp, Tcl_DStringValue(&key));
		Tcl_DStringFree(&key);
		RememberOptions(statePtr, interp, path, "", objc - 2, objv + 2);
		HookWidget(statePtr, interp, path);
	    }
	}
	break;
    }
    Tcl_ResetResult(interp);
    Tcl_SetObjResult(interp, resultPtr);
    Tcl_DecrRefCount(resultPtr);
    return TCL_OK;
}

/*
 * RecordOn, RecordOff --
 *
 *	Hook the global commands and every existing widget; put the
 *	original procedures back.
 */

static int
RecordOn(
    TkleakState *statePtr,
    Tcl_Interp *interp)
{
    TkleakRecord *recPtr = GetRecord(statePtr);
    TkleakCensus *censusPtr;
    size_t t, i;
    int g;

    if (recPtr->on) {
	return TCL_OK;
    }

    /*
     * What is attached already is learned from one full index, so that
     * the live check of tkleak::orphans (live.c) knows every slot.
     */

    if (TkleakCensusTakeRemember(statePtr, interp, &censusPtr) != TCL_OK) {
	return TCL_ERROR;
    }
    for (g = 0; globalNames[g] != NULL; g++) {
	Tcl_Command token = Tcl_FindCommand(interp, globalNames[g], NULL,
		TCL_GLOBAL_ONLY);
	Tcl_CmdInfo info;

	if (token == NULL || !Tcl_GetCommandInfoFromToken(token, &info)
		|| info.objProc == NULL || info.objProc == trampolines[g]
		|| info.objProc == statePtr->procProc
		|| info.objProc == statePtr->aliasProc
		|| info.objProc == statePtr->importProc) {
	    continue;
	}
	recPtr->orig[g] = info;
	recPtr->hooked[g] = 1;
	info.objProc = trampolines[g];
	Tcl_SetCommandInfoFromToken(token, &info);
    }
    if (statePtr->tkReady && Tk_MainWindow(interp) != NULL) {
	for (t = 0; t < censusPtr->numTypes; t++) {
	    TkleakType *typePtr = &censusPtr->types[t];

	    if (strncmp(typePtr->name, "widget ", 7) != 0) {
		continue;
	    }
	    for (i = 0; i < typePtr->numIds; i++) {
		HookWidget(statePtr, interp, typePtr->ids[i]);
	    }
	}
    }

    /*
     * TclOO classes, the two built-in ones first (the census does not
     * count what Tcl itself made).
     */

    HookClass(statePtr, Tcl_FindCommand(interp, "::oo::object", NULL,
	    TCL_GLOBAL_ONLY));
    HookClass(statePtr, Tcl_FindCommand(interp, "::oo::class", NULL,
	    TCL_GLOBAL_ONLY));
    for (t = 0; t < censusPtr->numTypes; t++) {
	TkleakType *typePtr = &censusPtr->types[t];

	if (strncmp(typePtr->name, "object ", 7) != 0) {
	    continue;
	}
	for (i = 0; i < typePtr->numIds; i++) {
	    HookClass(statePtr, Tcl_FindCommand(interp, typePtr->ids[i], NULL,
		    TCL_GLOBAL_ONLY));
	}
    }
    Tcl_ResetResult(interp);
    TkleakCensusFree(censusPtr);
    recPtr->on = 1;
    return TCL_OK;
}

static void
RecordOff(
    TkleakState *statePtr,
    Tcl_Interp *interp)
{
    TkleakRecord *recPtr = statePtr->recordPtr;
    TkleakCensus *censusPtr;
    size_t t, i;
    int g;

    if (recPtr == NULL || !recPtr->on) {
	return;
    }
    for (g = 0; g < NUM_GLOBALS && globalNames[g] != NULL; g++) {
	Tcl_Command token;
	Tcl_CmdInfo info;

	if (!recPtr->hooked[g]) {
	    continue;
	}
	token = Tcl_FindCommand(interp, globalNames[g], NULL, TCL_GLOBAL_ONLY);
	if (token != NULL && Tcl_GetCommandInfoFromToken(token, &info)
		&& info.objProc == trampolines[g]) {
	    info.objProc = recPtr->orig[g].objProc;
	    Tcl_SetCommandInfoFromToken(token, &info);
	    recPtr->hooked[g] = 0;
	}
    }

    /*
     * Widget commands: every live one that still has the hook gets its
     * own procedure back; then the table can go.
     */

    if (TkleakCensusTake(statePtr, interp, &censusPtr) == TCL_OK) {
	for (t = 0; t < censusPtr->numTypes; t++) {
	    TkleakType *typePtr = &censusPtr->types[t];

	    if (strncmp(typePtr->name, "widget ", 7) != 0
		    && strncmp(typePtr->name, "object ", 7) != 0) {
		continue;
	    }
	    for (i = 0; i < typePtr->numIds; i++) {
		UnhookCommand(recPtr, Tcl_FindCommand(interp, typePtr->ids[i],
			NULL, TCL_GLOBAL_ONLY));
	    }
	}
	TkleakCensusFree(censusPtr);
    }
    UnhookCommand(recPtr, Tcl_FindCommand(interp, "::oo::object", NULL,
	    TCL_GLOBAL_ONLY));
    UnhookCommand(recPtr, Tcl_FindCommand(interp, "::oo::class", NULL,
	    TCL_GLOBAL_ONLY));
    recPtr->on = 0;
    Tcl_ResetResult(interp);
}

/*
 * TkleakRecording --
 *
 *	Whether recording is on in this interpreter.
 */

int
TkleakRecording(
    TkleakState *statePtr)
{
    return statePtr->recordPtr != NULL && statePtr->recordPtr->on;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakRecordFree --
 *
 *	Free the recording state of an interpreter being deleted. The
 *	hooks are not undone: the commands are going away with it. Widget
 *	hooks whose commands outlive the table would break, so the table is
 *	only freed when the interpreter is.
 *
 *----------------------------------------------------------------------
 */

void
TkleakRecordFree(
    TkleakState *statePtr)
{
    TkleakRecord *recPtr = statePtr->recordPtr;
    Tcl_HashSearch search;
    Tcl_HashEntry *hPtr;

    if (recPtr == NULL) {
	return;
    }
    for (hPtr = Tcl_FirstHashEntry(&recPtr->widgets, &search); hPtr;
	    hPtr = Tcl_NextHashEntry(&search)) {
	Tcl_Free((char *) Tcl_GetHashValue(hPtr));
    }
    Tcl_DeleteHashTable(&recPtr->widgets);
    Tcl_Free((char *) recPtr);
    statePtr->recordPtr = NULL;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakRecordObjCmd --
 *
 *	tkleak::record on|off|status. "status" returns 1 or 0.
 *
 *----------------------------------------------------------------------
 */

int
TkleakRecordObjCmd(
    ClientData clientData,
    Tcl_Interp *interp,
    int objc,
    Tcl_Obj *const objv[])
{
    static const char *const actions[] = {"on", "off", "status", NULL};
    enum { R_ON, R_OFF, R_STATUS };
    TkleakState *statePtr = clientData;
    int index;

    if (objc != 2) {
	Tcl_WrongNumArgs(interp, 1, objv, "on|off|status");
	Tcl_SetErrorCode(interp, "TKLEAK", "USAGE", (char *) NULL);
	return TCL_ERROR;
    }
    if (Tcl_GetIndexFromObj(interp, objv[1], actions, "action", 0, &index)
	    != TCL_OK) {
	Tcl_SetErrorCode(interp, "TKLEAK", "USAGE", (char *) NULL);
	return TCL_ERROR;
    }
    switch (index) {
    case R_ON:
	TkleakInitTk(statePtr, interp);
	if (RecordOn(statePtr, interp) != TCL_OK) {
	    return TCL_ERROR;
	}
	break;
    case R_OFF:
	RecordOff(statePtr, interp);
	break;
    }
    Tcl_SetObjResult(interp, Tcl_NewBooleanObj(
	    statePtr->recordPtr != NULL && statePtr->recordPtr->on));
    return TCL_OK;
}
