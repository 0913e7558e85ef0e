/*
 * walk.c --
 *
 *	The fast path of a census: walking Tcl's namespaces, commands and
 *	variables and Tk's window table, menus, canvases and images through
 *	their private structures (tclInt.h, tkInt.h, tkMenu.h, tkCanvas.h),
 *	and Tk's binding table through mirrors of records that no header
 *	declares (see "The binding walk" below). This is the only file that
 *	reads private structures. It is used only when configure found the
 *	headers and the running Tcl is 8.6, the version they describe
 *	(TkleakWalkUsable), and the binding walk only after its own version
 *	check and self-test; otherwise collect.c takes the public-API path,
 *	which counts the same objects more slowly and without a few sizes.
 *
 *	The objects of a large app lie all over the heap, so a walk is
 *	bound by memory latency rather than instructions: the walks gather
 *	a table's entries first and then fetch each record a few entries
 *	before it is read (__builtin_prefetch), so that the cache misses
 *	overlap instead of waiting for each other.
 *
 *	Nothing here calls a function that can run a script, so the
 *	pointers held during a walk cannot dangle.
 *
 * Copyright (c) 2026 the tkleak developers. See the file "LICENSE".
 */

#define _GNU_SOURCE		/* sched_getaffinity */
#include "config.h"
#ifdef TKLEAK_PRIVATE
#include "tclInt.h"
#include "tclCompile.h"
#include "tclOOInt.h"
#include "tkInt.h"
#include "tkMenu.h"
#include "tkCanvas.h"
#endif
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __linux__
#include <sched.h>
#endif
#include "tkleakInt.h"

/*
 *----------------------------------------------------------------------
 *
 * TkleakWalkUsable --
 *
 *	Whether the private structures may be read in this process.
 *
 * Results:
 *	1 when built with the private headers and running on Tcl 8.6 (and
 *	the public path was not forced), else 0.
 *
 *----------------------------------------------------------------------
 */

int
TkleakWalkUsable(
    TkleakState *statePtr)
{
#ifdef TKLEAK_PRIVATE
    static int is86 = -1;	/* The running Tcl is 8.6; asked once. */

    if (statePtr->forcePublic) {
	return 0;
    }
    if (is86 < 0) {
	int major, minor;

	Tcl_GetVersion(&major, &minor, NULL, NULL);
	is86 = (major == 8 && minor == 6);
    }
    return is86;
#else
    (void) statePtr;
    return 0;
#endif
}

#ifdef TKLEAK_PRIVATE

#define VarFromEntry(hPtr) \
    ((Var *) ((char *) (hPtr) - offsetof(VarInHash, entry)))

/*
 * Entries --
 *
 *	The entries of TABLEPTR in an array owned by the collector (malloc'ed,
 *	as the namespace worker uses it too), valid until the next call, in
 *	the order of Tcl_NextHashEntry, or NULL with the census marked
 *	failed when memory is short. The walk
 *	gathers a table's entries first so that it can fetch what they
 *	point to ahead of use. It reads the bucket array itself (the fields
 *	of Tcl_HashTable are in tcl.h) so that it can fetch the head of
 *	each chain a few buckets ahead: following Tcl_NextHashEntry, each
 *	entry of a large table is a cache miss that waits for the last.
 */

#define BUCKETS_AHEAD 16

static Tcl_HashEntry **
Entries(
    TkleakCollect *ctxPtr,
    Tcl_HashTable *tablePtr)
{
    Tcl_HashEntry **buckets = tablePtr->buckets;
    int numBuckets = tablePtr->numBuckets, n = 0, b;

    if (tablePtr->numEntries > ctxPtr->capEntries) {
	int cap = tablePtr->numEntries * 2;
	Tcl_HashEntry **entries = realloc(ctxPtr->entries,
		cap * sizeof(Tcl_HashEntry *));

	if (entries == NULL) {
	    ctxPtr->failed = 1;
	    return NULL;
	}
	ctxPtr->entries = entries;
	ctxPtr->capEntries = cap;
    }
    for (b = 0; b < numBuckets; b++) {
	Tcl_HashEntry *hPtr;

	if (b + BUCKETS_AHEAD < numBuckets
		&& buckets[b + BUCKETS_AHEAD] != NULL) {
	    __builtin_prefetch(buckets[b + BUCKETS_AHEAD]);
	}
	if (b + BUCKETS_AHEAD / 2 < numBuckets
		&& buckets[b + BUCKETS_AHEAD / 2] != NULL
		&& buckets[b + BUCKETS_AHEAD / 2]->nextPtr != NULL) {
	    __builtin_prefetch(buckets[b + BUCKETS_AHEAD / 2]->nextPtr);
	}
	for (hPtr = buckets[b]; hPtr != NULL && n < tablePtr->numEntries;
		hPtr = hPtr->nextPtr) {
	    ctxPtr->entries[n++] = hPtr;
	}
    }
    return ctxPtr->entries;
}

/*
 * NameRoom --
 *
 *	Make the collector's name buffer hold at least LEN bytes and a NUL.
 *	It is malloc'ed, not Tcl_Alloc'ed, since the namespace worker uses
 *	it too. Returns the buffer (its contents kept), or NULL with the
 *	census marked failed.
 */

static char *
NameRoom(
    TkleakCollect *ctxPtr,
    size_t len)
{
    if (len + 1 > ctxPtr->nameCap) {
	size_t cap = (len + 1) * 2 > 256 ? (len + 1) * 2 : 256;
	char *buf = realloc(ctxPtr->nameBuf, cap);

	if (buf == NULL) {
	    ctxPtr->failed = 1;
	    return NULL;
	}
	ctxPtr->nameBuf = buf;
	ctxPtr->nameCap = cap;
    }
    return ctxPtr->nameBuf;
}

/*
 * NamePrefix --
 *
 *	Put NSPTR's "name::" (just "::" for the global namespace) at the
 *	start of the name buffer. Returns its length, or 0 on failure.
 */

static size_t
NamePrefix(
    TkleakCollect *ctxPtr,
    Namespace *nsPtr)
{
    size_t len = strlen(nsPtr->fullName);
    int global = (nsPtr->parentPtr == NULL);
    char *buf = NameRoom(ctxPtr, len + 2 + 64);

    if (buf == NULL) {
	return 0;
    }
    memcpy(buf, nsPtr->fullName, len);
    if (!global) {
	buf[len++] = ':';
	buf[len++] = ':';
    }
    return len;
}

/*
 * KeyBytes --
 *
 *	The string of a variable name object. The worker must not make a
 *	string form (that writes to an object the app's thread owns): it
 *	gives up instead, and the main thread walks again.
 */

static const char *
KeyBytes(
    TkleakCollect *ctxPtr,
    Tcl_Obj *keyPtr)
{
    if (keyPtr->bytes == NULL && ctxPtr->worker) {
	ctxPtr->failed = 1;
	return NULL;
    }
    return TclGetString(keyPtr);
}

/*
 * WalkVars --
 *
 *	Count the variables of one namespace and the elements of its
 *	arrays. Values are read from the variable records, so no read trace
 *	fires and no string form is made.
 */

static void
WalkVars(
    TkleakCollect *ctxPtr,
    Namespace *nsPtr)
{
    size_t prefixLen = NamePrefix(ctxPtr, nsPtr);
    Tcl_HashEntry **entries = Entries(ctxPtr, &nsPtr->varTable.table);
    int n = nsPtr->varTable.table.numEntries, i;

    if (prefixLen == 0 || ctxPtr->failed) {
	return;
    }
    for (i = 0; i < n && !ctxPtr->failed; i++) {
	Tcl_HashEntry *hPtr = entries[i];
	Var *varPtr = VarFromEntry(hPtr);
	Tcl_Obj *keyPtr = hPtr->key.objPtr;
	const char *key;
	size_t len;
	char *buf;

	/*
	 * Three stages, each a few variables ahead of the next: the name
	 * and value objects, then the name's bytes.
	 */

	if (i + 8 < n) {
	    Var *aheadPtr = VarFromEntry(entries[i + 8]);

	    __builtin_prefetch(entries[i + 8]->key.objPtr);
	    if (!TclIsVarArray(aheadPtr) && !TclIsVarLink(aheadPtr)) {
		__builtin_prefetch(aheadPtr->value.objPtr);
	    }
	}
	if (i + 4 < n && entries[i + 4]->key.objPtr->bytes != NULL) {
	    __builtin_prefetch(entries[i + 4]->key.objPtr->bytes);
	}

	/*
	 * A variable traced before it was set has no value but its traces
	 * count.
	 */

	if (TclIsVarLink(varPtr) || TclIsVarDeadHash(varPtr)
		|| (TclIsVarUndefined(varPtr) && !TclIsVarArray(varPtr)
		    && !(varPtr->flags & VAR_ALL_TRACES))) {
	    continue;
	}
	if ((key = KeyBytes(ctxPtr, keyPtr)) == NULL) {
	    return;
	}
	len = prefixLen + (size_t) keyPtr->length;
	if ((buf = NameRoom(ctxPtr, len)) == NULL) {
	    return;
	}
	memcpy(buf + prefixLen, key, (size_t) keyPtr->length + 1);
	if (varPtr->flags & VAR_ALL_TRACES) {
	    TkleakNoteTraced(ctxPtr, 'v', buf, len, NULL, 0);
	    if (TclIsVarUndefined(varPtr) && !TclIsVarArray(varPtr)) {
		continue;
	    }
	}
	if (ctxPtr->refsPtr && (varPtr->flags & VAR_ALL_TRACES)) {
	    Tcl_ListObjAppendElement(NULL, ctxPtr->refsPtr->tracedVars,
		    Tcl_NewStringObj(buf, (int) len));
	}
	if (!TclIsVarArray(varPtr)) {
	    TkleakAddFixed(ctxPtr, TT_VARIABLE, buf, len,
		    TkleakVarBytes(varPtr, keyPtr, 0));
	    continue;
	}
	TkleakAddFixed(ctxPtr, TT_VARIABLE, buf, len,
		TkleakVarBytes(varPtr, keyPtr, 0));
	if (varPtr->value.tablePtr == NULL) {
	    continue;
	}
	{
	    Tcl_HashSearch elSearch;
	    Tcl_HashEntry *elPtr;

	    for (elPtr = Tcl_FirstHashEntry(&varPtr->value.tablePtr->table,
		    &elSearch); elPtr; elPtr = Tcl_NextHashEntry(&elSearch)) {
		Var *elVarPtr = VarFromEntry(elPtr);
		Tcl_Obj *elKeyPtr = elPtr->key.objPtr;
		const char *elKey;
		size_t elLen;

		if ((TclIsVarUndefined(elVarPtr)
			    && !(elVarPtr->flags & VAR_ALL_TRACES))
			|| TclIsVarDeadHash(elVarPtr) || TclIsVarLink(elVarPtr)) {
		    continue;
		}
		if ((elKey = KeyBytes(ctxPtr, elKeyPtr)) == NULL) {
		    return;
		}
		elLen = len + 2 + (size_t) elKeyPtr->length;
		if ((buf = NameRoom(ctxPtr, elLen)) == NULL) {
		    return;
		}
		buf[len] = '(';
		memcpy(buf + len + 1, elKey, (size_t) elKeyPtr->length);
		buf[elLen - 1] = ')';
		buf[elLen] = '\0';
		if (elVarPtr->flags & VAR_ALL_TRACES) {
		    TkleakNoteTraced(ctxPtr, 'v', buf, elLen, NULL, 0);
		    if (TclIsVarUndefined(elVarPtr)) {
			continue;
		    }
		}
		TkleakAddFixed(ctxPtr, TT_ELEMENT, buf, elLen,
			TkleakVarBytes(elVarPtr, elKeyPtr, 0));
	    }
	}
    }
}

/*
 * The namespace worker.
 *
 * A large census walks the namespaces below the global one on a second
 * thread while the main thread walks the windows, images, the global
 * namespace and the bindings, and then helps with what is left (see
 * NsSplit): the walk is bound by memory latency, and a second core has
 * cache misses of its own in flight. Why this is safe:
 *
 * - The worker only reads: namespace, command and variable records, and
 *   the length and bytes of objects that already have a string form. It
 *   calls no Tcl or Tk function that allocates, locks, or runs anything;
 *   its census, scratch arrays and names are malloc'ed. It is a plain
 *   POSIX thread: Tcl_CreateThread's wrapper frees its start record on
 *   the new thread, which gives the thread a cache of Tcl's allocator
 *   that only Tcl_FinalizeThread frees (a KB lost each census). A
 *   variable name without a string form, or a shortage of memory, makes
 *   it give up, and the main thread walks those namespaces itself
 *   afterwards.
 * - Meanwhile the main thread runs no script and calls nothing that
 *   makes, deletes or renames a namespace, command or variable, or gives
 *   an existing object a string form: it reads Tk's windows, images and
 *   binding records, and asks Tk_GetAllBindings and Tk_GetBinding, which
 *   make new objects only. The census does not index references then
 *   (refs indexing calls into Tcl), and fonts, after events, channels
 *   and interps are collected only after the join.
 * - Commands whose kind needs the interpreter (anything but procs,
 *   aliases, imports and ensembles: natives, TclOO objects, tkinter
 *   wrappers, image commands) are only noted; the main thread counts
 *   them after the join, with TkleakCountCommand as the serial walk does.
 *   The parts it takes itself it walks the worker's way, with the same
 *   rules, so that all parts are merged alike.
 *
 * The result is the census of the serial walk, in the same order: each
 * part's types are appended after the global namespace's, in the order
 * of the parts, each noted command is counted at the point where it was
 * noted (between the part's types made before and after it), and the
 * bindings, counted into a census of their own, come after all of these
 * (collect.c).
 */

typedef struct Deferred {
    Tcl_HashEntry *hPtr;		/* The command's entry... */
    Namespace *nsPtr;			/* ...in this namespace. */
    size_t numTypes;			/* Types the worker had made by then. */
} Deferred;

typedef struct NsWorker {
    TkleakCollect ctx;			/* This part's collector: its own
					 * census, scratch and name buffer. */
    Namespace **children;		/* The global namespace's children */
    int first, last;			/* and this part's: [FIRST, LAST). */
    Deferred *deferred;			/* malloc'ed. */
    size_t numDeferred;
    size_t capDeferred;
} NsWorker;

/*
 * The children of the global namespace are cut into up to NUM_PARTS runs
 * of about equal weight (commands and variables). Each part has a
 * census of its own; the worker thread and, once its own work is done,
 * the main thread take the next part in turn until none is left, so if
 * one of the two is slow (the machine is busy), the other takes more.
 * The parts are merged in their order, so the census does not depend on
 * who walked which.
 */

#define NUM_PARTS 8

typedef struct NsSplit {
    NsWorker parts[NUM_PARTS];
    int numParts;
    int next;				/* The next part to take (atomic). */
    Namespace **children;		/* malloc'ed. */
    pthread_t thread;
} NsSplit;

/*
 * WorkerCommand --
 *
 *	On the worker, count one command of NSPTR (entry HPTR) when its kind
 *	can be told from its record, else note it for the main thread.
 *	PREFIXLEN bytes of NSPTR's prefix are in the name buffer.
 */

static void
WorkerCommand(
    TkleakCollect *ctxPtr,
    Namespace *nsPtr,
    Tcl_HashEntry *hPtr,
    size_t prefixLen,
    size_t bodyLen)
{
    TkleakState *statePtr = ctxPtr->statePtr;
    NsWorker *workerPtr = (NsWorker *) ctxPtr;
    Command *cmdPtr = Tcl_GetHashValue(hPtr);
    const char *name = Tcl_GetHashKey(&nsPtr->cmdTable, hPtr);
    size_t len = strlen(name);
    int which;
    char *buf;

    if (cmdPtr->objProc == statePtr->procProc) {
	which = TT_PROC;
    } else if (cmdPtr->objProc == statePtr->aliasProc
	    || cmdPtr->objProc == statePtr->importProc) {
	which = TT_ALIAS;
	bodyLen = 0;
    } else if (Tcl_IsEnsemble((Tcl_Command) cmdPtr)) {
	which = TT_ENSEMBLE;
	bodyLen = 0;
    } else {
	Deferred *dPtr;

	if (workerPtr->numDeferred == workerPtr->capDeferred) {
	    size_t cap = workerPtr->capDeferred ? workerPtr->capDeferred * 2
		    : 64;
	    Deferred *deferred = realloc(workerPtr->deferred,
		    cap * sizeof(Deferred));

	    if (deferred == NULL) {
		ctxPtr->failed = 1;
		return;
	    }
	    workerPtr->deferred = deferred;
	    workerPtr->capDeferred = cap;
	}
	dPtr = &workerPtr->deferred[workerPtr->numDeferred++];
	dPtr->hPtr = hPtr;
	dPtr->nsPtr = nsPtr;
	dPtr->numTypes = ctxPtr->censusPtr->numTypes;
	return;
    }
    if ((buf = NameRoom(ctxPtr, prefixLen + len)) == NULL) {
	return;
    }
    memcpy(buf + prefixLen, name, len + 1);
    bodyLen += TkleakCommandBytes(len);
    len += prefixLen;
    TkleakAddFixed(ctxPtr, which, buf, len, bodyLen);
}

/*
 * ChildTable --
 *
 *	The table of NSPTR's child namespaces, or NULL when it has none.
 */

static Tcl_HashTable *
ChildTable(
    Namespace *nsPtr)
{
#ifndef BREAK_NAMESPACE_COMPAT
    return &nsPtr->childTable;
#else
    return nsPtr->childTablePtr;
#endif
}

/*
 * The namespaces still to walk are kept on a stack on the heap, not on
 * the C stack: an app (or a fuzzer) may nest namespaces 20,000 deep, and
 * a walk that called itself once a level would overflow the thread's
 * stack. The stack is malloc'ed, since the namespace worker uses it too.
 */

typedef struct NsStack {
    Namespace **items;			/* malloc'ed; the top is last. */
    size_t num;
    size_t cap;
} NsStack;

/*
 * PushChildren --
 *
 *	Push the children of NSPTR onto STACKPTR so that they are popped in
 *	the order of Tcl_NextHashEntry, the order in which a walk that
 *	called itself for each child took them. Returns 0, or -1 when
 *	memory is short (nothing pushed).
 */

static int
PushChildren(
    NsStack *stackPtr,
    Namespace *nsPtr)
{
    Tcl_HashTable *tablePtr = ChildTable(nsPtr);
    Tcl_HashSearch search;
    Tcl_HashEntry *hPtr;
    size_t n, i;

    if (tablePtr == NULL || tablePtr->numEntries <= 0) {
	return 0;
    }
    n = (size_t) tablePtr->numEntries;
    if (stackPtr->num + n > stackPtr->cap) {
	size_t cap = (stackPtr->num + n) * 2;
	Namespace **items = realloc(stackPtr->items, cap * sizeof(Namespace *));

	if (items == NULL) {
	    return -1;
	}
	stackPtr->items = items;
	stackPtr->cap = cap;
    }
    i = n;
    for (hPtr = Tcl_FirstHashEntry(tablePtr, &search); hPtr != NULL && i > 0;
	    hPtr = Tcl_NextHashEntry(&search)) {
	stackPtr->items[stackPtr->num + --i] = Tcl_GetHashValue(hPtr);
    }
    stackPtr->num += n;
    return 0;
}

/*
 * WalkOneNamespace --
 *
 *	Count one namespace, its commands and variables. tkleak's own
 *	namespace is skipped whole; a TclOO object's namespace is part of
 *	the object, so it is neither a namespace row nor a source of command
 *	rows, but its variables are still variables. Returns 1 when the
 *	namespace's children are to be walked too, else 0.
 */

static int
WalkOneNamespace(
    TkleakCollect *ctxPtr,
    Namespace *nsPtr)
{
    TkleakState *statePtr = ctxPtr->statePtr;
    int isObject;

    if ((nsPtr->flags & (NS_DYING | NS_DEAD | NS_KILLED))
	    || TkleakIsOwnNamespace(nsPtr->fullName) || ctxPtr->failed) {
	return 0;
    }
    isObject = (statePtr->objNsProc != NULL
	    && nsPtr->earlyDeleteProc == statePtr->objNsProc);
    if (!isObject) {
	Tcl_HashEntry **entries;
	int n = nsPtr->cmdTable.numEntries, i;
	size_t prefixLen = 0;

	TkleakAddFixed(ctxPtr, TT_NAMESPACE, nsPtr->fullName,
		strlen(nsPtr->fullName),
		TkleakNamespaceBytes(strlen(nsPtr->fullName)));
	if (ctxPtr->worker && (prefixLen = NamePrefix(ctxPtr, nsPtr)) == 0) {
	    return 0;
	}
	entries = Entries(ctxPtr, &nsPtr->cmdTable);
	if (ctxPtr->failed) {
	    return 0;
	}

	/*
	 * Commands, procs and proc bodies are separate allocations spread
	 * over the heap: fetch them a few commands ahead, so the cache
	 * misses overlap instead of following each other.
	 */

	for (i = 0; i < n; i++) {
	    Command *cmdPtr = Tcl_GetHashValue(entries[i]);
	    size_t bodyLen = 0;

	    if (i + 12 < n) {
		__builtin_prefetch(Tcl_GetHashValue(entries[i + 12]));
	    }
	    if (i + 8 < n) {
		Command *aheadPtr = Tcl_GetHashValue(entries[i + 8]);

		if (aheadPtr->objProc == statePtr->procProc) {
		    __builtin_prefetch(aheadPtr->objClientData);
		}
	    }
	    if (i + 4 < n) {
		Command *aheadPtr = Tcl_GetHashValue(entries[i + 4]);

		if (aheadPtr->objProc == statePtr->procProc
			&& aheadPtr->objClientData != NULL) {
		    __builtin_prefetch(
			    ((Proc *) aheadPtr->objClientData)->bodyPtr);
		}
	    }
	    if (i + 2 < n) {
		Command *aheadPtr = Tcl_GetHashValue(entries[i + 2]);
		Proc *procPtr = aheadPtr->objClientData;

		/*
		 * The bytecode's header and size (TkleakProcBytes).
		 */

		if (aheadPtr->objProc == statePtr->procProc && procPtr != NULL
			&& procPtr->bodyPtr != NULL
			&& procPtr->bodyPtr->internalRep.twoPtrValue.ptr1
			    != NULL) {
		    __builtin_prefetch((char *)
			    procPtr->bodyPtr->internalRep.twoPtrValue.ptr1 - 16);
		}
	    }
	    if (cmdPtr->objProc == statePtr->procProc
		    && cmdPtr->objClientData != NULL) {
		bodyLen = TkleakProcBytes((Tcl_Command) cmdPtr);
	    }
	    if (cmdPtr->tracePtr != NULL) {
		const char *name = Tcl_GetHashKey(&nsPtr->cmdTable,
			entries[i]);

		TkleakNoteTraced(ctxPtr, 'c', nsPtr->fullName,
			strlen(nsPtr->fullName), name, strlen(name));
	    }
	    if (ctxPtr->worker) {
		WorkerCommand(ctxPtr, nsPtr, entries[i], prefixLen, bodyLen);
	    } else {
		TkleakCountCommand(ctxPtr, (Tcl_Command) cmdPtr,
			cmdPtr->objProc, nsPtr->fullName,
			Tcl_GetHashKey(&nsPtr->cmdTable, entries[i]), bodyLen);
	    }
	}
    }
    WalkVars(ctxPtr, nsPtr);
    return !ctxPtr->failed;
}

/*
 * WalkNamespace --
 *
 *	Count NSPTR (WalkOneNamespace) and, when RECURSE is set, the
 *	namespaces below it, depth first with each namespace's children in
 *	hash order: a namespace's own rows come before those of its first
 *	child and all of that child's descendants, then the second child's.
 *	The pending namespaces are kept on a heap stack (NsStack), so the
 *	depth of the tree costs no C stack.
 */

static void
WalkNamespace(
    TkleakCollect *ctxPtr,
    Namespace *nsPtr,
    int recurse)
{
    NsStack stack = {NULL, 0, 0};

    if (!WalkOneNamespace(ctxPtr, nsPtr) || !recurse) {
	return;
    }
    if (PushChildren(&stack, nsPtr) != 0) {
	ctxPtr->failed = 1;
    }
    while (stack.num > 0 && !ctxPtr->failed) {
	Namespace *childPtr = stack.items[--stack.num];

	if (WalkOneNamespace(ctxPtr, childPtr)
		&& PushChildren(&stack, childPtr) != 0) {
	    ctxPtr->failed = 1;
	}
    }
    free(stack.items);
}

/*
 * WalkParts --
 *
 *	Take the parts of SPLITPTR one after another, until none is left,
 *	and walk their children of the global namespace.
 */

static void
WalkParts(
    NsSplit *splitPtr)
{
    int k, i;

    while ((k = __atomic_fetch_add(&splitPtr->next, 1, __ATOMIC_RELAXED))
	    < splitPtr->numParts) {
	NsWorker *partPtr = &splitPtr->parts[k];

	for (i = partPtr->first; i < partPtr->last && !partPtr->ctx.failed;
		i++) {
	    WalkNamespace(&partPtr->ctx, partPtr->children[i], 1);
	}
    }
}

static void *
NsWorkerProc(
    void *clientData)
{
    WalkParts(clientData);
    return NULL;
}

/*
 * Weight --
 *
 *	The commands and variables of NSPTR and the namespaces below it:
 *	what walking it costs, roughly.
 */

static size_t
Weight(
    Namespace *nsPtr)
{
    NsStack stack = {NULL, 0, 0};
    size_t weight = 1 + nsPtr->cmdTable.numEntries
	    + nsPtr->varTable.table.numEntries;

    /*
     * Short of memory, the weight of what could be reached is enough:
     * it only shares out the work.
     */

    if (PushChildren(&stack, nsPtr) == 0) {
	while (stack.num > 0) {
	    Namespace *childPtr = stack.items[--stack.num];

	    weight += 1 + childPtr->cmdTable.numEntries
		    + childPtr->varTable.table.numEntries;
	    if (PushChildren(&stack, childPtr) != 0) {
		break;
	    }
	}
    }
    free(stack.items);
    return weight;
}

void
TkleakWalkNamespaces(
    TkleakCollect *ctxPtr)
{
    WalkNamespace(ctxPtr, (Namespace *) Tcl_GetGlobalNamespace(ctxPtr->interp),
	    1);
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakWalkNamespacesStart --
 *
 *	Start the namespace worker on the parts of the namespaces below the
 *	global one, when the census is likely large enough to gain by it
 *	(the last one counted at least TKLEAK_THREAD_MIN objects), no
 *	reference index is being filled, the process may run on two cores,
 *	and a thread can be made.
 *
 * Results:
 *	A handle to pass to TkleakWalkNamespacesFinish, or NULL: the caller
 *	walks all namespaces itself (TkleakWalkNamespaces).
 *
 * Side effects:
 *	A thread that reads the interpreter's namespaces until the finish.
 *	Until then the caller must keep to what the notes above allow.
 *
 *----------------------------------------------------------------------
 */

void *
TkleakWalkNamespacesStart(
    TkleakCollect *ctxPtr)
{
    TkleakState *statePtr = ctxPtr->statePtr;
    Namespace *globalPtr = (Namespace *)
	    Tcl_GetGlobalNamespace(ctxPtr->interp);
    Tcl_HashTable *childTablePtr;
    Tcl_HashSearch search;
    Tcl_HashEntry *hPtr;
    NsSplit *splitPtr;
    size_t *weights, total = 0, sum = 0;
    int i, n = 0, m, p, failed = 0;

    if (ctxPtr->refsPtr != NULL || statePtr->lastObjects < TKLEAK_THREAD_MIN) {
	return NULL;
    }
#ifdef __linux__
    {
	cpu_set_t cpus;

	if (sched_getaffinity(0, sizeof(cpus), &cpus) == 0
		&& CPU_COUNT(&cpus) < 2) {
	    return NULL;		/* One core: a thread only costs. */
	}
    }
#endif
#ifndef BREAK_NAMESPACE_COMPAT
    childTablePtr = &globalPtr->childTable;
#else
    childTablePtr = globalPtr->childTablePtr;
    if (childTablePtr == NULL) {
	return NULL;
    }
#endif
    splitPtr = calloc(1, sizeof(NsSplit));
    if (splitPtr == NULL) {
	return NULL;
    }
    splitPtr->children = malloc((childTablePtr->numEntries + 1)
	    * (sizeof(Namespace *) + sizeof(size_t)));
    if (splitPtr->children == NULL) {
	free(splitPtr);
	return NULL;
    }
    weights = (size_t *) (splitPtr->children + childTablePtr->numEntries + 1);
    for (hPtr = Tcl_FirstHashEntry(childTablePtr, &search); hPtr != NULL;
	    hPtr = Tcl_NextHashEntry(&search)) {
	splitPtr->children[n] = Tcl_GetHashValue(hPtr);
	weights[n] = Weight(splitPtr->children[n]);
	total += weights[n++];
    }

    /*
     * Runs of children of about TOTAL / NUM_PARTS each.
     */

    for (p = 0, i = 0; p < NUM_PARTS && i < n; p++) {
	NsWorker *partPtr = &splitPtr->parts[p];
	size_t target = total * (size_t) (p + 1) / NUM_PARTS;

	partPtr->ctx.statePtr = statePtr;
	partPtr->ctx.worker = 1;
	partPtr->ctx.censusPtr = TkleakCensusNew();
	for (m = 0; m < TT_COUNT; m++) {
	    partPtr->ctx.fixed[m] = -1;
	}
	partPtr->children = splitPtr->children;
	partPtr->first = i;
	do {
	    sum += weights[i++];
	} while (i < n && (p == NUM_PARTS - 1 || sum < target));
	partPtr->last = i;
	if (partPtr->ctx.censusPtr == NULL) {
	    failed = 1;
	}
    }
    splitPtr->numParts = p;

    /*
     * One part may hold nearly everything (all procs in one namespace):
     * then the other thread has little to do while it is walked, and a
     * thread only costs. So it does when the namespaces hold little at
     * all, however large the census: pending after events, for one, are
     * counted by the main thread after the join.
     */

    for (p = 0, sum = 0; p < splitPtr->numParts; p++) {
	size_t weight = 0;

	for (i = splitPtr->parts[p].first; i < splitPtr->parts[p].last; i++) {
	    weight += weights[i];
	}
	sum = weight > sum ? weight : sum;
    }
    if (statePtr->lastObjects < sum + TKLEAK_THREAD_MIN / 4
	    || total < TKLEAK_THREAD_MIN / 4) {
	failed = 1;
    }
    if (failed || n == 0
	    || pthread_create(&splitPtr->thread, NULL, NsWorkerProc,
		splitPtr) != 0) {
	for (p = 0; p < splitPtr->numParts; p++) {
	    TkleakCensusFree(splitPtr->parts[p].ctx.censusPtr);
	}
	free(splitPtr->children);
	free(splitPtr);
	return NULL;
    }
    return splitPtr;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakWalkGlobalNamespace --
 *
 *	Count the global namespace's own commands and variables, not its
 *	children (the parts').
 *
 *----------------------------------------------------------------------
 */

void
TkleakWalkGlobalNamespace(
    TkleakCollect *ctxPtr)
{
    WalkNamespace(ctxPtr, (Namespace *) Tcl_GetGlobalNamespace(ctxPtr->interp),
	    0);
}

/*
 * MergePart --
 *
 *	Count what one part found into the census, in the order of the
 *	serial walk; if the part gave up, walk its children here instead.
 *	The part is emptied.
 */

static void
MergePart(
    TkleakCollect *ctxPtr,
    NsWorker *partPtr)
{
    TkleakCensus *censusPtr = partPtr->ctx.censusPtr;
    size_t t, d = 0;
    int i;

    if (partPtr->ctx.failed) {
	for (i = partPtr->first; i < partPtr->last; i++) {
	    WalkNamespace(ctxPtr, partPtr->children[i], 1);
	}
    } else {
	TkleakCensusAdoptArena(ctxPtr->censusPtr, censusPtr);
	for (t = 0; t <= censusPtr->numTypes; t++) {
	    while (d < partPtr->numDeferred
		    && partPtr->deferred[d].numTypes <= t) {
		Deferred *dPtr = &partPtr->deferred[d++];
		Command *cmdPtr = Tcl_GetHashValue(dPtr->hPtr);

		TkleakCountCommand(ctxPtr, (Tcl_Command) cmdPtr,
			cmdPtr->objProc, dPtr->nsPtr->fullName,
			Tcl_GetHashKey(&dPtr->nsPtr->cmdTable, dPtr->hPtr), 0);
	    }
	    if (t < censusPtr->numTypes && !ctxPtr->failed
		    && TkleakCensusAppendType(ctxPtr->censusPtr,
			&censusPtr->types[t]) != 0) {
		ctxPtr->failed = 1;
	    }
	}
    }
    if (!partPtr->ctx.failed) {
	size_t pos = 0, len;

	while (pos < partPtr->ctx.tracedLen) {
	    const char *entry = partPtr->ctx.traced + pos;

	    len = strlen(entry + 1);
	    TkleakNoteTraced(ctxPtr, entry[0], entry + 1, len, NULL, 0);
	    pos += len + 2;
	}
    }
    TkleakCensusFree(censusPtr);
    free(partPtr->deferred);
    free(partPtr->ctx.entries);
    free(partPtr->ctx.nameBuf);
    free(partPtr->ctx.traced);
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakWalkNamespacesFinish --
 *
 *	Take parts of the namespaces below the global one until none is
 *	left, wait for the worker, and count what both found into the
 *	census, in the order of the serial walk (see the notes above).
 *
 * Side effects:
 *	The handle is freed.
 *
 *----------------------------------------------------------------------
 */

void
TkleakWalkNamespacesFinish(
    TkleakCollect *ctxPtr,
    void *handle)
{
    NsSplit *splitPtr = handle;
    int p;

    WalkParts(splitPtr);
    pthread_join(splitPtr->thread, NULL);
    for (p = 0; p < splitPtr->numParts; p++) {
	MergePart(ctxPtr, &splitPtr->parts[p]);
    }
    free(splitPtr->children);
    free(splitPtr);
}

/*
 * TkleakWalkHasFrames --
 *
 *	Whether the interpreter has frame information to show: "info
 *	frame" reads the current command frame without checking it, and a
 *	command called straight from C (tkinter's Tkapp_Call) has none.
 */

int
TkleakWalkHasFrames(
    Tcl_Interp *interp)
{
    return ((Interp *) interp)->cmdFramePtr != NULL;
}

Tcl_Class
TkleakWalkObjectClass(
    Tcl_Object object)
{
    return (Tcl_Class) ((Object *) object)->selfCls;
}

Tcl_NamespaceDeleteProc *
TkleakWalkNsEarlyDelete(
    Tcl_Namespace *nsPtr)
{
    return ((Namespace *) nsPtr)->earlyDeleteProc;
}

/*
 * TkleakWalkVarFullName --
 *
 *	The fully qualified name of the variable NAMEPTR names where the
 *	calling script stands (for "trace add variable z" inside "namespace
 *	eval ns", ::ns::z), so that a recorded trace slot can be asked about
 *	from any frame; an array element keeps its index. The name is
 *	looked up as Tcl looks it up in the caller's frame (TclLookupVar,
 *	which follows "variable", "global" and "upvar" links, and creates
 *	nothing); a name that is a proc's own local, or names no variable,
 *	is kept as written, and so is every name in the public build. Only
 *	the name's string is read.
 *
 * Results:
 *	An object with one reference, which the caller releases.
 */

Tcl_Obj *
TkleakWalkVarFullName(
    Tcl_Interp *interp,
    Tcl_Obj *namePtr)
{
    int len;
    const char *name = Tcl_GetStringFromObj(namePtr, &len);
    const char *open = strchr(name, '(');
    Tcl_DString ds;
    Var *varPtr, *arrayPtr = NULL;
    Tcl_Obj *fullPtr = NULL;

    if (open == NULL || len == 0 || name[len - 1] != ')') {
	open = NULL;
    }
    Tcl_DStringInit(&ds);
    Tcl_DStringAppend(&ds, name, open ? (int) (open - name) : len);
    varPtr = TclLookupVar(interp, Tcl_DStringValue(&ds), NULL, 0, NULL,
	    0, 0, &arrayPtr);
    Tcl_DStringFree(&ds);
    if (varPtr != NULL) {
	fullPtr = Tcl_NewObj();
	Tcl_GetVariableFullName(interp, (Tcl_Var) varPtr, fullPtr);
	if (strncmp(Tcl_GetString(fullPtr), "::", 2) != 0) {
	    Tcl_DecrRefCount(fullPtr);	/* A local: no namespace. */
	    fullPtr = NULL;
	} else if (open != NULL) {
	    Tcl_AppendToObj(fullPtr, open, -1);
	}
    }
    if (fullPtr == NULL) {
	fullPtr = Tcl_NewStringObj(name, len);
    }
    Tcl_IncrRefCount(fullPtr);
    return fullPtr;
}

/*
 * TkleakWalkProcProc --
 *
 *	The command procedure of every proc, from Tcl's own internal stubs:
 *	no proc is made for it, so no "proc" command is evaluated.
 */

Tcl_ObjCmdProc *
TkleakWalkProcProc(void)
{
    return TclGetObjInterpProc();
}

/*
 * AddDefaultTags --
 *
 *	The bind tags Tk uses for a window that has no "bindtags" of its
 *	own: its path, its class, its toplevel, and "all".
 */

static void
AddDefaultTags(
    TkleakCollect *ctxPtr,
    TkWindow *winPtr)
{
    TkWindow *topPtr;

    /*
     * The window's own path is not added: every counted window's
     * bindings are collected anyway (CollectBindings).
     */

    if (winPtr->classUid) {
	TkleakAddTag(ctxPtr, winPtr->classUid);
    }
    for (topPtr = winPtr; topPtr && !(topPtr->flags & TK_TOP_HIERARCHY);
	    topPtr = topPtr->parentPtr) {
	/* Empty. */
    }
    if (topPtr && topPtr != winPtr && topPtr->pathName) {
	TkleakAddTag(ctxPtr, topPtr->pathName);
    }
}

/*
 * FormatInt --
 *
 *	Decimal digits of N >= 0 into BUF (at least 12 bytes), faster than
 *	snprintf for the many menu entries and canvas items of a census.
 */

static char *
FormatInt(
    int n,
    char *buf)
{
    char tmp[12];
    int i = 0, j = 0;

    do {
	tmp[i++] = (char) ('0' + n % 10);
	n /= 10;
    } while (n > 0 && i < 11);
    while (i > 0) {
	buf[j++] = tmp[--i];
    }
    buf[j] = '\0';
    return buf;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakWalkWindows --
 *
 *	Count every live window of MAINWIN's application from Tk's path
 *	table, the bind tags they use, and the entries of menus and items of
 *	canvases (recognised by Tk's own class procs, never by class name,
 *	so a frame made with -class Canvas is not misread).
 *
 *----------------------------------------------------------------------
 */

void
TkleakWalkWindows(
    TkleakCollect *ctxPtr,
    Tk_Window mainWin)
{
    TkleakState *statePtr = ctxPtr->statePtr;
    TkMainInfo *mainInfoPtr = ((TkWindow *) mainWin)->mainPtr;
    Tcl_HashEntry **entries = Entries(ctxPtr, &mainInfoPtr->nameTable);
    int n = ctxPtr->failed ? 0 : mainInfoPtr->nameTable.numEntries, k;
    char num[TCL_INTEGER_SPACE];
    const char *argv[2];

    for (k = 0; k < n; k++) {
	TkWindow *winPtr = Tcl_GetHashValue(entries[k]);
	int i;

	if (k + 8 < n) {
	    TkWindow *aheadPtr = Tcl_GetHashValue(entries[k + 8]);

	    __builtin_prefetch(&aheadPtr->flags);
	    __builtin_prefetch(&aheadPtr->pathName);
	    __builtin_prefetch(&aheadPtr->tagPtr);
	    __builtin_prefetch(&aheadPtr->instanceData);
	}
	if (k + 4 < n) {
	    TkWindow *aheadPtr = Tcl_GetHashValue(entries[k + 4]);

	    /*
	     * The allocator's header of the widget's record, which sizes it
	     * (TkleakWindowBytes).
	     */

	    if (aheadPtr->instanceData != NULL) {
		__builtin_prefetch((char *) aheadPtr->instanceData - 16);
	    }
	}

	if ((winPtr->flags & TK_ALREADY_DEAD) || winPtr->pathName == NULL) {
	    continue;
	}
	if (!TkleakCountWindow(ctxPtr, (Tk_Window) winPtr)) {
	    continue;
	}
	if (winPtr->numTags > 0) {
	    for (i = 0; i < winPtr->numTags; i++) {
		const char *tag = (const char *) winPtr->tagPtr[i];

		if (strcmp(tag, winPtr->pathName) != 0) {
		    TkleakAddTag(ctxPtr, tag);
		}
	    }
	} else {
	    AddDefaultTags(ctxPtr, winPtr);
	}
	if (winPtr->instanceData == NULL) {
	    continue;
	}
	argv[0] = winPtr->pathName;
	argv[1] = num;
	if (statePtr->menuClassProcs
		&& (const void *) winPtr->classProcsPtr == statePtr->menuClassProcs) {
	    TkMenu *menuPtr = winPtr->instanceData;

	    for (i = 0; i < menuPtr->numEntries; i++) {
		char *id, buf[200];

		FormatInt(i, num);
		id = TkleakJoinPair(argv[0], num, buf, sizeof(buf));
		TkleakAddFixed(ctxPtr, TT_MENU_ENTRY, id, strlen(id),
			TkleakHeldBytes(menuPtr->entries[i],
			    sizeof(TkMenuEntry)));
		if (id != buf) {
		    Tcl_Free(id);
		}
	    }
	} else if (statePtr->canvasClassProcs
		&& (const void *) winPtr->classProcsPtr == statePtr->canvasClassProcs) {
	    TkCanvas *canvasPtr = winPtr->instanceData;
	    Tk_Item *itemPtr;

	    for (itemPtr = canvasPtr->firstItemPtr; itemPtr;
		    itemPtr = itemPtr->nextPtr) {
		char *id, buf[200];

		FormatInt(itemPtr->id, num);
		id = TkleakJoinPair(argv[0], num, buf, sizeof(buf));
		TkleakAddFixed(ctxPtr, TT_CANVAS_ITEM, id, strlen(id),
			TkleakHeldBytes(itemPtr, itemPtr->typePtr
			    ? (size_t) itemPtr->typePtr->itemSize : 64));
		if (id != buf) {
		    Tcl_Free(id);
		}
	    }
	}
    }
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakWalkIsMenu, TkleakWalkIsCanvas --
 *
 *	Whether TKWIN is one of Tk's menus or canvases, by class procs
 *	(learned from TKWIN itself when not known yet).
 *
 *----------------------------------------------------------------------
 */

int
TkleakWalkIsMenu(
    TkleakState *statePtr,
    Tk_Window tkwin)
{
    if (statePtr->menuClassProcs == NULL) {
	TkleakWalkLearnClass(statePtr, tkwin);
    }
    return statePtr->menuClassProcs != NULL
	    && (const void *) ((TkWindow *) tkwin)->classProcsPtr
		== statePtr->menuClassProcs
	    && ((TkWindow *) tkwin)->instanceData != NULL;
}

int
TkleakWalkIsCanvas(
    TkleakState *statePtr,
    Tk_Window tkwin)
{
    if (statePtr->canvasClassProcs == NULL) {
	TkleakWalkLearnClass(statePtr, tkwin);
    }
    return statePtr->canvasClassProcs != NULL
	    && (const void *) ((TkWindow *) tkwin)->classProcsPtr
		== statePtr->canvasClassProcs
	    && ((TkWindow *) tkwin)->instanceData != NULL;
}

/*
 * TkleakWalkMenuRefs --
 *
 *	Index a menu's entry slots from its entry records.
 */

void
TkleakWalkMenuRefs(
    TkleakCollect *ctxPtr,
    Tk_Window tkwin)
{
    TkMenu *menuPtr = ((TkWindow *) tkwin)->instanceData;
    const char *path = Tk_PathName(tkwin);
    int i;

    for (i = 0; i < menuPtr->numEntries; i++) {
	TkMenuEntry *entryPtr = menuPtr->entries[i];

	if (entryPtr->type == TEAROFF_ENTRY
		|| entryPtr->type == SEPARATOR_ENTRY) {
	    continue;
	}
	TkleakRefsMenuEntry(ctxPtr, path, i, "-command", entryPtr->commandPtr);
	TkleakRefsMenuEntry(ctxPtr, path, i, "-image", entryPtr->imagePtr);
	TkleakRefsMenuEntry(ctxPtr, path, i, "-selectimage",
		entryPtr->selectImagePtr);
	if (entryPtr->type == CASCADE_ENTRY) {
	    TkleakRefsMenuEntry(ctxPtr, path, i, "-menu", entryPtr->namePtr);
	}
    }
}

/*
 * The binding walk.
 *
 * Tk keeps its bindings in a BindingTable whose records are private to
 * tkBind.c (not in tkInt.h). The mirrors below declare, field by field,
 * the layout those records have in Tk 8.6.11 to 8.6.18 (read from
 * tkBind.c of each release; 8.6.10 and older differ): only the fields
 * the walk reads and those that fix their offsets. They are used only
 * when the running Tk is in that range and BindWalkSelfTest has found a
 * binding of tkleak's own through them (BindWalkUsable); otherwise
 * collect.c asks Tk through Tk_GetAllBindings and Tk_GetBinding.
 *
 * The identity of a binding is its sequence as "bind TAG" lists it,
 * which Tk renders from the sequence's patterns. The walk never renders
 * one itself: the first time it meets a pattern sequence of some
 * content, it asks Tk_GetAllBindings for the object's list, whose order
 * is that of the object's chain, and keeps each text in the sequence
 * cache (by content, so the 9,000 buttons bound to <Enter> share one
 * entry). It also asks Tk_GetBinding whether that text finds the very
 * same record again; when it does not (a keysym with no name renders as
 * plain <Key>), the entry is marked, and every binding of that content
 * is then looked up by its text, as the public path does, so the answers
 * stay the same.
 */

typedef struct {			/* Tk's Event. */
    XEvent xev;
    union {
	KeySym info;
	Tk_Uid name;
    } detail;
    unsigned countAny;
    unsigned countDetailed;
} MirrorEvent;

typedef struct {			/* Tk's LookupTables. */
    Tcl_HashTable patternTable;
    Tcl_HashTable listTable;
    void *poolFirst;
    void *poolLast;
    unsigned number;
} MirrorLookupTables;

typedef struct {			/* Tk's BindingTable. */
    MirrorEvent eventInfo[TK_LASTEVENT];
    void *promArr;
    MirrorEvent *curEvent;
    unsigned curModMask;
    MirrorLookupTables lookupTables;
    Tcl_HashTable objectTable;	/* Object -> its newest PatSeq. */
    Tcl_Interp *interp;
} MirrorBindingTable;

typedef struct {			/* Tk's TkPattern. */
    unsigned eventType;
    unsigned count;
    unsigned modMask;
    KeySym info;
    Tk_Uid name;
} MirrorPattern;

typedef struct MirrorPatSeq {		/* Tk's PatSeq. */
    unsigned numPats;
    unsigned count;
    unsigned number;
    unsigned added:1;
    unsigned modMaskUsed:1;
    char *script;			/* NULL for a sequence being made. */
    Tcl_Obj *object;			/* The object (tag) it is bound to. */
    struct MirrorPatSeq *nextSeqPtr;
    Tcl_HashEntry *hPtr;
    union {
	void *owners;
	struct MirrorPatSeq *nextObj;	/* Next of the same object. */
    } ptr;
    MirrorPattern pats[1];		/* NUMPATS of them. */
} MirrorPatSeq;

/*
 * One entry of the sequence cache: the text "bind TAG" shows for pattern
 * sequences of this content.
 */

typedef struct SeqEntry {
    struct SeqEntry *nextPtr;		/* Next in its bucket. */
    size_t hash;
    int safe;				/* The text finds this content again. */
    int plain;				/* The text needs no quoting in a list. */
    char *text;				/* Owned. */
    size_t len;
    unsigned numPats;
    MirrorPattern pats[1];		/* NUMPATS copies, fields compared. */
} SeqEntry;

typedef struct SeqCache {
    SeqEntry **buckets;
    size_t mask;			/* Buckets - 1, a power of two - 1. */
    size_t numEntries;
    SeqEntry *lastPtr;			/* The last entry found. */
} SeqCache;

#define BIND_WALK_UNTESTED 0
#define BIND_WALK_OK 1
#define BIND_WALK_NO 2

static size_t
SeqHash(
    const MirrorPatSeq *psPtr)
{
    size_t h = 14695981039346656037u ^ psPtr->numPats;
    unsigned i;

    for (i = 0; i < psPtr->numPats; i++) {
	const MirrorPattern *p = &psPtr->pats[i];

	h = (h ^ p->eventType) * 1099511628211u;
	h = (h ^ p->count) * 1099511628211u;
	h = (h ^ p->modMask) * 1099511628211u;
	h = (h ^ (size_t) p->info) * 1099511628211u;
	h = (h ^ (size_t) (uintptr_t) p->name) * 1099511628211u;
    }
    return h;
}

static int
SeqSame(
    const SeqEntry *entryPtr,
    const MirrorPatSeq *psPtr)
{
    unsigned i;

    if (entryPtr->numPats != psPtr->numPats) {
	return 0;
    }
    for (i = 0; i < psPtr->numPats; i++) {
	const MirrorPattern *a = &entryPtr->pats[i], *b = &psPtr->pats[i];

	if (a->eventType != b->eventType || a->count != b->count
		|| a->modMask != b->modMask || a->info != b->info
		|| a->name != b->name) {
	    return 0;
	}
    }
    return 1;
}

/*
 * SeqFind --
 *
 *	The cache entry for PSPTR's content, or NULL.
 */

static SeqEntry *
SeqFind(
    SeqCache *cachePtr,
    const MirrorPatSeq *psPtr)
{
    SeqEntry *entryPtr = cachePtr->lastPtr;
    size_t hash;

    if (entryPtr != NULL && SeqSame(entryPtr, psPtr)) {
	return entryPtr;
    }
    if (cachePtr->buckets == NULL) {
	return NULL;
    }
    hash = SeqHash(psPtr);
    for (entryPtr = cachePtr->buckets[hash & cachePtr->mask]; entryPtr;
	    entryPtr = entryPtr->nextPtr) {
	if (entryPtr->hash == hash && SeqSame(entryPtr, psPtr)) {
	    cachePtr->lastPtr = entryPtr;
	    return entryPtr;
	}
    }
    return NULL;
}

/*
 * SeqAdd --
 *
 *	Add an entry for PSPTR's content with the text TEXT (copied).
 */

static void
SeqAdd(
    SeqCache *cachePtr,
    const MirrorPatSeq *psPtr,
    const char *text,
    size_t len,
    int safe)
{
    SeqEntry *entryPtr;
    size_t i;

    if (cachePtr->numEntries + 1 > (cachePtr->mask + 1) / 2) {
	size_t size = cachePtr->buckets ? (cachePtr->mask + 1) * 2 : 64;
	SeqEntry **buckets = (SeqEntry **) Tcl_Alloc(size * sizeof(SeqEntry *));

	memset(buckets, 0, size * sizeof(SeqEntry *));
	if (cachePtr->buckets != NULL) {
	    for (i = 0; i <= cachePtr->mask; i++) {
		SeqEntry *nextPtr;

		for (entryPtr = cachePtr->buckets[i]; entryPtr;
			entryPtr = nextPtr) {
		    nextPtr = entryPtr->nextPtr;
		    entryPtr->nextPtr = buckets[entryPtr->hash & (size - 1)];
		    buckets[entryPtr->hash & (size - 1)] = entryPtr;
		}
	    }
	    Tcl_Free((char *) cachePtr->buckets);
	}
	cachePtr->buckets = buckets;
	cachePtr->mask = size - 1;
    }
    entryPtr = (SeqEntry *) Tcl_Alloc(offsetof(SeqEntry, pats)
	    + psPtr->numPats * sizeof(MirrorPattern));
    entryPtr->hash = SeqHash(psPtr);
    entryPtr->safe = safe;
    entryPtr->plain = (len > 0 && strpbrk(text, TKLEAK_LIST_SPECIALS) == NULL);
    entryPtr->text = Tcl_Alloc(len + 1);
    memcpy(entryPtr->text, text, len + 1);
    entryPtr->len = len;
    entryPtr->numPats = psPtr->numPats;
    for (i = 0; i < psPtr->numPats; i++) {
	entryPtr->pats[i] = psPtr->pats[i];
    }
    entryPtr->nextPtr = cachePtr->buckets[entryPtr->hash & cachePtr->mask];
    cachePtr->buckets[entryPtr->hash & cachePtr->mask] = entryPtr;
    cachePtr->numEntries++;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakWalkFree --
 *
 *	Free what walk.c keeps in STATEPTR across censuses (the sequence
 *	cache).
 *
 *----------------------------------------------------------------------
 */

void
TkleakWalkFree(
    TkleakState *statePtr)
{
    SeqCache *cachePtr = statePtr->seqCache;
    size_t i;

    if (cachePtr == NULL) {
	return;
    }
    if (cachePtr->buckets != NULL) {
	for (i = 0; i <= cachePtr->mask; i++) {
	    SeqEntry *entryPtr, *nextPtr;

	    for (entryPtr = cachePtr->buckets[i]; entryPtr;
		    entryPtr = nextPtr) {
		nextPtr = entryPtr->nextPtr;
		Tcl_Free(entryPtr->text);
		Tcl_Free((char *) entryPtr);
	    }
	}
	Tcl_Free((char *) cachePtr->buckets);
    }
    Tcl_Free((char *) cachePtr);
    statePtr->seqCache = NULL;
}

/*
 * ChainStart --
 *
 *	The newest pattern sequence bound to OBJECT, or NULL.
 */

static MirrorPatSeq *
ChainStart(
    Tk_BindingTable table,
    ClientData object)
{
    Tcl_HashEntry *hPtr = Tcl_FindHashEntry(
	    &((MirrorBindingTable *) table)->objectTable, (char *) object);

    return hPtr ? (MirrorPatSeq *) Tcl_GetHashValue(hPtr) : NULL;
}

/*
 * LearnObject --
 *
 *	Put the text of each of OBJECT's sequences into the sequence cache,
 *	from Tk_GetAllBindings.
 *
 * Results:
 *	TCL_OK, or TCL_ERROR when Tk's list does not match the chain (the
 *	caller then takes the public path for this object).
 *
 * Side effects:
 *	The interpreter's result is reset.
 */

static int
LearnObject(
    Tcl_Interp *interp,
    SeqCache *cachePtr,
    Tk_BindingTable table,
    ClientData object)
{
    Tcl_Obj *listPtr, **seqv;
    MirrorPatSeq *psPtr;
    int seqc, i, code = TCL_OK;

    Tcl_ResetResult(interp);
    Tk_GetAllBindings(interp, table, object);
    listPtr = Tcl_GetObjResult(interp);
    Tcl_IncrRefCount(listPtr);
    Tcl_ResetResult(interp);
    if (Tcl_ListObjGetElements(NULL, listPtr, &seqc, &seqv) != TCL_OK) {
	Tcl_DecrRefCount(listPtr);
	return TCL_ERROR;
    }
    for (psPtr = ChainStart(table, object), i = 0; psPtr && i < seqc;
	    psPtr = psPtr->ptr.nextObj, i++) {
	/* Check first: the list must be as long as the chain. */
    }
    if (psPtr != NULL || i != seqc) {
	code = TCL_ERROR;
    }
    for (psPtr = ChainStart(table, object), i = 0; code == TCL_OK && psPtr;
	    psPtr = psPtr->ptr.nextObj, i++) {
	int len;
	const char *text = Tcl_GetStringFromObj(seqv[i], &len);
	const char *script;

	if (SeqFind(cachePtr, psPtr) != NULL) {
	    continue;
	}
	script = Tk_GetBinding(interp, table, object, text);
	Tcl_ResetResult(interp);
	SeqAdd(cachePtr, psPtr, text, (size_t) len,
		script != NULL && script == psPtr->script);
    }
    Tcl_DecrRefCount(listPtr);
    return code;
}

/*
 * BindWalkSelfTest --
 *
 *	Whether the mirrors describe the running Tk: binds two sequences of
 *	a tag of tkleak's own through Tk's API, finds them through the
 *	mirrors with the patterns, scripts and texts Tk reports, and deletes
 *	them again.
 */

static int
BindWalkSelfTest(
    Tcl_Interp *interp,
    Tk_BindingTable table)
{
    static const char *const seqs[2] = {
	"<Control-Key-x><Double-Button-1>", "<<TkleakProbe>>"
    };
    static const char *const scripts[2] = {
	"tkleak probe one", "tkleak probe two"
    };
    ClientData object = (ClientData) Tk_GetUid("::tkleak::bindprobe");
    const char *version = Tcl_PkgPresent(interp, "Tk", NULL, 0);
    MirrorPatSeq *virtPtr, *seqPtr;
    int major, minor, patch, ok = 0;
    char extra;

    if (version == NULL || sscanf(version, "%d.%d.%d%c", &major, &minor,
	    &patch, &extra) != 3 || major != 8 || minor != 6
	    || patch < 11 || patch > 18) {
	Tcl_ResetResult(interp);
	return 0;
    }

    /*
     * Before the first lookup calls through the mirrored table's find
     * procedure: the table must look like a table of one-word keys, with
     * the find procedure of one of our own, and the record's last field
     * must be this interpreter.
     */

    {
	MirrorBindingTable *bindPtr = (MirrorBindingTable *) table;
	Tcl_HashTable own;
	int like;

	Tcl_InitHashTable(&own, TCL_ONE_WORD_KEYS);
	like = bindPtr->objectTable.keyType == TCL_ONE_WORD_KEYS
		&& bindPtr->objectTable.findProc == own.findProc
		&& bindPtr->objectTable.createProc == own.createProc
		&& bindPtr->interp == interp;
	Tcl_DeleteHashTable(&own);
	if (!like) {
	    return 0;
	}
    }
    if (ChainStart(table, object) != NULL) {
	return 0;			/* Someone else's use of the tag. */
    }
    if (Tk_CreateBinding(interp, table, object, seqs[0], scripts[0], 0) == 0
	    || Tk_CreateBinding(interp, table, object, seqs[1], scripts[1],
		0) == 0) {
	goto done;
    }

    /*
     * The chain holds the newest first: the virtual event, then the
     * two-pattern sequence, in the order they were written.
     */

    virtPtr = ChainStart(table, object);
    if (virtPtr == NULL || virtPtr->ptr.nextObj == NULL
	    || virtPtr->ptr.nextObj->ptr.nextObj != NULL) {
	goto done;
    }
    seqPtr = virtPtr->ptr.nextObj;
    if (virtPtr->numPats != 1 || virtPtr->pats[0].eventType != VirtualEvent
	    || virtPtr->pats[0].name != Tk_GetUid("TkleakProbe")
	    || (ClientData) virtPtr->object != object
	    || virtPtr->script != Tk_GetBinding(interp, table, object, seqs[1])
	    || virtPtr->script == NULL
	    || strcmp(virtPtr->script, scripts[1]) != 0) {
	goto done;
    }
    if (seqPtr->numPats != 2 || (ClientData) seqPtr->object != object
	    || seqPtr->pats[0].eventType != KeyPress
	    || seqPtr->pats[0].count != 1
	    || seqPtr->pats[0].modMask != ControlMask
	    || seqPtr->pats[0].info != 0x78	/* XK_x */
	    || seqPtr->pats[1].eventType != ButtonPress
	    || seqPtr->pats[1].count != 2
	    || seqPtr->pats[1].modMask != 0
	    || seqPtr->pats[1].info != 1
	    || seqPtr->script != Tk_GetBinding(interp, table, object, seqs[0])
	    || seqPtr->script == NULL
	    || strcmp(seqPtr->script, scripts[0]) != 0) {
	goto done;
    }
    ok = 1;

  done:
    Tk_DeleteAllBindings(table, object);
    Tcl_ResetResult(interp);
    return ok && ChainStart(table, object) == NULL;
}

/*
 * The object map: Tk's objectTable (object -> its newest PatSeq) copied
 * into one open-addressing array for the length of a census, so that the
 * lookups of thousands of tags probe a compact array instead of chasing
 * a chain of Tcl hash entries each.
 */

typedef struct {
    ClientData object;
    MirrorPatSeq *headPtr;
} MapSlot;

static size_t
MapIndex(
    ClientData object,
    size_t mask)
{
    unsigned long long h = (unsigned long long) (uintptr_t) object
	    * 0x9E3779B97F4A7C15ull;

    return (size_t) (h >> 29) & mask;
}

static MirrorPatSeq *
MapFind(
    const MapSlot *map,
    size_t mask,
    ClientData object)
{
    size_t i = MapIndex(object, mask);

    while (map[i].object != NULL) {
	if (map[i].object == object) {
	    return map[i].headPtr;
	}
	i = (i + 1) & mask;
    }
    return NULL;
}

/*
 * CountChain --
 *
 *	Count the bindings of one object whose newest sequence is HEADPTR,
 *	as TkleakWalkBindings describes; falls back to TkleakTagBindings
 *	when the object's texts cannot be learnt.
 */

static void
CountChain(
    TkleakCollect *ctxPtr,
    SeqCache *cachePtr,
    Tk_BindingTable table,
    ClientData object,
    const char *tag,
    MirrorPatSeq *headPtr)
{
    Tcl_Interp *interp = ctxPtr->interp;
    MirrorPatSeq *psPtr;
    size_t tagLen;
    int tagPlain;

    /*
     * Learn the texts first, so that a failure leaves nothing counted.
     */

    for (psPtr = headPtr; psPtr; psPtr = psPtr->ptr.nextObj) {
	if (SeqFind(cachePtr, psPtr) == NULL) {
	    if (LearnObject(interp, cachePtr, table, object) != TCL_OK) {
		TkleakTagBindings(ctxPtr, table, object, tag);
		return;
	    }
	    break;
	}
    }
    tagLen = strlen(tag);
    tagPlain = (tagLen > 0 && tag[0] != '#'
	    && strpbrk(tag, TKLEAK_LIST_SPECIALS) == NULL);
    for (psPtr = headPtr; psPtr; psPtr = psPtr->ptr.nextObj) {
	SeqEntry *entryPtr = SeqFind(cachePtr, psPtr);
	const char *script = psPtr->script;
	char buf[200];
	const char *id;
	size_t idLen;

	if (entryPtr == NULL) {
	    continue;			/* Not reached: learnt above. */
	}
	if (!entryPtr->safe) {
	    script = Tk_GetBinding(interp, table, object, entryPtr->text);
	}
	if (script == NULL) {
	    continue;
	}
	if (tagPlain && entryPtr->plain
		&& tagLen + entryPtr->len + 2 <= sizeof(buf)) {
	    memcpy(buf, tag, tagLen);
	    buf[tagLen] = ' ';
	    memcpy(buf + tagLen + 1, entryPtr->text, entryPtr->len + 1);
	    id = buf;
	    idLen = tagLen + 1 + entryPtr->len;
	} else {
	    id = TkleakJoinPair(tag, entryPtr->text, buf, sizeof(buf));
	    idLen = strlen(id);
	}
	TkleakAddBinding(ctxPtr, tag, entryPtr->text, id, idLen, script);
	if (id != buf) {
	    Tcl_Free((char *) id);
	}
    }
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakWalkBindings --
 *
 *	Count the bindings of the tags in use from Tk's records: the tags
 *	of the counted windows (keyed in TABLE by their path name records),
 *	then the other tags (keyed by Uid), in the order of CollectBindings'
 *	public passes; one "binding" {TAG SEQUENCE} per sequence with a
 *	script, sized by the script's length, with the texts and in the
 *	order of Tk_GetAllBindings.
 *
 * Results:
 *	TCL_OK, or TCL_ERROR when the walk cannot be used (the running Tk
 *	is not one the mirrors describe): nothing was counted then.
 *
 * Side effects:
 *	The first call runs the self-test; the sequence cache grows.
 *
 *----------------------------------------------------------------------
 */

#define AHEAD 8

int
TkleakWalkBindings(
    TkleakCollect *ctxPtr,
    Tk_BindingTable table)
{
    TkleakState *statePtr = ctxPtr->statePtr;
    Tcl_HashTable *objTablePtr = &((MirrorBindingTable *) table)->objectTable;
    Tcl_HashEntry **entries, *hPtr;
    Tcl_HashSearch search;
    MapSlot *map;
    size_t mask, size;
    ClientData *objs;
    const char **tags;
    MirrorPatSeq **heads;
    int n, k, numItems, maxItems;

    if (statePtr->bindWalk == BIND_WALK_UNTESTED) {
	statePtr->bindWalk = BindWalkSelfTest(ctxPtr->interp, table)
		? BIND_WALK_OK : BIND_WALK_NO;
    }
    if (statePtr->bindWalk != BIND_WALK_OK) {
	return TCL_ERROR;
    }
    if (statePtr->seqCache == NULL) {
	statePtr->seqCache = Tcl_Alloc(sizeof(SeqCache));
	memset(statePtr->seqCache, 0, sizeof(SeqCache));
    }

    /*
     * The object map, from the entries of Tk's objectTable.
     */

    for (size = 16; size < (size_t) objTablePtr->numEntries * 2; size *= 2) {
	/* Empty. */
    }
    mask = size - 1;
    map = (MapSlot *) Tcl_Alloc(size * sizeof(MapSlot));
    memset(map, 0, size * sizeof(MapSlot));
    entries = Entries(ctxPtr, objTablePtr);
    n = ctxPtr->failed ? 0 : objTablePtr->numEntries;
    for (k = 0; k < n; k++) {
	ClientData object = (ClientData) entries[k]->key.oneWordValue;
	size_t i = MapIndex(object, mask);

	while (map[i].object != NULL) {
	    i = (i + 1) & mask;
	}
	map[i].object = object;
	map[i].headPtr = Tcl_GetHashValue(entries[k]);
    }

    /*
     * The tags and their objects: each window's path name record is read
     * a few windows ahead.
     */

    maxItems = ctxPtr->widgets.numEntries + ctxPtr->tags.numEntries;
    objs = (ClientData *) Tcl_Alloc((maxItems + 1) * (sizeof(ClientData)
	    + sizeof(const char *) + sizeof(MirrorPatSeq *)));
    tags = (const char **) (objs + maxItems + 1);
    heads = (MirrorPatSeq **) (tags + maxItems + 1);
    entries = Entries(ctxPtr, &ctxPtr->widgets);
    n = ctxPtr->failed ? 0 : ctxPtr->widgets.numEntries;
    numItems = 0;
    for (k = 0; k < n; k++) {
	if (k + AHEAD < n) {
	    __builtin_prefetch(&((TkWindow *)
		    Tcl_GetHashValue(entries[k + AHEAD]))->pathName);
	}
	objs[numItems] = (ClientData) Tk_PathName(
		(Tk_Window) Tcl_GetHashValue(entries[k]));
	tags[numItems++] = Tcl_GetHashKey(&ctxPtr->widgets, entries[k]);
    }
    for (hPtr = Tcl_FirstHashEntry(&ctxPtr->tags, &search); hPtr != NULL;
	    hPtr = Tcl_NextHashEntry(&search)) {
	const char *tag = Tcl_GetHashKey(&ctxPtr->tags, hPtr);

	if (tag[0] != '.') {
	    objs[numItems] = (ClientData) Tk_GetUid(tag);
	    tags[numItems++] = tag;
	}
    }
    for (k = 0; k < numItems; k++) {
	if (k + AHEAD < numItems) {
	    __builtin_prefetch(&map[MapIndex(objs[k + AHEAD], mask)]);
	}
	heads[k] = MapFind(map, mask, objs[k]);
    }
    Tcl_Free((char *) map);

    /*
     * The bindings, each record and script fetched a few tags ahead.
     */

    for (k = 0; k < numItems; k++) {
	if (k + AHEAD < numItems && heads[k + AHEAD] != NULL) {
	    __builtin_prefetch(heads[k + AHEAD]);
	    __builtin_prefetch((char *) heads[k + AHEAD] + 64);
	}
	if (k + AHEAD / 2 < numItems && heads[k + AHEAD / 2] != NULL) {
	    __builtin_prefetch(heads[k + AHEAD / 2]->script);
	}
	if (heads[k] != NULL) {
	    CountChain(ctxPtr, statePtr->seqCache, table, objs[k], tags[k],
		    heads[k]);
	}
    }
    Tcl_Free((char *) objs);
    return TCL_OK;
}

Tk_BindingTable
TkleakWalkBindingTable(
    Tk_Window mainWin)
{
    return ((TkWindow *) mainWin)->mainPtr->bindingTable;
}

/*
 * TkleakWalkCommandNre, TkleakWalkSetCommandNre --
 *
 *	A command's non-recursive (NRE) procedure, and putting one back:
 *	Tcl_SetCommandInfoFromToken drops it when it changes the objProc,
 *	so record.c, which hooks TclOO class commands that way, restores it
 *	when it unhooks them.
 */

Tcl_ObjCmdProc *
TkleakWalkCommandNre(
    Tcl_Command token)
{
    return ((Command *) token)->nreProc;
}

void
TkleakWalkSetCommandNre(
    Tcl_Command token,
    Tcl_ObjCmdProc *nreProc)
{
    ((Command *) token)->nreProc = nreProc;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakWalkLearnClass --
 *
 *	Learn the class procs of Tk's menus or canvases from TKWIN, one of
 *	the app's own windows, when its class says it may be one and it
 *	has a widget record, and TkleakTkWidgetHas confirms it through
 *	Tk's own widget command (an option only that widget has: a frame
 *	made with "-class Menu" has no -tearoffcommand). Nothing is made
 *	for it, so no binding fires and no app command is called.
 *
 * Results:
 *	None.
 *
 * Side effects:
 *	Sets statePtr->menuClassProcs or canvasClassProcs once confirmed.
 *
 *----------------------------------------------------------------------
 */

void
TkleakWalkLearnClass(
    TkleakState *statePtr,
    Tk_Window tkwin)
{
    TkWindow *winPtr = (TkWindow *) tkwin;
    const void *procs = winPtr->classProcsPtr;
    const char *clazz = winPtr->classUid;

    if (procs == NULL || winPtr->instanceData == NULL || clazz == NULL
	    || (winPtr->flags & TK_ALREADY_DEAD)) {
	return;
    }
    if (statePtr->menuClassProcs == NULL && strcmp(clazz, "Menu") == 0
	    && procs != statePtr->canvasClassProcs
	    && TkleakTkWidgetHas(statePtr, tkwin, "-tearoffcommand")) {
	statePtr->menuClassProcs = procs;
    } else if (statePtr->canvasClassProcs == NULL
	    && strcmp(clazz, "Canvas") == 0
	    && procs != statePtr->menuClassProcs
	    && TkleakTkWidgetHas(statePtr, tkwin, "-closeenough")) {
	statePtr->canvasClassProcs = procs;
    }
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakWalkLearnClasses --
 *
 *	TkleakWalkLearnClass over the windows of MAINWIN's application,
 *	until both class procs are known. Called before a census walks, so
 *	that the walk counts the entries and items of the first menus and
 *	canvases it meets.
 *
 *----------------------------------------------------------------------
 */

void
TkleakWalkLearnClasses(
    TkleakState *statePtr,
    Tk_Window mainWin)
{
    Tcl_HashTable *tablePtr = &((TkWindow *) mainWin)->mainPtr->nameTable;
    Tcl_HashSearch search;
    Tcl_HashEntry *hPtr;

    for (hPtr = Tcl_FirstHashEntry(tablePtr, &search); hPtr
	    && (statePtr->menuClassProcs == NULL
		|| statePtr->canvasClassProcs == NULL);
	    hPtr = Tcl_NextHashEntry(&search)) {
	TkWindow *winPtr = Tcl_GetHashValue(hPtr);

	if (winPtr->pathName != NULL
		&& !TkleakIsOwnWindow(winPtr->pathName)) {
	    TkleakWalkLearnClass(statePtr, (Tk_Window) winPtr);
	}
    }
}

/*
 * TkleakWalkInstanceData --
 *
 *	The widget record of TKWIN, as its widget set it with
 *	Tk_SetClassProcs: *DATAPTR, NULL for a window without one.
 *	Returns 0 when the records are not read (no private headers, or
 *	the public walk chosen).
 */

int
TkleakWalkInstanceData(
    TkleakState *statePtr,
    Tk_Window tkwin,
    ClientData *dataPtr)
{
    *dataPtr = NULL;
    if (!TkleakWalkUsable(statePtr)) {
	return 0;
    }
    *dataPtr = ((TkWindow *) tkwin)->instanceData;
    return 1;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakWalkCommands --
 *
 *	Call FN for every command of every namespace of INTERP that has
 *	client data, with its token, procedure and client data. The
 *	namespaces are visited from a list, not by recursion, however deep
 *	they nest. FN must not create or delete commands or namespaces.
 *
 *----------------------------------------------------------------------
 */

void
TkleakWalkCommands(
    Tcl_Interp *interp,
    TkleakCommandFn *fn,
    void *data)
{
    Namespace **stack;
    int depth = 0, cap = 64;

    stack = (Namespace **) Tcl_Alloc(cap * sizeof(Namespace *));
    stack[depth++] = (Namespace *) Tcl_GetGlobalNamespace(interp);
    while (depth > 0) {
	Namespace *nsPtr = stack[--depth];
	Tcl_HashTable *childTablePtr;
	Tcl_HashSearch search;
	Tcl_HashEntry *hPtr;

	if (nsPtr->flags & (NS_DYING | NS_DEAD | NS_KILLED)) {
	    continue;
	}
	for (hPtr = Tcl_FirstHashEntry(&nsPtr->cmdTable, &search); hPtr;
		hPtr = Tcl_NextHashEntry(&search)) {
	    Command *cmdPtr = Tcl_GetHashValue(hPtr);

	    if (cmdPtr->objClientData != NULL) {
		fn(data, (Tcl_Command) cmdPtr, cmdPtr->objProc,
			cmdPtr->objClientData);
	    }
	}
#ifndef BREAK_NAMESPACE_COMPAT
	childTablePtr = &nsPtr->childTable;
#else
	childTablePtr = nsPtr->childTablePtr;
	if (childTablePtr == NULL) {
	    continue;
	}
#endif
	for (hPtr = Tcl_FirstHashEntry(childTablePtr, &search); hPtr;
		hPtr = Tcl_NextHashEntry(&search)) {
	    if (depth == cap) {
		cap *= 2;
		stack = (Namespace **) Tcl_Realloc((char *) stack,
			cap * sizeof(Namespace *));
	    }
	    stack[depth++] = Tcl_GetHashValue(hPtr);
	}
    }
    Tcl_Free((char *) stack);
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakWalkImages --
 *
 *	Count the images of MAINWIN's application from Tk's image table.
 *
 *----------------------------------------------------------------------
 */

void
TkleakWalkImages(
    TkleakCollect *ctxPtr,
    Tk_Window mainWin)
{
    TkMainInfo *mainInfoPtr = ((TkWindow *) mainWin)->mainPtr;
    Tcl_HashSearch search;
    Tcl_HashEntry *hPtr;

    for (hPtr = Tcl_FirstHashEntry(&mainInfoPtr->imageTable, &search);
	    hPtr != NULL; hPtr = Tcl_NextHashEntry(&search)) {
	TkleakCountImage(ctxPtr,
		Tcl_GetHashKey(&mainInfoPtr->imageTable, hPtr));
    }
}

/*
 * The after walk.
 *
 * Tcl keeps an interpreter's pending "after" events in a list of
 * AfterInfo records, newest first, hung from the interpreter's assoc
 * data "tclAfter"; both records are private to tclTimer.c. "after info
 * ID" finds an event by walking that list up to it, so asking it for
 * each of N events costs N*N/2 steps (20,000 events: 1.8 s). The mirrors
 * below declare the records as every Tcl 8.6 release has them (8.7 and
 * 9.0 add and widen fields, but the walk runs on 8.6 only,
 * TkleakWalkUsable). Before anything is counted, the list must look as
 * described: "after info" of the first id must answer with the very
 * script object the first record holds, and every record points back to
 * the assoc data, holds a script, and has a smaller id than the record
 * before it (ids are handed out in increasing order and new events go
 * first). Otherwise collect.c asks Tcl per id. ("after info" runs no
 * script, so the list cannot change while it is read.)
 */

typedef struct MirrorAfterInfo {	/* Tcl's AfterInfo. */
    struct MirrorAfterAssocData *assocPtr;
    Tcl_Obj *commandPtr;
    int id;
    Tcl_TimerToken token;
    struct MirrorAfterInfo *nextPtr;
} MirrorAfterInfo;

typedef struct MirrorAfterAssocData {	/* Tcl's AfterAssocData. */
    Tcl_Interp *interp;
    MirrorAfterInfo *firstAfterPtr;
} MirrorAfterAssocData;

/*
 * AfterId --
 *
 *	"after#ID", as "after info" names the event, into BUF (at least 20
 *	bytes).
 *
 * Results:
 *	The length of the name.
 */

static int
AfterId(
    int id,
    char *buf)
{
    char digits[12];
    int n = 0, len = 6;

    memcpy(buf, "after#", 6);
    do {
	digits[n++] = (char) ('0' + id % 10);
	id /= 10;
    } while (id > 0);
    while (n > 0) {
	buf[len++] = digits[--n];
    }
    buf[len] = '\0';
    return len;
}

/*
 * AfterTclAgrees --
 *
 *	Whether "after info" of the event AFTERPTR answers with the script
 *	object the record holds: then the mirror reads Tcl's records as
 *	Tcl does. The census's count of skipped calls is left as it was
 *	(an "after" the app replaced is counted by collect.c's own call).
 *	Once it has agreed, the layout is that of the Tcl library this
 *	process runs, for good: an app that later wraps "after" (renames it
 *	and puts a proc at its name) still has its events read, though
 *	"after info" can no longer be asked.
 */

static int afterLayoutAgreed = 0;	/* Set once, never cleared; a race
					 * between threads only repeats the
					 * check. */

static int
AfterTclAgrees(
    TkleakCollect *ctxPtr,
    MirrorAfterInfo *afterPtr)
{
    Tcl_Obj *objv[3], *resultPtr, *scriptPtr;
    char buf[32];
    int i, agrees = 0, skipped = ctxPtr->skipped;

    objv[0] = Tcl_NewStringObj("after", 5);
    objv[1] = Tcl_NewStringObj("info", 4);
    objv[2] = Tcl_NewStringObj(buf, AfterId(afterPtr->id, buf));
    for (i = 0; i < 3; i++) {
	Tcl_IncrRefCount(objv[i]);
    }
    if (TkleakCallCore(ctxPtr, "::after", 3, objv, &resultPtr) == TCL_OK) {
	/*
	 * A new list {SCRIPT TYPE}: indexing it changes no object of the
	 * app's.
	 */

	agrees = Tcl_ListObjIndex(NULL, resultPtr, 0, &scriptPtr) == TCL_OK
		&& scriptPtr == afterPtr->commandPtr;
	Tcl_DecrRefCount(resultPtr);
	if (agrees) {
	    afterLayoutAgreed = 1;
	}
    } else {
	agrees = afterLayoutAgreed;
    }
    for (i = 0; i < 3; i++) {
	Tcl_DecrRefCount(objv[i]);
    }
    ctxPtr->skipped = skipped;
    return agrees;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakWalkAfters --
 *
 *	Count the pending after events of the census's interpreter, in the
 *	order "after info" lists them, with their scripts read from Tcl's
 *	after list in one pass (TkleakCountAfter).
 *
 * Results:
 *	TCL_OK when counted; TCL_ERROR, with nothing counted, when the
 *	private walk cannot be used or the list is not as described above.
 *
 * Side effects:
 *	Only the strings of the scripts are read.
 *
 *----------------------------------------------------------------------
 */

int
TkleakWalkAfters(
    TkleakCollect *ctxPtr)
{
    MirrorAfterAssocData *assocPtr;
    MirrorAfterInfo *afterPtr, **records = NULL;
    char buf[32];
    int n = 0, cap = 0, i, lastId = 0;

    if (!TkleakWalkUsable(ctxPtr->statePtr)) {
	return TCL_ERROR;
    }
    assocPtr = Tcl_GetAssocData(ctxPtr->interp, "tclAfter", NULL);
    if (assocPtr == NULL || assocPtr->interp != ctxPtr->interp) {
	return TCL_ERROR;
    }
    if (assocPtr->firstAfterPtr == NULL) {
	return TCL_OK;
    }

    /*
     * The records are gathered and checked first: the first against
     * Tcl's answer before any next pointer is followed, each of the
     * others before its own; the falling ids also rule out a cycle.
     */

    for (afterPtr = assocPtr->firstAfterPtr; afterPtr != NULL;
	    afterPtr = afterPtr->nextPtr) {
	if (afterPtr->assocPtr != assocPtr || afterPtr->commandPtr == NULL
		|| afterPtr->id < 0 || (n > 0 && afterPtr->id >= lastId)
		|| (n == 0 && !AfterTclAgrees(ctxPtr, afterPtr))) {
	    free(records);
	    return TCL_ERROR;
	}
	if (n == cap) {
	    MirrorAfterInfo **more;

	    cap = cap ? 2 * cap : 256;
	    more = realloc(records, cap * sizeof(MirrorAfterInfo *));
	    if (more == NULL) {
		free(records);
		return TCL_ERROR;
	    }
	    records = more;
	}
	records[n++] = afterPtr;
	lastId = afterPtr->id;
    }

    /*
     * "after info" ran no script, and counting runs none: the list is as
     * checked. Each script object and its string are fetched a few
     * events ahead, as the records lie all over the heap.
     */

    for (i = 0; i < n; i++) {
	if (i + 8 < n) {
	    __builtin_prefetch(records[i + 8]->commandPtr);
	}
	if (i + 4 < n && records[i + 4]->commandPtr->bytes != NULL) {
	    __builtin_prefetch(records[i + 4]->commandPtr->bytes);
	}
	TkleakCountAfter(ctxPtr, buf, AfterId(records[i]->id, buf),
		records[i]->commandPtr);
    }
    free(records);
    return TCL_OK;
}

/*
 *----------------------------------------------------------------------
 *
 * Frame reading: the fast path of origin capture (origin.c).
 *
 *	An origin is what "info frame" says about each command frame of
 *	the interpreter, innermost first. Asking it costs a call and a dict
 *	per frame; here the frames are read from the interpreter's chain of
 *	CmdFrames instead, as a raw key: for each frame its type, the
 *	ByteCode and pc it runs (or the file and line of a sourced script),
 *	and the procedure of its call frame. The key is looked up in a
 *	cache of stacks made before; only on a miss does origin.c ask "info
 *	frame", and the stack it makes is stored under the key.
 *
 *	The cache is exact, because nothing a key points to can be freed
 *	and its address given to something else while the key is stored:
 *	the cache holds a reference to each ByteCode (through an object of
 *	Tcl's own "bytecode" type, so that the last release frees it as Tcl
 *	would), to each file path object, and to the Command of each
 *	procedure a frame names. The one thing a key cannot pin is that
 *	name, which "rename" changes under a running Proc; but Tcl bumps a
 *	Command's cmdEpoch whenever it is renamed, hidden or deleted, so
 *	each hit compares, for every frame, the Command and its epoch with
 *	the ones stored. How many frames a key covers is what "info frame"
 *	needs to fill the stack (frames without a file or a procedure are
 *	skipped); a key whose prediction disagrees with what "info frame"
 *	used is not stored. Coroutines renumber the frames, so they take the slow
 *	path, as do interpreters without frames. The cache holds at most
 *	FC_MAX entries and is emptied when full and when recording stops.
 *
 *----------------------------------------------------------------------
 */

#define FC_MAX 1024		/* Stacks cached. */
#define FC_BUCKETS 1024
#define FC_MAX_RAW 128		/* Frames a key may cover. */
#define FC_HINTS 256		/* Entries by innermost frame alone. */

typedef struct RawFrame {
    intptr_t type;		/* A word, so that keys have no padding. */
    const void *code;		/* ByteCode, or the path object. */
    const void *pc;		/* pc, or the line. */
    const void *cmd;		/* The frame's command string, if set. */
    const void *proc;		/* The call frame's Proc, or NULL. */
} RawFrame;

typedef struct ProcName {
    Command *cmdPtr;		/* NULL: the frame has no procedure; else
				 * one reference held. */
    int epoch;			/* Its cmdEpoch then. */
} ProcName;

typedef struct FrameEntry {
    struct FrameEntry *nextPtr;
    size_t hash;
    int numRaw;
    int toEnd;			/* The key covers the whole chain. */
    int depth;			/* The -depth it was made for. */
    RawFrame *raw;		/* Owned, numRaw of each. */
    ProcName *names;
    Tcl_Obj *stackPtr;		/* One reference held. */
} FrameEntry;

typedef struct TkleakFrameCache {
    FrameEntry *buckets[FC_BUCKETS];
    FrameEntry *hints[FC_HINTS];	/* The last entry seen for an innermost
					 * frame: tried first, frame by frame. */
    int numEntries;
    Tcl_HashTable holders;	/* ByteCode or path -> object, held. */
    const Tcl_ObjType *byteCodeType;
    RawFrame raw[FC_MAX_RAW];	/* The key of the last lookup, */
    int numRaw;			/* its length (-1: not cacheable), */
    int toEnd;			/* whether it covers the whole chain, */
    size_t hash;		/* and its hash. */
} TkleakFrameCache;

static TkleakFrameCache *
GetFrameCache(
    TkleakState *statePtr)
{
    TkleakFrameCache *cachePtr = statePtr->frameCache;

    if (cachePtr == NULL) {
	cachePtr = (TkleakFrameCache *) Tcl_Alloc(sizeof(TkleakFrameCache));
	memset(cachePtr, 0, sizeof(TkleakFrameCache));
	Tcl_InitHashTable(&cachePtr->holders, TCL_ONE_WORD_KEYS);
	cachePtr->byteCodeType = Tcl_GetObjType("bytecode");
	cachePtr->numRaw = -1;
	statePtr->frameCache = cachePtr;
    }
    return cachePtr;
}

/*
 * Hold --
 *
 *	Keep the ByteCode CODEPTR (isCode) or the object PTR alive while
 *	the cache holds keys naming it.
 */

static void
Hold(
    TkleakFrameCache *cachePtr,
    const void *ptr,
    int isCode)
{
    Tcl_HashEntry *hPtr;
    Tcl_Obj *holdPtr;
    int isNew;

    if (ptr == NULL) {
	return;
    }
    hPtr = Tcl_CreateHashEntry(&cachePtr->holders, ptr, &isNew);
    if (!isNew) {
	return;
    }
    if (isCode) {
	/*
	 * An empty object whose internal form is the ByteCode: its last
	 * release runs Tcl's own release of the ByteCode.
	 */

	holdPtr = Tcl_NewObj();
	((ByteCode *) ptr)->refCount++;
	holdPtr->internalRep.twoPtrValue.ptr1 = (void *) ptr;
	holdPtr->internalRep.twoPtrValue.ptr2 = NULL;
	holdPtr->typePtr = cachePtr->byteCodeType;
    } else {
	holdPtr = (Tcl_Obj *) ptr;
    }
    Tcl_IncrRefCount(holdPtr);
    Tcl_SetHashValue(hPtr, holdPtr);
}

/*
 * TkleakWalkFramesFlush --
 *
 *	Empty the frame cache of an interpreter, releasing what it holds.
 */

void
TkleakWalkFramesFlush(
    TkleakState *statePtr)
{
    TkleakFrameCache *cachePtr = statePtr->frameCache;
    Tcl_HashSearch search;
    Tcl_HashEntry *hPtr;
    int b, i;

    if (cachePtr == NULL) {
	return;
    }
    for (b = 0; b < FC_BUCKETS; b++) {
	FrameEntry *ePtr = cachePtr->buckets[b], *nextPtr;

	for (; ePtr != NULL; ePtr = nextPtr) {
	    nextPtr = ePtr->nextPtr;
	    for (i = 0; i < ePtr->numRaw; i++) {
		Command *cmdPtr = ePtr->names[i].cmdPtr;

		if (cmdPtr != NULL) {
		    TclCleanupCommandMacro(cmdPtr);
		}
	    }
	    Tcl_Free((char *) ePtr->raw);
	    Tcl_Free((char *) ePtr->names);
	    Tcl_DecrRefCount(ePtr->stackPtr);
	    Tcl_Free((char *) ePtr);
	}
	cachePtr->buckets[b] = NULL;
    }
    memset(cachePtr->hints, 0, sizeof(cachePtr->hints));
    cachePtr->numEntries = 0;
    for (hPtr = Tcl_FirstHashEntry(&cachePtr->holders, &search); hPtr;
	    hPtr = Tcl_NextHashEntry(&search)) {
	Tcl_DecrRefCount((Tcl_Obj *) Tcl_GetHashValue(hPtr));
    }
    Tcl_DeleteHashTable(&cachePtr->holders);
    Tcl_InitHashTable(&cachePtr->holders, TCL_ONE_WORD_KEYS);
    cachePtr->numRaw = -1;
}

void
TkleakWalkFramesFree(
    TkleakState *statePtr)
{
    if (statePtr->frameCache != NULL) {
	TkleakWalkFramesFlush(statePtr);
	Tcl_DeleteHashTable(
		&((TkleakFrameCache *) statePtr->frameCache)->holders);
	Tcl_Free((char *) statePtr->frameCache);
	statePtr->frameCache = NULL;
    }
}

/*
 * HasProcName --
 *
 *	Whether "info frame" names the procedure of a frame whose call
 *	frame runs PROCPTR.
 */

static inline int
HasProcName(
    Proc *procPtr)
{
    return procPtr != NULL && procPtr->cmdPtr != NULL
	    && procPtr->cmdPtr->hPtr != NULL;
}

/*
 * NameMatches --
 *
 *	Whether the procedure of PROCPTR still has the name stored in
 *	NAMEPTR.
 */

static inline int
NameMatches(
    Proc *procPtr,
    const ProcName *namePtr)
{
    /*
     * The stored Command is held, so no other Command can have its
     * address; the same epoch means it was not renamed since.
     */

    if (!HasProcName(procPtr)) {
	return namePtr->cmdPtr == NULL;
    }
    return procPtr->cmdPtr == namePtr->cmdPtr
	    && procPtr->cmdPtr->cmdEpoch == namePtr->epoch;
}

/*
 * ReadFrame --
 *
 *	Fill *RPTR with the raw key of FRAMEPTR. Returns 0 for a frame the
 *	cache does not handle.
 */

static inline int
ReadFrame(
    CmdFrame *framePtr,
    RawFrame *rPtr)
{
    rPtr->type = framePtr->type;
    rPtr->proc = framePtr->framePtr ? framePtr->framePtr->procPtr : NULL;
    rPtr->cmd = NULL;
    switch (framePtr->type) {
    case TCL_LOCATION_BC:
	rPtr->code = framePtr->data.tebc.codePtr;
	rPtr->pc = framePtr->data.tebc.pc;
	rPtr->cmd = framePtr->cmd;
	return 1;
    case TCL_LOCATION_SOURCE:
	if (framePtr->line == NULL || framePtr->data.eval.path == NULL) {
	    return 0;
	}
	rPtr->code = framePtr->data.eval.path;
	rPtr->pc = (const void *) (intptr_t) framePtr->line[0];
	return 1;
    case TCL_LOCATION_EVAL:
	rPtr->code = NULL;
	rPtr->pc = (const void *) (intptr_t)
		(framePtr->line ? framePtr->line[0] : 1);
	return 1;
    case TCL_LOCATION_PREBC:
	rPtr->code = NULL;
	rPtr->pc = NULL;
	return 1;
    }
    return 0;
}

static inline size_t
HintOf(
    const RawFrame *rPtr)
{
    return (((size_t) rPtr->code >> 4) ^ ((size_t) rPtr->pc)
	    ^ ((size_t) rPtr->proc >> 4)) % FC_HINTS;
}

/*
 * TryHint --
 *
 *	Whether the current frames are those of the entry EPTR, compared
 *	frame by frame: the key TkleakWalkFramesLookup would make, without
 *	making it.
 */

static int
TryHint(
    Interp *iPtr,
    FrameEntry *ePtr,
    int depth)
{
    CmdFrame *framePtr = iPtr->cmdFramePtr;
    int i;

    if (ePtr->depth != depth) {
	return 0;
    }
    for (i = 0; i < ePtr->numRaw; i++, framePtr = framePtr->nextPtr) {
	const RawFrame *rPtr = &ePtr->raw[i];
	Proc *procPtr;

	if (framePtr == NULL || framePtr->type != rPtr->type) {
	    return 0;
	}
	procPtr = framePtr->framePtr ? framePtr->framePtr->procPtr : NULL;
	if (procPtr != rPtr->proc) {
	    return 0;
	}
	switch (framePtr->type) {
	case TCL_LOCATION_BC:
	    if (framePtr->data.tebc.codePtr != rPtr->code
		    || framePtr->data.tebc.pc != rPtr->pc
		    || framePtr->cmd != rPtr->cmd) {
		return 0;
	    }
	    break;
	case TCL_LOCATION_SOURCE:
	    if (framePtr->line == NULL
		    || framePtr->data.eval.path != rPtr->code
		    || framePtr->line[0] != (intptr_t) rPtr->pc) {
		return 0;
	    }
	    break;
	case TCL_LOCATION_EVAL:
	    if ((framePtr->line ? framePtr->line[0] : 1)
		    != (intptr_t) rPtr->pc) {
		return 0;
	    }
	    break;
	}
	if (!NameMatches(procPtr, &ePtr->names[i])) {
	    return 0;
	}
    }
    return !ePtr->toEnd || framePtr == NULL;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakWalkFramesLookup --
 *
 *	Read the raw key of the current frames, covering what "info frame"
 *	needs for DEPTH frames, and look it up.
 *
 * Results:
 *	The cached Tcl stack (owned by the cache: the caller takes a
 *	reference of its own to keep it), or NULL on a miss or when the
 *	fast path does not apply; then the caller asks "info frame" and
 *	offers the stack to TkleakWalkFramesStore.
 *
 *----------------------------------------------------------------------
 */

Tcl_Obj *
TkleakWalkFramesLookup(
    TkleakState *statePtr,
    Tcl_Interp *interp,
    int depth)
{
    Interp *iPtr = (Interp *) interp;
    TkleakFrameCache *cachePtr = GetFrameCache(statePtr);
    CmdFrame *framePtr;
    FrameEntry *ePtr;
    size_t hash = 14695981039346656037UL;
    int n = 0, kept = 0, all, i;

    RawFrame first;

    cachePtr->numRaw = -1;
    if (cachePtr->byteCodeType == NULL || iPtr->cmdFramePtr == NULL
	    || iPtr->execEnvPtr->corPtr != NULL || iPtr->lineBCPtr == NULL
	    || !ReadFrame(iPtr->cmdFramePtr, &first)) {
	return NULL;
    }
    ePtr = cachePtr->hints[HintOf(&first)];
    if (ePtr != NULL && TryHint(iPtr, ePtr, depth)) {
	return ePtr->stackPtr;
    }

    /*
     * When the chain has no more frames than the stack may hold, the key
     * covers all of them and which are kept does not matter.
     */

    for (framePtr = iPtr->cmdFramePtr; framePtr != NULL && n <= depth;
	    framePtr = framePtr->nextPtr) {
	n++;
    }
    all = n <= depth;
    n = 0;
    for (framePtr = iPtr->cmdFramePtr; framePtr != NULL && kept < depth;
	    framePtr = framePtr->nextPtr) {
	RawFrame *rPtr;
	int hasFile = 0;

	if (n == FC_MAX_RAW) {
	    return NULL;
	}
	rPtr = &cachePtr->raw[n++];
	if (!ReadFrame(framePtr, rPtr)) {
	    return NULL;
	}
	if (rPtr->type == TCL_LOCATION_SOURCE) {
	    hasFile = 1;
	} else if (rPtr->type == TCL_LOCATION_BC && !all
		&& !HasProcName((Proc *) rPtr->proc)) {
	    Tcl_HashEntry *hPtr = Tcl_FindHashEntry(iPtr->lineBCPtr,
		    (char *) rPtr->code);

	    hasFile = hPtr != NULL && ((ExtCmdLoc *)
		    Tcl_GetHashValue(hPtr))->type == TCL_LOCATION_SOURCE;
	}
	if (hasFile || HasProcName((Proc *) rPtr->proc) || n == 1) {
	    kept++;
	}
	hash = (hash ^ (size_t) rPtr->code) * 1099511628211UL;
	hash = (hash ^ (size_t) rPtr->pc) * 1099511628211UL;
	hash = (hash ^ (size_t) rPtr->proc) * 1099511628211UL;
	hash = (hash ^ (size_t) rPtr->cmd ^ (size_t) rPtr->type)
		* 1099511628211UL;
    }
    cachePtr->toEnd = framePtr == NULL;
    cachePtr->numRaw = n;
    cachePtr->hash = hash;
    for (ePtr = cachePtr->buckets[hash % FC_BUCKETS]; ePtr != NULL;
	    ePtr = ePtr->nextPtr) {
	if (ePtr->hash != hash || ePtr->numRaw != n
		|| memcmp(ePtr->raw, cachePtr->raw, n * sizeof(RawFrame)) != 0) {
	    continue;
	}
	for (i = 0; i < n; i++) {
	    if (!NameMatches((Proc *) ePtr->raw[i].proc, &ePtr->names[i])) {
		break;
	    }
	}
	if (i == n) {
	    if (ePtr->depth == depth) {
		cachePtr->hints[HintOf(&first)] = ePtr;
	    }
	    return ePtr->stackPtr;
	}
    }
    return NULL;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakWalkFramesStore --
 *
 *	Store STACKPTR, made by "info frame" from LEVELS frames, under the
 *	key of the last TkleakWalkFramesLookup, when that lookup covered
 *	the same frames. No script may have run since that lookup.
 *
 * Side effects:
 *	The cache takes a reference to STACKPTR, and holds the ByteCodes
 *	and paths of the key.
 *
 *----------------------------------------------------------------------
 */

void
TkleakWalkFramesStore(
    TkleakState *statePtr,
    Tcl_Interp *interp,
    Tcl_Obj *stackPtr,
    int levels)
{
    TkleakFrameCache *cachePtr = statePtr->frameCache;
    Interp *iPtr = (Interp *) interp;
    FrameEntry *ePtr;
    CmdFrame *framePtr;
    int n, i;

    if (cachePtr == NULL || cachePtr->numRaw <= 0
	    || cachePtr->numRaw != levels) {
	return;
    }
    if (cachePtr->numEntries >= FC_MAX) {
	RawFrame raw[FC_MAX_RAW];
	size_t hash = cachePtr->hash;
	int toEnd = cachePtr->toEnd;

	n = cachePtr->numRaw;
	memcpy(raw, cachePtr->raw, n * sizeof(RawFrame));
	TkleakWalkFramesFlush(statePtr);
	memcpy(cachePtr->raw, raw, n * sizeof(RawFrame));
	cachePtr->numRaw = n;
	cachePtr->hash = hash;
	cachePtr->toEnd = toEnd;
    }
    n = cachePtr->numRaw;
    ePtr = (FrameEntry *) Tcl_Alloc(sizeof(FrameEntry));
    ePtr->hash = cachePtr->hash;
    ePtr->numRaw = n;
    ePtr->toEnd = cachePtr->toEnd;
    ePtr->depth = TkleakOriginReadDepth(statePtr);
    ePtr->raw = (RawFrame *) Tcl_Alloc(n * sizeof(RawFrame));
    memcpy(ePtr->raw, cachePtr->raw, n * sizeof(RawFrame));
    ePtr->names = (ProcName *) Tcl_Alloc(n * sizeof(ProcName));
    for (i = 0, framePtr = iPtr->cmdFramePtr; i < n;
	    i++, framePtr = framePtr->nextPtr) {
	ProcName *namePtr = &ePtr->names[i];
	Proc *procPtr = (Proc *) ePtr->raw[i].proc;

	memset(namePtr, 0, sizeof(ProcName));
	if (HasProcName(procPtr)) {
	    namePtr->cmdPtr = procPtr->cmdPtr;
	    namePtr->cmdPtr->refCount++;
	    namePtr->epoch = procPtr->cmdPtr->cmdEpoch;
	}
	if (ePtr->raw[i].type == TCL_LOCATION_BC) {
	    Hold(cachePtr, ePtr->raw[i].code, 1);
	} else if (ePtr->raw[i].type == TCL_LOCATION_SOURCE) {
	    Hold(cachePtr, ePtr->raw[i].code, 0);
	}
    }
    ePtr->stackPtr = stackPtr;
    Tcl_IncrRefCount(stackPtr);
    ePtr->nextPtr = cachePtr->buckets[ePtr->hash % FC_BUCKETS];
    cachePtr->buckets[ePtr->hash % FC_BUCKETS] = ePtr;
    cachePtr->hints[HintOf(&ePtr->raw[0])] = ePtr;
    cachePtr->numEntries++;
    cachePtr->numRaw = -1;
}

/*
 * TkleakWalkMenuOwns, TkleakWalkMenuSize, TkleakWalkMenuFind --
 *
 *	Whether CLIENTDATA is the menu record of TKWIN (a menu); how many
 *	entries the menu record CLIENTDATA has; the index of its entry that
 *	holds the object VALUEPTR itself in a slot (Tk keeps the objects an
 *	option was given), or -1.
 */

int
TkleakWalkMenuOwns(
    TkleakState *statePtr,
    Tk_Window tkwin,
    ClientData clientData)
{
    return TkleakWalkUsable(statePtr) && TkleakWalkIsMenu(statePtr, tkwin)
	    && ((TkWindow *) tkwin)->instanceData == clientData
	    && ((TkMenu *) clientData)->tkwin == tkwin;
}

int
TkleakWalkMenuSize(
    ClientData clientData)
{
    return ((TkMenu *) clientData)->numEntries;
}

int
TkleakWalkMenuFind(
    ClientData clientData,
    Tcl_Obj *valuePtr)
{
    TkMenu *menuPtr = clientData;
    int i;

    for (i = 0; i < menuPtr->numEntries; i++) {
	TkMenuEntry *entryPtr = menuPtr->entries[i];

	if (entryPtr->commandPtr == valuePtr || entryPtr->imagePtr == valuePtr
		|| entryPtr->selectImagePtr == valuePtr
		|| (entryPtr->type == CASCADE_ENTRY
		    && entryPtr->namePtr == valuePtr)) {
	    return i;
	}
    }
    return -1;
}

#else /* !TKLEAK_PRIVATE */

void TkleakWalkNamespaces(TkleakCollect *ctxPtr) { (void) ctxPtr; }
void *TkleakWalkNamespacesStart(TkleakCollect *ctxPtr) { (void) ctxPtr; return NULL; }
void TkleakWalkGlobalNamespace(TkleakCollect *ctxPtr) { (void) ctxPtr; }
void TkleakWalkNamespacesFinish(TkleakCollect *ctxPtr, void *w) { (void) ctxPtr; (void) w; }
int TkleakWalkBindings(TkleakCollect *c, Tk_BindingTable t) { (void) c; (void) t; return TCL_ERROR; }
void TkleakWalkFree(TkleakState *s) { (void) s; }
int TkleakWalkAfters(TkleakCollect *c) { (void) c; return TCL_ERROR; }
int TkleakWalkIsMenu(TkleakState *s, Tk_Window w) { (void) s; return Tk_Class(w) && strcmp(Tk_Class(w), "Menu") == 0; }
int TkleakWalkIsCanvas(TkleakState *s, Tk_Window w) { (void) s; return Tk_Class(w) && strcmp(Tk_Class(w), "Canvas") == 0; }
void TkleakWalkMenuRefs(TkleakCollect *c, Tk_Window w) { (void) c; (void) w; }
void TkleakWalkWindows(TkleakCollect *ctxPtr, Tk_Window w) { (void) ctxPtr; (void) w; }
Tk_BindingTable TkleakWalkBindingTable(Tk_Window w) { (void) w; return NULL; }
void TkleakWalkImages(TkleakCollect *ctxPtr, Tk_Window w) { (void) ctxPtr; (void) w; }
void TkleakWalkLearnClass(TkleakState *s, Tk_Window w) { (void) s; (void) w; }
void TkleakWalkLearnClasses(TkleakState *s, Tk_Window w) { (void) s; (void) w; }
int TkleakWalkInstanceData(TkleakState *s, Tk_Window w, ClientData *d) { (void) s; (void) w; *d = NULL; return 0; }
void TkleakWalkCommands(Tcl_Interp *i, TkleakCommandFn *f, void *d) { (void) i; (void) f; (void) d; }
Tcl_NamespaceDeleteProc *TkleakWalkNsEarlyDelete(Tcl_Namespace *n) { (void) n; return NULL; }
Tcl_ObjCmdProc *TkleakWalkProcProc(void) { return NULL; }
Tcl_Obj *TkleakWalkVarFullName(Tcl_Interp *i, Tcl_Obj *n) { Tcl_Obj *c = Tcl_NewStringObj(Tcl_GetString(n), -1); (void) i; Tcl_IncrRefCount(c); return c; }
Tcl_Class TkleakWalkObjectClass(Tcl_Object o) { (void) o; return NULL; }
int TkleakWalkHasFrames(Tcl_Interp *i) { (void) i; return 0; }
Tcl_ObjCmdProc *TkleakWalkCommandNre(Tcl_Command t) { (void) t; return NULL; }
void TkleakWalkSetCommandNre(Tcl_Command t, Tcl_ObjCmdProc *p) { (void) t; (void) p; }
Tcl_Obj *TkleakWalkFramesLookup(TkleakState *s, Tcl_Interp *i, int d) { (void) s; (void) i; (void) d; return NULL; }
void TkleakWalkFramesStore(TkleakState *s, Tcl_Interp *i, Tcl_Obj *o, int l) { (void) s; (void) i; (void) o; (void) l; }
void TkleakWalkFramesFlush(TkleakState *s) { (void) s; }
void TkleakWalkFramesFree(TkleakState *s) { (void) s; }
int TkleakWalkMenuOwns(TkleakState *s, Tk_Window w, ClientData c) { (void) s; (void) w; (void) c; return 0; }
int TkleakWalkMenuSize(ClientData c) { (void) c; return -1; }
int TkleakWalkMenuFind(ClientData c, Tcl_Obj *v) { (void) c; (void) v; return -1; }

#endif /* TKLEAK_PRIVATE */
