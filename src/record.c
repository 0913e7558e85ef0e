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
    "::ttk::treeview", "::ttk::separator", "::ttk::sizegrip", "::interp",
    NULL
};
enum { G_BIND, G_AFTER, G_WM, G_TRACE, G_PROC, G_IMAGE, G_FIRST_CREATOR };
#define NUM_GLOBALS 43
#define G_INTERP 42		/* After the creators: not one of them. */

typedef struct WidgetHook {
    Tcl_ObjCmdProc *objProc;	/* The widget command's own procedure. */
    Tcl_ObjCmdProc *nreProc;	/* A TclOO class's NRE procedure. */
    char kind;			/* 'm' menu, 'c' canvas, 't' text, 'w', or
				 * 'o' a TclOO class. */
    char direct;		/* A menu whose entries walk.c can count. */
    Tcl_Command token;		/* The command hooked, wherever it lives
				 * now: its delete trace (HookTraceProc)
				 * drops the hook with it. */
    ClientData clientData;	/* Its key in the widgets table. */
    TkleakRecord *recPtr;	/* NULL once the state is freed. */
    Tcl_Obj *pathPtr;		/* The widget's path, the owner of what is
				 * logged whatever name the command has now;
				 * NULL for a class. One reference held. */
} WidgetHook;

/*
 * A hooked global command. The hook follows the command, not its name:
 * an app that renames "after" away and puts a wrapper at ::after keeps
 * the hook on the real "after", and "record off" finds it there.
 */

typedef struct GlobalHookRec {
    Tcl_Command token;		/* The command hooked, or NULL. */
    Tcl_CmdInfo orig;		/* Its command info before the hook. */
    Tcl_ObjCmdProc *builtinProc;/* The procedure it had when first hooked:
				 * only a command with it is hooked again. */
    Tcl_Obj *lastNamePtr;	/* Its full name at the last "record off",
				 * where "record on" looks next; or NULL. */
} GlobalHookRec;

/*
 * Per-interpreter recording state, hung off TkleakState.
 */

/*
 * The attachment log: what a hook saw, kept until someone asks
 * (TkleakRecordFlush). The slot name is put together, and the value's
 * words resolved, only then. The parts of the slot name are the app's
 * own objects, most of them literals, with one reference each; the
 * value is copied into one buffer, because holding the app's fresh
 * value objects would keep the allocator from reusing their memory, and
 * fresh memory at every call costs the app more than the copy.
 */

enum LogKind {
    L_OPTION,			/* OWNER's option A. */
    L_ENTRY,			/* "entry INDEX A" of menu OWNER. */
    L_ITEM,			/* "item B A" of canvas OWNER. */
    L_BIND,			/* "bind A" of tag OWNER; a leading + dropped. */
    L_CBIND,			/* "item|tag A bind B" of canvas OWNER. */
    L_TBIND,			/* "tag A bind B" of text OWNER. */
    L_TIMAGE,			/* "image B A" of text OWNER. */
    L_AFTER,			/* "after A" of "after". */
    L_WM,			/* "wm protocol A" of OWNER. */
    L_TRACE,			/* "variable A" of "trace". */
    L_CREATED			/* The object of key OWNER was made. */
};

typedef struct LogEntry {
    int kind;			/* enum LogKind. */
    int index;			/* L_ENTRY: the entry's index when set. */
    Tcl_Obj *ownerPtr;		/* See enum LogKind; each held, or NULL. */
    Tcl_Obj *aPtr;
    Tcl_Obj *bPtr;
    size_t textOff;		/* What was put in the slot: its string */
    int textLen;		/* in the log's text buffer. */
    Tcl_Obj *stackPtr;		/* Where, or NULL without -origins. */
} LogEntry;

/*
 * Entries the log holds before it is folded into the "seen" and origin
 * tables: bounds the memory of a long recording nobody asks about, at
 * about 48 bytes an entry plus the values it holds. In a Tcl app those
 * are mostly literals, held by their scripts anyway; tkinter makes fresh
 * objects for every call, and its binding scripts are long, so the log
 * also counts what it holds (LOG_MAX_BYTES, an estimate: see ObjCost)
 * and is folded when that reaches a megabyte.
 * The log starts small and doubles.
 */

#define LOG_MAX 16384
#define LOG_MIN 64
#define LOG_MAX_TEXT (1 << 20)
#define LOG_MAX_BYTES (1 << 20)
#define PRUNE_MIN 1024

struct TkleakRecord {
    int on;
    unsigned long onSerial;	/* TkleakCensusSerial at the last "record
				 * on" (after its own census). */
    GlobalHookRec glob[NUM_GLOBALS];
    Tcl_HashTable widgets;	/* Widget client data -> WidgetHook, for the
				 * commands hooked now. */
    ClientData lastData[2];	/* The last two widgets called, and their */
    WidgetHook *lastHook[2];	/* hooks: an app works on a few at a time. */
    LogEntry *log;		/* CAPLOG entries, or NULL. */
    int numLog;
    int capLog;
    char *text;			/* The values of the entries. */
    size_t numText;
    size_t capText;
    size_t logBytes;		/* What the log holds, estimated (see
				 * LOG_MAX_BYTES). */
    int pruneAt;		/* Entries of the origin and "seen" tables
				 * at which a fold drops those of the dead. */
    Tcl_Obj *endPtr;		/* "end" and "index", for MenuIndex. */
    Tcl_Obj *indexPtr;
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
 *----------------------------------------------------------------------
 *
 * TkleakScanQuotedWords --
 *
 *	Call FN with the value of every word of SCRIPT (LEN bytes) that
 *	TkleakScanWords cannot see whole: a word whose value holds white
 *	space, one of { } [ ] " ; or a backslash, as a command name given
 *	through [list ::$name] does ({::[x]}, ::\{). The words are those of
 *	Tcl's own parser (Tcl_ParseCommand, on the text, never on the app's
 *	object), at every depth: inside braced words (bodies, lambdas,
 *	"namespace code" scripts, lists) and command substitutions. Words
 *	with substitutions other than backslashes have no value to report;
 *	their command substitutions are scanned. Comments are skipped, as
 *	Tcl skips them. Nothing is evaluated. A word that is the first of
 *	its command is reported with TKLEAK_WORD_COMMAND, the others with
 *	no flag, as TkleakScanWords reports them: only the first may name a
 *	command, and the value of every word is scanned again in turn, so a
 *	script or lambda given as an argument has its command words too.
 *
 * Results:
 *	None. FN gets a string it must not keep.
 *
 *----------------------------------------------------------------------
 */

#define QUOTED_DEPTH 8

static int
NeedsQuoting(
    const char *s,
    size_t len)
{
    size_t i;

    for (i = 0; i < len; i++) {
	switch (s[i]) {
	case ' ': case '\t': case '\n': case '\r': case '\v': case '\f':
	case '{': case '}': case '[': case ']': case '"': case ';':
	case '\\':
	    return 1;
	}
    }
    return 0;
}

static void
ScanQuoted(
    const char *script,
    size_t len,
    TkleakWordProc *fn,
    void *clientData,
    int depth)
{
    const char *p = script, *end = script + len;
    Tcl_Parse parse;
    Tcl_DString value;

    if (depth > QUOTED_DEPTH || (memchr(script, '{', len) == NULL
	    && memchr(script, '"', len) == NULL
	    && memchr(script, '\\', len) == NULL)) {
	return;			/* Every word is one the plain scan sees. */
    }
    Tcl_DStringInit(&value);
    while (p < end) {
	Tcl_Token *tokenPtr;
	int w;

	if (Tcl_ParseCommand(NULL, p, (int) (end - p), 0, &parse) != TCL_OK) {
	    break;
	}
	tokenPtr = parse.tokenPtr;
	for (w = 0; w < parse.numWords; w++) {
	    int n = tokenPtr->numComponents, k, literal = 1;

	    Tcl_DStringSetLength(&value, 0);
	    for (k = 1; k <= n; k++) {
		Tcl_Token *partPtr = &tokenPtr[k];
		char buf[TCL_UTF_MAX + 1];

		switch (partPtr->type) {
		case TCL_TOKEN_TEXT:
		    Tcl_DStringAppend(&value, partPtr->start, partPtr->size);
		    break;
		case TCL_TOKEN_BS:
		    Tcl_DStringAppend(&value, buf, Tcl_UtfBackslash(
			    partPtr->start, NULL, buf));
		    break;
		case TCL_TOKEN_COMMAND:
		    literal = 0;
		    if (partPtr->size > 2) {
			ScanQuoted(partPtr->start + 1,
				(size_t) partPtr->size - 2, fn, clientData,
				depth + 1);
		    }
		    break;
		default:
		    literal = 0;
		    break;
		}
		k += partPtr->numComponents;
	    }
	    if (literal && NeedsQuoting(Tcl_DStringValue(&value),
		    (size_t) Tcl_DStringLength(&value))) {
		fn(clientData, Tcl_DStringValue(&value),
			(size_t) Tcl_DStringLength(&value),
			w == 0 ? TKLEAK_WORD_COMMAND : 0);
		if (tokenPtr->start[0] == '{' || tokenPtr->start[0] == '"') {
		    Tcl_DString inner;

		    /*
		     * A braced or quoted word may be a script or a list in
		     * turn: its value is scanned on its own copy, as the
		     * DString is reused.
		     */

		    Tcl_DStringInit(&inner);
		    Tcl_DStringAppend(&inner, Tcl_DStringValue(&value),
			    Tcl_DStringLength(&value));
		    ScanQuoted(Tcl_DStringValue(&inner),
			    (size_t) Tcl_DStringLength(&inner), fn, clientData,
			    depth + 1);
		    Tcl_DStringFree(&inner);
		}
	    }
	    tokenPtr += n + 1;
	}
	p = parse.commandStart + parse.commandSize;
	Tcl_FreeParse(&parse);
    }
    Tcl_DStringFree(&value);
}

void
TkleakScanQuotedWords(
    const char *script,
    size_t len,
    TkleakWordProc *fn,
    void *clientData)
{
    ScanQuoted(script, len, fn, clientData, 0);
}

/*
 * Remember --
 *
 *	Note every command, image or window that a word of TEXT (or TEXT
 *	whole, or its first list element) names, with {owner slot} as its
 *	last referrer and STACKPTR (or NULL) as where that happened.
 */

typedef struct RememberData {
    TkleakState *statePtr;
    Tcl_Interp *interp;
    Tcl_Obj *refPtr;
    Tcl_Obj *stackPtr;		/* Where this happened, or NULL. */
} RememberData;

static void
RememberName(
    RememberData *dataPtr,
    const char *name,
    int flags)			/* As TkleakScanWords reports the name. */
{
    TkleakState *statePtr = dataPtr->statePtr;
    Tcl_HashEntry *hPtr;
    Tcl_Obj *keysPtr, **kv;
    int isNew, kc, i;

    /*
     * What a word names is memoised: most scripts name the same few
     * commands again and again. The memo lives for one flush, during
     * which no script runs and nothing is made or deleted, and is
     * emptied when it grows large.
     */

    if (statePtr->memo.numEntries > 20000) {
	TkleakDeleteObjTable(&statePtr->memo, 1);
    }
    hPtr = Tcl_CreateHashEntry(&statePtr->memo, name, &isNew);
    if (isNew) {
	keysPtr = TkleakResolveKeys(statePtr, dataPtr->interp, name);
	Tcl_IncrRefCount(keysPtr);
	Tcl_SetHashValue(hPtr, keysPtr);
    } else {
	keysPtr = Tcl_GetHashValue(hPtr);
    }
    if (Tcl_ListObjGetElements(NULL, keysPtr, &kc, &kv) != TCL_OK) {
	return;
    }
    for (i = 0; i < kc; i++) {
	if (!TkleakWordMayName(flags, Tcl_GetString(kv[i])[0])) {
	    continue;
	}
	TkleakSeen(statePtr, Tcl_GetString(kv[i]), dataPtr->refPtr);
	if (dataPtr->stackPtr != NULL) {
	    TkleakOriginAttached(statePtr, Tcl_GetString(kv[i]),
		    dataPtr->refPtr, dataPtr->stackPtr);
	}
    }
}

static void
RememberWord(
    void *clientData,
    const char *word,
    size_t len,
    int flags)
{
    Tcl_DString ds;

    Tcl_DStringInit(&ds);
    Tcl_DStringAppend(&ds, word, (int) len);
    RememberName(clientData, Tcl_DStringValue(&ds), flags);
    Tcl_DStringFree(&ds);
}

static void
Remember(
    TkleakState *statePtr,
    Tcl_Interp *interp,
    const char *owner,
    const char *slot,
    const char *text,
    int len,
    Tcl_Obj *stackPtr)
{
    RememberData data;

    if (len == 0) {
	return;
    }
    data.statePtr = statePtr;
    data.interp = interp;
    /*
     * Every after event is a slot of its own, never set again: caching
     * its referrer would only fill the cache.
     */

    data.refPtr = strcmp(owner, "after") == 0 ? TkleakNewRef(owner, slot)
	    : CachedRef(statePtr, owner, slot);
    data.stackPtr = stackPtr;
    Tcl_IncrRefCount(data.refPtr);
    TkleakScanWords(text, (size_t) len, RememberWord, &data);
    TkleakScanQuotedWords(text, (size_t) len, RememberWord, &data);

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
	    RememberName(&data, text, TKLEAK_WORD_COMMAND);
	}
	if (text[0] == '{' || text[0] == '"') {
	    int argc;
	    const char **argv;

	    if (Tcl_SplitList(NULL, text, &argc, &argv) == TCL_OK) {
		if (argc > 0) {
		    RememberName(&data, argv[0], TKLEAK_WORD_COMMAND);
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
 *	Note that the object KEY was made, at STACKPTR (or NULL).
 */

static void
Created(
    TkleakState *statePtr,
    const char *key,
    Tcl_Obj *stackPtr)
{
    /*
     * A new object may reuse the name of one that died: its origin
     * starts afresh.
     */

    TkleakOriginForget(statePtr, key);
    if (stackPtr != NULL) {
	TkleakOriginCreated(statePtr, key, stackPtr);
    }
}

/*
 * SameObj --
 *
 *	Whether two objects of a log entry are the same value, without
 *	making a string form that the app has not made.
 */

static int
SameObj(
    Tcl_Obj *a,
    Tcl_Obj *b)
{
    if (a == b) {
	return 1;
    }
    return a != NULL && b != NULL && a->bytes != NULL && b->bytes != NULL
	    && a->length == b->length && memcmp(a->bytes, b->bytes,
		(size_t) a->length) == 0;
}

/*
 * ObjCost --
 *
 *	What holding OBJPTR (or NULL) costs the log: the object and its
 *	string when nothing but the call being logged holds it (a word
 *	tkinter made for this call, a key made for the log), so that the
 *	log alone keeps it alive; nothing for a literal of a script or a
 *	widget's path, which live on anyway.
 */

static inline size_t
ObjCost(
    Tcl_Obj *objPtr)
{
    return objPtr == NULL || objPtr->refCount > 1 ? 0
	    : sizeof(Tcl_Obj) + (objPtr->bytes ? (size_t) objPtr->length : 0);
}

/*
 * Log --
 *
 *	Append an attachment or creation to the log (see enum LogKind),
 *	with where it happens when origins are on. A full log is folded
 *	into the tables first. VALUEPTR may be an object the caller made;
 *	the log does not keep it.
 */

static void
Log(
    TkleakState *statePtr,
    Tcl_Interp *interp,
    int kind,
    int index,
    Tcl_Obj *ownerPtr,
    Tcl_Obj *aPtr,
    Tcl_Obj *bPtr,
    Tcl_Obj *valuePtr)
{
    TkleakRecord *recPtr = statePtr->recordPtr;
    LogEntry *entryPtr;
    Tcl_Obj *stackPtr = statePtr->origins_on
	    ? TkleakOriginCapture(statePtr, interp) : NULL;
    const char *text = "";
    int len = 0;
    size_t cost;

    /*
     * The stack is held at once: a fold below may drop the stacks nothing
     * holds.
     */

    if (stackPtr != NULL) {
	Tcl_IncrRefCount(stackPtr);
    }
    if (valuePtr != NULL) {
	Tcl_IncrRefCount(valuePtr);
	text = Tcl_GetStringFromObj(valuePtr, &len);
    }

    /*
     * The same attachment made again, from the same place, straight
     * after itself (a slot set again and again) adds nothing: replaying
     * it twice leaves the tables as replaying it once.
     */

    if (recPtr->numLog > 0) {
	entryPtr = &recPtr->log[recPtr->numLog - 1];
	if (entryPtr->kind == kind && entryPtr->index == index
		&& entryPtr->stackPtr == stackPtr
		&& entryPtr->textLen == len
		&& SameObj(entryPtr->ownerPtr, ownerPtr)
		&& SameObj(entryPtr->aPtr, aPtr)
		&& SameObj(entryPtr->bPtr, bPtr)
		&& memcmp(recPtr->text + entryPtr->textOff, text,
		    (size_t) len) == 0) {
	    if (ownerPtr != NULL && ownerPtr->refCount == 0) {
		Tcl_IncrRefCount(ownerPtr);	/* Made for the log. */
		Tcl_DecrRefCount(ownerPtr);
	    }
	    if (valuePtr != NULL) {
		Tcl_DecrRefCount(valuePtr);
	    }
	    if (stackPtr != NULL) {
		Tcl_DecrRefCount(stackPtr);
	    }
	    return;
	}
    }
    cost = sizeof(LogEntry) + len + 1 + ObjCost(ownerPtr) + ObjCost(aPtr)
	    + ObjCost(bPtr);
    if (recPtr->numLog == LOG_MAX
	    || recPtr->numText + len + 1 > LOG_MAX_TEXT
	    || recPtr->logBytes + cost > LOG_MAX_BYTES) {
	TkleakRecordFlush(statePtr);
    }
    recPtr->logBytes += cost;
    if (recPtr->numLog == recPtr->capLog) {
	recPtr->capLog = recPtr->capLog ? 2 * recPtr->capLog : LOG_MIN;
	recPtr->log = (LogEntry *) Tcl_Realloc((char *) recPtr->log,
		recPtr->capLog * sizeof(LogEntry));
    }
    if (recPtr->numText + len + 1 > recPtr->capText) {
	recPtr->capText = 2 * (recPtr->numText + len + 1) + 1024;
	recPtr->text = Tcl_Realloc(recPtr->text, recPtr->capText);
    }
    entryPtr = &recPtr->log[recPtr->numLog++];
    entryPtr->kind = kind;
    entryPtr->index = index;
    entryPtr->ownerPtr = ownerPtr;
    entryPtr->aPtr = aPtr;
    entryPtr->bPtr = bPtr;
    entryPtr->textOff = recPtr->numText;
    entryPtr->textLen = len;
    memcpy(recPtr->text + recPtr->numText, text, (size_t) len);
    recPtr->text[recPtr->numText + len] = '\0';
    recPtr->numText += len + 1;
    entryPtr->stackPtr = stackPtr;
    if (ownerPtr) {
	Tcl_IncrRefCount(ownerPtr);
    }
    if (aPtr) {
	Tcl_IncrRefCount(aPtr);
    }
    if (bPtr) {
	Tcl_IncrRefCount(bPtr);
    }
    if (valuePtr != NULL) {
	Tcl_DecrRefCount(valuePtr);
    }
}

static void
LogCreated(
    TkleakState *statePtr,
    Tcl_Interp *interp,
    const char *kind,
    const char *name)
{
    Tcl_Obj *keyPtr = Tcl_NewStringObj(kind, 1);

    Tcl_AppendToObj(keyPtr, name, -1);
    Log(statePtr, interp, L_CREATED, 0, keyPtr, NULL, NULL, NULL);
}

/*
 * FreeEntry --
 *
 *	Release what a log entry holds.
 */

static void
FreeEntry(
    LogEntry *entryPtr)
{
    Tcl_Obj **objs[4];
    int i;

    objs[0] = &entryPtr->ownerPtr;
    objs[1] = &entryPtr->aPtr;
    objs[2] = &entryPtr->bPtr;
    objs[3] = &entryPtr->stackPtr;
    for (i = 0; i < 4; i++) {
	if (*objs[i] != NULL) {
	    Tcl_DecrRefCount(*objs[i]);
	    *objs[i] = NULL;
	}
    }
}

/*
 * Replay --
 *
 *	Fold one log entry into the "seen" and origin tables, as the hook
 *	did at once before the log: put the slot name together and resolve
 *	the words of its value.
 */

static void
Replay(
    TkleakState *statePtr,
    Tcl_Interp *interp,
    LogEntry *entryPtr,
    const char *texts)
{
    Tcl_DString slot;
    const char *owner = entryPtr->ownerPtr
	    ? Tcl_GetString(entryPtr->ownerPtr) : "";
    const char *text;
    int len;
    char num[TCL_INTEGER_SPACE + 8];

    if (entryPtr->kind == L_CREATED) {
	Created(statePtr, owner, entryPtr->stackPtr);
	return;
    }
    text = texts + entryPtr->textOff;
    len = entryPtr->textLen;
    Tcl_DStringInit(&slot);
    switch (entryPtr->kind) {
    case L_OPTION:
	Tcl_DStringAppend(&slot, Tcl_GetString(entryPtr->aPtr), -1);
	break;
    case L_ENTRY:
	snprintf(num, sizeof(num), "entry %d ", entryPtr->index);
	Tcl_DStringAppend(&slot, num, -1);
	Tcl_DStringAppend(&slot, Tcl_GetString(entryPtr->aPtr), -1);
	break;
    case L_ITEM:
	Tcl_DStringAppend(&slot, "item ", 5);
	Tcl_DStringAppend(&slot, Tcl_GetString(entryPtr->bPtr), -1);
	Tcl_DStringAppend(&slot, " ", 1);
	Tcl_DStringAppend(&slot, Tcl_GetString(entryPtr->aPtr), -1);
	break;
    case L_BIND: {
	int how = len == 0 ? TKLEAK_BIND_DELETED : TKLEAK_BIND_SET;

	if (text[0] == '+') {
	    text++;
	    len--;
	    how = TKLEAK_BIND_APPENDED;
	}
	TkleakBindSlot(&slot, owner, Tcl_GetString(entryPtr->aPtr));
	if (entryPtr->stackPtr != NULL && !TkleakIsOwnWindow(owner)
		&& !TkleakIsOwnName(owner)) {
	    TkleakCreatedBinding(statePtr, interp, owner,
		    Tcl_GetString(entryPtr->aPtr), how, entryPtr->stackPtr);
	}
	break;
    }
    case L_CBIND: {
	const char *t = Tcl_GetString(entryPtr->aPtr);

	if (text[0] == '+') {		/* Appended, as "bind" does. */
	    text++;
	    len--;
	}
	Tcl_DStringAppend(&slot, (t[0] >= '0' && t[0] <= '9') ? "item " : "tag ",
		-1);
	Tcl_DStringAppend(&slot, t, -1);
	Tcl_DStringAppend(&slot, " bind ", -1);
	Tcl_DStringAppend(&slot, Tcl_GetString(entryPtr->bPtr), -1);
	break;
    }
    case L_TIMAGE:
	Tcl_DStringAppend(&slot, "image ", 6);
	Tcl_DStringAppend(&slot, Tcl_GetString(entryPtr->bPtr), -1);
	Tcl_DStringAppend(&slot, " ", 1);
	Tcl_DStringAppend(&slot, Tcl_GetString(entryPtr->aPtr), -1);
	break;
    case L_TBIND:
	if (text[0] == '+') {
	    text++;
	    len--;
	}
	Tcl_DStringAppend(&slot, "tag ", -1);
	Tcl_DStringAppend(&slot, Tcl_GetString(entryPtr->aPtr), -1);
	Tcl_DStringAppend(&slot, " bind ", -1);
	Tcl_DStringAppend(&slot, Tcl_GetString(entryPtr->bPtr), -1);
	break;
    case L_AFTER:
	owner = "after";
	Tcl_DStringAppend(&slot, "after ", 6);
	Tcl_DStringAppend(&slot, Tcl_GetString(entryPtr->aPtr), -1);
	if (entryPtr->stackPtr != NULL) {
	    TkleakCreatedAfter(statePtr, Tcl_GetString(entryPtr->aPtr),
		    entryPtr->stackPtr);
	}
	break;
    case L_WM:
	Tcl_DStringAppend(&slot, "wm protocol ", -1);
	Tcl_DStringAppend(&slot, Tcl_GetString(entryPtr->aPtr), -1);
	break;
    case L_TRACE:
	owner = "trace";
	Tcl_DStringAppend(&slot, "variable ", -1);
	Tcl_DStringAppend(&slot, Tcl_GetString(entryPtr->aPtr), -1);
	break;
    }
    Remember(statePtr, interp, owner, Tcl_DStringValue(&slot), text, len,
	    entryPtr->stackPtr);
    Tcl_DStringFree(&slot);
}

/*
 * PruneCount, NextPrune, ForgetDeadOwners --
 *
 *	What a fold counts to decide whether to drop what is kept of dead
 *	objects (the origin, "seen" and referrer cache entries); the count
 *	at which it next does (twice what is kept, at least PRUNE_MIN); and
 *	the last of the drops: referrers whose owner is a window that is
 *	gone.
 */

static int
PruneCount(
    TkleakState *statePtr)
{
    return statePtr->origins.numEntries + statePtr->seen.numEntries
	    + statePtr->refCache.numEntries;
}

static int
NextPrune(
    TkleakState *statePtr)
{
    int n = 2 * PruneCount(statePtr);

    return n > PRUNE_MIN ? n : PRUNE_MIN;
}

static void
ForgetDeadOwners(
    TkleakState *statePtr,
    Tcl_Interp *interp)
{
    Tcl_HashSearch search;
    Tcl_HashEntry *hPtr;
    Tk_Window mainWin;
    Tcl_DString owner;

    if (!statePtr->tkReady || (mainWin = Tk_MainWindow(interp)) == NULL) {
	return;
    }
    Tcl_DStringInit(&owner);
    for (hPtr = Tcl_FirstHashEntry(&statePtr->refCache, &search); hPtr;
	    hPtr = Tcl_NextHashEntry(&search)) {
	const char *key = Tcl_GetHashKey(&statePtr->refCache, hPtr);
	const char *sep = strchr(key, '\001');

	if (key[0] != '.' || sep == NULL) {
	    continue;
	}
	Tcl_DStringSetLength(&owner, 0);
	Tcl_DStringAppend(&owner, key, (int) (sep - key));
	if (Tk_NameToWindow(interp, Tcl_DStringValue(&owner), mainWin)
		== NULL) {
	    Tcl_DecrRefCount((Tcl_Obj *) Tcl_GetHashValue(hPtr));
	    Tcl_DeleteHashEntry(hPtr);
	}
    }
    Tcl_DStringFree(&owner);
    Tcl_ResetResult(interp);
}

/*
 * ForgetDead --
 *
 *	Drop what is kept of objects that died: their origins and "seen"
 *	entries, the referrers of windows that are gone, and the stacks
 *	nothing uses any more; then set the count for the next time.
 */

static void
ForgetDead(
    TkleakState *statePtr,
    Tcl_Interp *interp)
{
    TkleakOriginForgetDead(statePtr, interp);
    TkleakForgetDead(statePtr, interp, &statePtr->seen);
    ForgetDeadOwners(statePtr, interp);
    TkleakOriginForgetStacks(statePtr);
    statePtr->recordPtr->pruneAt = NextPrune(statePtr);
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakRecordFlush --
 *
 *	Fold the attachment log into the "seen" and origin tables: called
 *	by every command that reads them, and by the hooks when the log is
 *	full.
 *
 *	Notes on the semantics: a hook keeps the slot's value and where it
 *	was set, not what its words named then; the words are resolved
 *	here, against the commands, images and windows that exist now.
 *	The log is replayed in order, creations included, so an object
 *	made again under the name of a dead one still has its origin start
 *	afresh at its creation. Keys are names, so a name deleted and made
 *	again between the attachment and the question counts as the object
 *	that bears it now, as the tables always did; a word that named
 *	nothing when it was attached but names an object now is noted as
 *	naming it (the script would call it now). A name that names nothing
 *	now is not noted: whatever it named is gone, and so is what tkleak
 *	would report about it.
 *
 * Side effects:
 *	The interpreter's result is kept. No script runs.
 *
 *----------------------------------------------------------------------
 */

void
TkleakRecordFlush(
    TkleakState *statePtr)
{
    TkleakRecord *recPtr = statePtr->recordPtr;
    Tcl_Interp *interp = statePtr->interp;
    Tcl_InterpState saved;
    LogEntry *log;
    char *text;
    size_t capText;
    int n, i, cap;

    /*
     * Arrays and namespaces made since the last fold have variable tables
     * of their own, not hooked yet (varorigin.c).
     */

    if (recPtr != NULL && recPtr->on) {
	TkleakVarHook(statePtr, interp, 2);
    }
    if (recPtr == NULL || recPtr->numLog == 0) {
	return;
    }

    /*
     * The log is taken out first, so that nothing done here can append
     * to the entries being replayed.
     */

    log = recPtr->log;
    n = recPtr->numLog;
    cap = recPtr->capLog;
    text = recPtr->text;
    capText = recPtr->capText;
    recPtr->log = NULL;
    recPtr->numLog = 0;
    recPtr->capLog = 0;
    recPtr->text = NULL;
    recPtr->numText = 0;
    recPtr->capText = 0;
    recPtr->logBytes = 0;
    saved = Tcl_SaveInterpState(interp, TCL_OK);
    for (i = 0; i < n; i++) {
	Replay(statePtr, interp, &log[i], text);
	FreeEntry(&log[i]);
    }
    TkleakDeleteObjTable(&statePtr->memo, 1);

    /*
     * Objects die without a hook seeing it (a window with its parent, an
     * after event that fires, a tkinter wrapper Python deletes): each
     * time the origin and "seen" tables have doubled since the last
     * look, the entries of the dead go, so that memory follows the app,
     * not its history. (A snapshot's objects that have died since keep
     * their origins while a snapshot holds them: TkleakOriginForgetDead.)
     */

    if (PruneCount(statePtr) >= recPtr->pruneAt) {
	ForgetDead(statePtr, interp);
    }
    Tcl_RestoreInterpState(interp, saved);
    if (recPtr->log == NULL) {
	recPtr->log = log;
	recPtr->capLog = cap;
    } else {
	Tcl_Free((char *) log);
    }
    if (recPtr->text == NULL) {
	recPtr->text = text;
	recPtr->capText = capText;
    } else {
	Tcl_Free(text);
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
	int n;
	const char *opt = Tcl_GetStringFromObj(objv[i], &n);

	if (IsSlotOption(opt, n)) {
	    Log(statePtr, interp, kind, index, ownerPtr, objv[i], itemPtr,
		    objv[i + 1]);
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
	    || info.objProc == statePtr->procProc
	    || info.objProc == statePtr->aliasProc
	    || info.objProc == statePtr->importProc
	    || info.objProc == statePtr->objectProc
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
	    || statePtr->objectProc == NULL
	    || !Tcl_GetCommandInfoFromToken(token, &info)
	    || info.objProc != statePtr->objectProc
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
	    Log(statePtr, interp, L_CREATED, 0, keyPtr, NULL, NULL, NULL);
	    HookClass(statePtr, interp, token);
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
	int n;
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
    TkleakRecord *recPtr = statePtr->recordPtr;
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
	Log(statePtr, interp, L_CBIND, 0, ownerPtr, objv[2], objv[3], objv[4]);
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

	    LogCreated(statePtr, interp, "k", id);
	    if (id != buf) {
		Tcl_Free(id);
	    }
	}
    } else if (kind == 't' && IsSub(sub, "tag") && objc == 6
	    && IsSub(Tcl_GetString(objv[2]), "bind")) {
	Log(statePtr, interp, L_TBIND, 0, ownerPtr, objv[3], objv[4], objv[5]);
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
    TkleakRecord *recPtr = statePtr->recordPtr;
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
	    Log(statePtr, interp, L_BIND, 0, objv[1], objv[2], NULL, objv[3]);
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
		Log(statePtr, interp, L_AFTER, 0, NULL, resultPtr, NULL,
			Tcl_ConcatObj(objc - 2, objv + 2));
	    }
	}
	break;
    case G_WM:
	if (objc == 5 && IsSub(Tcl_GetString(objv[1]), "protocol")) {
	    Log(statePtr, interp, L_WM, 0, objv[2], objv[3], NULL, objv[4]);
	}
	break;
    case G_TRACE:
	if (objc == 6 && IsSub(Tcl_GetString(objv[1]), "add")
		&& IsSub(Tcl_GetString(objv[2]), "variable")) {
	    Tcl_Obj *namePtr = TkleakWalkVarFullName(interp, objv[3]);

	    Log(statePtr, interp, L_TRACE, 0, NULL, namePtr, NULL, objv[5]);
	    Tcl_DecrRefCount(namePtr);
	} else if (objc == 5
		&& IsSub(Tcl_GetString(objv[1]), "variable")
		&& Tcl_GetString(objv[1])[1] != '\0') {
	    /* The old style: trace variable NAME OPS COMMAND. */
	    Tcl_Obj *namePtr = TkleakWalkVarFullName(interp, objv[2]);

	    Log(statePtr, interp, L_TRACE, 0, NULL, namePtr, NULL, objv[4]);
	    Tcl_DecrRefCount(namePtr);
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
		    Log(statePtr, interp, L_CREATED, 0, keyPtr, NULL, NULL,
			    NULL);
		}
		Tcl_DecrRefCount(keyPtr);
	    }
	}
	break;
    case G_IMAGE:
	if (objc >= 3 && IsSub(Tcl_GetString(objv[1]), "create")) {
	    LogCreated(statePtr, interp, "i", Tcl_GetString(resultPtr));
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
		Tcl_Obj *keyPtr = Tcl_NewStringObj("c", 1);

		Tcl_IncrRefCount(keyPtr);
		Tcl_GetCommandFullName(interp, token, keyPtr);
		if (!TkleakIsOwnNamespace(Tcl_GetString(keyPtr) + 1)) {
		    Log(statePtr, interp, L_CREATED, 0, keyPtr, NULL, NULL,
			    NULL);
		}
		Tcl_DecrRefCount(keyPtr);
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
		LogCreated(statePtr, interp, "w", path);
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
    GlobalHookRec *gPtr = &statePtr->recordPtr->glob[which];
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
		|| infoPtr->objProc == statePtr->procProc
		|| infoPtr->objProc == statePtr->aliasProc
		|| infoPtr->objProc == statePtr->importProc
		|| infoPtr->objProc == statePtr->objectProc
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

    if (TkleakCensusTakeRemember(statePtr, interp, &censusPtr) != TCL_OK) {
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
	recPtr->pruneAt = NextPrune(statePtr);
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
    TkleakRecord *recPtr = statePtr->recordPtr;
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
    TkleakDeleteObjTable(&statePtr->refCache, 1);
    TkleakDeleteObjTable(&statePtr->memo, 1);
    {
	Tcl_InterpState saved = Tcl_SaveInterpState(interp, TCL_OK);

	ForgetDead(statePtr, interp);
	Tcl_RestoreInterpState(interp, saved);
    }
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
 * TkleakRecordOnSerial --
 *
 *	0 when recording is off; else the census serial at which it was
 *	last turned on: censuses with a larger serial were taken while it
 *	has been on.
 */

unsigned long
TkleakRecordOnSerial(
    TkleakState *statePtr)
{
    return TkleakRecording(statePtr) ? statePtr->recordPtr->onSerial : 0;
}

/*
 * TkleakRecordMemory --
 *
 *	An estimate of the heap bytes recording holds: its state, the log
 *	and its text buffer, the widget hooks, and the objects the log
 *	holds, each as its share among their holders (an object of the
 *	app's that only the log still holds is tkleak's). heap.c adds them
 *	to tkleak's own bytes.
 */

size_t
TkleakRecordMemory(
    TkleakState *statePtr)
{
    TkleakRecord *recPtr = statePtr->recordPtr;
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
 *	Free the recording state of an interpreter being deleted. The
 *	hooks are not undone: Tcl deletes the commands before the state,
 *	and their delete traces have dropped their hooks by then.
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
    int g;

    if (recPtr == NULL) {
	return;
    }
    if (recPtr->log != NULL) {
	int i;

	for (i = 0; i < recPtr->numLog; i++) {
	    FreeEntry(&recPtr->log[i]);
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
	    statePtr->recordPtr != NULL && statePtr->recordPtr->on));
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
 *----------------------------------------------------------------------
 */

Tcl_ObjCmdProc *
TkleakRecordOriginal(
    TkleakState *statePtr,
    Tcl_ObjCmdProc *objProc,
    ClientData clientData)
{
    TkleakRecord *recPtr = statePtr->recordPtr;
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
