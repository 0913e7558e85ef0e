/*
 * namespaces.c --
 *
 *	The census of Tcl's namespaces, commands and variables read from
 *	Tcl's own records (tclInt.h), serial or with part of the walk on a
 *	second thread (see "The namespace worker" below); and
 *	TkleakWalkCommands, the walk record.c uses to find command tokens.
 *
 * Copyright (c) 2026 the tkleak developers. See the file "LICENSE".
 */

#define _GNU_SOURCE		/* sched_getaffinity */
#include "config.h"
#include <pthread.h>
#ifdef __linux__
#include <sched.h>
#endif
#include "private.h"

#ifdef TKLEAK_PRIVATE

#define VarFromEntry(hPtr) \
    ((Var *) ((char *) (hPtr) - offsetof(VarInHash, entry)))

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
 * GatherEntries --
 *
 *	The entries of TABLEPTR into *ARRAYPTR (malloc'ed, *CAPPTR long,
 *	grown as needed), in the order of Tcl_NextHashEntry, as
 *	TkleakHashEntries gathers them (which keeps one array, in use by
 *	the walk of the namespace's variables). Returns how many, or -1
 *	when memory is short.
 */

static int
GatherEntries(
    Tcl_HashTable *tablePtr,
    Tcl_HashEntry ***arrayPtr,
    size_t *capPtr)
{
    Tcl_HashEntry **buckets = tablePtr->buckets;
    int numBuckets = tablePtr->numBuckets, n = 0, b;

    if ((size_t) tablePtr->numEntries > *capPtr) {
	size_t cap = (size_t) tablePtr->numEntries * 2;
	Tcl_HashEntry **array = realloc(*arrayPtr,
		cap * sizeof(Tcl_HashEntry *));

	if (array == NULL) {
	    return -1;
	}
	*arrayPtr = array;
	*capPtr = cap;
    }
    for (b = 0; b < numBuckets; b++) {
	Tcl_HashEntry *hPtr;

	if (b + 8 < numBuckets && buckets[b + 8] != NULL) {
	    __builtin_prefetch(buckets[b + 8]);
	}
	for (hPtr = buckets[b]; hPtr != NULL && n < tablePtr->numEntries;
		hPtr = hPtr->nextPtr) {
	    (*arrayPtr)[n++] = hPtr;
	}
    }
    return n;
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
    Tcl_HashEntry **entries =
	    TkleakHashEntries(ctxPtr, &nsPtr->varTable.table);
    Tcl_HashEntry **els = NULL;		/* An array's elements (malloc'ed). */
    size_t capEls = 0;
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
	    goto done;
	}
	len = prefixLen + (size_t) keyPtr->length;
	if ((buf = NameRoom(ctxPtr, len)) == NULL) {
	    goto done;
	}
	memcpy(buf + prefixLen, key, (size_t) keyPtr->length + 1);
	if (varPtr->flags & VAR_ALL_TRACES) {
	    ctxPtr->sinkPtr->noteTraced(ctxPtr, 'v', buf, len, NULL, 0);
	    if (TclIsVarUndefined(varPtr) && !TclIsVarArray(varPtr)) {
		continue;
	    }
	}
	if (ctxPtr->refsPtr && (varPtr->flags & VAR_ALL_TRACES)) {
	    Tcl_ListObjAppendElement(NULL, ctxPtr->refsPtr->tracedVars,
		    Tcl_NewStringObj(buf, (int) len));
	}
	if (!TclIsVarArray(varPtr)) {
	    ctxPtr->sinkPtr->addFixed(ctxPtr, TT_VARIABLE, buf, len,
		    TkleakVarBytes(varPtr, keyPtr, 0));
	    continue;
	}
	ctxPtr->sinkPtr->addFixed(ctxPtr, TT_VARIABLE, buf, len,
		TkleakVarBytes(varPtr, keyPtr, 0));
	if (varPtr->value.tablePtr == NULL) {
	    continue;
	}
	{
	    int numEls = GatherEntries(&varPtr->value.tablePtr->table, &els,
		    &capEls), e;

	    if (numEls < 0) {
		ctxPtr->failed = 1;
		break;
	    }
	    for (e = 0; e < numEls; e++) {
		Tcl_HashEntry *elPtr = els[e];
		Var *elVarPtr = VarFromEntry(elPtr);
		Tcl_Obj *elKeyPtr = elPtr->key.objPtr;
		const char *elKey;
		size_t elLen;

		/*
		 * An element, its name object and its value are three
		 * blocks of the heap: each is fetched some elements
		 * ahead, once the one that points to it has arrived.
		 */

		if (e + 16 < numEls) {
		    __builtin_prefetch(els[e + 16]);
		}
		if (e + 8 < numEls) {
		    Var *aheadPtr = VarFromEntry(els[e + 8]);

		    __builtin_prefetch(els[e + 8]->key.objPtr);
		    if (!TclIsVarArray(aheadPtr) && !TclIsVarLink(aheadPtr)
			    && aheadPtr->value.objPtr != NULL) {
			__builtin_prefetch(aheadPtr->value.objPtr);
		    }
		}
		if (e + 4 < numEls && els[e + 4]->key.objPtr->bytes != NULL) {
		    __builtin_prefetch(els[e + 4]->key.objPtr->bytes);
		}

		if ((TclIsVarUndefined(elVarPtr)
			    && !(elVarPtr->flags & VAR_ALL_TRACES))
			|| TclIsVarDeadHash(elVarPtr) || TclIsVarLink(elVarPtr)) {
		    continue;
		}
		if ((elKey = KeyBytes(ctxPtr, elKeyPtr)) == NULL) {
		    goto done;
		}
		elLen = len + 2 + (size_t) elKeyPtr->length;
		if ((buf = NameRoom(ctxPtr, elLen)) == NULL) {
		    goto done;
		}
		buf[len] = '(';
		memcpy(buf + len + 1, elKey, (size_t) elKeyPtr->length);
		buf[elLen - 1] = ')';
		buf[elLen] = '\0';
		if (elVarPtr->flags & VAR_ALL_TRACES) {
		    ctxPtr->sinkPtr->noteTraced(ctxPtr, 'v', buf, elLen, NULL,
			    0);
		    if (TclIsVarUndefined(elVarPtr)) {
			continue;
		    }
		}
		ctxPtr->sinkPtr->addFixed(ctxPtr, TT_ELEMENT, buf, elLen,
			TkleakVarBytes(elVarPtr, elKeyPtr, 0));
	    }
	}
    }

  done:
    free(els);
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

    if (cmdPtr->objProc == statePtr->core.procProc) {
	which = TT_PROC;
    } else if (cmdPtr->objProc == statePtr->core.aliasProc
	    || cmdPtr->objProc == statePtr->core.importProc) {
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
    ctxPtr->sinkPtr->addFixed(ctxPtr, which, buf, len, bodyLen);
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
    isObject = (statePtr->core.objNsProc != NULL
	    && nsPtr->earlyDeleteProc == statePtr->core.objNsProc);
    if (!isObject) {
	Tcl_HashEntry **entries;
	int n = nsPtr->cmdTable.numEntries, i;
	size_t prefixLen = 0;

	ctxPtr->sinkPtr->addFixed(ctxPtr, TT_NAMESPACE, nsPtr->fullName,
		strlen(nsPtr->fullName),
		TkleakNamespaceBytes(strlen(nsPtr->fullName)));
	if (ctxPtr->worker && (prefixLen = NamePrefix(ctxPtr, nsPtr)) == 0) {
	    return 0;
	}
	entries = TkleakHashEntries(ctxPtr, &nsPtr->cmdTable);
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

	    /*
	     * The hash entry (with the name) first, since the command's
	     * address is read from it: without this, a table too large for
	     * the cache waits on each entry a few commands ahead.
	     */

	    if (i + 40 < n) {
		__builtin_prefetch(entries[i + 40]);
		__builtin_prefetch((char *) entries[i + 40] + 48);
	    }
	    if (i + 20 < n) {
		Command *aheadPtr = Tcl_GetHashValue(entries[i + 20]);

		__builtin_prefetch(aheadPtr);
		__builtin_prefetch(&aheadPtr->tracePtr);
	    }
	    if (i + 8 < n) {
		Command *aheadPtr = Tcl_GetHashValue(entries[i + 8]);

		if (aheadPtr->objProc == statePtr->core.procProc) {
		    __builtin_prefetch(aheadPtr->objClientData);
		}
	    }
	    if (i + 4 < n) {
		Command *aheadPtr = Tcl_GetHashValue(entries[i + 4]);

		if (aheadPtr->objProc == statePtr->core.procProc
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

		if (aheadPtr->objProc == statePtr->core.procProc && procPtr != NULL
			&& procPtr->bodyPtr != NULL
			&& procPtr->bodyPtr->internalRep.twoPtrValue.ptr1
			    != NULL) {
		    __builtin_prefetch((char *)
			    procPtr->bodyPtr->internalRep.twoPtrValue.ptr1 - 16);
		}
	    }
	    if (cmdPtr->objProc == statePtr->core.procProc
		    && cmdPtr->objClientData != NULL) {
		bodyLen = TkleakProcBytes((Tcl_Command) cmdPtr);
	    }
	    if (cmdPtr->tracePtr != NULL) {
		const char *name = Tcl_GetHashKey(&nsPtr->cmdTable,
			entries[i]);

		ctxPtr->sinkPtr->noteTraced(ctxPtr, 'c', nsPtr->fullName,
			strlen(nsPtr->fullName), name, strlen(name));
	    }
	    if (ctxPtr->worker) {
		WorkerCommand(ctxPtr, nsPtr, entries[i], prefixLen, bodyLen);
	    } else {
		ctxPtr->sinkPtr->countCommand(ctxPtr, (Tcl_Command) cmdPtr,
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

/*
 *----------------------------------------------------------------------
 *
 * TkleakWalkNamespaces --
 *
 *	Count every namespace below the global one, and their commands and
 *	variables, on the calling thread (the serial walk).
 *
 * Results:
 *	None.
 *
 * Side effects:
 *	The census gets what is found through the sink. Only records are
 *	read: no script runs and no trace fires.
 *
 *----------------------------------------------------------------------
 */

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

    if (ctxPtr->refsPtr != NULL || statePtr->census.lastObjects < TKLEAK_THREAD_MIN) {
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

	partPtr->ctx.sinkPtr = ctxPtr->sinkPtr;
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
    if (statePtr->census.lastObjects < sum + TKLEAK_THREAD_MIN / 4
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
 * Results:
 *	None.
 *
 * Side effects:
 *	As TkleakWalkNamespaces.
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

		ctxPtr->sinkPtr->countCommand(ctxPtr, (Tcl_Command) cmdPtr,
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
	    ctxPtr->sinkPtr->noteTraced(ctxPtr, entry[0], entry + 1, len, NULL,
		    0);
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
 * Results:
 *	None.
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
 *----------------------------------------------------------------------
 *
 * TkleakWalkCommands --
 *
 *	Call FN for every command of every namespace of INTERP that has
 *	client data, with its token, procedure and client data. The
 *	namespaces are visited from a list, not by recursion, however deep
 *	they nest. FN must not create or delete commands or namespaces.
 *
 * Results:
 *	None.
 *
 * Side effects:
 *	Whatever FN does; the walk itself only reads.
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

#endif /* TKLEAK_PRIVATE */
