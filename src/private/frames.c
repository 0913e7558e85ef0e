/*
 * frames.c --
 *
 *	The frame cache: origin capture's fast path (origin.c), reading the
 *	interpreter's chain of CmdFrames as a key to the stacks "info frame"
 *	made before (see "Frame reading" below).
 *
 * Copyright (c) 2026 the tkleak developers. See the file "LICENSE".
 */

#include "private.h"

#ifdef TKLEAK_PRIVATE

/*
 *----------------------------------------------------------------------
 *
 * TkleakWalkHasFrames --
 *
 *	Whether the interpreter has frame information to show: "info
 *	frame" reads the current command frame without checking it, and a
 *	command called straight from C (tkinter's Tkapp_Call) has none.
 *
 * Results:
 *	1 when it has a current command frame, else 0.
 *
 * Side effects:
 *	None.
 *
 *----------------------------------------------------------------------
 */

int
TkleakWalkHasFrames(
    Tcl_Interp *interp)
{
    return ((Interp *) interp)->cmdFramePtr != NULL;
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
    TkleakFrameCache *cachePtr = statePtr->priv.frameCache;

    if (cachePtr == NULL) {
	cachePtr = (TkleakFrameCache *) Tcl_Alloc(sizeof(TkleakFrameCache));
	memset(cachePtr, 0, sizeof(TkleakFrameCache));
	Tcl_InitHashTable(&cachePtr->holders, TCL_ONE_WORD_KEYS);
	cachePtr->byteCodeType = Tcl_GetObjType("bytecode");
	cachePtr->numRaw = -1;
	statePtr->priv.frameCache = cachePtr;
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
 *----------------------------------------------------------------------
 *
 * TkleakWalkFramesFlush --
 *
 *	Empty the frame cache of an interpreter, releasing what it holds.
 *
 * Results:
 *	None.
 *
 * Side effects:
 *	The references the cache holds (stacks, ByteCodes, paths, commands)
 *	are released; the cache stays, empty.
 *
 *----------------------------------------------------------------------
 */

void
TkleakWalkFramesFlush(
    TkleakState *statePtr)
{
    TkleakFrameCache *cachePtr = statePtr->priv.frameCache;
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

/*
 *----------------------------------------------------------------------
 *
 * TkleakWalkFramesFree --
 *
 *	Free the frame cache of an interpreter being deleted.
 *
 * Results:
 *	None.
 *
 * Side effects:
 *	As TkleakWalkFramesFlush, and the cache itself is freed.
 *
 *----------------------------------------------------------------------
 */

void
TkleakWalkFramesFree(
    TkleakState *statePtr)
{
    if (statePtr->priv.frameCache != NULL) {
	TkleakWalkFramesFlush(statePtr);
	Tcl_DeleteHashTable(
		&((TkleakFrameCache *) statePtr->priv.frameCache)->holders);
	Tcl_Free((char *) statePtr->priv.frameCache);
	statePtr->priv.frameCache = NULL;
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
 * Side effects:
 *	The raw key read is kept in the cache for the next
 *	TkleakWalkFramesStore. No script runs.
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
 *	Store STACKPTR, made by "info frame" from LEVELS frames for a read
 *	depth of DEPTH (TkleakOriginReadDepth), under the key of the last
 *	TkleakWalkFramesLookup, when that lookup covered the same frames.
 *	No script may have run since that lookup.
 *
 * Side effects:
 *	The cache takes a reference to STACKPTR, and holds the ByteCodes
 *	and paths of the key.
 *
 * Results:
 *	None.
 *
 *----------------------------------------------------------------------
 */

void
TkleakWalkFramesStore(
    TkleakState *statePtr,
    Tcl_Interp *interp,
    Tcl_Obj *stackPtr,
    int levels,
    int depth)
{
    TkleakFrameCache *cachePtr = statePtr->priv.frameCache;
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
    ePtr->depth = depth;
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

#endif /* TKLEAK_PRIVATE */
