/*
 * util.c --
 *
 *	Small helpers on Tcl objects and strings that every layer uses: a
 *	referrer dict, a table of held objects, a dict lookup that frees its
 *	key, the slot name of a binding, a two-word list.
 *
 * Copyright (c) 2026 the tkleak developers. See the file "LICENSE".
 */

#include "config.h"
#include <stdlib.h>
#include <string.h>
#include "tkleakInt.h"

/*
 *----------------------------------------------------------------------
 *
 * TkleakNewRef --
 *
 *	A referrer: the dict {owner OWNER slot SLOT}.
 *
 * Results:
 *	A new object with no reference held.
 *
 * Side effects:
 *	None.
 *
 *----------------------------------------------------------------------
 */

Tcl_Obj *
TkleakNewRef(
    const char *owner,
    const char *slot)
{
    Tcl_Obj *refPtr = Tcl_NewDictObj();

    Tcl_DictObjPut(NULL, refPtr, Tcl_NewStringObj("owner", 5),
	    Tcl_NewStringObj(owner, -1));
    Tcl_DictObjPut(NULL, refPtr, Tcl_NewStringObj("slot", 4),
	    Tcl_NewStringObj(slot, -1));
    return refPtr;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakDeleteObjTable --
 *
 *	Delete a hash table whose values are Tcl objects holding one
 *	reference each, releasing them. With REINIT, the table is made
 *	again, empty, with string keys.
 *
 * Results:
 *	None.
 *
 * Side effects:
 *	One reference of each value is released; the table is deleted (and
 *	made again, empty, with REINIT).
 *
 *----------------------------------------------------------------------
 */

void
TkleakDeleteObjTable(
    Tcl_HashTable *tablePtr,
    int reinit)
{
    Tcl_HashSearch search;
    Tcl_HashEntry *hPtr;

    for (hPtr = Tcl_FirstHashEntry(tablePtr, &search); hPtr;
	    hPtr = Tcl_NextHashEntry(&search)) {
	Tcl_DecrRefCount((Tcl_Obj *) Tcl_GetHashValue(hPtr));
    }
    Tcl_DeleteHashTable(tablePtr);
    if (reinit) {
	Tcl_InitHashTable(tablePtr, TCL_STRING_KEYS);
    }
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakDictGet --
 *
 *	The value of KEY in DICTPTR, or NULL: Tcl_DictObjGet with a key
 *	that is freed again (a key made with no reference and handed to
 *	Tcl_DictObjGet would never be freed).
 *
 * Results:
 *	The value (owned by the dict, no reference added), or NULL.
 *
 * Side effects:
 *	None: the key made for the lookup is freed again.
 *
 *----------------------------------------------------------------------
 */

Tcl_Obj *
TkleakDictGet(
    Tcl_Obj *dictPtr,
    const char *key)
{
    Tcl_Obj *keyPtr = Tcl_NewStringObj(key, -1), *valuePtr = NULL;

    Tcl_IncrRefCount(keyPtr);
    if (Tcl_DictObjGet(NULL, dictPtr, keyPtr, &valuePtr) != TCL_OK) {
	valuePtr = NULL;
    }
    Tcl_DecrRefCount(keyPtr);
    return valuePtr;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakBindSlot --
 *
 *	The slot name of a binding, in the (initialised) DSPTR: "bind SEQ"
 *	for a window's own tag, "bind TAG SEQ" for other tags ("bind all
 *	<Key>"); the owner is the tag.
 *
 * Results:
 *	None.
 *
 * Side effects:
 *	The slot name is appended to DSPTR.
 *
 *----------------------------------------------------------------------
 */

void
TkleakBindSlot(
    Tcl_DString *dsPtr,
    const char *tag,
    const char *seq)
{
    Tcl_DStringAppend(dsPtr, "bind ", 5);
    if (tag[0] != '.') {
	Tcl_DStringAppend(dsPtr, tag, -1);
	Tcl_DStringAppend(dsPtr, " ", 1);
    }
    Tcl_DStringAppend(dsPtr, seq, -1);
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakJoinPair --
 *
 *	The two-element list {A B} as Tcl_Merge would make it, written to
 *	BUF when it fits and both are plain words (the usual case: a path
 *	or tag and a number or event sequence), else made by Tcl_Merge.
 *
 * Results:
 *	BUF, or a Tcl_Alloc'ed string the caller must Tcl_Free (test the
 *	result against BUF).
 *
 * Side effects:
 *	None.
 *
 *----------------------------------------------------------------------
 */

char *
TkleakJoinPair(
    const char *a,
    const char *b,
    char *buf,
    size_t size)
{
    size_t la = strlen(a), lb = strlen(b);
    const char *argv[2];

    if (la > 0 && lb > 0 && la + lb + 2 <= size
	    && strpbrk(a, TKLEAK_LIST_SPECIALS) == NULL
	    && strpbrk(b, TKLEAK_LIST_SPECIALS) == NULL && a[0] != '#') {
	memcpy(buf, a, la);
	buf[la] = ' ';
	memcpy(buf + la + 1, b, lb + 1);
	return buf;
    }
    argv[0] = a;
    argv[1] = b;
    return Tcl_Merge(2, argv);
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakHashString --
 *
 *	A hash of the string S (Tcl's own rule, h * 9 + c), for the open
 *	addressing sets of names the orphan checks build once a call
 *	(query/live.c, query/orphans.c).
 *
 * Results:
 *	The hash.
 *
 * Side effects:
 *	None.
 *
 *----------------------------------------------------------------------
 */

size_t
TkleakHashString(
    const char *s)
{
    size_t h = 0;

    while (*s) {
	h = h * 9 + (unsigned char) *s++;
    }
    return h;
}
