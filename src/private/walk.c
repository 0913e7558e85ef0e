/*
 * walk.c --
 *
 *	The one gate to Tcl's and Tk's private structures. The fast path of
 *	a census reads them in the files beside this one, each one concept:
 *	namespaces.c (namespaces, commands, variables; the worker thread),
 *	windows.c (windows, images, menus, canvases), bindings.c (Tk's
 *	binding table through mirrors of tkBind.c), afters.c (Tcl's after
 *	list), frames.c (the frame cache of origin capture) and probes.c
 *	(single fields of Tcl's records). They are the only files that read
 *	private structures, and they are compiled only when configure found
 *	the headers (TKLEAK_PRIVATE); they run only when the running Tcl is
 *	8.6, the version they describe (TkleakWalkUsable, here). Otherwise
 *	collect.c takes the public-API path, which counts the same objects
 *	more slowly and without a few sizes, and the fallbacks at the end of
 *	this file stand in for every function of the private files.
 *
 *	The objects of a large app lie all over the heap, so a walk is
 *	bound by memory latency rather than instructions: the walks gather
 *	a table's entries first (TkleakHashEntries, here) and then fetch
 *	each record a few entries before it is read (__builtin_prefetch),
 *	so that the cache misses overlap instead of waiting for each other.
 *
 *	Nothing here calls a function that can run a script, so the
 *	pointers held during a walk cannot dangle.
 *
 * Copyright (c) 2026 the tkleak developers. See the file "LICENSE".
 */

#include "private.h"

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
 * Side effects:
 *	None.
 *
 *----------------------------------------------------------------------
 */

int
TkleakWalkUsable(
    TkleakState *statePtr)
{
#ifdef TKLEAK_PRIVATE
    static int is86 = -1;	/* The running Tcl is 8.6; asked once. */

    if (statePtr->opts.forcePublic) {
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

#define BUCKETS_AHEAD 16		/* Buckets fetched ahead of the walk. */

/*
 *----------------------------------------------------------------------
 *
 * TkleakHashEntries --
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
 *
 * Results:
 *	The array (ctxPtr->entries, owned by the collector), or NULL.
 *
 * Side effects:
 *	The collector's array may grow; on a shortage, the census is marked
 *	failed.
 *
 *----------------------------------------------------------------------
 */

Tcl_HashEntry **
TkleakHashEntries(
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

#else /* !TKLEAK_PRIVATE */

void TkleakWalkNamespaces(TkleakCollect *ctxPtr) { (void) ctxPtr; }
void *TkleakWalkNamespacesStart(TkleakCollect *ctxPtr) { (void) ctxPtr; return NULL; }
void TkleakWalkGlobalNamespace(TkleakCollect *ctxPtr) { (void) ctxPtr; }
void TkleakWalkNamespacesFinish(TkleakCollect *ctxPtr, void *w) { (void) ctxPtr; (void) w; }
int TkleakWalkBindings(TkleakCollect *c, Tk_BindingTable t) { (void) c; (void) t; return TCL_ERROR; }
void TkleakWalkFree(TkleakState *s) { (void) s; }
int TkleakWalkAfters(TkleakCollect *c) { (void) c; return TCL_ERROR; }
int TkleakWalkListFirst(const char *t, size_t n, Tcl_DString *d) { (void) t; (void) n; (void) d; return -1; }
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
void TkleakWalkFramesStore(TkleakState *s, Tcl_Interp *i, Tcl_Obj *o, int l, int d) { (void) s; (void) i; (void) o; (void) l; (void) d; }
void TkleakWalkFramesFlush(TkleakState *s) { (void) s; }
void TkleakWalkFramesFree(TkleakState *s) { (void) s; }
int TkleakWalkMenuOwns(TkleakState *s, Tk_Window w, ClientData c) { (void) s; (void) w; (void) c; return 0; }
int TkleakWalkMenuSize(ClientData c) { (void) c; return -1; }
int TkleakWalkMenuFind(ClientData c, Tcl_Obj *v) { (void) c; (void) v; return -1; }

const char *TkleakWalkGlobalString(Tcl_Interp *i, const char *n) { (void) i; (void) n; return NULL; }
int TkleakWalkGlobalNameBound(Tcl_Interp *i, size_t *m) { (void) i; (void) m; return 0; }

#endif /* TKLEAK_PRIVATE */
