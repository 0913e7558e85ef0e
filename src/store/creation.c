/*
 * creation.c --
 *
 *	Creation origins of the objects that are not commands, windows or
 *	images: after events ("a" + the after id) and bindings ("b" + the
 *	census identity {tag sequence}), noted by record.c's hooks of
 *	"after" and "bind" while recording keeps origins, and looked up by
 *	tkleak::origin, tkleak::new -origins 1 and tkleak::diff -by origin.
 *	(TclOO objects are commands: record.c notes them under "c".)
 *
 *	Notes on implementation:
 *
 *	A binding's identity uses the sequence as Tk lists it ("<Button-1>"
 *	for "<1>", "<Key-a>" for "a"), so the sequence a script gave is
 *	put in that form by binding it in a binding table of tkleak's own,
 *	which no window uses and no event reaches, and asking Tk for it back;
 *	the answer is memoised by spelling, so this happens once per
 *	distinct spelling.
 *
 *	After events and bindings die without a hook seeing it (an after
 *	event fires; a window's bindings go with the window): their origins
 *	go with those of every other dead object, when record.c's fold of
 *	the log finds the origin table doubled (TkleakForgetDead).
 *
 * Copyright (c) 2026 the tkleak developers. See the file "LICENSE".
 */

#include "config.h"
#include <string.h>
#include "tkleakInt.h"

#define CREATION_KEY "tkleak::creation"

typedef struct Creation {
    Tk_BindingTable table;	/* tkleak's own, for canonical sequences; or
				 * NULL until first needed. */
    Tcl_HashTable canon;	/* Spelling -> Tcl_Obj canonical sequence. */
} Creation;

static void
CreationFree(
    ClientData clientData,
    Tcl_Interp *interp)
{
    Creation *crPtr = clientData;

    (void) interp;
    if (crPtr->table != NULL) {
	Tk_DeleteBindingTable(crPtr->table);
    }
    TkleakDeleteObjTable(&crPtr->canon, 0);
    Tcl_Free((char *) crPtr);
}

/*
 * GetCreation --
 *
 *	The interpreter's creation state, made on first use and freed with
 *	the interpreter.
 */

static Creation *
GetCreation(
    Tcl_Interp *interp)
{
    Creation *crPtr = Tcl_GetAssocData(interp, CREATION_KEY, NULL);

    if (crPtr == NULL) {
	crPtr = (Creation *) Tcl_Alloc(sizeof(Creation));
	memset(crPtr, 0, sizeof(Creation));
	Tcl_InitHashTable(&crPtr->canon, TCL_STRING_KEYS);
	Tcl_SetAssocData(interp, CREATION_KEY, CreationFree, crPtr);
    }
    return crPtr;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakCanonicalSequence --
 *
 *	The event sequence SEQ as "bind tag" lists it.
 *
 * Results:
 *	A string owned by the interpreter's memo, or NULL when Tk rejects
 *	the sequence or Tk is not there.
 *
 * Side effects:
 *	The interpreter's result may change; callers save it. Nothing of
 *	the app's is bound or run.
 *
 *----------------------------------------------------------------------
 */

static const char *
TkleakCanonicalSequence(
    TkleakState *statePtr,
    Tcl_Interp *interp,
    const char *seq)
{
    Creation *crPtr;
    Tcl_HashEntry *hPtr;
    Tcl_Obj *canonPtr = NULL, *listPtr;
    ClientData object;
    int isNew;
    Tcl_Size n;

    if (!statePtr->tk.tkReady || Tk_MainWindow(interp) == NULL) {
	return NULL;
    }
    crPtr = GetCreation(interp);
    hPtr = Tcl_FindHashEntry(&crPtr->canon, seq);
    if (hPtr != NULL) {
	return Tcl_GetString((Tcl_Obj *) Tcl_GetHashValue(hPtr));
    }
    if (crPtr->canon.numEntries > 4096) {
	TkleakDeleteObjTable(&crPtr->canon, 1);
    }
    if (crPtr->table == NULL) {
	crPtr->table = Tk_CreateBindingTable(interp);
    }
    object = (ClientData) Tk_GetUid("tkleak::canon");
    if (Tk_CreateBinding(interp, crPtr->table, object, seq, "#", 0) != 0) {
	Tcl_Obj **v;

	Tcl_ResetResult(interp);
	Tk_GetAllBindings(interp, crPtr->table, object);
	listPtr = Tcl_GetObjResult(interp);
	if (Tcl_ListObjGetElements(NULL, listPtr, &n, &v) == TCL_OK
		&& n == 1) {
	    canonPtr = v[0];
	}
	Tk_DeleteAllBindings(crPtr->table, object);
    }
    if (canonPtr == NULL) {
	Tcl_ResetResult(interp);
	return NULL;
    }
    hPtr = Tcl_CreateHashEntry(&crPtr->canon, seq, &isNew);
    Tcl_IncrRefCount(canonPtr);
    Tcl_SetHashValue(hPtr, canonPtr);
    Tcl_ResetResult(interp);
    return Tcl_GetString(canonPtr);
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakBindingKey --
 *
 *	The origin key of the binding of TAG to SEQ: "b" + the census
 *	identity {tag sequence}, in DSPTR (initialised by the caller).
 *
 * Results:
 *	1, or 0 when SEQ is no event sequence (DSPTR is left empty).
 *
 * Side effects:
 *	A new spelling of SEQ is put in Tk's form once, by binding it in a
 *	binding table of tkleak's own, and memoised in the state.
 *
 *----------------------------------------------------------------------
 */

int
TkleakBindingKey(
    TkleakState *statePtr,
    Tcl_Interp *interp,
    const char *tag,
    const char *seq,
    Tcl_DString *dsPtr)
{
    const char *canon = TkleakCanonicalSequence(statePtr, interp, seq);
    char buf[200], *id;

    if (canon == NULL) {
	return 0;
    }
    id = TkleakJoinPair(tag, canon, buf, sizeof(buf));
    Tcl_DStringAppend(dsPtr, "b", 1);
    Tcl_DStringAppend(dsPtr, id, -1);
    if (id != buf) {
	Tcl_Free(id);
    }
    return 1;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakCreationAlive --
 *
 *	Whether the after event ("a" + id) or binding ("b" + {tag
 *	sequence}) of origin key KEY is still there, asked through the
 *	built-in "after info" and "bind" (neither runs a script).
 *
 * Side effects:
 *	The interpreter's result may change; callers save it.
 *
 * Results:
 *	1 when it is, else 0.
 *
 *----------------------------------------------------------------------
 */

int
TkleakCreationAlive(
    TkleakState *statePtr,
    Tcl_Interp *interp,
    const char *key)
{
    TkleakCollect ctx;
    Tcl_Obj *objv[3], *resultPtr = NULL;
    int objc, code, alive = 0;

    memset(&ctx, 0, sizeof(ctx));
    ctx.statePtr = statePtr;
    ctx.interp = interp;
    if (key[0] == 'a') {
	objv[0] = Tcl_NewStringObj("after", 5);
	objv[1] = Tcl_NewStringObj("info", 4);
	objv[2] = Tcl_NewStringObj(key + 1, -1);
	objc = 3;
    } else {
	Tcl_Obj *pairPtr = Tcl_NewStringObj(key + 1, -1), **pv;
	Tcl_Size pc;

	Tcl_IncrRefCount(pairPtr);
	if (Tcl_ListObjGetElements(NULL, pairPtr, &pc, &pv) != TCL_OK
		|| pc != 2) {
	    Tcl_DecrRefCount(pairPtr);
	    return 0;
	}
	/*
	 * Fresh words, like those of "after": the loop below takes the one
	 * reference each holds and gives it back.
	 */

	objv[0] = Tcl_NewStringObj("bind", 4);
	objv[1] = Tcl_NewStringObj(Tcl_GetString(pv[0]), pv[0]->length);
	objv[2] = Tcl_NewStringObj(Tcl_GetString(pv[1]), pv[1]->length);
	objc = 3;
	Tcl_DecrRefCount(pairPtr);
    }
    for (code = 0; code < objc; code++) {
	Tcl_IncrRefCount(objv[code]);
    }
    code = TkleakCallCore(&ctx, key[0] == 'a' ? "::after" : "::bind", objc,
	    objv, &resultPtr);
    if (code == TCL_OK) {
	alive = key[0] == 'a' || Tcl_GetCharLength(resultPtr) > 0;
	Tcl_DecrRefCount(resultPtr);
    }
    for (code = 0; code < objc; code++) {
	Tcl_DecrRefCount(objv[code]);
    }
    return alive;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakLiveAfters --
 *
 *	The ids of the pending after events ("after#N"), from one call of
 *	the built-in "after info", as the keys of TABLEPTR (initialised by
 *	the caller with string keys): for telling many after events alive
 *	or dead at once, where asking "after info ID" of each would walk
 *	Tcl's list of events once per event.
 *
 * Results:
 *	TCL_OK, or TCL_ERROR (the table left as it was) when "after" is
 *	not Tcl's own.
 *
 * Side effects:
 *	The interpreter's result is reset.
 *
 *----------------------------------------------------------------------
 */

int
TkleakLiveAfters(
    TkleakState *statePtr,
    Tcl_Interp *interp,
    Tcl_HashTable *tablePtr)
{
    TkleakCollect ctx;
    Tcl_Obj *objv[2], *listPtr, **elems;
    int i, isNew, code;
    Tcl_Size n;

    memset(&ctx, 0, sizeof(ctx));
    ctx.statePtr = statePtr;
    ctx.interp = interp;
    objv[0] = Tcl_NewStringObj("after", 5);
    objv[1] = Tcl_NewStringObj("info", 4);
    Tcl_IncrRefCount(objv[0]);
    Tcl_IncrRefCount(objv[1]);
    code = TkleakCallCore(&ctx, "::after", 2, objv, &listPtr);
    Tcl_DecrRefCount(objv[0]);
    Tcl_DecrRefCount(objv[1]);
    if (code != TCL_OK) {
	return TCL_ERROR;
    }
    if (Tcl_ListObjGetElements(NULL, listPtr, &n, &elems) == TCL_OK) {
	for (i = 0; i < n; i++) {
	    Tcl_CreateHashEntry(tablePtr, Tcl_GetString(elems[i]), &isNew);
	}
    }
    Tcl_DecrRefCount(listPtr);
    return TCL_OK;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakCreatedAfter, TkleakCreatedBinding --
 *
 *	Note STACKPTR as where the after event ID, or the binding of TAG to
 *	SEQ, was made. HOW says what "bind" did to the binding: set it, or
 *	deleted it (the empty script: its origin goes with it), or appended
 *	to it (a script with a leading "+", even "+" alone, which leaves the
 *	binding there): a binding that has an origin keeps it.
 *
 * Results:
 *	None.
 *
 * Side effects:
 *	The origin table holds a reference to STACKPTR under the key; a
 *	deleted binding's origin is dropped, releasing it.
 *
 *----------------------------------------------------------------------
 */

void
TkleakCreatedAfter(
    TkleakState *statePtr,
    const char *id,
    Tcl_Obj *stackPtr)
{
    Tcl_DString key;

    Tcl_DStringInit(&key);
    Tcl_DStringAppend(&key, "a", 1);
    Tcl_DStringAppend(&key, id, -1);
    TkleakOriginForget(statePtr, Tcl_DStringValue(&key));
    TkleakOriginCreated(statePtr, Tcl_DStringValue(&key), stackPtr);
    Tcl_DStringFree(&key);
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakCreatedBinding --
 *
 *	Note STACKPTR as where the binding of TAG to SEQ was made, as HOW
 *	says (see TkleakCreatedAfter).
 *
 * Results:
 *	None.
 *
 * Side effects:
 *	As TkleakCreatedAfter; as TkleakBindingKey.
 *
 *----------------------------------------------------------------------
 */

void
TkleakCreatedBinding(
    TkleakState *statePtr,
    Tcl_Interp *interp,
    const char *tag,
    const char *seq,
    int how,
    Tcl_Obj *stackPtr)
{
    Tcl_DString key;

    Tcl_DStringInit(&key);
    if (TkleakBindingKey(statePtr, interp, tag, seq, &key)
	    && (how != TKLEAK_BIND_APPENDED || Tcl_FindHashEntry(
		&statePtr->store.origins, Tcl_DStringValue(&key)) == NULL)) {
	TkleakOriginForget(statePtr, Tcl_DStringValue(&key));
	if (how != TKLEAK_BIND_DELETED) {
	    TkleakOriginCreated(statePtr, Tcl_DStringValue(&key), stackPtr);
	}
    }
    Tcl_DStringFree(&key);
}
