/*
 * compare.c --
 *
 *	The Tcl commands that compare censuses: tkleak::diff, new, gone,
 *	grown, format_diff, print_diff and calibrate. The comparing itself is in
 *	diff.c and the table in format.c; this file resolves arguments and
 *	builds results.
 *
 * Copyright (c) 2026 the tkleak developers. See the file "LICENSE".
 */

#include "config.h"
#include <stdlib.h>
#include <string.h>
#include "tkleakInt.h"

/*
 * A pair of censuses named by "old ?new?" arguments; NEW may be fresh.
 */

typedef struct Pair {
    TkleakCensus *oldPtr;
    TkleakCensus *newPtr;
    int freshNew;
} Pair;

static int
GetPair(
    Tcl_Interp *interp,
    TkleakState *statePtr,
    Tcl_Obj *oldObj,
    Tcl_Obj *newObj,
    Pair *pairPtr)
{
    int fresh;

    pairPtr->freshNew = 0;
    if (TkleakGetCensus(interp, statePtr, oldObj, &pairPtr->oldPtr, &fresh)
	    != TCL_OK) {
	return TCL_ERROR;
    }
    if (newObj != NULL) {
	return TkleakGetCensus(interp, statePtr, newObj, &pairPtr->newPtr,
		&fresh);
    }
    pairPtr->freshNew = 1;
    return TkleakCensusTake(statePtr, interp, &pairPtr->newPtr);
}

static void
FreePair(
    Pair *pairPtr)
{
    if (pairPtr->freshNew) {
	TkleakCensusFree(pairPtr->newPtr);
    }
}

static int
NoMemory(
    Tcl_Interp *interp)
{
    Tcl_SetObjResult(interp, Tcl_NewStringObj("not enough memory", -1));
    Tcl_SetErrorCode(interp, "TKLEAK", "NOMEM", (char *) NULL);
    return TCL_ERROR;
}

static int
CompareGroups(
    const void *a,
    const void *b)
{
    Tcl_Obj *const *p1 = a, *const *p2 = b;
    int c1 = 0, c2 = 0;

    Tcl_GetIntFromObj(NULL, TkleakDictGet(p1[1], "count"), &c1);
    Tcl_GetIntFromObj(NULL, TkleakDictGet(p2[1], "count"), &c2);
    if (c1 != c2) {
	return c1 > c2 ? -1 : 1;
    }
    return strcmp(Tcl_GetString(p1[0]), Tcl_GetString(p2[0]));
}

/*
 * KeyOf --
 *
 *	The origin key of object ID of census type TYPE, in DSPTR, or 0
 *	when objects of that type have no origin.
 */

static int
KeyOf(
    const char *type,
    const char *id,
    Tcl_DString *dsPtr)
{
    char kind = (char) TkleakTypeKeyKind(type);

    if (kind == TKLEAK_KEY_NONE) {
	return 0;
    }
    Tcl_DStringAppend(dsPtr, &kind, 1);
    Tcl_DStringAppend(dsPtr, id, -1);
    return 1;
}

/*
 * AppLine --
 *
 *	"file:line (proc)" of the innermost frame of STACKPTR that is not
 *	marked lib; when every frame is a library's, of the innermost one
 *	with a file (the app's line is not in the stack, but where the
 *	library made it is still worth showing); or "" when no frame has a
 *	file.
 */

static Tcl_Obj *
AppLine(
    Tcl_Obj *stackPtr)
{
    Tcl_Obj **fv;
    int i, pass;
    Tcl_Size fc;

    if (Tcl_ListObjGetElements(NULL, stackPtr, &fc, &fv) != TCL_OK) {
	return Tcl_NewObj();
    }
    for (pass = 0; pass < 2; pass++) {
	for (i = 0; i < fc; i++) {
	    Tcl_Obj *libPtr = TkleakDictGet(fv[i], "lib");
	    Tcl_Obj *filePtr = TkleakDictGet(fv[i], "file");
	    Tcl_Obj *linePtr = TkleakDictGet(fv[i], "line");
	    Tcl_Obj *procPtr = TkleakDictGet(fv[i], "proc");
	    int lib = 0;

	    if (libPtr) {
		Tcl_GetBooleanFromObj(NULL, libPtr, &lib);
	    }
	    if ((pass == 1 || !lib) && filePtr && linePtr
		    && Tcl_GetString(filePtr)[0] != '\0') {
		return Tcl_ObjPrintf("%s:%s (%s)", Tcl_GetString(filePtr),
			Tcl_GetString(linePtr), procPtr
			? Tcl_GetString(procPtr) : "");
	    }
	}
    }
    return Tcl_NewObj();
}

/*
 * NoOrigin --
 *
 *	The group, "(no origin: WHY)", of an object of ByOrigin that has no
 *	line to show: KEY is its origin key, or NULL for a type tkleak
 *	keeps no origins of; GONE says it is in OLDPTR only. The reason is
 *	read from what recording saw of it and from when recording was
 *	turned on relative to OLDPTR.
 *
 * Results:
 *	A new object (no reference held).
 */

static Tcl_Obj *
NoOrigin(
    TkleakState *statePtr,
    TkleakCensus *oldPtr,
    const char *key,
    int gone)
{
    Tcl_HashEntry *hPtr;
    unsigned long onSerial = TkleakRecordOnSerial(statePtr);
    const char *why;

    if (key == NULL) {
	why = "tkleak keeps no origins of this type";
    } else if ((hPtr = Tcl_FindHashEntry(&statePtr->store.origins, key)) != NULL) {
	/*
	 * Recording saw it made or attached, with no frame that has a
	 * file: the hook ran with no script on the stack.
	 */

	why = "made by C code with no script frame";
    } else if (onSerial == 0) {
	why = "made while recording was off";
    } else if (!statePtr->opts.origins_on) {
	why = "recording keeps no origins (-origins 0)";
    } else if (oldPtr->serial <= onSerial) {
	why = "made before recording was turned on";
    } else if (gone) {
	why = "gone: its origin was dropped with the dead";
    } else {
	why = "made by C code or a command recording does not hook";
    }
    return Tcl_ObjPrintf("(no origin: %s)", why);
}

/*
 * Tally --
 *
 *	Count one object of type TYPE in the group LINEPTR of GROUPSPTR:
 *	made (DELTA 1) or gone (DELTA -1). A group is {count NET created C
 *	gone G types {TYPE NET ...}}.
 */

static void
Tally(
    Tcl_Obj *groupsPtr,
    Tcl_Obj *linePtr,
    const char *type,
    int delta)
{
    Tcl_Obj *groupPtr, *typesPtr, *countPtr, *typeKeyPtr;
    const char *field = delta > 0 ? "created" : "gone";
    int count = 0;

    Tcl_IncrRefCount(linePtr);
    if (Tcl_DictObjGet(NULL, groupsPtr, linePtr, &groupPtr) != TCL_OK
	    || groupPtr == NULL) {
	groupPtr = Tcl_NewDictObj();
	Tcl_DictObjPut(NULL, groupPtr, Tcl_NewStringObj("count", 5),
		Tcl_NewIntObj(0));
	Tcl_DictObjPut(NULL, groupPtr, Tcl_NewStringObj("created", 7),
		Tcl_NewIntObj(0));
	Tcl_DictObjPut(NULL, groupPtr, Tcl_NewStringObj("gone", 4),
		Tcl_NewIntObj(0));
	Tcl_DictObjPut(NULL, groupPtr, Tcl_NewStringObj("types", 5),
		Tcl_NewDictObj());
    } else {
	groupPtr = Tcl_DuplicateObj(groupPtr);
    }
    Tcl_GetIntFromObj(NULL, TkleakDictGet(groupPtr, "count"), &count);
    Tcl_DictObjPut(NULL, groupPtr, Tcl_NewStringObj("count", 5),
	    Tcl_NewIntObj(count + delta));
    Tcl_GetIntFromObj(NULL, TkleakDictGet(groupPtr, field), &count);
    Tcl_DictObjPut(NULL, groupPtr, Tcl_NewStringObj(field, -1),
	    Tcl_NewIntObj(count + 1));
    typesPtr = Tcl_DuplicateObj(TkleakDictGet(groupPtr, "types"));
    typeKeyPtr = Tcl_NewStringObj(type, -1);
    Tcl_IncrRefCount(typeKeyPtr);
    count = 0;
    if (Tcl_DictObjGet(NULL, typesPtr, typeKeyPtr, &countPtr) == TCL_OK
	    && countPtr != NULL) {
	Tcl_GetIntFromObj(NULL, countPtr, &count);
    }
    Tcl_DictObjPut(NULL, typesPtr, typeKeyPtr, Tcl_NewIntObj(count + delta));
    Tcl_DecrRefCount(typeKeyPtr);
    Tcl_DictObjPut(NULL, groupPtr, Tcl_NewStringObj("types", 5), typesPtr);
    Tcl_DictObjPut(NULL, groupsPtr, linePtr, groupPtr);
    Tcl_DecrRefCount(linePtr);
}

/*
 * Tally1 --
 *
 *	Tally the objects IDS (NUM of them) of type TYPE, made (DELTA 1) or
 *	gone (DELTA -1) from OLDPTR, each under its origin's app line or
 *	the reason it has none.
 */

static void
Tally1(
    TkleakState *statePtr,
    TkleakCensus *oldPtr,
    Tcl_Obj *groupsPtr,
    const char *type,
    const char **ids,
    size_t num,
    int delta)
{
    size_t k;

    for (k = 0; k < num; k++) {
	Tcl_DString key;
	Tcl_Obj *linePtr;
	int hasKey;

	Tcl_DStringInit(&key);
	hasKey = KeyOf(type, ids[k], &key);
	linePtr = hasKey ? AppLine(TkleakOriginLast(statePtr,
		Tcl_DStringValue(&key))) : Tcl_NewObj();
	if (Tcl_GetString(linePtr)[0] == '\0') {
	    Tcl_IncrRefCount(linePtr);
	    Tcl_DecrRefCount(linePtr);
	    linePtr = NoOrigin(statePtr, oldPtr,
		    hasKey ? Tcl_DStringValue(&key) : NULL, delta < 0);
	}
	Tcl_DStringFree(&key);
	Tally(groupsPtr, linePtr, type, delta);
    }
}

/*
 * ByOrigin --
 *
 *	The growth from OLDPTR to NEWPTR grouped by the innermost app frame
 *	of each object's origin: a dict ORIGIN -> {count NET created C gone
 *	G types {TYPE NET ...}}, by net growth, largest first. NET is the
 *	objects made less the objects gone (those of OLDPTR not in NEWPTR)
 *	whose origin is that line, so that code that makes and deletes as
 *	many (a timer that reschedules itself) nets 0. Objects with no
 *	origin are grouped under "(no origin: WHY)".
 */

static Tcl_Obj *
ByOrigin(
    TkleakState *statePtr,
    TkleakCensus *oldPtr,
    TkleakCensus *newPtr)
{
    Tcl_Obj *groupsPtr = Tcl_NewDictObj(), *resultPtr, *keyPtr, *valuePtr;
    Tcl_Obj **pairs;
    size_t t;
    int done, i;
    Tcl_Size n;
    Tcl_DictSearch search;

    for (t = 0; t < newPtr->numTypes; t++) {
	TkleakType *typePtr = &newPtr->types[t];
	const char **ids;
	size_t num;

	if (TkleakIdsMinus(typePtr, TkleakCensusFind(oldPtr, typePtr->name),
		&ids, &num) != 0) {
	    continue;
	}
	Tally1(statePtr, oldPtr, groupsPtr, typePtr->name, ids, num, 1);
	free((void *) ids);
    }
    for (t = 0; t < oldPtr->numTypes; t++) {
	TkleakType *typePtr = &oldPtr->types[t];
	const char **ids;
	size_t num;

	if (TkleakIdsMinus(typePtr, TkleakCensusFind(newPtr, typePtr->name),
		&ids, &num) != 0) {
	    continue;
	}
	Tally1(statePtr, oldPtr, groupsPtr, typePtr->name, ids, num, -1);
	free((void *) ids);
    }

    /*
     * Largest group first.
     */

    Tcl_DictObjSize(NULL, groupsPtr, &n);
    pairs = (Tcl_Obj **) Tcl_Alloc((n + 1) * 2 * sizeof(Tcl_Obj *));
    i = 0;
    Tcl_DictObjFirst(NULL, groupsPtr, &search, &keyPtr, &valuePtr, &done);
    for (; !done; Tcl_DictObjNext(&search, &keyPtr, &valuePtr, &done)) {
	pairs[2 * i] = keyPtr;
	pairs[2 * i + 1] = valuePtr;
	i++;
    }
    Tcl_DictObjDone(&search);
    qsort(pairs, (size_t) n, 2 * sizeof(Tcl_Obj *), CompareGroups);
    resultPtr = Tcl_NewDictObj();
    for (i = 0; i < n; i++) {
	Tcl_DictObjPut(NULL, resultPtr, pairs[2 * i], pairs[2 * i + 1]);
    }
    Tcl_Free((char *) pairs);
    Tcl_DecrRefCount(groupsPtr);
    return resultPtr;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakDiffObjCmd --
 *
 *	tkleak::diff old ?new?: a dict TYPE -> {count dN bytes dB} of the
 *	types whose count or bytes changed, in type-name order.
 *
 * Results:
 *	TCL_OK with the dict, or TCL_ERROR with a TKLEAK error code (USAGE,
 *	SNAPSHOT UNKNOWN, MEMORY).
 *
 * Side effects:
 *	The recording log is flushed; a fresh census taken for NEW is freed
 *	again.
 *
 *----------------------------------------------------------------------
 */

int
TkleakDiffObjCmd(
    ClientData clientData,
    Tcl_Interp *interp,
    int objc,
    Tcl_Obj *const objv[])
{
    static const char *const byOptions[] = {"-by", NULL};
    static const char *const groupings[] = {"type", "origin", NULL};
    Pair pair;
    TkleakDiff diff;
    Tcl_Obj *dictPtr;
    size_t i;
    int byOrigin = 0;

    TkleakRecordFlush(clientData);

    /*
     * Only the last two of four words or more can be the option: a
     * snapshot named like an option is still one in "diff old new".
     */

    if (objc >= 4 && Tcl_GetString(objv[objc - 2])[0] == '-') {
	if (TkleakGetIndex(interp, objv[objc - 2], byOptions, "option",
		&byOrigin, "DIFF", "OPTION", Tcl_GetString(objv[objc - 2]),
		(char *) NULL) != TCL_OK
		|| TkleakGetIndex(interp, objv[objc - 1], groupings,
		"grouping", &byOrigin, "DIFF", "VALUE", "-by",
		(char *) NULL) != TCL_OK) {
	    return TCL_ERROR;
	}
	objc -= 2;
    }
    if (objc < 2 || objc > 3) {
	Tcl_WrongNumArgs(interp, 1, objv, "old ?new? ?-by type|origin?");
	Tcl_SetErrorCode(interp, "TKLEAK", "USAGE", (char *) NULL);
	return TCL_ERROR;
    }
    if (GetPair(interp, clientData, objv[1], objc == 3 ? objv[2] : NULL,
	    &pair) != TCL_OK) {
	return TCL_ERROR;
    }
    if (byOrigin) {
	dictPtr = ByOrigin(clientData, pair.oldPtr, pair.newPtr);
	FreePair(&pair);
	Tcl_SetObjResult(interp, dictPtr);
	return TCL_OK;
    }
    if (TkleakDiffCompute(pair.oldPtr, pair.newPtr, &diff) != 0) {
	FreePair(&pair);
	return NoMemory(interp);
    }
    dictPtr = Tcl_NewDictObj();
    for (i = 0; i < diff.numRows; i++) {
	Tcl_Obj *rowPtr = Tcl_NewDictObj();

	Tcl_DictObjPut(NULL, rowPtr, Tcl_NewStringObj("count", 5),
		Tcl_NewWideIntObj(diff.rows[i].count));
	Tcl_DictObjPut(NULL, rowPtr, Tcl_NewStringObj("bytes", 5),
		Tcl_NewWideIntObj(diff.rows[i].bytes));
	Tcl_DictObjPut(NULL, dictPtr, Tcl_NewStringObj(diff.rows[i].type, -1),
		rowPtr);
    }
    TkleakDiffFree(&diff);
    FreePair(&pair);
    Tcl_SetObjResult(interp, dictPtr);
    return TCL_OK;
}

/*
 * NewOrGone --
 *
 *	tkleak::new type old ?new? (identities in NEW and not in OLD) and
 *	tkleak::gone type old ?new? (the reverse), sorted.
 */

static int
NewOrGone(
    ClientData clientData,
    Tcl_Interp *interp,
    int objc,
    Tcl_Obj *const objv[],
    int gone)
{
    static const char *const originsOptions[] = {"-origins", NULL};
    Pair pair;
    TkleakType *oldTypePtr, *newTypePtr;
    const char **ids;
    size_t n, i;
    Tcl_Obj *listPtr;
    int code, origins = 0, index;

    TkleakRecordFlush(clientData);
    if (objc >= 5 && Tcl_GetString(objv[objc - 2])[0] == '-') {
	if (TkleakGetIndex(interp, objv[objc - 2], originsOptions, "option",
		&index, gone ? "GONE" : "NEW", "OPTION",
		Tcl_GetString(objv[objc - 2]), (char *) NULL) != TCL_OK) {
	    return TCL_ERROR;
	}
	if (TkleakGetBoolean(interp, objv[objc - 1], &origins, "USAGE",
		(char *) NULL) != TCL_OK) {
	    return TCL_ERROR;
	}
	objc -= 2;
    }
    if (objc < 3 || objc > 4) {
	Tcl_WrongNumArgs(interp, 1, objv, "type old ?new? ?-origins bool?");
	Tcl_SetErrorCode(interp, "TKLEAK", "USAGE", (char *) NULL);
	return TCL_ERROR;
    }
    if (GetPair(interp, clientData, objv[2], objc == 4 ? objv[3] : NULL,
	    &pair) != TCL_OK) {
	return TCL_ERROR;
    }
    oldTypePtr = TkleakCensusFind(pair.oldPtr, Tcl_GetString(objv[1]));
    newTypePtr = TkleakCensusFind(pair.newPtr, Tcl_GetString(objv[1]));
    code = gone ? TkleakIdsMinus(oldTypePtr, newTypePtr, &ids, &n)
	    : TkleakIdsMinus(newTypePtr, oldTypePtr, &ids, &n);
    if (code != 0) {
	FreePair(&pair);
	return NoMemory(interp);
    }
    listPtr = Tcl_NewListObj(0, NULL);
    for (i = 0; i < n; i++) {
	Tcl_ListObjAppendElement(NULL, listPtr, Tcl_NewStringObj(ids[i], -1));
	if (origins) {
	    Tcl_DString key;

	    Tcl_DStringInit(&key);
	    Tcl_ListObjAppendElement(NULL, listPtr,
		    KeyOf(Tcl_GetString(objv[1]), ids[i], &key)
		    ? TkleakOriginLast(clientData, Tcl_DStringValue(&key))
		    : Tcl_NewObj());
	    Tcl_DStringFree(&key);
	}
    }
    free((void *) ids);
    FreePair(&pair);
    Tcl_SetObjResult(interp, listPtr);
    return TCL_OK;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakNewObjCmd --
 *
 *	tkleak::new old ?new? ?-origins 1?: the identities that are in NEW
 *	and not in OLD, by type (NewOrGone).
 *
 * Results:
 *	As TkleakDiffObjCmd.
 *
 * Side effects:
 *	As TkleakDiffObjCmd.
 *
 *----------------------------------------------------------------------
 */

int
TkleakNewObjCmd(
    ClientData clientData,
    Tcl_Interp *interp,
    int objc,
    Tcl_Obj *const objv[])
{
    return NewOrGone(clientData, interp, objc, objv, 0);
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakGoneObjCmd --
 *
 *	tkleak::gone old ?new?: the identities that are in OLD and not in
 *	NEW, by type (NewOrGone).
 *
 * Results:
 *	As TkleakDiffObjCmd.
 *
 * Side effects:
 *	As TkleakDiffObjCmd.
 *
 *----------------------------------------------------------------------
 */

int
TkleakGoneObjCmd(
    ClientData clientData,
    Tcl_Interp *interp,
    int objc,
    Tcl_Obj *const objv[])
{
    return NewOrGone(clientData, interp, objc, objv, 1);
}

/*
 * One object whose bytes grew, for tkleak::grown.
 */

typedef struct Growth {
    const char *id;			/* In the newer census. */
    size_t before, after;		/* Its bytes in the two. */
} Growth;

/*
 * CompareGrowth --
 *
 *	Largest growth first; equal growths by identity.
 */

static int
CompareGrowth(
    const void *a,
    const void *b)
{
    const Growth *g1 = a, *g2 = b;
    size_t d1 = g1->after - g1->before, d2 = g2->after - g2->before;

    if (d1 != d2) {
	return d1 > d2 ? -1 : 1;
    }
    return strcmp(g1->id, g2->id);
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakGrownObjCmd --
 *
 *	tkleak::grown type old ?new?: the objects of TYPE in both censuses
 *	whose bytes grew, largest growth first, as a list of {name N before
 *	B after A} dicts. "which variable grew by 4,881 bytes". A type
 *	neither census has gives an empty list, as for tkleak::new.
 *
 * Results:
 *	A standard Tcl result; errors have the code TKLEAK USAGE, the
 *	codes of an unknown snapshot, or TKLEAK NOMEM.
 *
 * Side effects:
 *	The identities of TYPE in both censuses are sorted (once).
 *
 *----------------------------------------------------------------------
 */

int
TkleakGrownObjCmd(
    ClientData clientData,
    Tcl_Interp *interp,
    int objc,
    Tcl_Obj *const objv[])
{
    Pair pair;
    TkleakType *oldTypePtr, *newTypePtr;
    Growth *grown = NULL;
    size_t n = 0, i = 0, j = 0, k;
    Tcl_Obj *listPtr;

    TkleakRecordFlush(clientData);
    if (objc < 3 || objc > 4) {
	Tcl_WrongNumArgs(interp, 1, objv, "type old ?new?");
	Tcl_SetErrorCode(interp, "TKLEAK", "USAGE", (char *) NULL);
	return TCL_ERROR;
    }
    if (GetPair(interp, clientData, objv[2], objc == 4 ? objv[3] : NULL,
	    &pair) != TCL_OK) {
	return TCL_ERROR;
    }
    oldTypePtr = TkleakCensusFind(pair.oldPtr, Tcl_GetString(objv[1]));
    newTypePtr = TkleakCensusFind(pair.newPtr, Tcl_GetString(objv[1]));
    if (oldTypePtr != NULL && newTypePtr != NULL && oldTypePtr->numIds > 0
	    && newTypePtr->numIds > 0) {
	TkleakTypeSort(oldTypePtr);
	TkleakTypeSort(newTypePtr);
	grown = malloc(sizeof(Growth) * (newTypePtr->numIds
		< oldTypePtr->numIds ? newTypePtr->numIds
		: oldTypePtr->numIds));
	if (grown == NULL) {
	    FreePair(&pair);
	    return NoMemory(interp);
	}
	while (i < oldTypePtr->numIds && j < newTypePtr->numIds) {
	    int c = strcmp(oldTypePtr->ids[i], newTypePtr->ids[j]);

	    if (c < 0) {
		i++;
	    } else if (c > 0) {
		j++;
	    } else {
		size_t before = TkleakIdBytes(oldTypePtr->ids[i++]);
		size_t after = TkleakIdBytes(newTypePtr->ids[j]);

		if (after > before) {
		    grown[n].id = newTypePtr->ids[j];
		    grown[n].before = before;
		    grown[n++].after = after;
		}
		j++;
	    }
	}
	qsort(grown, n, sizeof(Growth), CompareGrowth);
    }
    listPtr = Tcl_NewListObj(0, NULL);
    for (k = 0; k < n; k++) {
	Tcl_Obj *v[6];

	v[0] = Tcl_NewStringObj("name", 4);
	v[1] = Tcl_NewStringObj(grown[k].id, -1);
	v[2] = Tcl_NewStringObj("before", 6);
	v[3] = Tcl_NewWideIntObj((Tcl_WideInt) grown[k].before);
	v[4] = Tcl_NewStringObj("after", 5);
	v[5] = Tcl_NewWideIntObj((Tcl_WideInt) grown[k].after);
	Tcl_ListObjAppendElement(NULL, listPtr, Tcl_NewListObj(6, v));
    }
    free(grown);
    FreePair(&pair);
    Tcl_SetObjResult(interp, listPtr);
    return TCL_OK;
}

/*
 * Table --
 *
 *	pympler's table for OLDPTR -> NEWPTR, as a new Tcl object (zero
 *	references), or NULL when memory is short.
 */

static Tcl_Obj *
Table(
    TkleakCensus *oldPtr,
    TkleakCensus *newPtr)
{
    TkleakDiff diff;
    char *text;
    Tcl_Obj *resultPtr;

    if (TkleakDiffCompute(oldPtr, newPtr, &diff) != 0) {
	return NULL;
    }
    TkleakDiffSortBySize(&diff);
    text = TkleakFormatTable(&diff);
    TkleakDiffFree(&diff);
    if (text == NULL) {
	return NULL;
    }
    resultPtr = Tcl_NewStringObj(text, -1);
    free(text);
    return resultPtr;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakFormatDiffObjCmd --
 *
 *	tkleak::format_diff old ?new?: the diff as pympler's table, rows
 *	by size change then count change, and the heap and RSS line.
 *
 * Results:
 *	The table, or TCL_ERROR as TkleakDiffObjCmd.
 *
 * Side effects:
 *	As TkleakDiffObjCmd.
 *
 *----------------------------------------------------------------------
 */

int
TkleakFormatDiffObjCmd(
    ClientData clientData,
    Tcl_Interp *interp,
    int objc,
    Tcl_Obj *const objv[])
{
    Pair pair;
    Tcl_Obj *tablePtr;

    if (objc < 2 || objc > 3) {
	Tcl_WrongNumArgs(interp, 1, objv, "old ?new?");
	Tcl_SetErrorCode(interp, "TKLEAK", "USAGE", (char *) NULL);
	return TCL_ERROR;
    }
    if (GetPair(interp, clientData, objv[1], objc == 3 ? objv[2] : NULL,
	    &pair) != TCL_OK) {
	return TCL_ERROR;
    }
    tablePtr = Table(pair.oldPtr, pair.newPtr);
    FreePair(&pair);
    if (tablePtr == NULL) {
	return NoMemory(interp);
    }
    Tcl_SetObjResult(interp, tablePtr);
    return TCL_OK;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakPrintDiffObjCmd --
 *
 *	tkleak::print_diff ?channel?: like pympler's
 *	SummaryTracker.print_diff. Diff a fresh census against the
 *	reference (the previous print_diff, calibrate, or package load),
 *	write the table to CHANNEL (default stdout), and make the fresh
 *	census the reference.
 *
 * Results:
 *	TCL_OK with an empty result, or TCL_ERROR as TkleakDiffObjCmd.
 *
 * Side effects:
 *	The table is written to CHANNEL; the state's reference census is
 *	replaced by the fresh one (the old one freed).
 *
 *----------------------------------------------------------------------
 */

int
TkleakPrintDiffObjCmd(
    ClientData clientData,
    Tcl_Interp *interp,
    int objc,
    Tcl_Obj *const objv[])
{
    TkleakState *statePtr = clientData;
    TkleakCensus *freshPtr;
    Tcl_Channel chan;
    Tcl_Obj *tablePtr;
    int mode;

    if (objc > 2) {
	Tcl_WrongNumArgs(interp, 1, objv, "?channel?");
	Tcl_SetErrorCode(interp, "TKLEAK", "USAGE", (char *) NULL);
	return TCL_ERROR;
    }
    chan = Tcl_GetChannel(interp, objc == 2 ? Tcl_GetString(objv[1])
	    : "stdout", &mode);
    if (chan == NULL) {
	Tcl_SetErrorCode(interp, "TKLEAK", "CHANNEL", "UNKNOWN",
		objc == 2 ? Tcl_GetString(objv[1]) : "stdout", (char *) NULL);
	return TCL_ERROR;
    }
    if (!(mode & TCL_WRITABLE)) {
	Tcl_SetObjResult(interp, Tcl_ObjPrintf(
		"channel \"%s\" wasn't opened for writing",
		Tcl_GetChannelName(chan)));
	Tcl_SetErrorCode(interp, "TKLEAK", "CHANNEL", "READONLY",
		Tcl_GetChannelName(chan), (char *) NULL);
	return TCL_ERROR;
    }
    if (TkleakCensusTake(statePtr, interp, &freshPtr) != TCL_OK) {
	return TCL_ERROR;
    }
    if (statePtr->query.reference == NULL) {
	statePtr->query.reference = freshPtr;
	return TCL_OK;
    }
    tablePtr = Table(statePtr->query.reference, freshPtr);
    if (tablePtr == NULL) {
	TkleakCensusFree(freshPtr);
	return NoMemory(interp);
    }
    Tcl_IncrRefCount(tablePtr);
    if (Tcl_WriteObj(chan, tablePtr) < 0 || Tcl_Flush(chan) != TCL_OK) {
	Tcl_DecrRefCount(tablePtr);
	TkleakCensusFree(freshPtr);
	Tcl_SetObjResult(interp, Tcl_ObjPrintf("error writing \"%s\": %s",
		Tcl_GetChannelName(chan), Tcl_PosixError(interp)));
	Tcl_SetErrorCode(interp, "TKLEAK", "CHANNEL", "WRITE",
		Tcl_GetChannelName(chan), (char *) NULL);
	return TCL_ERROR;
    }
    Tcl_DecrRefCount(tablePtr);
    TkleakCensusFree(statePtr->query.reference);
    statePtr->query.reference = freshPtr;
    return TCL_OK;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakCalibrateObjCmd --
 *
 *	tkleak::calibrate: make now the reference of print_diff and keep
 *	it as the snapshot "baseline", replacing an older one.
 *
 * Results:
 *	"baseline".
 *
 * Side effects:
 *	The reference census is replaced and the snapshot "baseline"
 *	(re)made; the log is flushed when snapshots index references.
 *
 *----------------------------------------------------------------------
 */

int
TkleakCalibrateObjCmd(
    ClientData clientData,
    Tcl_Interp *interp,
    int objc,
    Tcl_Obj *const objv[])
{
    TkleakState *statePtr = clientData;
    TkleakCensus *refPtr, *basePtr;
    Tcl_Obj *nameObj;

    if (objc != 1) {
	Tcl_WrongNumArgs(interp, 1, objv, NULL);
	Tcl_SetErrorCode(interp, "TKLEAK", "USAGE", (char *) NULL);
	return TCL_ERROR;
    }

    /*
     * Two censuses, not one shared: the reference moves on at each
     * print_diff while the baseline stays until the next calibrate.
     */

    if (TkleakCensusTake(statePtr, interp, &refPtr) != TCL_OK) {
	return TCL_ERROR;
    }
    if (TkleakCensusTakeKeep(statePtr, interp, &basePtr) != TCL_OK) {
	TkleakCensusFree(refPtr);
	return TCL_ERROR;
    }
    nameObj = Tcl_NewStringObj("baseline", 8);
    Tcl_IncrRefCount(nameObj);
    TkleakStoreCensus(interp, statePtr, nameObj, basePtr, 1);
    TkleakCensusFree(statePtr->query.reference);
    statePtr->query.reference = refPtr;
    Tcl_SetObjResult(interp, nameObj);
    Tcl_DecrRefCount(nameObj);
    return TCL_OK;
}
