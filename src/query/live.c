/*
 * live.c --
 *
 *	tkleak::orphans while recording is on: the live check.
 *
 *	Without recording, tkleak::orphans takes a census and indexes every
 *	slot of the app (refs.c): about 100 ms on an app of 120,000 objects.
 *	While recording, tkleak has seen every attachment as it was made
 *	(record.c; "record on" indexes the slots that existed before), and
 *	keeps for each command, image and menu the last few slots that named
 *	it. So only those objects can be detached orphans, and whether one
 *	still is attached is a question to ask of its own slots: is this
 *	menu's entry, this binding, this option still naming it? Of the
 *	other commands, only tkinter's wrappers can be orphans
 *	("unreferenced"): they are all in the global namespace. The work is
 *	then proportional to the objects ever attached, not to the app.
 *
 *	Images no slot ever named are unreferenced orphans too: the live
 *	check asks "image names" for those made since the reference. The
 *	dangling after events and dead-window commands are found by the same
 *	code on both paths (TkleakOrphansMore, refs.c).
 *
 *	The two paths give the same answer as long as every attachment went
 *	through a recorded command; one made by C code tkleak does not hook
 *	(a widget's own -command set in C) is only known to the full scan.
 *	What a detached menu retains (the commands and images only the
 *	slots below it name) is counted from a census and an index of the
 *	slots of the windows below it alone; that no slot elsewhere names
 *	one of them, the slots recording saw naming it tell (MenusRetain).
 *	Where they cannot (a command named by more slots than the seen
 *	table keeps), the live check hands over to the full scan.
 *
 *	A slot whose word named nothing when it was indexed or folded is
 *	tied to no object in "seen", though a command, image or menu made
 *	later with that name is named by it: an object the live check would
 *	report, whose name may be such a word (store/seen.c's set of
 *	unnamed names, TkleakSeenMayBeNamed), goes to the full scan too.
 *
 * Copyright (c) 2026 the tkleak developers. See the file "LICENSE".
 */

#include "config.h"
#include <stdlib.h>
#include <string.h>
#include "tkleakInt.h"

/*
 * One orphan found, kept for sorting.
 */

typedef struct Found {
    char *type;
    char *name;
    Tcl_Obj *orphanPtr;		/* One reference held. */
} Found;

/*
 * The reference census, with the rows of the last types asked: the live
 * check asks it about every command recording saw, nearly all of them of
 * the same two or three types.
 */

#define SINCE_CACHE 16	/* More than the types a live check asks. */
#define SINCE_SET_MIN 256	/* Rows at least this long get a hash set. */

typedef struct SinceRow {
    char *type;			/* A copy (Tcl_Alloc), or NULL: unused. */
    TkleakType *rowPtr;		/* NULL: no object of that type. */
    const char **set;		/* Open addressing over the row's ids (the
				 * census owns the strings), or NULL. */
    size_t mask;		/* The set's size - 1 (a power of two). */
    int asked;			/* Lookups so far. */
} SinceRow;

typedef struct Since {
    TkleakCensus *censusPtr;
    SinceRow rows[SINCE_CACHE];
    int next;			/* The row to replace next. */
} Since;

typedef struct NamesData {
    TkleakState *statePtr;
    Tcl_Interp *interp;
    const char *key;
    int found;
} NamesData;

static void
NamesWord(
    void *clientData,
    const char *word,
    size_t len,
    int flags)
{
    NamesData *dataPtr = clientData;
    Tcl_DString ds;
    Tcl_Obj *keysPtr, **kv;
    int i;
    Tcl_Size kc;

    if (dataPtr->found) {
	return;
    }
    Tcl_DStringInit(&ds);
    Tcl_DStringAppend(&ds, word, (int) len);
    keysPtr = TkleakResolveKeys(dataPtr->statePtr, dataPtr->interp,
	    Tcl_DStringValue(&ds));
    Tcl_DStringFree(&ds);
    Tcl_IncrRefCount(keysPtr);
    if (Tcl_ListObjGetElements(NULL, keysPtr, &kc, &kv) == TCL_OK) {
	for (i = 0; i < kc && !dataPtr->found; i++) {
	    dataPtr->found = strcmp(Tcl_GetString(kv[i]), dataPtr->key) == 0
		    && TkleakWordMayName(flags, dataPtr->key[0]);
	}
    }
    Tcl_DecrRefCount(keysPtr);
}

/*
 * TextNames --
 *
 *	Whether TEXTPTR (a slot's script or value) names the object KEY, by
 *	the rule of refs.c: a word of it that may name KEY's kind
 *	(TkleakWordMayName), the whole of it, or its first list element; or
 *	a word Tcl's parser sees whole and the plain scan cannot (a name
 *	that needs quoting, TkleakScanQuotedWords). TEXTPTR may be the
 *	app's own object (what cget gives): only its string is read, and
 *	split as a copy.
 */

static int
TextNames(
    TkleakState *statePtr,
    Tcl_Interp *interp,
    Tcl_Obj *textPtr,
    const char *key)
{
    NamesData data;
    Tcl_Size len;
    const char *text = Tcl_GetStringFromObj(textPtr, &len);

    data.statePtr = statePtr;
    data.interp = interp;
    data.key = key;
    data.found = 0;
    TkleakScanWords(text, (size_t) len, NamesWord, &data);
    if (!data.found) {
	TkleakScanQuotedWords(text, (size_t) len, NamesWord, &data);
    }
    if (!data.found) {
	NamesWord(&data, text, (size_t) len, TKLEAK_WORD_COMMAND);
    }
    if (!data.found) {
	Tcl_Obj *copyPtr = Tcl_NewStringObj(text, len), *firstPtr;

	Tcl_IncrRefCount(copyPtr);
	if (Tcl_ListObjIndex(NULL, copyPtr, 0, &firstPtr) == TCL_OK
		&& firstPtr != NULL) {
	    NamesWord(&data, Tcl_GetString(firstPtr), firstPtr->length,
		    TKLEAK_WORD_COMMAND);
	}
	Tcl_DecrRefCount(copyPtr);
    }
    return data.found;
}

/*
 * AskNames --
 *
 *	Call a built-in or widget command (words as C strings) and tell
 *	whether its result names KEY. A command that fails (the slot or its
 *	owner is gone) names nothing.
 */

static int
AskNames(
    TkleakCollect *ctxPtr,
    const char *cmdName,
    int objc,
    const char *const words[],
    const char *key)
{
    Tcl_Obj *resultPtr;
    int names;

    if (TkleakCallWidget(ctxPtr, cmdName, objc, words, &resultPtr)
	    != TCL_OK) {
	return 0;
    }
    names = TextNames(ctxPtr->statePtr, ctxPtr->interp, resultPtr, key);
    Tcl_DecrRefCount(resultPtr);
    return names;
}

/*
 * TraceNames --
 *
 *	Whether a variable trace of VARNAME still names KEY. "trace info
 *	variable" answers a list of {ops command} pairs, which Tcl builds
 *	afresh for each call; only the command prefix of each is a script,
 *	the ops before it are not words of one.
 */

static int
TraceNames(
    TkleakCollect *ctxPtr,
    const char *varName,
    const char *key)
{
    const char *w[4];
    Tcl_Obj *infoPtr, **tv, *cmdPtr;
    int i, names = 0;
    Tcl_Size tc;
    Tcl_DString qualified;
    int code;

    /*
     * The name as the app wrote it, read from the global namespace as
     * tkinter (TCL_EVAL_GLOBAL) and top-level code wrote it, not in the
     * frame of whatever proc asked for the orphans (leaktest's own):
     * there "PY_VAR6" would be a local variable with no traces.
     */

    Tcl_DStringInit(&qualified);
    if (strncmp(varName, "::", 2) != 0) {
	Tcl_DStringAppend(&qualified, "::", 2);
    }
    Tcl_DStringAppend(&qualified, varName, -1);
    w[0] = "trace";
    w[1] = "info";
    w[2] = "variable";
    w[3] = Tcl_DStringValue(&qualified);
    code = TkleakCallWidget(ctxPtr, "::trace", 4, w, &infoPtr);
    Tcl_DStringFree(&qualified);
    if (code != TCL_OK) {
	return 0;
    }
    if (Tcl_ListObjGetElements(NULL, infoPtr, &tc, &tv) == TCL_OK) {
	for (i = 0; i < tc && !names; i++) {
	    if (Tcl_ListObjIndex(NULL, tv[i], 1, &cmdPtr) == TCL_OK
		    && cmdPtr != NULL) {
		names = TextNames(ctxPtr->statePtr, ctxPtr->interp, cmdPtr,
			key);
	    }
	}
    }
    Tcl_DecrRefCount(infoPtr);
    return names;
}

/*
 * AfterNames --
 *
 *	Whether the pending after event ID still names KEY. "after info ID"
 *	answers {script type}, a list Tcl builds afresh; only its script is
 *	a script (a multi-word script stands braced in it, where it would
 *	read as one command word).
 */

static int
AfterNames(
    TkleakCollect *ctxPtr,
    const char *id,
    const char *key)
{
    const char *w[3];
    Tcl_Obj *infoPtr, *scriptPtr;
    int names = 0;

    w[0] = "after";
    w[1] = "info";
    w[2] = id;
    if (TkleakCallWidget(ctxPtr, "::after", 3, w, &infoPtr) != TCL_OK) {
	return 0;
    }
    if (Tcl_ListObjIndex(NULL, infoPtr, 0, &scriptPtr) == TCL_OK
	    && scriptPtr != NULL) {
	names = TextNames(ctxPtr->statePtr, ctxPtr->interp, scriptPtr, key);
    }
    Tcl_DecrRefCount(infoPtr);
    return names;
}

/*
 * MenuNames --
 *
 *	Whether any entry of menu PATH names KEY through OPTION. Every entry
 *	may be asked, since deleting or inserting entries moves the others;
 *	the entry HINT, where the slot was seen, first (-1: none), since
 *	mostly nothing moved.
 */

static int
MenuNames(
    TkleakCollect *ctxPtr,
    const char *path,
    const char *option,
    const char *key,
    int hint)
{
    const char *w[4];
    Tcl_Obj *endPtr;
    char num[32];
    int last = -1, i;

    w[1] = "index";
    w[2] = "end";
    if (TkleakCallWidget(ctxPtr, path, 3, w, &endPtr) != TCL_OK) {
	return 0;
    }
    if (Tcl_GetIntFromObj(NULL, endPtr, &last) != TCL_OK) {
	last = -1;
    }
    Tcl_DecrRefCount(endPtr);
    w[1] = "entrycget";
    w[2] = num;
    w[3] = option;
    if (hint >= 0 && hint <= last) {
	snprintf(num, sizeof(num), "%d", hint);
	if (AskNames(ctxPtr, path, 4, w, key)) {
	    return 1;
	}
    }
    for (i = 0; i <= last; i++) {
	if (i == hint) {
	    continue;
	}
	snprintf(num, sizeof(num), "%d", i);
	if (AskNames(ctxPtr, path, 4, w, key)) {
	    return 1;
	}
    }
    return 0;
}

/*
 * SlotNames --
 *
 *	Whether the slot REFPTR ({owner O slot S}) still names KEY, asking
 *	the slot's own command: cget, entrycget, bind, wm protocol, after
 *	info, trace info, itemcget, image cget. None of them runs scripts.
 */

static int
SlotNames(
    TkleakCollect *ctxPtr,
    Tcl_Obj *refPtr,
    const char *key)
{
    Tcl_Obj *ownerPtr, *slotPtr, *wordsPtr;
    Tcl_Obj **sv;
    const char *owner, *slot, *w[6];
    int names = 0;
    Tcl_Size sc;

    ownerPtr = TkleakDictGet(refPtr, "owner");
    slotPtr = TkleakDictGet(refPtr, "slot");
    if (ownerPtr == NULL || slotPtr == NULL) {
	return 0;
    }
    owner = Tcl_GetString(ownerPtr);
    slot = Tcl_GetString(slotPtr);
    w[0] = owner;
    if (slot[0] == '-') {
	w[1] = "cget";
	w[2] = slot;
	return AskNames(ctxPtr, owner, 3, w, key);
    }

    /*
     * A binding's slot ends in its event sequence as written, which need
     * not be a list element (<Key-quotedbl> is "): take it as text.
     */

    if (strncmp(slot, "bind ", 5) == 0) {
	const char *seq = slot + 5;
	size_t n = strlen(owner);

	if (owner[0] != '.') {
	    if (strncmp(seq, owner, n) != 0 || seq[n] != ' ') {
		return 0;
	    }
	    seq += n + 1;
	}
	w[0] = "bind";
	w[1] = owner;
	w[2] = seq;
	return AskNames(ctxPtr, "::bind", 3, w, key);
    }

    /*
     * The other slot names are lists: split them, then dispatch.
     */

    wordsPtr = Tcl_NewStringObj(slot, -1);
    Tcl_IncrRefCount(wordsPtr);
    if (Tcl_ListObjGetElements(NULL, wordsPtr, &sc, &sv) != TCL_OK || sc < 2) {
	Tcl_DecrRefCount(wordsPtr);
	return 0;
    }
    if (strcmp(Tcl_GetString(sv[0]), "entry") == 0 && sc == 3) {
	int hint;

	if (Tcl_GetIntFromObj(NULL, sv[1], &hint) != TCL_OK) {
	    hint = -1;
	}
	names = MenuNames(ctxPtr, owner, Tcl_GetString(sv[2]), key, hint);
    } else if (strcmp(Tcl_GetString(sv[0]), "bind") == 0) {
	w[0] = "bind";
	w[1] = owner;
	w[2] = Tcl_GetString(sv[sc - 1]);
	names = AskNames(ctxPtr, "::bind", 3, w, key);
    } else if (strcmp(Tcl_GetString(sv[0]), "wm") == 0 && sc == 3) {
	w[0] = "wm";
	w[1] = "protocol";
	w[2] = owner;
	w[3] = Tcl_GetString(sv[2]);
	names = AskNames(ctxPtr, "::wm", 4, w, key);
    } else if (strcmp(Tcl_GetString(sv[0]), "after") == 0) {
	names = AfterNames(ctxPtr, Tcl_GetString(sv[1]), key);
    } else if (strcmp(Tcl_GetString(sv[0]), "variable") == 0) {
	names = TraceNames(ctxPtr, Tcl_GetString(sv[1]), key);
    } else if ((strcmp(Tcl_GetString(sv[0]), "item") == 0
	    || strcmp(Tcl_GetString(sv[0]), "tag") == 0) && sc >= 3) {
	Tk_Window tkwin = Tk_NameToWindow(ctxPtr->interp, owner,
		Tk_MainWindow(ctxPtr->interp));
	int isText = tkwin && Tk_Class(tkwin)
		&& strcmp(Tk_Class(tkwin), "Text") == 0;

	if (tkwin == NULL) {
	    names = 0;
	} else if (strcmp(Tcl_GetString(sv[2]), "bind") == 0 && sc == 4) {
	    int n = 1;

	    if (isText) {
		w[n++] = "tag";
	    }
	    w[n++] = "bind";
	    w[n++] = Tcl_GetString(sv[1]);
	    w[n++] = Tcl_GetString(sv[3]);
	    names = AskNames(ctxPtr, owner, n, w, key);
	} else {
	    w[1] = "itemcget";
	    w[2] = Tcl_GetString(sv[1]);
	    w[3] = Tcl_GetString(sv[2]);
	    names = AskNames(ctxPtr, owner, 4, w, key);
	}
    } else if (strcmp(Tcl_GetString(sv[0]), "image") == 0 && sc == 3) {
	w[1] = "image";
	w[2] = "cget";
	w[3] = Tcl_GetString(sv[1]);
	w[4] = Tcl_GetString(sv[2]);
	names = AskNames(ctxPtr, owner, 5, w, key);
    }
    Tcl_DecrRefCount(wordsPtr);
    return names;
}

/*
 * SinceHas --
 *
 *	TkleakCensusHas on the reference census of SINCEPTR, with the row of
 *	TYPE looked up once a call rather than once an object; a long row
 *	asked often gets a hash set of its ids, since a bisection among
 *	thousands of tkinter names, alike for their first dozen characters,
 *	costs more than the hash of one.
 */

static int
SinceHas(
    Since *sincePtr,
    const char *type,
    const char *id)
{
    SinceRow *rowPtr = NULL;
    size_t i, n;
    int k;

    if (sincePtr->censusPtr == NULL) {
	return 0;
    }
    for (k = 0; k < SINCE_CACHE; k++) {
	if (sincePtr->rows[k].type != NULL
		&& strcmp(sincePtr->rows[k].type, type) == 0) {
	    rowPtr = &sincePtr->rows[k];
	    break;
	}
    }
    if (rowPtr == NULL) {
	rowPtr = &sincePtr->rows[sincePtr->next];
	sincePtr->next = (sincePtr->next + 1) % SINCE_CACHE;
	if (rowPtr->type != NULL) {
	    Tcl_Free(rowPtr->type);
	}
	if (rowPtr->set != NULL) {
	    Tcl_Free((char *) rowPtr->set);
	}
	memset(rowPtr, 0, sizeof(SinceRow));
	rowPtr->type = strcpy(Tcl_Alloc(strlen(type) + 1), type);
	rowPtr->rowPtr = TkleakCensusFind(sincePtr->censusPtr, type);
    }
    if (rowPtr->rowPtr == NULL) {
	return 0;
    }
    n = rowPtr->rowPtr->numIds;
    if (rowPtr->set == NULL && n >= SINCE_SET_MIN
	    && ++rowPtr->asked >= SINCE_SET_MIN / 8) {
	size_t size = 1;

	while (size < 2 * n) {
	    size <<= 1;
	}
	rowPtr->mask = size - 1;
	rowPtr->set = (const char **) Tcl_Alloc(size * sizeof(char *));
	memset(rowPtr->set, 0, size * sizeof(char *));
	for (i = 0; i < n; i++) {
	    const char *s = rowPtr->rowPtr->ids[i];
	    size_t h = TkleakHashString(s) & rowPtr->mask;

	    while (rowPtr->set[h] != NULL) {
		h = (h + 1) & rowPtr->mask;
	    }
	    rowPtr->set[h] = s;
	}
    }
    if (rowPtr->set != NULL) {
	size_t h = TkleakHashString(id) & rowPtr->mask;

	for (; rowPtr->set[h] != NULL; h = (h + 1) & rowPtr->mask) {
	    if (strcmp(rowPtr->set[h], id) == 0) {
		return 1;
	    }
	}
	return 0;
    }
    return TkleakTypeHas(rowPtr->rowPtr, id);
}

static void
SinceFree(
    Since *sincePtr)
{
    int k;

    for (k = 0; k < SINCE_CACHE; k++) {
	if (sincePtr->rows[k].type != NULL) {
	    Tcl_Free(sincePtr->rows[k].type);
	}
	if (sincePtr->rows[k].set != NULL) {
	    Tcl_Free((char *) sincePtr->rows[k].set);
	}
    }
}

/*
 * IsPartOfObject --
 *
 *	Whether the command FQ is a widget's or an image's own command,
 *	which the census counts with the widget or image, not as a command.
 */

static int
IsPartOfObject(
    TkleakState *statePtr,
    Tcl_Interp *interp,
    const char *fq)
{
    const char *tail = fq;
    const Tk_ImageType *typePtr = NULL;

    if (!statePtr->tk.tkReady || Tk_MainWindow(interp) == NULL) {
	return 0;
    }
    if (strncmp(fq, "::", 2) == 0 && strstr(fq + 2, "::") == NULL) {
	tail = fq + 2;
    }
    if (tail[0] == '.' && (TkleakIsOwnWindow(tail)
	    || Tk_NameToWindow(interp, tail, Tk_MainWindow(interp)) != NULL)) {
	return 1;
    }
    (void) Tk_GetImageMasterData(interp, tail, &typePtr);
    if (typePtr == NULL && tail != fq) {
	(void) Tk_GetImageMasterData(interp, fq, &typePtr);
    }
    return typePtr != NULL;
}

/*
 * The walk of the command tables for tkinter's wrappers (WrapperCandidate).
 */

typedef struct WrapperWalk {
    TkleakState *statePtr;
    Tcl_Interp *interp;
    Tcl_Namespace *globalNsPtr;
    Since *sincePtr;
    Tcl_DString key;		/* Scratch: the seen key of a name. */
    Tcl_Obj *namesPtr;		/* The candidates' names, fully qualified. */
} WrapperWalk;

/*
 * WrapperCandidate --
 *
 *	TkleakCommandFn of TkleakWalkCommands: note the global command TOKEN
 *	when its name may be a tkinter wrapper's that recording never saw
 *	and the reference did not have. Only reads: the command's name is
 *	its hash key, no list of every name is made.
 */

static void
WrapperCandidate(
    void *data,
    Tcl_Command token,
    Tcl_ObjCmdProc *objProc,
    ClientData clientData)
{
    WrapperWalk *walkPtr = data;
    const char *name = Tcl_GetCommandName(walkPtr->interp, token), *fq;
    Tcl_CmdInfo info;

    (void) objProc;
    (void) clientData;
    if (name == NULL || name[0] < '0' || name[0] > '9'
	    || !Tcl_GetCommandInfoFromToken(token, &info)
	    || info.namespacePtr != walkPtr->globalNsPtr) {
	return;
    }
    Tcl_DStringSetLength(&walkPtr->key, 3);
    Tcl_DStringAppend(&walkPtr->key, name, -1);
    fq = Tcl_DStringValue(&walkPtr->key) + 1;
    if (!TkleakIsTkinterWrapper(fq)
	    || Tcl_FindHashEntry(&walkPtr->statePtr->store.seen,
		    Tcl_DStringValue(&walkPtr->key)) != NULL
	    || SinceHas(walkPtr->sincePtr, "command tkinter", fq)) {
	return;
    }
    Tcl_ListObjAppendElement(NULL, walkPtr->namesPtr,
	    Tcl_NewStringObj(fq, -1));
}

/*
 * GlobalWrapperNames --
 *
 *	The names of the global commands that may be tkinter's wrappers
 *	(TkleakIsTkinterWrapper: they start with a digit), in *NAMESPTR (one
 *	reference held), through "info commands" run by its C procedure.
 *	Tcl matches the pattern as it walks its table, with no list of every
 *	command built. Asked from the global namespace with a pattern
 *	without "::", Tcl gives the names as they are, where a qualified
 *	pattern has it build each one's full name. Elsewhere (the
 *	current namespace's commands would be listed too), or when the
 *	global namespace has a command path (whose commands would be), the
 *	qualified pattern. Names without a leading "::" are global.
 */

static int
GlobalWrapperNames(
    TkleakCollect *ctxPtr,
    Tcl_Obj **namesPtr)
{
    Tcl_Interp *interp = ctxPtr->interp;
    Tcl_Obj *pathPtr;
    const char *w[3];
    int plain = 0;

    if (Tcl_GetCurrentNamespace(interp) == Tcl_GetGlobalNamespace(interp)) {
	w[0] = "namespace";
	w[1] = "path";
	if (TkleakCallWidget(ctxPtr, "::namespace", 2, w, &pathPtr)
		== TCL_OK) {
	    Tcl_Size len;

	    (void) Tcl_GetStringFromObj(pathPtr, &len);
	    plain = len == 0;
	    Tcl_DecrRefCount(pathPtr);
	}
    }
    w[0] = "info";
    w[1] = "commands";
    w[2] = plain ? "[0-9]*" : "::[0-9]*";
    return TkleakCallWidget(ctxPtr, "::info", 3, w, namesPtr);
}

static void
AddFound(
    TkleakState *statePtr,
    const char *key,
    Found **foundPtr,
    int *numPtr,
    int *capPtr,
    const char *type,
    const char *name,
    const char *reason,
    Tcl_Obj *lastPtr)
{
    Found *f;
    Tcl_Obj *o = TkleakNewOrphan(name, type, reason, lastPtr);

    if (*numPtr == *capPtr) {
	*capPtr = *capPtr ? *capPtr * 2 : 16;
	*foundPtr = (Found *) Tcl_Realloc((char *) *foundPtr,
		*capPtr * sizeof(Found));
    }
    Tcl_DictObjPut(NULL, o, Tcl_NewStringObj("origin", 6),
	    TkleakOriginLast(statePtr, key));
    f = &(*foundPtr)[(*numPtr)++];
    f->type = strcpy(Tcl_Alloc(strlen(type) + 1), type);
    f->name = strcpy(Tcl_Alloc(strlen(name) + 1), name);
    f->orphanPtr = o;
    Tcl_IncrRefCount(o);
}

static int
CompareFound(
    const void *a,
    const void *b)
{
    const Found *f1 = a, *f2 = b;
    int c = strcmp(f1->type, f2->type);

    return c ? c : strcmp(f1->name, f2->name);
}

/*
 * The detached menus of one live check, for OnlyBelow.
 */

typedef struct MenusBelow {
    TkleakCollect *askPtr;	/* The live check's collector. */
    Tcl_Obj **paths;		/* The detached menus' paths... */
    Tcl_Size numPaths;		/* ...and how many. */
    TkleakCensus *censusPtr;	/* The census of now (its menus). */
} MenusBelow;

/*
 * A search of the menus' entries for one naming a command (EntryNames).
 * The collector comes first: the walk hands it to the sink.
 */

typedef struct EntrySearch {
    TkleakCollect ctx;
    const char *key;		/* The command's key... */
    const char *tail;		/* ...and its name without namespaces. */
    int found;
} EntrySearch;

static int
WithinPath(
    const char *path,
    const char *root)
{
    size_t n = strlen(root);

    return strncmp(path, root, n) == 0 && (path[n] == '\0' || path[n] == '.');
}

static int
WithinAny(
    const MenusBelow *belowPtr,
    const char *path)
{
    Tcl_Size i;

    for (i = 0; i < belowPtr->numPaths; i++) {
	if (WithinPath(path, Tcl_GetString(belowPtr->paths[i]))) {
	    return 1;
	}
    }
    return 0;
}

/*
 * AnyNames --
 *
 *	Whether a slot of the referrer list LISTPTR (NULL: none) still
 *	names KEY (SlotNames), the latest first, leaving out the slots of
 *	the windows below the detached menus of BELOWPTR (NULL: none).
 */

static int
AnyNames(
    TkleakCollect *ctxPtr,
    Tcl_Obj *listPtr,
    const char *key,
    const MenusBelow *belowPtr)
{
    Tcl_Obj **refv, *ownerPtr;
    Tcl_Size refc, j;

    if (listPtr == NULL
	    || Tcl_ListObjGetElements(NULL, listPtr, &refc, &refv) != TCL_OK) {
	return 0;
    }
    for (j = refc - 1; j >= 0; j--) {
	if (belowPtr != NULL) {
	    ownerPtr = TkleakDictGet(refv[j], "owner");
	    if (ownerPtr != NULL
		    && WithinAny(belowPtr, Tcl_GetString(ownerPtr))) {
		continue;
	    }
	}
	if (SlotNames(ctxPtr, refv[j], key)) {
	    return 1;
	}
    }
    return 0;
}

/*
 * OtherSlotsName --
 *
 *	Whether a slot recording kept elsewhere than in KEY's own "seen"
 *	entry names KEY now (AnyNames, leaving out those below BELOWPTR's
 *	menus when not NULL): the slots of dropped entries and of unnamed
 *	words kept under KEY's name (TkleakSeenUnresolved), and those "seen"
 *	keeps under the same name of the other kind, command or image: a
 *	binding that named a command names the image that took the command's
 *	name (and back), before the old entry is dropped.
 */

static int
OtherSlotsName(
    TkleakCollect *ctxPtr,
    const char *key,
    const MenusBelow *belowPtr)
{
    TkleakState *statePtr = ctxPtr->statePtr;
    Tcl_DString other;
    Tcl_HashEntry *hPtr = NULL;
    int named;

    if (AnyNames(ctxPtr, TkleakSeenUnresolved(statePtr, key), key,
	    belowPtr)) {
	return 1;
    }
    Tcl_DStringInit(&other);
    if (key[0] == TKLEAK_KEY_IMAGE) {
	Tcl_DStringAppend(&other, TkleakKeyPrefix(TKLEAK_KEY_COMMAND), 1);
	if (strncmp(key + 1, "::", 2) != 0) {
	    Tcl_DStringAppend(&other, "::", 2);
	}
	Tcl_DStringAppend(&other, key + 1, -1);
    } else if (key[0] == TKLEAK_KEY_COMMAND && strncmp(key + 1, "::", 2) == 0
	    && strstr(key + 3, "::") == NULL) {
	Tcl_DStringAppend(&other, TkleakKeyPrefix(TKLEAK_KEY_IMAGE), 1);
	Tcl_DStringAppend(&other, key + 3, -1);
    }
    if (Tcl_DStringLength(&other) > 0) {
	hPtr = Tcl_FindHashEntry(&statePtr->store.seen,
		Tcl_DStringValue(&other));
    }
    Tcl_DStringFree(&other);
    named = hPtr != NULL
	    && AnyNames(ctxPtr, Tcl_GetHashValue(hPtr), key, belowPtr);
    return named;
}

/*
 * AddUnreferenced --
 *
 *	The object of KEY (TYPE, NAME), made since the reference, that no
 *	slot in "seen" names: an "unreferenced" orphan in FOUND, unless a
 *	slot recording kept elsewhere names it now (OtherSlotsName), or a
 *	slot recording never tied to it may (TkleakSeenMayBeNamed).
 *
 * Results:
 *	TCL_OK, or TCL_CONTINUE when the full scan must tell.
 */

static int
AddUnreferenced(
    TkleakCollect *ctxPtr,
    const char *key,
    const char *type,
    const char *name,
    Found **foundPtr,
    int *numPtr,
    int *capPtr)
{
    if (OtherSlotsName(ctxPtr, key, NULL)) {
	return TCL_OK;
    }
    if (TkleakSeenMayBeNamed(ctxPtr->statePtr, key)) {
	return TCL_CONTINUE;	/* A word took its name. */
    }
    AddFound(ctxPtr->statePtr, key, foundPtr, numPtr, capPtr, type, name,
	    "unreferenced", Tcl_NewObj());
    return TCL_OK;
}

/*
 * EntryNames --
 *
 *	The sink's refsMenuEntry for EntrySearch: whether the entry's
 *	VALUEPTR (Tk's own object: only its string is read) names the
 *	command searched for, by the rule of the index (TextNames). A word
 *	names a command only as its name, whole or qualified, so a value
 *	without the command's tail in it is passed over unparsed.
 */

static void
EntryNames(
    TkleakCollect *ctxPtr,
    const char *path,
    int index,
    const char *option,
    Tcl_Obj *valuePtr)
{
    EntrySearch *searchPtr = (EntrySearch *) ctxPtr;

    (void) path;
    (void) index;
    (void) option;
    if (searchPtr->found || valuePtr == NULL
	    || strstr(Tcl_GetString(valuePtr), searchPtr->tail) == NULL) {
	return;
    }
    searchPtr->found = TextNames(ctxPtr->statePtr, ctxPtr->interp, valuePtr,
	    searchPtr->key);
}

/*
 * NamedByAMenu --
 *
 *	Whether an entry of a menu other than those below the detached
 *	ones names the command KEY: where to look when the seen table
 *	dropped the slots naming KEY (a command every editor's Recent Files
 *	menu shares). Read from Tk's menu records (TkleakWalkMenuRefs, with
 *	a sink of its own), so only with the private walk; 0 without it.
 */

static int
NamedByAMenu(
    MenusBelow *belowPtr,
    const char *key)
{
    TkleakState *statePtr = belowPtr->askPtr->statePtr;
    Tcl_Interp *interp = belowPtr->askPtr->interp;
    TkleakType *typePtr = TkleakCensusFind(belowPtr->censusPtr, "widget Menu");
    TkleakSink sink;
    EntrySearch search;
    const char *p;
    size_t i;

    if (key[0] != TKLEAK_KEY_COMMAND || typePtr == NULL
	    || !TkleakWalkUsable(statePtr) || Tk_MainWindow(interp) == NULL) {
	return 0;
    }
    sink = tkleakCensusSink;
    sink.refsMenuEntry = EntryNames;
    memset(&search, 0, sizeof(search));
    search.ctx.sinkPtr = &sink;
    search.ctx.statePtr = statePtr;
    search.ctx.interp = interp;
    search.key = key;
    search.tail = key + 1;
    for (p = key + 1; (p = strstr(p, "::")) != NULL; p += 2) {
	search.tail = p + 2;
    }
    for (i = 0; i < typePtr->numIds && !search.found; i++) {
	Tk_Window tkwin;

	if (WithinAny(belowPtr, typePtr->ids[i])) {
	    continue;
	}
	tkwin = Tk_NameToWindow(interp, typePtr->ids[i], Tk_MainWindow(interp));
	if (tkwin != NULL && TkleakWalkIsMenu(statePtr, tkwin)) {
	    TkleakWalkMenuRefs(&search.ctx, tkwin);
	}
    }
    Tcl_ResetResult(interp);
    return search.found;
}

/*
 * OnlyBelow --
 *
 *	TkleakRetainsOnlyProc for an index of the slots below the detached
 *	menus only: whether a slot elsewhere still names KEY, asked of the
 *	slots recording saw naming it (SlotNames). The slots of the windows
 *	below the menus are the index's to tell, not the seen table's. When
 *	KEY has no seen slots, or as many as the table keeps (older ones
 *	may have been dropped) and none of them elsewhere names it, nor an
 *	entry of another menu (NamedByAMenu), or a slot the seen table
 *	never tied to it may name it (TkleakSeenMayBeNamed), it cannot
 *	tell.
 */

static int
OnlyBelow(
    void *data,
    const char *key,
    const char *path)
{
    MenusBelow *belowPtr = data;
    TkleakState *statePtr = belowPtr->askPtr->statePtr;
    Tcl_HashEntry *hPtr = Tcl_FindHashEntry(&statePtr->store.seen, key);
    Tcl_Size refc;

    (void) path;
    if (hPtr == NULL || Tcl_ListObjLength(NULL, Tcl_GetHashValue(hPtr),
	    &refc) != TCL_OK || refc == 0) {
	return -1;
    }
    if (AnyNames(belowPtr->askPtr, Tcl_GetHashValue(hPtr), key, belowPtr)
	    || OtherSlotsName(belowPtr->askPtr, key, belowPtr)) {
	return 0;		/* Named elsewhere: whatever was dropped. */
    }
    if (refc >= TKLEAK_SEEN_MAX) {
	return NamedByAMenu(belowPtr, key) ? 0 : -1;
    }
    return TkleakSeenMayBeNamed(statePtr, key) ? -1 : 1;
}

/*
 * MenusRetain --
 *
 *	Put into the orphans FOUND what each detached menu of MENUSPTR (a
 *	list of paths, each among FOUND) retains, as the full scan's
 *	Retains counts it: from a census (the menus and entries below, the
 *	commands' types) and an index of the slots of every window below
 *	the menus, their options, entries, protocols, items and bindings,
 *	the only owners below them the full index would have.
 *
 *	Returns TCL_OK, or TCL_CONTINUE when the full scan must tell.
 */

static int
MenusRetain(
    TkleakCollect *askPtr,
    Tcl_Obj *menusPtr,
    Found *found,
    int numFound)
{
    TkleakState *statePtr = askPtr->statePtr;
    Tcl_Interp *interp = askPtr->interp;
    TkleakCensus *curPtr;
    TkleakRefs refs;
    TkleakCollect ctx;
    Tcl_HashSearch search;
    Tcl_HashEntry *hPtr;
    MenusBelow below;
    size_t t, k;
    int i, code = TCL_OK;
    Tk_Window mainWin = Tk_MainWindow(interp);

    if (mainWin == NULL || Tcl_ListObjGetElements(NULL, menusPtr,
	    &below.numPaths, &below.paths) != TCL_OK) {
	return TCL_CONTINUE;
    }
    below.askPtr = askPtr;
    if (TkleakCensusTakeBare(statePtr, interp, &curPtr) != TCL_OK) {
	return TCL_CONTINUE;
    }
    below.censusPtr = curPtr;
    TkleakRefsInit(&refs);
    memset(&ctx, 0, sizeof(ctx));
    ctx.sinkPtr = &tkleakCensusSink;
    ctx.statePtr = statePtr;
    ctx.interp = interp;
    ctx.refsPtr = &refs;
    TkleakRefsBegin(&ctx);
    Tcl_InitHashTable(&ctx.widgets, TCL_STRING_KEYS);
    for (t = 0; t < curPtr->numTypes; t++) {
	TkleakType *typePtr = &curPtr->types[t];

	if (strncmp(typePtr->name, "widget ", 7) != 0) {
	    continue;
	}
	for (k = 0; k < typePtr->numIds; k++) {
	    Tk_Window tkwin;
	    int isNew;

	    if (!WithinAny(&below, typePtr->ids[k])) {
		continue;
	    }
	    tkwin = Tk_NameToWindow(interp, typePtr->ids[k], mainWin);
	    if (tkwin != NULL) {
		Tcl_SetHashValue(Tcl_CreateHashEntry(&ctx.widgets,
			typePtr->ids[k], &isNew), tkwin);
	    }
	}
    }
    Tcl_ResetResult(interp);
    TkleakRefsScanWindows(&ctx);

    /*
     * Their bindings: a binding on a window's tag is owned by the window
     * (Tk takes no binding for a "." tag that names no window).
     */

    for (hPtr = Tcl_FirstHashEntry(&ctx.widgets, &search); hPtr;
	    hPtr = Tcl_NextHashEntry(&search)) {
	const char *w[3];
	Tcl_Obj *seqsPtr, **sv, *scriptPtr;
	Tcl_Size sc, j;

	w[0] = "bind";
	w[1] = Tcl_GetHashKey(&ctx.widgets, hPtr);
	if (TkleakCallWidget(&ctx, "::bind", 2, w, &seqsPtr) != TCL_OK) {
	    continue;
	}
	if (Tcl_ListObjGetElements(NULL, seqsPtr, &sc, &sv) == TCL_OK) {
	    for (j = 0; j < sc; j++) {
		w[2] = Tcl_GetString(sv[j]);
		if (TkleakCallWidget(&ctx, "::bind", 3, w, &scriptPtr)
			== TCL_OK) {
		    Tcl_Size len;
		    const char *script = Tcl_GetStringFromObj(scriptPtr, &len);

		    TkleakBindingRef(&ctx, w[1], w[2], script, (size_t) len);
		    Tcl_DecrRefCount(scriptPtr);
		}
	    }
	}
	Tcl_DecrRefCount(seqsPtr);
    }
    Tcl_ResetResult(interp);

    for (i = 0; i < numFound && code == TCL_OK; i++) {
	Tcl_Obj *retainsPtr;

	if (strcmp(found[i].type, "widget Menu") != 0) {
	    continue;
	}
	retainsPtr = TkleakRetains(curPtr, &refs, found[i].name, OnlyBelow,
		&below);
	if (retainsPtr == NULL) {
	    code = TCL_CONTINUE;
	} else {
	    Tcl_DictObjPut(NULL, found[i].orphanPtr,
		    Tcl_NewStringObj("retains", 7), retainsPtr);
	}
    }
    Tcl_ResetResult(interp);
    TkleakCollectRelease(&ctx);
    Tcl_DeleteHashTable(&ctx.widgets);
    TkleakRefsFree(&refs);
    TkleakCensusFree(curPtr);
    return code;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakOrphansLive --
 *
 *	The orphans of objects made since SINCEPTR, from what recording
 *	saw (see the top of this file).
 *
 * Results:
 *	TCL_OK with *RESULTPTR the list tkleak::orphans returns (no
 *	reference held); TCL_CONTINUE when what a detached menu retains
 *	needs the full scan (MenusRetain).
 *
 * Side effects:
 *	The interpreter's result may change (callers save it). Widget
 *	commands and built-ins run through their C procedures only. When a
 *	menu is detached, a census is taken (MenusRetain).
 *
 *----------------------------------------------------------------------
 */

int
TkleakOrphansLive(
    TkleakState *statePtr,
    Tcl_Interp *interp,
    TkleakCensus *sincePtr,
    Tcl_Obj **resultPtr)
{
    TkleakCollect ctx;
    Tcl_InterpState saved;
    Tcl_HashSearch search;
    Tcl_HashEntry *hPtr;
    Found *found = NULL;
    int numFound = 0, capFound = 0, i, code = TCL_OK;
    Tcl_Obj *listPtr, *menusPtr = Tcl_NewListObj(0, NULL);
    Since since;

    memset(&since, 0, sizeof(since));
    since.censusPtr = sincePtr;
    memset(&ctx, 0, sizeof(ctx));
    ctx.statePtr = statePtr;
    ctx.interp = interp;
    saved = Tcl_SaveInterpState(interp, TCL_OK);
    Tcl_IncrRefCount(menusPtr);

    for (hPtr = Tcl_FirstHashEntry(&statePtr->store.seen, &search);
	    hPtr != NULL && code == TCL_OK; hPtr = Tcl_NextHashEntry(&search)) {
	const char *key = Tcl_GetHashKey(&statePtr->store.seen, hPtr);
	const char *name = key + 1, *type = NULL;
	Tcl_DString typeDs;
	int attached = 0;
	Tcl_Size refc = 0;

	Tcl_DStringInit(&typeDs);
	if (key[0] == TKLEAK_KEY_COMMAND) {
	    Tcl_Command token = Tcl_FindCommand(interp, name, NULL,
		    TCL_GLOBAL_ONLY);

	    if (token != NULL) {
		type = TkleakCommandType(statePtr, interp, token, name, &typeDs);
	    }

	    /*
	     * Most commands recording saw were there at the reference, as
	     * what they are now: no orphans, whatever the checks below
	     * would say (they only ever drop a command).
	     */

	    if (type != NULL && SinceHas(&since, type, name)) {
		Tcl_DStringFree(&typeDs);
		continue;
	    }

	    /*
	     * As the census counts: a proc, alias or ensemble is a command
	     * even when an image has its name (a proc made after the image's
	     * own command was renamed away); a widget's path never is.
	     */

	    if (type != NULL && IsPartOfObject(statePtr, interp, name)) {
		int counted = strncmp(name, "::.", 3) != 0
			&& (strcmp(type, "command proc") == 0
			|| strcmp(type, "command alias") == 0
			|| strcmp(type, "command ensemble") == 0);

		if (!counted) {
		    type = NULL;
		}
	    }
	} else if (statePtr->tk.tkReady && Tk_MainWindow(interp) != NULL) {
	    if (key[0] == TKLEAK_KEY_IMAGE) {
		const Tk_ImageType *typePtr = NULL;

		(void) Tk_GetImageMasterData(interp, name, &typePtr);
		if (typePtr != NULL && !TkleakIsOwnName(name)
			&& !TkleakIsLibraryImage(name)) {
		    Tcl_DStringAppend(&typeDs, "image ", 6);
		    Tcl_DStringAppend(&typeDs, typePtr->name, -1);
		    type = Tcl_DStringValue(&typeDs);
		}
	    } else {
		Tk_Window tkwin = Tk_NameToWindow(interp, name,
			Tk_MainWindow(interp));

		if (tkwin != NULL && TkleakWalkIsMenu(statePtr, tkwin)
			&& strchr(name, '#') == NULL && !Tk_IsMapped(tkwin)
			&& !TkleakIsOwnWindow(name)) {
		    type = "widget Menu";
		}
	    }
	}
	/*
	 * The cheap test first: most of what recording saw was there at
	 * the reference already.
	 */

	if (type != NULL && SinceHas(&since, type, name)) {
	    type = NULL;
	}
	if (type == NULL) {
	    Tcl_DStringFree(&typeDs);
	    continue;
	}
	if (Tcl_ListObjLength(NULL, Tcl_GetHashValue(hPtr), &refc) != TCL_OK) {
	    refc = 0;
	}
	attached = AnyNames(&ctx, Tcl_GetHashValue(hPtr), key, NULL)
		|| OtherSlotsName(&ctx, key, NULL);

	/*
	 * Only then, for the few left: a library's, or dead-window (reported
	 * by TkleakOrphansMore), is no detached orphan either.
	 */

	if (!attached && key[0] == TKLEAK_KEY_COMMAND
		&& (TkleakIsLibraryCommand(statePtr, interp, name)
		|| TkleakIsDeadWindowCommand(statePtr, interp, name))) {
	    attached = 1;
	}
	if (!attached && (refc >= TKLEAK_SEEN_MAX
		|| TkleakSeenMayBeNamed(statePtr, key))) {
	    /*
	     * A slot the seen table dropped may name it still, or one it
	     * never tied to it (a word that named nothing then): only the
	     * full scan can tell.
	     */

	    code = TCL_CONTINUE;
	} else if (!attached) {
	    AddFound(statePtr, key, &found, &numFound, &capFound, type,
		    name, "detached", TkleakSeenLast(hPtr));
	    if (key[0] == TKLEAK_KEY_WINDOW) {
		Tcl_ListObjAppendElement(NULL, menusPtr,
			Tcl_NewStringObj(name, -1));
	    }
	}
	Tcl_DStringFree(&typeDs);
    }

    /*
     * tkinter's wrappers that recording never saw attached.
     */

    if (code == TCL_OK) {
	Tcl_Obj *namesPtr, **nv;
	Tcl_Size nc;
	Tcl_DString key;
	int listed;

	/*
	 * KEY holds the seen key of the name: the key kind, then the
	 * fully qualified name (FQ points into it). The seen table first:
	 * a hash, where the reference is a bisection of long names.
	 */

	Tcl_DStringInit(&key);
	if (TkleakWalkUsable(statePtr)) {
	    WrapperWalk walk;

	    /*
	     * Through Tcl's own tables, which hold the names already: only
	     * the candidates become objects.
	     */

	    walk.statePtr = statePtr;
	    walk.interp = interp;
	    walk.globalNsPtr = Tcl_GetGlobalNamespace(interp);
	    walk.sincePtr = &since;
	    Tcl_DStringInit(&walk.key);
	    Tcl_DStringAppend(&walk.key,
		    TkleakKeyPrefix(TKLEAK_KEY_COMMAND), 1);
	    Tcl_DStringAppend(&walk.key, "::", 2);
	    walk.namesPtr = namesPtr = Tcl_NewListObj(0, NULL);
	    Tcl_IncrRefCount(namesPtr);
	    TkleakWalkCommands(interp, WrapperCandidate, &walk);
	    Tcl_DStringFree(&walk.key);
	    listed = TCL_OK;
	} else {
	    listed = GlobalWrapperNames(&ctx, &namesPtr);
	}
	if (listed == TCL_OK) {
	    if (Tcl_ListObjGetElements(NULL, namesPtr, &nc, &nv) == TCL_OK) {
		for (i = 0; i < nc && code == TCL_OK; i++) {
		    const char *name = Tcl_GetString(nv[i]), *fq, *type;
		    Tcl_Command token;
		    Tcl_DString typeDs;

		    Tcl_DStringSetLength(&key, 0);
		    Tcl_DStringAppend(&key,
			    TkleakKeyPrefix(TKLEAK_KEY_COMMAND), 1);
		    if (name[0] != ':') {
			Tcl_DStringAppend(&key, "::", 2);
		    }
		    Tcl_DStringAppend(&key, name, nv[i]->length);
		    fq = Tcl_DStringValue(&key) + 1;
		    if (!TkleakIsTkinterWrapper(fq)
			    || Tcl_FindHashEntry(&statePtr->store.seen,
				    Tcl_DStringValue(&key)) != NULL
			    || SinceHas(&since, "command tkinter", fq)) {
			continue;	/* Not one, seen, or at the reference. */
		    }
		    token = Tcl_FindCommand(interp, fq, NULL, TCL_GLOBAL_ONLY);
		    if (token == NULL) {
			continue;
		    }
		    Tcl_DStringInit(&typeDs);
		    type = TkleakCommandType(statePtr, interp, token, fq,
			    &typeDs);
		    if (type != NULL && strcmp(type, "command tkinter") == 0) {
			code = AddUnreferenced(&ctx, Tcl_DStringValue(&key),
				type, fq, &found, &numFound, &capFound);
		    }
		    Tcl_DStringFree(&typeDs);
		}
	    }
	    Tcl_DecrRefCount(namesPtr);
	}
	Tcl_DStringFree(&key);
    }

    /*
     * Images made since SINCEPTR that no slot ever named (refs.c).
     */

    if (code == TCL_OK && statePtr->tk.tkReady && Tk_MainWindow(interp) != NULL) {
	const char *w[2];
	Tcl_Obj *namesPtr, **nv;
	Tcl_Size nc;

	w[0] = "image";
	w[1] = "names";
	if (TkleakCallWidget(&ctx, "::image", 2, w, &namesPtr) == TCL_OK) {
	    if (Tcl_ListObjGetElements(NULL, namesPtr, &nc, &nv) == TCL_OK) {
		for (i = 0; i < nc && code == TCL_OK; i++) {
		    const char *name = Tcl_GetString(nv[i]);
		    const Tk_ImageType *typePtr = NULL;
		    Tcl_DString typeDs, key;

		    if (TkleakIsOwnName(name) || TkleakIsLibraryImage(name)) {
			continue;
		    }
		    (void) Tk_GetImageMasterData(interp, name, &typePtr);
		    if (typePtr == NULL) {
			continue;
		    }
		    Tcl_DStringInit(&typeDs);
		    Tcl_DStringAppend(&typeDs, "image ", 6);
		    Tcl_DStringAppend(&typeDs, typePtr->name, -1);
		    Tcl_DStringInit(&key);
		    Tcl_DStringAppend(&key,
			    TkleakKeyPrefix(TKLEAK_KEY_IMAGE), 1);
		    Tcl_DStringAppend(&key, name, -1);
		    if (Tcl_FindHashEntry(&statePtr->store.seen,
			    Tcl_DStringValue(&key)) == NULL
			    && !SinceHas(&since, Tcl_DStringValue(&typeDs),
			    name)) {
			code = AddUnreferenced(&ctx, Tcl_DStringValue(&key),
				Tcl_DStringValue(&typeDs), name, &found,
				&numFound, &capFound);
		    }
		    Tcl_DStringFree(&key);
		    Tcl_DStringFree(&typeDs);
		}
	    }
	    Tcl_DecrRefCount(namesPtr);
	}
    }

    /*
     * What the detached menus retain, from the slots below them.
     */

    if (code == TCL_OK && numFound > 0) {
	Tcl_Size nm;

	Tcl_ListObjLength(NULL, menusPtr, &nm);
	if (nm > 0) {
	    code = MenusRetain(&ctx, menusPtr, found, numFound);
	}
    }
    Tcl_DecrRefCount(menusPtr);

    Tcl_RestoreInterpState(interp, saved);
    TkleakCollectDone(&ctx);
    SinceFree(&since);
    if (code != TCL_OK) {
	for (i = 0; i < numFound; i++) {
	    Tcl_DecrRefCount(found[i].orphanPtr);
	    Tcl_Free(found[i].type);
	    Tcl_Free(found[i].name);
	}
	Tcl_Free((char *) found);
	return code;
    }
    if (numFound > 0) {
	qsort(found, numFound, sizeof(Found), CompareFound);
    }
    listPtr = Tcl_NewListObj(0, NULL);
    for (i = 0; i < numFound; i++) {
	Tcl_ListObjAppendElement(NULL, listPtr, found[i].orphanPtr);
	Tcl_DecrRefCount(found[i].orphanPtr);
	Tcl_Free(found[i].type);
	Tcl_Free(found[i].name);
    }
    Tcl_Free((char *) found);
    *resultPtr = listPtr;
    return TCL_OK;
}
