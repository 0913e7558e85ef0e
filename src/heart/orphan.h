/*
 * orphan.h --
 *
 *	The orphan rule on a plain row (orphan.c); no Tcl.
 *
 * Copyright (c) 2026 the tkleak developers. See the file "LICENSE".
 */

#ifndef TKLEAK_ORPHAN_H
#define TKLEAK_ORPHAN_H

/*
 * What the glue knows of one object made since the reference census:
 * its census type and name, and three answers it got from the app.
 */

typedef struct TkleakOrphanRow {
    const char *type;		/* Census type: "command tkinter", ... */
    const char *name;		/* Its identity in the census. */
    int inUse;			/* A live slot names it, or it is a library's
				 * (Tk's procs and images), a dead window's
				 * command (reported apart), or a menu that
				 * is posted, a clone or gone. */
    int seen;			/* Some slot named it once ("seen"). */
} TkleakOrphanRow;

typedef enum TkleakOrphanReason {
    TKLEAK_NOT_ORPHAN = 0,
    TKLEAK_ORPHAN_DETACHED,	/* Named once, by nothing now. */
    TKLEAK_ORPHAN_UNREFERENCED	/* Never named: an image, or a tkinter
				 * callback wrapper. */
} TkleakOrphanReason;

int			TkleakOrphanCandidate(const char *type);
TkleakOrphanReason	TkleakOrphanRule(const TkleakOrphanRow *rowPtr);
const char *		TkleakOrphanReasonName(TkleakOrphanReason reason);

#endif /* TKLEAK_ORPHAN_H */
