/*
 * private.h --
 *
 *	What the files of src/private/ share: Tcl's and Tk's private
 *	headers, behind the one gate (TKLEAK_PRIVATE: configure found them),
 *	and the walk's helpers. No file outside src/private/ includes it.
 *
 * Copyright (c) 2026 the tkleak developers. See the file "LICENSE".
 */

#ifndef TKLEAK_PRIVATE_H
#define TKLEAK_PRIVATE_H

#include "config.h"
#ifdef TKLEAK_PRIVATE
#include "tclInt.h"
#include "tclCompile.h"
#include "tclOOInt.h"
#include "tkInt.h"
#include "tkMenu.h"
#include "tkCanvas.h"
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tkleakInt.h"

#ifdef TKLEAK_PRIVATE
MODULE_SCOPE Tcl_HashEntry **TkleakHashEntries(TkleakCollect *ctxPtr,
			    Tcl_HashTable *tablePtr);
#endif

#endif /* TKLEAK_PRIVATE_H */
