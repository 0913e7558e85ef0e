/*
 * record.c --
 *
 *	Live attachment recording: tkleak::record on|off|status. While on,
 *	tkleak sees every attachment as it is made, and where it is made
 *	(origin.c), through the commands that attach or create: proc, "interp
 *	alias", "image create", bind, after, "wm protocol", "trace add
 *	variable", the widget creation commands and every widget command
 *	(configure, menu add/insert/entryconfigure, canvas
 *	bind/create/itemconfigure, text tag bind and image create); variables
 *	and array elements through their tables (varorigin.c). Each slot's script is scanned for the names
 *	it holds, and each named command, image or menu is remembered with
 *	that slot as its last referrer (TkleakSeen), so an attachment made
 *	and undone between two snapshots is still known to tkleak::orphans.
 *	The scan is deferred: a hook only logs the slot, its value and its
 *	origin, and the log is folded into the tables when a command asks
 *	(TkleakRecordFlush, whose header says what that means for names
 *	deleted or made in between) or when it is full.
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
 *	command returns and leaves the interpreter's result alone.
 *
 *	A hook is on a command, not on a name: an app or a library may
 *	rename a hooked command (a wrapper over "after", a megawidget's
 *	hull), delete it or make another at its name while recording is on.
 *	So each hooked command is known by its token and carries a delete
 *	trace that drops its hook when it goes; "record off" gives each
 *	command its procedure back through its token, wherever it lives
 *	then, and leaves alone whatever the app put at the old name. A
 *	command whose procedure is one of tkleak's hooks is never taken for
 *	an original, and a global is hooked again only when its procedure
 *	is the one it had when first hooked (a proc, ensemble or alias at
 *	::after is the app's wrapper, not "after").
 *
 *	Memory stays bounded: the log holds at most LOG_MAX entries and
 *	LOG_MAX_TEXT bytes of values; what is remembered is keyed by object,
 *	so a slot replaced a thousand times keeps one entry, and "seen" entries
 *	of objects that died are dropped by tkleak::orphans. The widget
 *	table holds the widgets hooked now: a widget's delete trace drops
 *	its entry, and "record off" empties it.
 *
 * Copyright (c) 2026 the tkleak developers. See the file "LICENSE".
 */

#include "config.h"
#include <string.h>
#include "record.h"

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
    "::ttk::treeview", "::ttk::separator", "::ttk::sizegrip", "::interp",
    NULL
};
enum { G_BIND, G_AFTER, G_WM, G_TRACE, G_PROC, G_IMAGE, G_FIRST_CREATOR };
#define G_INTERP 42		/* After the creators: not one of them. */

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
TRAMPOLINE(40) TRAMPOLINE(41) TRAMPOLINE(42)

static Tcl_ObjCmdProc *const trampolines[NUM_GLOBALS] = {
    Hook0, Hook1, Hook2, Hook3, Hook4, Hook5, Hook6, Hook7, Hook8, Hook9,
    Hook10, Hook11, Hook12, Hook13, Hook14, Hook15, Hook16, Hook17, Hook18,
    Hook19, Hook20, Hook21, Hook22, Hook23, Hook24, Hook25, Hook26, Hook27,
    Hook28, Hook29, Hook30, Hook31, Hook32, Hook33, Hook34, Hook35, Hook36,
    Hook37, Hook38, Hook39, Hook40, Hook41, Hook42
};

/*
 * IsOwnHookProc --
 *
 *	Whether OBJPROC is one of tkleak's hook procedures: a command that
 *	has one is never taken for the original of anything.
 */

static int
IsOwnHookProc(
    Tcl_ObjCmdProc *objProc)
{
    int g;

    if (objProc == WidgetHookProc || objProc == ClassHookNRE) {
	return 1;
    }
    for (g = 0; g < NUM_GLOBALS; g++) {
	if (objProc == trampolines[g]) {
	    return 1;
	}
    }
    return 0;
}

/*
 * GlobalTraceProc, WidgetTraceProc --
 *
 *	The delete traces of hooked commands: the command is going, so its
 *	token is forgotten (a global's hook record stays, for its name and
 *	procedure) or its widget hook dropped. A rename needs nothing: the
 *	hook is in the command and goes with it.
 */

static void
GlobalTraceProc(
    ClientData clientData,
    Tcl_Interp *interp,
    const char *oldName,
    const char *newName,
    int flags)
{
    GlobalHookRec *gPtr = clientData;

    (void) interp;
    (void) oldName;
    (void) newName;
    if (flags & TCL_TRACE_DELETE) {
	gPtr->token = NULL;
    }
}

static void
DropHook(
    WidgetHook *hookPtr)
{
    TkleakRecord *recPtr = hookPtr->recPtr;
    Tcl_HashEntry *hPtr;
    int i;

    if (recPtr != NULL) {
	hPtr = Tcl_FindHashEntry(&recPtr->widgets, hookPtr->clientData);
	if (hPtr != NULL && Tcl_GetHashValue(hPtr) == hookPtr) {
	    Tcl_DeleteHashEntry(hPtr);
	}
	for (i = 0; i < 2; i++) {
	    if (recPtr->lastHook[i] == hookPtr) {
		recPtr->lastHook[i] = NULL;
		recPtr->lastData[i] = NULL;
	    }
	}
    }
    if (hookPtr->pathPtr != NULL) {
	Tcl_DecrRefCount(hookPtr->pathPtr);
    }
    Tcl_Free((char *) hookPtr);
}

static void
WidgetTraceProc(
    ClientData clientData,
    Tcl_Interp *interp,
    const char *oldName,
    const char *newName,
    int flags)
{
    (void) interp;
    (void) oldName;
    (void) newName;
    if (flags & TCL_TRACE_DELETE) {
	DropHook(clientData);
    }
}

/*
 * UntraceToken --
 *
 *	Remove the delete trace PROC/CLIENTDATA from the command TOKEN, by
 *	its name now. Returns 0 when the name no longer leads to TOKEN (a
 *	hidden command): the trace stays, and its client data must live
 *	until the command goes. NAMEPTR, when not NULL, gets the full name.
 */

static int
UntraceToken(
    Tcl_Interp *interp,
    Tcl_Command token,
    Tcl_CommandTraceProc *proc,
    ClientData clientData,
    Tcl_Obj *namePtr)
{
    Tcl_Obj *fullPtr = Tcl_NewObj();
    int done = 0;

    Tcl_IncrRefCount(fullPtr);
    Tcl_GetCommandFullName(interp, token, fullPtr);
    if (Tcl_FindCommand(interp, Tcl_GetString(fullPtr), NULL,
	    TCL_GLOBAL_ONLY) == token) {
	Tcl_UntraceCommand(interp, Tcl_GetString(fullPtr), TCL_TRACE_DELETE,
		proc, clientData);
	done = 1;
    }
    if (namePtr != NULL) {
	Tcl_AppendObjToObj(namePtr, fullPtr);
    }
    Tcl_DecrRefCount(fullPtr);
    return done;
}

/*
 * TraceToken --
 *
 *	Put the delete trace PROC/CLIENTDATA on the command TOKEN. Returns 0
 *	when it could not be (TOKEN is not reachable by its name), and then
 *	the command must not be hooked, as tkleak would not know when it
 *	goes.
 */

static int
TraceToken(
    Tcl_Interp *interp,
    Tcl_Command token,
    Tcl_CommandTraceProc *proc,
    ClientData clientData)
{
    Tcl_Obj *fullPtr = Tcl_NewObj();
    int done = 0;

    Tcl_IncrRefCount(fullPtr);
    Tcl_GetCommandFullName(interp, token, fullPtr);
    if (Tcl_FindCommand(interp, Tcl_GetString(fullPtr), NULL,
	    TCL_GLOBAL_ONLY) == token
	    && Tcl_TraceCommand(interp, Tcl_GetString(fullPtr),
		TCL_TRACE_DELETE, proc, clientData) == TCL_OK) {
	done = 1;
    }
    Tcl_DecrRefCount(fullPtr);
    return done;
}

static TkleakRecord *
GetRecord(
    TkleakState *statePtr)
{
    if (statePtr->record.recordPtr == NULL) {
	statePtr->record.recordPtr = (TkleakRecord *) Tcl_Alloc(sizeof(TkleakRecord));
	memset(statePtr->record.recordPtr, 0, sizeof(TkleakRecord));
	Tcl_InitHashTable(&statePtr->record.recordPtr->widgets, TCL_ONE_WORD_KEYS);
    }
    return statePtr->record.recordPtr;
}

/*
 * IsSlotOption --
 *
 *	Whether a widget option is a slot: ends in "command" (any case) or
 *	"image", or is -menu.
 */

static int
IsSlotOption(
    const char *opt,
    int n)
{
    return opt[0] == '-' && ((n >= 8 && strcasecmp(opt + n - 7, "command") == 0)
	    || (n >= 6 && strcasecmp(opt + n - 5, "image") == 0)
	    || strcmp(opt, "-menu") == 0);
}

/*
 * RememberOptions --
 *
 *	Log the slot options among OBJV's "-option value" pairs, as slots
 *	of KIND (L_OPTION, L_ENTRY with INDEX, L_ITEM or L_TIMAGE with
 *	ITEMPTR).
 */

static void
RememberOptions(
    TkleakState *statePtr,
    Tcl_Interp *interp,
    Tcl_Obj *ownerPtr,
    int kind,
    int index,
    Tcl_Obj *itemPtr,
    int objc,
    Tcl_Obj *const objv[])
{
    int i;

    for (i = 0; i + 1 < objc; i += 2) {
	Tcl_Size n;
	const char *opt = Tcl_GetStringFromObj(objv[i], &n);

	if (IsSlotOption(opt, n)) {
	    TkleakLogAppend(statePtr, interp, kind, index, ownerPtr, objv[i],
		    itemPtr, objv[i + 1]);
	}
    }
}

/*
 * NewHook --
 *
 *	The hook entry of the command TOKEN, whose widget or class record is
 *	CLIENTDATA, with the command's own procedures and its KIND, and a
 *	delete trace on the command; or NULL when it cannot be hooked (a
 *	second command with the same record is hooked already, or the
 *	trace cannot be set).
 */

static WidgetHook *
NewHook(
    TkleakRecord *recPtr,
    Tcl_Interp *interp,
    Tcl_Command token,
    ClientData clientData,
    Tcl_ObjCmdProc *objProc,
    Tcl_ObjCmdProc *nreProc,
    char kind)
{
    Tcl_HashEntry *hPtr;
    WidgetHook *hookPtr;
    int isNew;

    hPtr = Tcl_CreateHashEntry(&recPtr->widgets, clientData, &isNew);
    if (!isNew) {
	return NULL;
    }
    hookPtr = (WidgetHook *) Tcl_Alloc(sizeof(WidgetHook));
    hookPtr->objProc = objProc;
    hookPtr->nreProc = nreProc;
    hookPtr->kind = kind;
    hookPtr->direct = 0;
    hookPtr->token = token;
    hookPtr->clientData = clientData;
    hookPtr->recPtr = recPtr;
    hookPtr->pathPtr = NULL;
    Tcl_SetHashValue(hPtr, hookPtr);
    if (!TraceToken(interp, token, WidgetTraceProc, hookPtr)) {
	DropHook(hookPtr);
	return NULL;
    }
    return hookPtr;
}

/*
 * HookWidget --
 *
 *	Hook the widget command of PATH, if it is still the widget's own.
 *	A megawidget may have put a proc, an alias, an import, a TclOO
 *	object or an ensemble there: Tcl knows those by their procedures
 *	(a swapped one would be "no object" to "info object"), and all but
 *	the first kinds run through an NRE procedure, so a command that has
 *	one is left alone.
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
    WidgetHook *hookPtr;
    Tk_Window tkwin;

    if (token == NULL || !Tcl_GetCommandInfoFromToken(token, &info)
	    || info.objProc == NULL || IsOwnHookProc(info.objProc)
	    || info.objProc == statePtr->core.procProc
	    || info.objProc == statePtr->core.aliasProc
	    || info.objProc == statePtr->core.importProc
	    || info.objProc == statePtr->core.objectProc
	    || Tcl_IsEnsemble(token)
	    || (TkleakWalkUsable(statePtr)
		&& TkleakWalkCommandNre(token) != NULL)) {
	return;
    }
    hookPtr = NewHook(recPtr, interp, token, info.objClientData,
	    info.objProc, NULL, 'w');
    if (hookPtr == NULL) {
	return;
    }
    hookPtr->pathPtr = Tcl_NewStringObj(path, -1);
    Tcl_IncrRefCount(hookPtr->pathPtr);
    tkwin = Tk_NameToWindow(interp, path, Tk_MainWindow(interp));
    if (tkwin != NULL) {
	if (TkleakWalkIsMenu(statePtr, tkwin)) {
	    hookPtr->kind = 'm';
	    hookPtr->direct = TkleakWalkMenuOwns(statePtr, tkwin,
		    info.objClientData);
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
    Tcl_Interp *interp,
    Tcl_Command token)
{
    TkleakRecord *recPtr = GetRecord(statePtr);
    Tcl_CmdInfo info;
    Tcl_ObjCmdProc *nreProc;

    if (token == NULL || !TkleakWalkUsable(statePtr)
	    || statePtr->core.objectProc == NULL
	    || !Tcl_GetCommandInfoFromToken(token, &info)
	    || info.objProc != statePtr->core.objectProc
	    || info.objClientData == NULL
	    || Tcl_GetObjectAsClass((Tcl_Object) info.objClientData) == NULL
	    || (nreProc = TkleakWalkCommandNre(token)) == NULL
	    || nreProc == ClassHookNRE) {
	return;
    }
    if (NewHook(recPtr, interp, token, info.objClientData, info.objProc,
	    nreProc, 'o') != NULL) {
	TkleakWalkSetCommandNre(token, ClassHookNRE);
    }
}

/*
 * UnhookAll --
 *
 *	Give every hooked widget or class command its own procedure back,
 *	wherever it lives now (a megawidget may have renamed it), and drop
 *	its hook. A hook whose trace cannot be taken off (the command was
 *	hidden) stays in the table, inert, until the command goes.
 */

static void
UnhookAll(
    TkleakRecord *recPtr,
    Tcl_Interp *interp)
{
    Tcl_HashSearch search;
    Tcl_HashEntry *hPtr;

    for (hPtr = Tcl_FirstHashEntry(&recPtr->widgets, &search); hPtr;
	    hPtr = Tcl_NextHashEntry(&search)) {
	WidgetHook *hookPtr = Tcl_GetHashValue(hPtr);
	Tcl_CmdInfo info;

	if (Tcl_GetCommandInfoFromToken(hookPtr->token, &info)) {
	    if (info.objProc == WidgetHookProc) {
		info.objProc = hookPtr->objProc;
		Tcl_SetCommandInfoFromToken(hookPtr->token, &info);
	    } else if (hookPtr->kind == 'o'
		    && TkleakWalkCommandNre(hookPtr->token) == ClassHookNRE) {
		TkleakWalkSetCommandNre(hookPtr->token, hookPtr->nreProc);
	    }
	}
	if (UntraceToken(interp, hookPtr->token, WidgetTraceProc, hookPtr,
		NULL)) {
	    DropHook(hookPtr);
	}
    }
}

/*
 *----------------------------------------------------------------------
 *
 * LogCreatedCommand --
 *
 *	Log that the command of TOKEN was made (a proc, an alias, a TclOO
 *	object), under its full name, unless it lives in tkleak's own
 *	namespace.
 *
 * Results:
 *	1 when it was logged, 0 for one of tkleak's own.
 *
 * Side effects:
 *	An entry in the recording log, which keeps its own reference to
 *	the key.
 *
 *----------------------------------------------------------------------
 */

static int
LogCreatedCommand(
    TkleakState *statePtr,
    Tcl_Interp *interp,
    Tcl_Command token)
{
    Tcl_Obj *keyPtr = Tcl_NewStringObj(
	    TkleakKeyPrefix(TKLEAK_KEY_COMMAND), 1);

    int own;

    Tcl_IncrRefCount(keyPtr);
    Tcl_GetCommandFullName(interp, token, keyPtr);
    own = TkleakIsOwnNamespace(Tcl_GetString(keyPtr) + 1);
    if (!own) {
	TkleakLogAppend(statePtr, interp, L_CREATED, 0, keyPtr, NULL, NULL,
		NULL);
    }
    Tcl_DecrRefCount(keyPtr);
    return !own;
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

    if (result != TCL_OK || statePtr->record.recordPtr == NULL
	    || !statePtr->record.recordPtr->on || !statePtr->opts.origins_on) {
	return result;
    }
    resultPtr = Tcl_GetObjResult(interp);
    Tcl_IncrRefCount(resultPtr);
    object = Tcl_GetObjectFromObj(interp, resultPtr);
    if (object != NULL && (token = Tcl_GetObjectCommand(object)) != NULL
	    && LogCreatedCommand(statePtr, interp, token)) {
	HookClass(statePtr, interp, token);
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
    TkleakRecord *recPtr = statePtr->record.recordPtr;
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
    TkleakRecord *recPtr,
    Tcl_ObjCmdProc *objProc,
    ClientData clientData,
    Tcl_Interp *interp,
    Tcl_Obj *pathPtr,
    Tcl_Obj *indexPtr)
{
    Tcl_Obj *objv[3];
    int index = -1;

    if (recPtr->indexPtr == NULL) {
	recPtr->indexPtr = Tcl_NewStringObj("index", 5);
	Tcl_IncrRefCount(recPtr->indexPtr);
    }
    objv[0] = pathPtr;
    objv[1] = recPtr->indexPtr;
    objv[2] = indexPtr;
    if (objProc(clientData, interp, 3, objv) == TCL_OK
	    && Tcl_GetIntFromObj(NULL, Tcl_GetObjResult(interp), &index)
		!= TCL_OK) {
	index = -1;
    }
    Tcl_ResetResult(interp);
    return index;
}

/*
 * IsSub --
 *
 *	Whether the subcommand word SUB of a widget or hooked command call
 *	that succeeded names FULL. Tk and Tcl take any unique prefix
 *	("config", "entryconfig", "wm proto", "trace add var"), and none of
 *	the subcommands looked for has another subcommand of its command as
 *	a prefix, so a prefix of FULL that the call took is FULL.
 */

static inline int
IsSub(
    const char *sub,
    const char *full)
{
    return sub[0] == full[0] && strncmp(sub, full, strlen(sub)) == 0;
}

/*
 * StillHooked --
 *
 *	Whether PATHPTR, the word a hooked widget command was called by,
 *	still names that hooked command with the record CLIENTDATA: the
 *	call may have run scripts (a -variable's traces) that destroyed the
 *	widget. The word's own command lookup is used, as the call just
 *	made it; nothing is run.
 */

static int
StillHooked(
    Tcl_Interp *interp,
    Tcl_Obj *pathPtr,
    ClientData clientData)
{
    Tcl_Command token = Tcl_GetCommandFromObj(interp, pathPtr);
    Tcl_CmdInfo info;

    return token != NULL && Tcl_GetCommandInfoFromToken(token, &info)
	    && info.objProc == WidgetHookProc
	    && info.objClientData == clientData;
}

/*
 * AddedIndex --
 *
 *	The index of the entry that "PATH add TYPE OBJV..." made in the menu
 *	record CLIENTDATA, which had ADDED entries before: ADDED, unless
 *	the call ran scripts (a -variable's traces) that added or deleted
 *	entries; then the entry that holds one of the slot values given, or
 *	-1 when none does. The record is read only while the same widget
 *	command is there; when it is gone, ADDED stands.
 */

static int
AddedIndex(
    Tcl_Interp *interp,
    ClientData clientData,
    Tcl_Obj *pathPtr,
    int added,
    int objc,
    Tcl_Obj *const objv[])
{
    int i, index;

    if (!StillHooked(interp, pathPtr, clientData)
	    || TkleakWalkMenuSize(clientData) == added + 1) {
	return added;
    }
    for (i = 0; i + 1 < objc; i += 2) {
	Tcl_Size n;
	const char *opt = Tcl_GetStringFromObj(objv[i], &n);

	if (IsSlotOption(opt, n)
		&& (index = TkleakWalkMenuFind(clientData, objv[i + 1])) >= 0) {
	    return index;
	}
    }
    return -1;
}

/*
 * WidgetHookProc --
 *
 *	The procedure of a hooked widget command: run the widget's own,
 *	then log the slots the call filled.
 */

static int
WidgetHookProc(
    ClientData clientData,
    Tcl_Interp *interp,
    int objc,
    Tcl_Obj *const objv[])
{
    TkleakState *statePtr = TkleakGetState(interp);
    TkleakRecord *recPtr = statePtr->record.recordPtr;
    Tcl_HashEntry *hPtr;
    WidgetHook *hookPtr;
    Tcl_Obj *resultPtr, *pathPtr, *ownerPtr;
    Tcl_ObjCmdProc *objProc;
    const char *sub;
    int code, added = -1;
    char kind;

    if (recPtr != NULL && recPtr->lastData[0] == clientData
	    && recPtr->lastHook[0] != NULL) {
	hookPtr = recPtr->lastHook[0];
    } else if (recPtr != NULL && recPtr->lastData[1] == clientData
	    && recPtr->lastHook[1] != NULL) {
	hookPtr = recPtr->lastHook[1];
    } else {
	hPtr = recPtr ? Tcl_FindHashEntry(&recPtr->widgets, clientData) : NULL;
	if (hPtr == NULL) {
	    Tcl_SetObjResult(interp, Tcl_NewStringObj(
		    "tkleak: lost the procedure of a recorded widget", -1));
	    Tcl_SetErrorCode(interp, "TKLEAK", "RECORD", "LOST",
		    (char *) NULL);
	    return TCL_ERROR;
	}
	hookPtr = Tcl_GetHashValue(hPtr);
	recPtr->lastData[1] = recPtr->lastData[0];
	recPtr->lastHook[1] = recPtr->lastHook[0];
	recPtr->lastData[0] = clientData;
	recPtr->lastHook[0] = hookPtr;
    }
    if (objc < 3 || !recPtr->on) {
	return hookPtr->objProc(clientData, interp, objc, objv);
    }
    sub = Tcl_GetString(objv[1]);

    /*
     * The call may delete the command, and with it the hook: what is
     * needed of it after the call is copied now.
     */

    objProc = hookPtr->objProc;
    kind = hookPtr->kind;
    ownerPtr = hookPtr->pathPtr ? hookPtr->pathPtr : objv[0];
    Tcl_IncrRefCount(ownerPtr);

    /*
     * An entry added to a menu walk.c can read gets the index the menu's
     * last entry has now plus one, counted before the call, while the
     * menu is surely there.
     */

    if (hookPtr->direct && IsSub(sub, "add")
	    && TkleakWalkUsable(statePtr)) {
	added = TkleakWalkMenuSize(clientData);
    }
    code = objProc(clientData, interp, objc, objv);

    /*
     * The call may have run scripts (a -variable's traces) that turned
     * recording off: then it logs nothing, as the global hooks do, and
     * the frame cache "record off" emptied stays empty.
     */

    if (code != TCL_OK || !recPtr->on) {
	goto done;
    }

    /*
     * Most calls fill no slot: leave them before any bookkeeping.
     */

    if (!IsSub(sub, "configure")) {
	switch (kind) {
	case 'm':
	    if (added < 0 && !IsSub(sub, "insert")
		    && !IsSub(sub, "entryconfigure")
		    && !IsSub(sub, "add")) {
		goto done;
	    }
	    break;
	case 'c':
	    if (!IsSub(sub, "bind") && !IsSub(sub, "create")
		    && !IsSub(sub, "itemconfigure")) {
		goto done;
	    }
	    break;
	case 't':
	    if (!IsSub(sub, "tag") && !IsSub(sub, "image")) {
		goto done;
	    }
	    break;
	default:
	    goto done;
	}
    }

    /*
     * The call succeeded, so the interpreter holds nothing but its result:
     * the log leaves it alone (a full log is folded with the result
     * saved), and the menu's index is asked with it saved.
     */

    resultPtr = Tcl_GetObjResult(interp);
    Tcl_IncrRefCount(resultPtr);
    pathPtr = objv[0];
    Tcl_IncrRefCount(pathPtr);
    if (IsSub(sub, "configure")) {
	RememberOptions(statePtr, interp, ownerPtr, L_OPTION, 0, NULL,
		objc - 2, objv + 2);
    } else if (added >= 0) {
	if (objc > 3) {
	    added = AddedIndex(interp, clientData, pathPtr, added, objc - 3,
		    objv + 3);
	}
	if (objc > 3 && added >= 0) {
	    RememberOptions(statePtr, interp, ownerPtr, L_ENTRY, added, NULL,
		    objc - 3, objv + 3);
	}
    } else if (kind == 'm') {
	int first = IsSub(sub, "insert") ? 4 : 3;
	int index = -1;

	/*
	 * The call may have run scripts (a -variable's traces) that
	 * destroyed the menu: ask it for the index only while the same
	 * widget command is still there.
	 */

	if (recPtr->endPtr == NULL) {
	    recPtr->endPtr = Tcl_NewStringObj("end", 3);
	    Tcl_IncrRefCount(recPtr->endPtr);
	}
	if (objc > first && StillHooked(interp, pathPtr, clientData)) {
	    index = MenuIndex(recPtr, objProc, clientData, interp, pathPtr,
		    IsSub(sub, "add") ? recPtr->endPtr : objv[2]);
	}
	Tcl_SetObjResult(interp, resultPtr);
	if (index >= 0) {
	    RememberOptions(statePtr, interp, ownerPtr, L_ENTRY, index, NULL,
		    objc - first, objv + first);
	}
    } else if (kind == 'c' && IsSub(sub, "bind") && objc == 5) {
	TkleakLogAppend(statePtr, interp, L_CBIND, 0, ownerPtr, objv[2],
		objv[3], objv[4]);
    } else if (kind == 'c' && (IsSub(sub, "create")
	    || IsSub(sub, "itemconfigure"))) {
	int i;

	/*
	 * Coordinates end where Tk's item types end them: at the first word
	 * that is a dash and a lowercase letter ("-5" is a coordinate).
	 */

	for (i = 3; i < objc; i++) {
	    const char *w = Tcl_GetString(objv[i]);

	    if (w[0] == '-' && w[1] >= 'a' && w[1] <= 'z') {
		break;
	    }
	}
	RememberOptions(statePtr, interp, ownerPtr, L_ITEM, 0,
		IsSub(sub, "create") ? resultPtr : objv[2],
		objc - i, objv + i);
	if (IsSub(sub, "create")
		&& !TkleakIsOwnWindow(Tcl_GetString(ownerPtr))) {
	    char buf[200], *id = TkleakJoinPair(Tcl_GetString(ownerPtr),
		    Tcl_GetString(resultPtr), buf, sizeof(buf));

	    TkleakLogCreated(statePtr, interp, TKLEAK_KEY_CANVAS_ITEM, id);
	    if (id != buf) {
		Tcl_Free(id);
	    }
	}
    } else if (kind == 't' && IsSub(sub, "tag") && objc == 6
	    && IsSub(Tcl_GetString(objv[2]), "bind")) {
	TkleakLogAppend(statePtr, interp, L_TBIND, 0, ownerPtr, objv[3],
		objv[4], objv[5]);
    } else if (kind == 't' && IsSub(sub, "image") && objc >= 4) {
	const char *op = Tcl_GetString(objv[2]);

	/*
	 * An embedded image is known by the name "image create" returns,
	 * as "image names" lists it.
	 */

	if (IsSub(op, "create")) {
	    RememberOptions(statePtr, interp, ownerPtr, L_TIMAGE, 0, resultPtr,
		    objc - 4, objv + 4);
	} else if (IsSub(op, "configure")) {
	    RememberOptions(statePtr, interp, ownerPtr, L_TIMAGE, 0, objv[3],
		    objc - 4, objv + 4);
	}
    }
    Tcl_DecrRefCount(pathPtr);
    Tcl_DecrRefCount(resultPtr);
    code = TCL_OK;

  done:
    Tcl_DecrRefCount(ownerPtr);
    return code;
}

/*
 * GlobalHook --
 *
 *	The procedure of a hooked global command WHICH: run the original,
 *	then log what it attached or made.
 */

static int
GlobalHook(
    int which,
    Tcl_Interp *interp,
    int objc,
    Tcl_Obj *const objv[])
{
    TkleakState *statePtr = TkleakGetState(interp);
    TkleakRecord *recPtr = statePtr->record.recordPtr;
    Tcl_CmdInfo *origPtr;

    Tcl_Obj *resultPtr;
    int code;

    if (recPtr == NULL || recPtr->glob[which].token == NULL) {
	Tcl_SetObjResult(interp, Tcl_NewStringObj(
		"tkleak: lost the procedure of a recorded command", -1));
	Tcl_SetErrorCode(interp, "TKLEAK", "RECORD", "LOST", (char *) NULL);
	return TCL_ERROR;
    }

    /*
     * The call may delete the command ("proc proc ..."): its hook record
     * stays, but nothing of it is read after the call.
     */

    origPtr = &recPtr->glob[which].orig;
    code = origPtr->objProc(origPtr->objClientData, interp, objc, objv);
    if (code != TCL_OK || !recPtr->on) {
	return code;
    }
    if (which == G_BIND) {
	if (objc == 4) {
	    TkleakLogAppend(statePtr, interp, L_BIND, 0, objv[1], objv[2],
		    NULL, objv[3]);
	}
	return TCL_OK;
    }

    /*
     * Hooking a new widget may leave a message in the result: keep the
     * command's own, and put it back after the bookkeeping.
     */

    resultPtr = Tcl_GetObjResult(interp);
    Tcl_IncrRefCount(resultPtr);
    switch (which) {
    case G_AFTER:
	if (objc >= 3) {
	    const char *first = Tcl_GetString(objv[1]);
	    Tcl_WideInt ms;

	    /*
	     * "after" takes any wide integer as its delay.
	     */

	    if (IsSub(first, "idle")
		    || Tcl_GetWideIntFromObj(NULL, objv[1], &ms) == TCL_OK) {
		TkleakLogAppend(statePtr, interp, L_AFTER, 0, NULL, resultPtr,
			NULL, Tcl_ConcatObj(objc - 2, objv + 2));
	    }
	}
	break;
    case G_WM:
	if (objc == 5 && IsSub(Tcl_GetString(objv[1]), "protocol")) {
	    TkleakLogAppend(statePtr, interp, L_WM, 0, objv[2], objv[3], NULL,
		    objv[4]);
	}
	break;
    case G_TRACE:
	if (objc == 6 && IsSub(Tcl_GetString(objv[1]), "add")
		&& IsSub(Tcl_GetString(objv[2]), "variable")) {
	    Tcl_Obj *namePtr = TkleakWalkVarFullName(interp, objv[3]);

	    TkleakLogAppend(statePtr, interp, L_TRACE, 0, NULL, namePtr, NULL,
		    objv[5]);
	    Tcl_DecrRefCount(namePtr);
	} else if (objc == 5
		&& IsSub(Tcl_GetString(objv[1]), "variable")
		&& Tcl_GetString(objv[1])[1] != '\0') {
	    /* The old style: trace variable NAME OPS COMMAND. */
	    Tcl_Obj *namePtr = TkleakWalkVarFullName(interp, objv[2]);

	    TkleakLogAppend(statePtr, interp, L_TRACE, 0, NULL, namePtr, NULL,
		    objv[4]);
	    Tcl_DecrRefCount(namePtr);
	}
	break;
    case G_PROC:
	if (objc == 4) {
	    Tcl_Command token = Tcl_FindCommand(interp,
		    Tcl_GetString(objv[1]), NULL, 0);

	    if (token != NULL) {
		LogCreatedCommand(statePtr, interp, token);
	    }
	}
	break;
    case G_IMAGE:
	if (objc >= 3 && IsSub(Tcl_GetString(objv[1]), "create")) {
	    TkleakLogCreated(statePtr, interp, TKLEAK_KEY_IMAGE,
		    Tcl_GetString(resultPtr));
	}
	break;
    case G_INTERP:
	/*
	 * "interp alias {} NAME TARGET CMD ?ARG ...?" made an alias in
	 * this interpreter, at NAME taken from the global namespace.
	 */

	if (objc >= 6 && IsSub(Tcl_GetString(objv[1]), "alias")
		&& Tcl_GetCharLength(objv[2]) == 0) {
	    Tcl_Command token = Tcl_FindCommand(interp,
		    Tcl_GetString(resultPtr), NULL, TCL_GLOBAL_ONLY);

	    if (token != NULL) {
		LogCreatedCommand(statePtr, interp, token);
	    }
	}
	break;
    default:
	/*
	 * A widget creation command: its options, then hook the widget.
	 */

	if (objc >= 2) {
	    const char *path = Tcl_GetString(resultPtr);

	    if (path[0] == '.' && !TkleakIsOwnWindow(path)) {
		TkleakLogCreated(statePtr, interp, TKLEAK_KEY_WINDOW, path);
		RememberOptions(statePtr, interp, resultPtr, L_OPTION, 0, NULL,
			objc - 2, objv + 2);
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
 * FindGlobal --
 *
 *	The command to hook for the global command WHICH: the one at its
 *	global name, or else the one at the name it had when recording last
 *	let go of it (an app that wrapped it moved it there), when it is
 *	the built-in itself: a command of C whose procedure is the one that
 *	command had when first hooked, never a proc, alias, import, object,
 *	ensemble or one of tkleak's own hooks. NULL when there is none.
 */

static Tcl_Command
FindGlobal(
    TkleakState *statePtr,
    Tcl_Interp *interp,
    int which,
    Tcl_CmdInfo *infoPtr)
{
    GlobalHookRec *gPtr = &statePtr->record.recordPtr->glob[which];
    const char *names[2];
    int k;

    names[0] = globalNames[which];
    names[1] = gPtr->lastNamePtr ? Tcl_GetString(gPtr->lastNamePtr) : NULL;
    for (k = 0; k < 2 && names[k] != NULL; k++) {
	Tcl_Command token = Tcl_FindCommand(interp, names[k], NULL,
		TCL_GLOBAL_ONLY);

	if (token == NULL || !Tcl_GetCommandInfoFromToken(token, infoPtr)
		|| infoPtr->objProc == NULL
		|| IsOwnHookProc(infoPtr->objProc)
		|| infoPtr->objProc == statePtr->core.procProc
		|| infoPtr->objProc == statePtr->core.aliasProc
		|| infoPtr->objProc == statePtr->core.importProc
		|| infoPtr->objProc == statePtr->core.objectProc
		|| Tcl_IsEnsemble(token)
		|| (gPtr->builtinProc != NULL
		    && infoPtr->objProc != gPtr->builtinProc)) {
	    continue;
	}
	return token;
    }
    return NULL;
}

/*
 * RecordOn, RecordOff --
 *
 *	Hook the global commands and every existing widget; put the
 *	original procedures back, in the commands hooked wherever they are
 *	now.
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

    TkleakRecordFlush(statePtr);
    TkleakSeenTrackUnnamed(statePtr, 1);
    if (TkleakCensusTakeRemember(statePtr, interp, &censusPtr, 0) != TCL_OK) {
	TkleakSeenTrackUnnamed(statePtr, 0);
	return TCL_ERROR;
    }
    for (g = 0; globalNames[g] != NULL; g++) {
	GlobalHookRec *gPtr = &recPtr->glob[g];
	Tcl_CmdInfo info;
	Tcl_Command token;

	if (gPtr->token != NULL) {
	    continue;		/* Hidden while hooked: left alone. */
	}
	token = FindGlobal(statePtr, interp, g, &info);
	if (token == NULL
		|| !TraceToken(interp, token, GlobalTraceProc, gPtr)) {
	    continue;
	}
	gPtr->token = token;
	gPtr->orig = info;
	if (gPtr->builtinProc == NULL) {
	    gPtr->builtinProc = info.objProc;
	}
	info.objProc = trampolines[g];
	Tcl_SetCommandInfoFromToken(token, &info);
    }
    if (statePtr->tk.tkReady && Tk_MainWindow(interp) != NULL) {
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

    HookClass(statePtr, interp, Tcl_FindCommand(interp, "::oo::object", NULL,
	    TCL_GLOBAL_ONLY));
    HookClass(statePtr, interp, Tcl_FindCommand(interp, "::oo::class", NULL,
	    TCL_GLOBAL_ONLY));
    for (t = 0; t < censusPtr->numTypes; t++) {
	TkleakType *typePtr = &censusPtr->types[t];

	if (strncmp(typePtr->name, "object ", 7) != 0) {
	    continue;
	}
	for (i = 0; i < typePtr->numIds; i++) {
	    HookClass(statePtr, interp, Tcl_FindCommand(interp, typePtr->ids[i], NULL,
		    TCL_GLOBAL_ONLY));
	}
    }
    Tcl_ResetResult(interp);
    TkleakCensusFree(censusPtr);

    /*
     * The count for the next drop of the dead carries over from the last
     * "record off", which dropped them: an app that toggles recording
     * (leaktest, the menu, the panel) still has them dropped.
     */

    if (recPtr->pruneAt == 0) {
	recPtr->pruneAt = TkleakLogNextPrune(statePtr);
    }
    recPtr->on = 1;
    recPtr->onSerial = TkleakCensusSerial();
    TkleakVarHook(statePtr, interp, 1);
    return TCL_OK;
}

static void
RecordOff(
    TkleakState *statePtr,
    Tcl_Interp *interp)
{
    TkleakRecord *recPtr = statePtr->record.recordPtr;
    int g;

    if (recPtr == NULL || !recPtr->on) {
	return;
    }
    TkleakRecordFlush(statePtr);
    TkleakVarHook(statePtr, interp, 0);
    TkleakWalkFramesFlush(statePtr);	/* Let go of the ByteCodes. */
    for (g = 0; g < NUM_GLOBALS && globalNames[g] != NULL; g++) {
	GlobalHookRec *gPtr = &recPtr->glob[g];
	Tcl_CmdInfo info;

	if (gPtr->token == NULL) {
	    continue;
	}
	if (Tcl_GetCommandInfoFromToken(gPtr->token, &info)
		&& info.objProc == trampolines[g]) {
	    info.objProc = gPtr->orig.objProc;
	    Tcl_SetCommandInfoFromToken(gPtr->token, &info);
	}
	if (gPtr->lastNamePtr != NULL) {
	    Tcl_DecrRefCount(gPtr->lastNamePtr);
	}
	gPtr->lastNamePtr = Tcl_NewObj();
	Tcl_IncrRefCount(gPtr->lastNamePtr);
	if (UntraceToken(interp, gPtr->token, GlobalTraceProc, gPtr,
		gPtr->lastNamePtr)) {
	    gPtr->token = NULL;
	}
    }

    /*
     * Widget and class commands: each hooked one gets its own procedure
     * back, wherever it lives now.
     */

    UnhookAll(recPtr, interp);
    recPtr->on = 0;
    TkleakSeenTrackUnnamed(statePtr, 0);

    /*
     * What recording holds goes too: the log's buffers, the referrer
     * cache and the memo are made again when needed, and of the origin
     * and "seen" tables only the entries of live objects stay (they are
     * what tkleak::origin and tkleak::orphans answer from).
     */

    if (recPtr->log != NULL) {
	Tcl_Free((char *) recPtr->log);
	recPtr->log = NULL;
    }
    recPtr->capLog = 0;
    if (recPtr->text != NULL) {
	Tcl_Free(recPtr->text);
	recPtr->text = NULL;
    }
    recPtr->capText = 0;
    recPtr->numText = 0;
    recPtr->lastData[0] = recPtr->lastData[1] = NULL;
    recPtr->lastHook[0] = recPtr->lastHook[1] = NULL;
    TkleakDeleteObjTable(&statePtr->record.refCache, 1);
    TkleakDeleteObjTable(&statePtr->record.memo, 1);
    {
	Tcl_InterpState saved = Tcl_SaveInterpState(interp, TCL_OK);

	TkleakLogForgetDead(statePtr, interp);
	Tcl_RestoreInterpState(interp, saved);
    }
    Tcl_ResetResult(interp);
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakRecording --
 *
 *	Whether recording is on in this interpreter.
 *
 * Results:
 *	1 when recording is on in this interpreter, else 0.
 *
 * Side effects:
 *	None.
 *
 *----------------------------------------------------------------------
 */

int
TkleakRecording(
    TkleakState *statePtr)
{
    return statePtr->record.recordPtr != NULL && statePtr->record.recordPtr->on;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakRecordOnSerial --
 *
 *	0 when recording is off; else the census serial at which it was
 *	last turned on: censuses with a larger serial were taken while it
 *	has been on.
 *
 * Results:
 *	A census serial, or 0.
 *
 * Side effects:
 *	None.
 *
 *----------------------------------------------------------------------
 */

unsigned long
TkleakRecordOnSerial(
    TkleakState *statePtr)
{
    return TkleakRecording(statePtr) ? statePtr->record.recordPtr->onSerial : 0;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakRecordMemory --
 *
 *	An estimate of the heap bytes recording holds: its state, the log
 *	and its text buffer, the widget hooks, and the objects the log
 *	holds, each as its share among their holders (an object of the
 *	app's that only the log still holds is tkleak's). heap.c adds them
 *	to tkleak's own bytes.
 *
 * Results:
 *	A number of bytes.
 *
 * Side effects:
 *	None.
 *
 *----------------------------------------------------------------------
 */

size_t
TkleakRecordMemory(
    TkleakState *statePtr)
{
    TkleakRecord *recPtr = statePtr->record.recordPtr;
    double held = 0;
    int i;

    if (recPtr == NULL) {
	return 0;
    }
    for (i = 0; i < recPtr->numLog; i++) {
	held += TkleakObjBytes(recPtr->log[i].ownerPtr, 0)
		+ TkleakObjBytes(recPtr->log[i].aPtr, 0)
		+ TkleakObjBytes(recPtr->log[i].bPtr, 0);
    }
    return (size_t) held + sizeof(TkleakRecord)
	    + recPtr->capLog * sizeof(LogEntry)
	    + recPtr->capText + recPtr->widgets.numBuckets * sizeof(void *)
	    + recPtr->widgets.numEntries
		* (sizeof(Tcl_HashEntry) + sizeof(WidgetHook));
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakRecordFree --
 *
 *	Free record/'s part of the state of an interpreter being deleted
 *	(TkleakRecordState): the recording, its memo and referrer cache. The
 *	hooks are not undone: Tcl deletes the commands before the state,
 *	and their delete traces have dropped their hooks by then.
 *
 * Results:
 *	None.
 *
 * Side effects:
 *	The memo's and referrer cache's values are released; the log's
 *	references, the global hooks' delete traces and names,
 *	and the widget table are released; hooks still installed are cut
 *	loose for their delete traces to free.
 *
 *----------------------------------------------------------------------
 */

void
TkleakRecordFree(
    TkleakState *statePtr)
{
    TkleakRecord *recPtr = statePtr->record.recordPtr;
    Tcl_HashSearch search;
    Tcl_HashEntry *hPtr;
    int g;

    TkleakDeleteObjTable(&statePtr->record.memo, 0);
    TkleakDeleteObjTable(&statePtr->record.refCache, 0);
    if (recPtr == NULL) {
	return;
    }
    if (recPtr->log != NULL) {
	int i;

	for (i = 0; i < recPtr->numLog; i++) {
	    TkleakLogFreeEntry(&recPtr->log[i]);
	}
	Tcl_Free((char *) recPtr->log);
    }
    if (recPtr->text != NULL) {
	Tcl_Free(recPtr->text);
    }
    if (recPtr->endPtr != NULL) {
	Tcl_DecrRefCount(recPtr->endPtr);
    }
    if (recPtr->indexPtr != NULL) {
	Tcl_DecrRefCount(recPtr->indexPtr);
    }
    for (g = 0; g < NUM_GLOBALS; g++) {
	GlobalHookRec *gPtr = &recPtr->glob[g];

	if (gPtr->token != NULL) {
	    UntraceToken(statePtr->interp, gPtr->token, GlobalTraceProc, gPtr,
		    NULL);
	}
	if (gPtr->lastNamePtr != NULL) {
	    Tcl_DecrRefCount(gPtr->lastNamePtr);
	}
    }

    /*
     * The commands are gone by now, and their traces dropped their hooks;
     * a hook left (a command that outlives the state) is cut loose, for
     * its trace to free.
     */

    for (hPtr = Tcl_FirstHashEntry(&recPtr->widgets, &search); hPtr;
	    hPtr = Tcl_NextHashEntry(&search)) {
	((WidgetHook *) Tcl_GetHashValue(hPtr))->recPtr = NULL;
    }
    Tcl_DeleteHashTable(&recPtr->widgets);
    Tcl_Free((char *) recPtr);
    statePtr->record.recordPtr = NULL;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakRecordObjCmd --
 *
 *	tkleak::record on|off|status. "status" returns 1 or 0.
 *
 * Results:
 *	TCL_OK with 1 or 0 (recording on or off) as the result, or
 *	TCL_ERROR with TKLEAK USAGE.
 *
 * Side effects:
 *	"on" hooks the attaching commands and every existing widget and
 *	takes a census to index what is attached already; "off" gives the
 *	hooked commands their procedures back and folds the log.
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
    if (TkleakGetIndex(interp, objv[1], actions, "action", &index, "USAGE",
	    (char *) NULL) != TCL_OK) {
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
	    statePtr->record.recordPtr != NULL && statePtr->record.recordPtr->on));
    return TCL_OK;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakRecordOriginal --
 *
 *	The procedure a command with OBJPROC and CLIENTDATA runs once
 *	tkleak's own hook is looked through: the original procedure of a
 *	hooked built-in or widget command, else OBJPROC itself. So that a
 *	census judges (and calls) what the app's command really is.
 *
 * Results:
 *	A procedure, or NULL for a hook whose original is lost.
 *
 * Side effects:
 *	None.
 *
 *----------------------------------------------------------------------
 */

Tcl_ObjCmdProc *
TkleakRecordOriginal(
    TkleakState *statePtr,
    Tcl_ObjCmdProc *objProc,
    ClientData clientData)
{
    TkleakRecord *recPtr = statePtr->record.recordPtr;
    Tcl_HashEntry *hPtr;
    int g;

    if (objProc == WidgetHookProc) {
	hPtr = recPtr ? Tcl_FindHashEntry(&recPtr->widgets, clientData) : NULL;
	return hPtr ? ((WidgetHook *) Tcl_GetHashValue(hPtr))->objProc : NULL;
    }
    for (g = 0; g < NUM_GLOBALS && globalNames[g] != NULL; g++) {
	if (objProc == trampolines[g]) {
	    return (recPtr && recPtr->glob[g].token != NULL)
		    ? recPtr->glob[g].orig.objProc : NULL;
	}
    }
    return objProc;
}
