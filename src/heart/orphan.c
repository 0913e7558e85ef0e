/*
 * orphan.c --
 *
 *	The orphan rule, on plain rows: which objects made since a reference
 *	census are orphans, and of which kind. The glue (query/orphans.c)
 *	asks the app what a row needs (is it named by a live slot now, was
 *	it ever, is it a library's) and this file decides; cmocka tests it
 *	without an interpreter.
 *
 *	An orphan is a command, image or menu that did not exist at the
 *	reference and that no live slot names now: "detached" when some
 *	slot named it once, "unreferenced" when none ever did and it is an
 *	image or a tkinter callback wrapper (an app's own procs are called
 *	from code no index reads, so an unnamed proc is no orphan).
 *
 * Copyright (c) 2026 the tkleak developers. See the file "LICENSE".
 */

#include <stddef.h>
#include <string.h>
#include "census.h"
#include "keys.h"
#include "orphan.h"

/*
 *----------------------------------------------------------------------
 *
 * TkleakOrphanCandidate --
 *
 *	Whether objects of census type TYPE can be orphans at all: commands
 *	(and TclOO objects), images and menus; of the windows, only a menu
 *	can be detached and still alive.
 *
 * Results:
 *	The key kind of the type (keys.h) when they can, else
 *	TKLEAK_KEY_NONE.
 *
 * Side effects:
 *	None.
 *
 *----------------------------------------------------------------------
 */

int
TkleakOrphanCandidate(
    const char *type)
{
    TkleakKeyKind kind = TkleakTypeKeyKind(type);

    if (kind == TKLEAK_KEY_COMMAND || kind == TKLEAK_KEY_IMAGE
	    || (kind == TKLEAK_KEY_WINDOW && strcmp(type, "widget Menu") == 0)) {
	return kind;
    }
    return TKLEAK_KEY_NONE;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakOrphanRule --
 *
 *	The verdict on ROWPTR, an object of a candidate type made since the
 *	reference census.
 *
 * Results:
 *	TKLEAK_ORPHAN_DETACHED, TKLEAK_ORPHAN_UNREFERENCED or
 *	TKLEAK_NOT_ORPHAN.
 *
 * Side effects:
 *	None.
 *
 *----------------------------------------------------------------------
 */

TkleakOrphanReason
TkleakOrphanRule(
    const TkleakOrphanRow *rowPtr)
{
    if (rowPtr->inUse) {
	return TKLEAK_NOT_ORPHAN;
    }
    if (rowPtr->seen) {
	return TKLEAK_ORPHAN_DETACHED;
    }
    if (TkleakTypeKeyKind(rowPtr->type) == TKLEAK_KEY_IMAGE
	    || (strcmp(rowPtr->type, "command tkinter") == 0
		&& TkleakIsTkinterWrapper(rowPtr->name))) {
	return TKLEAK_ORPHAN_UNREFERENCED;
    }
    return TKLEAK_NOT_ORPHAN;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakOrphanReasonName --
 *
 *	The word tkleak::orphans reports for REASON.
 *
 * Results:
 *	"detached", "unreferenced", or NULL for TKLEAK_NOT_ORPHAN (static
 *	strings).
 *
 * Side effects:
 *	None.
 *
 *----------------------------------------------------------------------
 */

const char *
TkleakOrphanReasonName(
    TkleakOrphanReason reason)
{
    switch (reason) {
    case TKLEAK_ORPHAN_DETACHED:
	return "detached";
    case TKLEAK_ORPHAN_UNREFERENCED:
	return "unreferenced";
    default:
	return NULL;
    }
}
