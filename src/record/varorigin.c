/*
 * varorigin.c --
 *
 *	Creation origins of namespace variables and array elements ("v" +
 *	the census identity, ::ns::name or ::ns::name(index)) and of canvas
 *	items ("k" + the census identity {path id}), noted while recording
 *	keeps origins, and looked up by tkleak::origin, tkleak::new -origins
 *	1 and tkleak::diff -by origin. Canvas items are logged by record.c's
 *	hook of the canvas widget command ("create"); this file answers
 *	whether one is still there.
 *
 *	Notes on implementation:
 *
 *	Most variables are made by compiled code ("set a($k) 1" in a proc
 *	never calls the "set" command), so no command hook can see them.
 *	What every way of making a namespace variable or an array element
 *	has in common is Tcl's variable hash table, which allocates the new
 *	variable through its key type's allocEntryProc. While recording is
 *	on, the variable tables of the namespaces and of their arrays get a
 *	key type of tkleak's (VarHookType): Tcl's own, with an allocEntryProc
 *	that calls Tcl's and then notes the origin of the variable it made.
 *	The tables are hooked at "record on" and again at each fold of the
 *	log (an array or a namespace made since then has a table of its own,
 *	which Tcl made with its own key type); "record off" gives each its
 *	key type back. Nothing else of the app's changes: its values, its
 *	variables and their traces are left alone, and no script runs in
 *	the hook (the stack is read as for every other origin).
 *
 *	Two limits follow, and tkleak(n) states them. The elements an array
 *	gets between its creation and the next fold, while its table is not
 *	hooked yet, are given the array's own origin (most often the same
 *	line: a loop filling the array). And Tcl keeps no line for compiled
 *	code between two command calls, so the line given for a variable made
 *	in a proc is that of the first command of the proc's body that writes
 *	a variable of that name (ProcFrame).
 *
 *	Memory stays bounded as for every origin: record.c's fold drops the
 *	origins of variables that are gone (TkleakVarKeyAlive). The hook
 *	itself calls no command and reads no stack through "info frame": Tcl
 *	is in the middle of making the variable, between two commands of
 *	compiled code, where "info frame" is not safe. So a variable's origin
 *	is one frame, read from Tcl's records: the proc that made it
 *	(ProcFrame), or the line of a file sourced at the top level; or the
 *	Python frames of a tkinter call (read as origin.c reads them, with no
 *	Tcl call).
 *
 * Copyright (c) 2026 the tkleak developers. See the file "LICENSE".
 */

#include "config.h"
#ifdef TKLEAK_PRIVATE
#include "tclInt.h"
#include "tclCompile.h"
#endif
#include <stdlib.h>
#include <string.h>
#include "tkleakInt.h"

#define VARORIGIN_KEY "tkleak::varorigin"

/*
 * TkleakCanvasItemAlive --
 *
 *	Whether the canvas item of origin key KEY ("k" + {path id}) is still
 *	there, asked through Tk's own widget command ("type", which runs no
 *	script and answers "" for an item that is gone).
 *
 * Side effects:
 *	The interpreter's result may change; callers save it.
 */

int
TkleakCanvasItemAlive(
    TkleakState *statePtr,
    Tcl_Interp *interp,
    const char *key)
{
    TkleakCollect ctx;
    Tcl_Obj *resultPtr;
    const char **argv, *words[3];
    int argc, alive = 0;

    if (Tcl_SplitList(NULL, key + 1, &argc, &argv) != TCL_OK) {
	return 0;
    }
    if (argc == 2 && argv[0][0] == '.') {
	memset(&ctx, 0, sizeof(ctx));
	ctx.statePtr = statePtr;
	ctx.interp = interp;
	words[0] = argv[0];
	words[1] = "type";
	words[2] = argv[1];
	if (TkleakCallWidget(&ctx, argv[0], 3, words, &resultPtr) == TCL_OK) {
	    alive = Tcl_GetCharLength(resultPtr) > 0;
	    Tcl_DecrRefCount(resultPtr);
	}
    }
    Tcl_Free((char *) argv);
    return alive;
}

#ifdef TKLEAK_PRIVATE

typedef struct VarOrigin {
    Tcl_HashTable arrays;	/* Element table of a hooked array -> the
				 * array's name in its namespace (Tcl_Obj,
				 * one reference): made again at each walk,
				 * so it holds the arrays alive then. */
    int arraysAtWalk;		/* Entries of arrays after the last full
				 * walk. */
    Tcl_HashTable dirty;	/* Namespaces (one-word keys, never read
				 * through) where a variable was made since
				 * the last walk: it may have become an
				 * array. */
    Tcl_HashTable stacks;	/* Where a proc makes a variable of a name:
				 * "Proc body length element name" (the
				 * addresses only compared, never read
				 * through) -> the interned stack, one
				 * reference held. Emptied at each walk, so
				 * that an app that makes variables by the
				 * thousand pays the body's scan and the
				 * library test once per call site. */
    int busy;			/* The hook is noting an origin: a variable
				 * made meanwhile is not noted. */
} VarOrigin;

/*
 * Tcl's key type of variable tables, learned from the global namespace's
 * table, and tkleak's copy of it with the hook as allocEntryProc. Tables
 * of every interpreter share them; the copy never changes once made.
 */

static const Tcl_HashKeyType *tclVarType;
static Tcl_HashKeyType hookType;
TCL_DECLARE_MUTEX(varTypeMutex)

#define VarFromEntry(hPtr) \
    ((Var *) ((char *) (hPtr) - offsetof(VarInHash, entry)))

static void
VarOriginFree(
    ClientData clientData,
    Tcl_Interp *interp)
{
    VarOrigin *voPtr = clientData;

    (void) interp;
    TkleakDeleteObjTable(&voPtr->arrays, 0);
    TkleakDeleteObjTable(&voPtr->stacks, 0);
    Tcl_DeleteHashTable(&voPtr->dirty);
    Tcl_Free((char *) voPtr);
}

static VarOrigin *
GetVarOrigin(
    Tcl_Interp *interp)
{
    VarOrigin *voPtr = Tcl_GetAssocData(interp, VARORIGIN_KEY, NULL);

    if (voPtr == NULL) {
	voPtr = (VarOrigin *) Tcl_Alloc(sizeof(VarOrigin));
	memset(voPtr, 0, sizeof(VarOrigin));
	Tcl_InitHashTable(&voPtr->arrays, TCL_ONE_WORD_KEYS);
	Tcl_InitHashTable(&voPtr->dirty, TCL_ONE_WORD_KEYS);
	Tcl_InitHashTable(&voPtr->stacks, TCL_STRING_KEYS);
	Tcl_SetAssocData(interp, VARORIGIN_KEY, VarOriginFree, voPtr);
    }
    return voPtr;
}

/*
 * AppendNsPrefix --
 *
 *	Append to DSPTR the prefix the census puts before a variable of
 *	NSPTR: "::" for the global namespace, else its full name and "::".
 */

static void
AppendNsPrefix(
    Tcl_DString *dsPtr,
    Namespace *nsPtr)
{
    Tcl_DStringAppend(dsPtr, nsPtr->fullName, -1);
    if (nsPtr->parentPtr != NULL) {
	Tcl_DStringAppend(dsPtr, "::", 2);
    }
}

/*
 * WritesName --
 *
 *	Whether the command text LINE (up to its end of line) writes the
 *	variable NAME: its first word is a command that sets a variable
 *	(not "global", "variable" or "upvar", which only link one), and a
 *	later word is NAME, or NAME followed by "(" (only that for an element,
 *	ELEMENT 1).
 */

static int
WritesName(
    const char *line,
    const char *name,
    size_t nameLen,
    int element)
{
    static const char *const writers[] = {
	"set", "lappend", "append", "incr", "array", "dict", "lset",
	"lassign", "foreach", "gets", "scan", "regexp", "regsub", "binary",
	"catch", NULL
    };
    const char *p = line, *end = strchr(line, '\n');
    size_t wlen;
    int i;

    if (end == NULL) {
	end = line + strlen(line);
    }
    while (p < end && (*p == ' ' || *p == '\t')) {
	p++;
    }
    for (wlen = 0; p + wlen < end && p[wlen] != ' ' && p[wlen] != '\t';
	    wlen++) {
	/* The first word. */
    }
    for (i = 0; writers[i] != NULL; i++) {
	if (strlen(writers[i]) == wlen && strncmp(p, writers[i], wlen) == 0) {
	    break;
	}
    }
    if (writers[i] == NULL) {
	return 0;
    }
    for (p += wlen; p + nameLen <= end; p++) {
	if ((p[-1] == ' ' || p[-1] == '\t' || p[-1] == ':')
		&& strncmp(p, name, nameLen) == 0
		&& (p[nameLen] == '(' || (!element && (p + nameLen == end
		    || p[nameLen] == ' ' || p[nameLen] == '\t'
		    || p[nameLen] == '\r' || p[nameLen] == ';'
		    || p[nameLen] == '}')))) {
	    return 1;
	}
    }
    return 0;
}

/*
 * NewVarFrame --
 *
 *	A frame {file F line L proc P lang tcl lib 0|1}; PROCPTR is taken
 *	over.
 */

static Tcl_Obj *
NewVarFrame(
    Tcl_Interp *interp,
    const char *file,
    int line,
    Tcl_Obj *procPtr)
{
    Tcl_Obj *framePtr = Tcl_NewDictObj();
    int lib = TkleakOriginIsLibFile(interp, file, Tcl_GetString(procPtr));

    Tcl_DictObjPut(NULL, framePtr, Tcl_NewStringObj("file", 4),
	    Tcl_NewStringObj(file, -1));
    Tcl_DictObjPut(NULL, framePtr, Tcl_NewStringObj("line", 4),
	    Tcl_NewIntObj(line));
    Tcl_DictObjPut(NULL, framePtr, Tcl_NewStringObj("proc", 4), procPtr);
    Tcl_DictObjPut(NULL, framePtr, Tcl_NewStringObj("lang", 4),
	    Tcl_NewStringObj("tcl", 3));
    Tcl_DictObjPut(NULL, framePtr, Tcl_NewStringObj("lib", 3),
	    Tcl_NewIntObj(lib));
    return framePtr;
}

/*
 * CommandLine --
 *
 *	The line of the file at which the command at byte OFFSET of the body
 *	of PROCPTR starts, from the line table Tcl made when it compiled the
 *	body (which counts the lines a backslash-newline joins, as the body's
 *	string cannot); or -1 when the body is not compiled or has no such
 *	command. The body's internal representation is only read.
 */

static int
CommandLine(
    Interp *iPtr,
    Proc *procPtr,
    int offset)
{
    Tcl_Obj *bodyPtr = procPtr->bodyPtr;
    Tcl_HashEntry *hPtr;
    ExtCmdLoc *eclPtr;
    ByteCode *codePtr;
    int i;

    if (bodyPtr->typePtr == NULL
	    || strcmp(bodyPtr->typePtr->name, "bytecode") != 0
	    || iPtr->lineBCPtr == NULL) {
	return -1;
    }
    codePtr = bodyPtr->internalRep.twoPtrValue.ptr1;
    if (codePtr == NULL || codePtr->source != bodyPtr->bytes
	    || (hPtr = Tcl_FindHashEntry(iPtr->lineBCPtr, (char *) codePtr))
		== NULL) {
	return -1;
    }
    eclPtr = Tcl_GetHashValue(hPtr);
    for (i = 0; i < eclPtr->nuloc; i++) {
	if (eclPtr->loc[i].srcOffset == offset && eclPtr->loc[i].nline > 0) {
	    return eclPtr->loc[i].line[0];
	}
    }
    return -1;
}

/*
 * ProcFrame --
 *
 *	The frame of the proc now running (not a lambda's nor a method's),
 *	whose code made a variable named
 *	NAME (an element of the array NAME, ELEMENT 1): at the line of the
 *	first command of its body that writes a variable of that name, or
 *	else at the line its body starts; NULL when no proc runs, or its
 *	body has no known place. Only strings are read: the body's string
 *	form and the location Tcl noted where the proc was made.
 */

static Tcl_Obj *
ProcFrame(
    Tcl_Interp *interp,
    const char *name,
    int element)
{
    Interp *iPtr = (Interp *) interp;
    CallFrame *framePtr = iPtr->varFramePtr;
    Proc *procPtr;
    Tcl_HashEntry *hPtr;
    CmdFrame *defPtr;
    Tcl_Obj *procNamePtr;
    const char *body, *p;
    size_t nameLen = strlen(name);
    int offset = 0, found = 0, line = -1;

    /*
     * A proc's frame only: a lambda's or a method's Proc has no command
     * of its own, and no place Tcl noted with its body.
     */

    if (framePtr == NULL || framePtr->isProcCallFrame != FRAME_IS_PROC
	    || (procPtr = framePtr->procPtr) == NULL
	    || procPtr->cmdPtr == NULL || procPtr->bodyPtr == NULL
	    || procPtr->bodyPtr->bytes == NULL
	    || iPtr->linePBodyPtr == NULL
	    || (hPtr = Tcl_FindHashEntry(iPtr->linePBodyPtr,
		(char *) procPtr)) == NULL) {
	return NULL;
    }
    defPtr = Tcl_GetHashValue(hPtr);
    if (defPtr->type != TCL_LOCATION_SOURCE || defPtr->data.eval.path == NULL
	    || defPtr->line == NULL) {
	return NULL;
    }
    procNamePtr = Tcl_NewObj();
    Tcl_GetCommandFullName(interp, (Tcl_Command) procPtr->cmdPtr,
	    procNamePtr);
    body = procPtr->bodyPtr->bytes;
    for (p = body; *p != '\0'; ) {
	if (WritesName(p, name, nameLen, element)) {
	    found = 1;
	    break;
	}
	p = strchr(p, '\n');
	if (p == NULL) {
	    break;
	}
	p++;
	offset++;
    }
    if (found) {
	while (*p == ' ' || *p == '\t') {
	    p++;
	}
	line = CommandLine(iPtr, procPtr, (int) (p - body));
    }
    if (line < 0) {
	line = (int) defPtr->line[0] + (found ? offset : 0);
    }
    return NewVarFrame(interp, Tcl_GetString(defPtr->data.eval.path),
	    line, procNamePtr);
}

/*
 * VarMade --
 *
 *	Note where the variable of origin key KEY (NAME its simple name) was
 *	made (an element of the array NAME, ELEMENT 1): a stack of one frame,
 *	the proc running (ProcFrame) or the sourced file's line; or, when no
 *	script runs, the Python frames that called into Tcl.
 */

static void
VarMade(
    TkleakState *statePtr,
    VarOrigin *voPtr,
    Tcl_Interp *interp,
    const char *key,
    const char *name,
    int element)
{
    Interp *iPtr = (Interp *) interp;
    CmdFrame *cfPtr = iPtr->cmdFramePtr;
    CallFrame *varFramePtr = iPtr->varFramePtr;
    Tcl_Obj *stackPtr, *framePtr;
    Tcl_HashEntry *hPtr = NULL;
    Tcl_DString cacheKey;
    int n, isNew;

    /*
     * A proc that made a variable of this name before: the same stack.
     */

    Tcl_DStringInit(&cacheKey);
    if (varFramePtr != NULL && varFramePtr->isProcCallFrame == FRAME_IS_PROC
	    && varFramePtr->procPtr != NULL
	    && varFramePtr->procPtr->bodyPtr != NULL
	    && varFramePtr->procPtr->bodyPtr->bytes != NULL) {
	char buf[3 * TCL_INTEGER_SPACE + 8];

	snprintf(buf, sizeof(buf), "%p %p %d %d ",
		(void *) varFramePtr->procPtr,
		(void *) varFramePtr->procPtr->bodyPtr->bytes,
		varFramePtr->procPtr->bodyPtr->length, element);
	Tcl_DStringAppend(&cacheKey, buf, -1);
	Tcl_DStringAppend(&cacheKey, name, -1);
	if (voPtr->stacks.numEntries > 10000) {
	    TkleakDeleteObjTable(&voPtr->stacks, 1);
	}
	hPtr = Tcl_CreateHashEntry(&voPtr->stacks,
		Tcl_DStringValue(&cacheKey), &isNew);
	Tcl_DStringFree(&cacheKey);
	if (!isNew) {
	    stackPtr = Tcl_GetHashValue(hPtr);
	    TkleakOriginForget(statePtr, key);
	    TkleakOriginCreated(statePtr, key, stackPtr);
	    return;
	}
	Tcl_SetHashValue(hPtr, NULL);
    }
    framePtr = ProcFrame(interp, name, element);
    if (framePtr == NULL && hPtr != NULL) {
	Tcl_DeleteHashEntry(hPtr);
	hPtr = NULL;
    }

    /*
     * Outside a proc, a script sourced from a file: its line. (Tcl is
     * inside Tcl_CreateHashEntry: only its records are read here, as
     * "info frame" is not safe to call.)
     */

    if (framePtr == NULL && cfPtr != NULL
	    && cfPtr->type == TCL_LOCATION_SOURCE
	    && cfPtr->data.eval.path != NULL && cfPtr->line != NULL
	    && (iPtr->varFramePtr == NULL
		|| !(iPtr->varFramePtr->isProcCallFrame & FRAME_IS_PROC))) {
	const char *file = Tcl_GetString(cfPtr->data.eval.path);

	framePtr = NewVarFrame(interp, file, (int) cfPtr->line[0],
		Tcl_NewObj());
    }
    if (framePtr != NULL) {
	stackPtr = Tcl_NewListObj(1, &framePtr);
    } else if (cfPtr == NULL) {
	/*
	 * No script runs: a tkinter call (a Variable set from Python) or C
	 * code. The Python frames that called, if any.
	 */

	stackPtr = TkleakOriginPython(statePtr);
	Tcl_ListObjLength(NULL, stackPtr, &n);
	if (n == 0) {
	    Tcl_IncrRefCount(stackPtr);
	    Tcl_DecrRefCount(stackPtr);
	    return;
	}
    } else {
	return;
    }
    Tcl_IncrRefCount(stackPtr);
    stackPtr = TkleakOriginIntern(statePtr, stackPtr);
    Tcl_IncrRefCount(stackPtr);
    if (hPtr != NULL) {
	Tcl_IncrRefCount(stackPtr);
	Tcl_SetHashValue(hPtr, stackPtr);
    }
    TkleakOriginForget(statePtr, key);
    TkleakOriginCreated(statePtr, key, stackPtr);
    Tcl_DecrRefCount(stackPtr);
}

/*
 * VarHookAlloc --
 *
 *	The allocEntryProc of hooked variable tables: Tcl's own, then, when
 *	the table's interpreter records origins, the origin of the variable
 *	it made: a namespace variable (the table is the namespace's) or an
 *	element of an array whose table was hooked (found in the arrays
 *	table). Tcl is inside Tcl_CreateHashEntry of TABLEPTR: the new entry
 *	is not in the table yet, and nothing here touches the table.
 */

static Tcl_HashEntry *
VarHookAlloc(
    Tcl_HashTable *tablePtr,
    void *keyPtr)
{
    Tcl_HashEntry *hPtr = tclVarType->allocEntryProc(tablePtr, keyPtr);
    Namespace *nsPtr = ((TclVarHashTable *) tablePtr)->nsPtr;
    Tcl_Interp *interp;
    TkleakState *statePtr;
    VarOrigin *voPtr;
    Tcl_DString key;
    const char *name;

    if (hPtr == NULL || nsPtr == NULL || (nsPtr->flags & NS_DYING)
	    || (interp = nsPtr->interp) == NULL
	    || Tcl_InterpDeleted(interp)
	    || (statePtr = Tcl_GetAssocData(interp, "tkleak", NULL)) == NULL
	    || !statePtr->opts.origins_on || !TkleakRecording(statePtr)
	    || (voPtr = Tcl_GetAssocData(interp, VARORIGIN_KEY, NULL)) == NULL
	    || voPtr->busy || TkleakIsOwnNamespace(nsPtr->fullName)) {
	return hPtr;
    }
    name = Tcl_GetString((Tcl_Obj *) keyPtr);
    Tcl_DStringInit(&key);
    Tcl_DStringAppend(&key, "v", 1);
    AppendNsPrefix(&key, nsPtr);
    if (tablePtr != &nsPtr->varTable.table) {
	Tcl_HashEntry *aPtr = Tcl_FindHashEntry(&voPtr->arrays,
		(char *) tablePtr);

	if (aPtr == NULL) {
	    Tcl_DStringFree(&key);
	    return hPtr;
	}
	Tcl_DStringAppend(&key, Tcl_GetString((Tcl_Obj *)
		Tcl_GetHashValue(aPtr)), -1);
	Tcl_DStringAppend(&key, "(", 1);
	Tcl_DStringAppend(&key, name, -1);
	Tcl_DStringAppend(&key, ")", 1);
	name = Tcl_GetString((Tcl_Obj *) Tcl_GetHashValue(aPtr));
    } else {
	int isNew;

	Tcl_DStringAppend(&key, name, -1);
	Tcl_CreateHashEntry(&voPtr->dirty, (char *) nsPtr, &isNew);
    }
    voPtr->busy = 1;
    VarMade(statePtr, voPtr, interp, Tcl_DStringValue(&key), name,
	    tablePtr != &nsPtr->varTable.table);
    voPtr->busy = 0;
    Tcl_DStringFree(&key);
    return hPtr;
}

/*
 * SwapType --
 *
 *	Give TABLEPTR tkleak's key type (ON) or Tcl's back (not ON), when
 *	it has the other. Returns 1 when it changed.
 */

static int
SwapType(
    Tcl_HashTable *tablePtr,
    int on)
{
    if (on && tablePtr->typePtr == tclVarType) {
	tablePtr->typePtr = &hookType;
	return 1;
    }
    if (!on && tablePtr->typePtr == &hookType) {
	tablePtr->typePtr = tclVarType;
	return 1;
    }
    return 0;
}

/*
 * BackfillElements --
 *
 *	Give each element of the array ARRAYPTR (of origin key prefix
 *	PREFIX, "v::ns::name") that has no origin the array's own creation
 *	origin: they were made before its table was hooked, after the array.
 */

static void
BackfillElements(
    TkleakState *statePtr,
    Var *arrayPtr,
    const char *prefix)
{
    Tcl_HashEntry *hPtr = Tcl_FindHashEntry(&statePtr->store.origins, prefix);
    Tcl_HashSearch search;
    Tcl_Obj *createdPtr;
    Tcl_DString key;
    int n;

    if (hPtr == NULL) {
	return;
    }
    Tcl_ListObjIndex(NULL, Tcl_GetHashValue(hPtr), 0, &createdPtr);
    if (createdPtr == NULL || Tcl_ListObjLength(NULL, createdPtr, &n)
	    != TCL_OK || n == 0) {
	return;
    }
    Tcl_IncrRefCount(createdPtr);
    Tcl_DStringInit(&key);
    for (hPtr = Tcl_FirstHashEntry(&arrayPtr->value.tablePtr->table,
	    &search); hPtr; hPtr = Tcl_NextHashEntry(&search)) {
	Tcl_DStringSetLength(&key, 0);
	Tcl_DStringAppend(&key, prefix, -1);
	Tcl_DStringAppend(&key, "(", 1);
	Tcl_DStringAppend(&key, Tcl_GetString(hPtr->key.objPtr), -1);
	Tcl_DStringAppend(&key, ")", 1);
	if (Tcl_FindHashEntry(&statePtr->store.origins, Tcl_DStringValue(&key))
		== NULL) {
	    TkleakOriginCreated(statePtr, Tcl_DStringValue(&key), createdPtr);
	}
    }
    Tcl_DStringFree(&key);
    Tcl_DecrRefCount(createdPtr);
}

/*
 * HookNamespace --
 *
 *	Hook (MODE 1 at "record on", 2 at a fold) or unhook (MODE 0) the
 *	variable table of NSPTR and of each of its arrays, and of its
 *	descendants, kept on a stack of its own (not called once a level, so
 *	a deep chain of namespaces costs no C stack); note each hooked
 *	array's table in the arrays table. With FULL 0 (a fold), only the
 *	arrays of the global namespace, and of a namespace hooked now or
 *	where a variable was made since the last walk, are looked at, so
 *	that a fold costs the namespaces and the global variables, not all
 *	the variables. At a fold, the elements of an array hooked now get
 *	its origin (BackfillElements).
 */

static void
HookNamespace(
    TkleakState *statePtr,
    VarOrigin *voPtr,
    Namespace *nsPtr,
    int mode,
    int full)
{
    Tcl_HashSearch search;
    Tcl_HashEntry *hPtr, *aPtr;
    Tcl_HashTable *childPtr;
    Tcl_DString prefix;
    int isNew, fresh;
    Namespace **stack = (Namespace **) Tcl_Alloc(16 * sizeof(Namespace *));
    size_t numStack = 0, capStack = 16;

    Tcl_DStringInit(&prefix);
    stack[numStack++] = nsPtr;
    while (numStack > 0) {
	nsPtr = stack[--numStack];
	if (TkleakIsOwnNamespace(nsPtr->fullName)
		|| (nsPtr->flags & (NS_DYING | NS_DEAD))) {
	    continue;
	}
	fresh = SwapType(&nsPtr->varTable.table, mode != 0);
	/*
	 * The global namespace is always looked at: most apps keep their
	 * arrays there, and not every array made again there marks it
	 * (gitk's per-commit arrays, made again for each view, were missed
	 * without).
	 */

	for (hPtr = (full || fresh || nsPtr->parentPtr == NULL
		|| Tcl_FindHashEntry(&voPtr->dirty, (char *) nsPtr))
		? Tcl_FirstHashEntry(&nsPtr->varTable.table,
		&search) : NULL; hPtr; hPtr = Tcl_NextHashEntry(&search)) {
	    Var *varPtr = VarFromEntry(hPtr);
	    int swapped;

	    if (!TclIsVarArray(varPtr) || varPtr->value.tablePtr == NULL
		    || TclIsVarDeadHash(varPtr)) {
		continue;
	    }
	    swapped = SwapType(&varPtr->value.tablePtr->table, mode != 0);
	    if (mode == 0 || (!swapped
		    && varPtr->value.tablePtr->table.typePtr != &hookType)) {
		continue;
	    }
	    aPtr = Tcl_CreateHashEntry(&voPtr->arrays,
		    (char *) &varPtr->value.tablePtr->table, &isNew);
	    if (!isNew) {
		Tcl_DecrRefCount((Tcl_Obj *) Tcl_GetHashValue(aPtr));
	    }
	    Tcl_IncrRefCount(hPtr->key.objPtr);
	    Tcl_SetHashValue(aPtr, hPtr->key.objPtr);
	    if (mode == 2 && swapped) {
		Tcl_DStringSetLength(&prefix, 0);
		Tcl_DStringAppend(&prefix, "v", 1);
		AppendNsPrefix(&prefix, nsPtr);
		Tcl_DStringAppend(&prefix, Tcl_GetString(hPtr->key.objPtr),
			-1);
		BackfillElements(statePtr, varPtr, Tcl_DStringValue(&prefix));
	    }
	}
#ifndef BREAK_NAMESPACE_COMPAT
	childPtr = &nsPtr->childTable;
#else
	childPtr = nsPtr->childTablePtr;
#endif
	if (childPtr == NULL) {
	    continue;
	}
	for (hPtr = Tcl_FirstHashEntry(childPtr, &search); hPtr;
		hPtr = Tcl_NextHashEntry(&search)) {
	    if (numStack == capStack) {
		capStack *= 2;
		stack = (Namespace **) Tcl_Realloc((char *) stack,
			capStack * sizeof(Namespace *));
	    }
	    stack[numStack++] = Tcl_GetHashValue(hPtr);
	}
    }
    Tcl_DStringFree(&prefix);
    Tcl_Free((char *) stack);
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakVarHook --
 *
 *	Hook the variable tables of every namespace and array of INTERP
 *	(MODE 1 at "record on", 2 at each fold of the log while recording)
 *	or give them Tcl's key type back (MODE 0, "record off"). Only with
 *	the private records; otherwise variables get no origins.
 *
 * Side effects:
 *	The key type of the app's variable tables; the arrays table is made
 *	again. No script runs.
 *
 *----------------------------------------------------------------------
 */

void
TkleakVarHook(
    TkleakState *statePtr,
    Tcl_Interp *interp,
    int mode)
{
    Namespace *globalPtr = (Namespace *) Tcl_GetGlobalNamespace(interp);
    VarOrigin *voPtr;
    int full;

    /*
     * Giving the tables back does not depend on -walk: tables hooked
     * before "configure -walk public" must get Tcl's key type back at
     * "record off" all the same.
     */

    if (mode == 0 ? tclVarType == NULL : !TkleakWalkUsable(statePtr)) {
	return;
    }
    voPtr = GetVarOrigin(interp);
    if (tclVarType == NULL) {
	Tcl_MutexLock(&varTypeMutex);
	if (tclVarType == NULL
		&& (globalPtr->varTable.table.keyType == TCL_CUSTOM_TYPE_KEYS
		    || globalPtr->varTable.table.keyType
			== TCL_CUSTOM_PTR_KEYS)
		&& globalPtr->varTable.table.typePtr != &hookType) {
	    hookType = *globalPtr->varTable.table.typePtr;
	    hookType.allocEntryProc = VarHookAlloc;
	    tclVarType = globalPtr->varTable.table.typePtr;
	}
	Tcl_MutexUnlock(&varTypeMutex);
	if (tclVarType == NULL) {
	    return;
	}
    }
    /*
     * A fold looks at the namespaces only, and at the arrays of those
     * that got a variable; all arrays when the arrays table has doubled
     * since the last full walk (it keeps the tables of arrays that died,
     * which only a full walk drops).
     */

    full = mode != 2 || voPtr->arrays.numEntries > 2 * voPtr->arraysAtWalk
	    + 64;
    if (full) {
	TkleakDeleteObjTable(&voPtr->arrays, 1);
    }
    TkleakDeleteObjTable(&voPtr->stacks, 1);
    HookNamespace(statePtr, voPtr, globalPtr, mode, full);
    Tcl_DeleteHashTable(&voPtr->dirty);
    Tcl_InitHashTable(&voPtr->dirty, TCL_ONE_WORD_KEYS);
    if (full) {
	voPtr->arraysAtWalk = voPtr->arrays.numEntries;
    }
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakVarKeyAlive --
 *
 *	Whether the variable or array element of origin key KEY ("v" +
 *	::ns::name or ::ns::name(index)) still has its entry in Tcl's
 *	tables: read from the namespace's and the array's tables, so no
 *	trace or resolver runs.
 *
 *----------------------------------------------------------------------
 */

int
TkleakVarKeyAlive(
    TkleakState *statePtr,
    Tcl_Interp *interp,
    const char *key)
{
    const char *name = key + 1, *open = strchr(name, '('), *tail, *p;
    size_t len = strlen(name);
    Tcl_DString ns;
    Tcl_Namespace *nsPtr;
    Tcl_Obj *partPtr;
    Tcl_HashEntry *hPtr;
    Var *varPtr;
    int alive = 0;

    if (!TkleakWalkUsable(statePtr) || strncmp(name, "::", 2) != 0) {
	return 0;
    }
    if (open != NULL && name[len - 1] != ')') {
	open = NULL;
    }
    if (open == NULL) {
	open = name + len;
    }

    /*
     * The namespace is what comes before the last "::" of the name.
     */

    for (tail = NULL, p = name; p + 1 < open; p++) {
	if (p[0] == ':' && p[1] == ':') {
	    tail = p;
	}
    }
    Tcl_DStringInit(&ns);
    Tcl_DStringAppend(&ns, name, tail == name ? 2 : (int) (tail - name));
    while (tail[0] == ':') {
	tail++;
    }
    nsPtr = Tcl_FindNamespace(interp, Tcl_DStringValue(&ns), NULL,
	    TCL_GLOBAL_ONLY);
    Tcl_DStringFree(&ns);
    if (nsPtr == NULL) {
	Tcl_ResetResult(interp);
	return 0;
    }
    partPtr = Tcl_NewStringObj(tail, (int) (open - tail));
    Tcl_IncrRefCount(partPtr);
    hPtr = Tcl_FindHashEntry(&((Namespace *) nsPtr)->varTable.table,
	    (char *) partPtr);
    Tcl_DecrRefCount(partPtr);
    if (hPtr == NULL || TclIsVarDeadHash(VarFromEntry(hPtr))) {
	return 0;
    }
    varPtr = VarFromEntry(hPtr);
    if (*open == '\0') {
	return 1;
    }
    if (!TclIsVarArray(varPtr) || varPtr->value.tablePtr == NULL) {
	return 0;
    }
    partPtr = Tcl_NewStringObj(open + 1, (int) (name + len - open - 2));
    Tcl_IncrRefCount(partPtr);
    hPtr = Tcl_FindHashEntry(&varPtr->value.tablePtr->table,
	    (char *) partPtr);
    Tcl_DecrRefCount(partPtr);
    alive = hPtr != NULL && !TclIsVarDeadHash(VarFromEntry(hPtr));
    return alive;
}

#else /* !TKLEAK_PRIVATE */

void
TkleakVarHook(
    TkleakState *statePtr,
    Tcl_Interp *interp,
    int mode)
{
    (void) statePtr;
    (void) interp;
    (void) mode;
}

int
TkleakVarKeyAlive(
    TkleakState *statePtr,
    Tcl_Interp *interp,
    const char *key)
{
    (void) statePtr;
    (void) interp;
    (void) key;
    return 0;
}

#endif /* TKLEAK_PRIVATE */

/*
 *----------------------------------------------------------------------
 *
 * TkleakVarOriginKey --
 *
 *	The origin key of NAMEPTR when it names a canvas item ({path id},
 *	the item there now) or a namespace variable or array element (its
 *	name as the caller's frame resolves it).
 *
 * Results:
 *	A new object (no reference held), or NULL.
 *
 * Side effects:
 *	The interpreter's result may change; callers save it.
 *
 *----------------------------------------------------------------------
 */

Tcl_Obj *
TkleakVarOriginKey(
    TkleakState *statePtr,
    Tcl_Interp *interp,
    Tcl_Obj *namePtr)
{
    const char *name = Tcl_GetString(namePtr), **argv;
    Tcl_Obj *keyPtr = NULL, *fullPtr;
    int argc;

    if (name[0] == '.' && Tcl_SplitList(NULL, name, &argc, &argv) == TCL_OK) {
	if (argc == 2 && argv[1][0] != '\0'
		&& strspn(argv[1], "0123456789") == strlen(argv[1])) {
	    char buf[200], *id = TkleakJoinPair(argv[0], argv[1], buf,
		    sizeof(buf));

	    keyPtr = Tcl_NewStringObj("k", 1);
	    Tcl_AppendToObj(keyPtr, id, -1);
	    if (id != buf) {
		Tcl_Free(id);
	    }
	    if (!TkleakCanvasItemAlive(statePtr, interp,
		    Tcl_GetString(keyPtr))) {
		Tcl_IncrRefCount(keyPtr);
		Tcl_DecrRefCount(keyPtr);
		keyPtr = NULL;
	    }
	}
	Tcl_Free((char *) argv);
	if (keyPtr != NULL) {
	    return keyPtr;
	}
    }
    fullPtr = TkleakWalkVarFullName(interp, namePtr);
    if (strncmp(Tcl_GetString(fullPtr), "::", 2) == 0) {
	keyPtr = Tcl_NewStringObj("v", 1);
	Tcl_AppendObjToObj(keyPtr, fullPtr);
	if (!TkleakVarKeyAlive(statePtr, interp, Tcl_GetString(keyPtr))) {
	    Tcl_IncrRefCount(keyPtr);
	    Tcl_DecrRefCount(keyPtr);
	    keyPtr = NULL;
	}
    }
    Tcl_DecrRefCount(fullPtr);
    return keyPtr;
}
