/*
 * state.c --
 *
 *	The per-interpreter state: finding it (TkleakGetState, with a cache
 *	in thread data, since the recording hooks ask on every call) and
 *	making it on first use (Tk's part is started by census/tk.c,
 *	TkleakInitTk): zeroed, the options' defaults set and each part's
 *	tables initialised (the parts and their owners: tkleakInt.h,
 *	TkleakState). Its teardown is tkleak.c's (DeleteState), which has
 *	each owner free its part; this file only forgets its cache then.
 *
 * Copyright (c) 2026 the tkleak developers. See the file "LICENSE".
 */

#include "config.h"
#include <string.h>
#include "tkleakInt.h"

#define STATE_KEY "tkleak"

/*
 * The last interpreter asked about in this thread and its state: the
 * recording hooks ask on every call, and Tcl_GetAssocData is a string
 * hash lookup. Cleared when that state goes. Kept in Tcl's thread data,
 * as Tcl keeps its own, so that no compiler extension is needed.
 */

typedef struct ThreadData {
    Tcl_Interp *lastInterp;
    TkleakState *lastState;
} ThreadData;

static Tcl_ThreadDataKey dataKey;

/*
 * What frees a state when its interpreter goes: tkleak.c's DeleteState,
 * which knows every layer's part (TkleakStateFreeProc).
 */

static Tcl_InterpDeleteProc *freeProc = NULL;

/*
 *----------------------------------------------------------------------
 *
 * TkleakStateFreeProc --
 *
 *	Set the procedure that frees a state when its interpreter is
 *	deleted. Tkleak_Init sets it before the first state is made.
 *
 * Results:
 *	None.
 *
 * Side effects:
 *	Process-wide: the same procedure for every interpreter.
 *
 *----------------------------------------------------------------------
 */

void
TkleakStateFreeProc(
    Tcl_InterpDeleteProc *proc)
{
    freeProc = proc;
}

/*
 * StateDeleted --
 *
 *	AssocData delete proc: forget the state in this thread's cache, then
 *	free it (freeProc).
 */

static void
StateDeleted(
    ClientData clientData,
    Tcl_Interp *interp)
{
    ThreadData *tsdPtr = Tcl_GetThreadData(&dataKey, sizeof(ThreadData));

    if (tsdPtr->lastState == clientData) {
	tsdPtr->lastInterp = NULL;
	tsdPtr->lastState = NULL;
    }
    if (freeProc != NULL) {
	freeProc(clientData, interp);
    }
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakGetState --
 *
 *	The interpreter's tkleak state, made on first use.
 *
 * Results:
 *	The state, owned by the interpreter (AssocData "tkleak"); the
 *	caller holds no reference and must not free it.
 *
 * Side effects:
 *	Makes the state on the first call for INTERP.
 *
 *----------------------------------------------------------------------
 */

TkleakState *
TkleakGetState(
    Tcl_Interp *interp)
{
    ThreadData *tsdPtr = Tcl_GetThreadData(&dataKey, sizeof(ThreadData));
    TkleakState *statePtr;

    if (interp == tsdPtr->lastInterp) {
	return tsdPtr->lastState;
    }
    statePtr = Tcl_GetAssocData(interp, STATE_KEY, NULL);
    if (statePtr == NULL) {
	statePtr = (TkleakState *) Tcl_Alloc(sizeof(TkleakState));
	memset(statePtr, 0, sizeof(TkleakState));
	statePtr->interp = interp;
	statePtr->opts.snapshotRefs = 0;
	statePtr->opts.depth = 8;
	statePtr->opts.origins_on = 1;
	Tcl_InitHashTable(&statePtr->record.memo, TCL_STRING_KEYS);
	Tcl_InitHashTable(&statePtr->record.refCache, TCL_STRING_KEYS);
	Tcl_InitHashTable(&statePtr->store.origins, TCL_STRING_KEYS);
	Tcl_InitCustomHashTable(&statePtr->store.stacks, TCL_CUSTOM_PTR_KEYS,
		&tkleakStackKeyType);
	Tcl_InitHashTable(&statePtr->store.frames, TCL_STRING_KEYS);
	Tcl_InitHashTable(&statePtr->store.seen, TCL_STRING_KEYS);
	Tcl_InitHashTable(&statePtr->store.unresolved, TCL_STRING_KEYS);
	Tcl_InitHashTable(&statePtr->core.procKinds, TCL_ONE_WORD_KEYS);
	Tcl_InitHashTable(&statePtr->core.coreProcs, TCL_STRING_KEYS);
	Tcl_SetAssocData(interp, STATE_KEY, StateDeleted, statePtr);
    }
    if (!Tcl_InterpDeleted(interp)) {
	tsdPtr->lastInterp = interp;
	tsdPtr->lastState = statePtr;
    }
    return statePtr;
}
