/*
 * heap.c --
 *
 *	tkleak::heap: the process's memory and tkleak's own part of it, as
 *	core/heap.c measures them.
 *
 * Copyright (c) 2026 the tkleak developers. See the file "LICENSE".
 */

#include "config.h"
#include <malloc.h>
#include <string.h>
#include "tkleakInt.h"

/*
 *----------------------------------------------------------------------
 *
 * TkleakHeapObjCmd --
 *
 *	tkleak::heap: a dict with "heap" (malloc bytes in use), "rss"
 *	(resident bytes), "tkleak" (the part of the heap that is tkleak's
 *	own: TkleakOwnBytes), and "mmap" (bytes of the heap in mmapped
 *	blocks) and "free" (bytes malloc holds but does not use) where
 *	mallinfo2 gives them.
 *
 * Results:
 *	TCL_OK with the dict, or TCL_ERROR with TKLEAK USAGE.
 *
 * Side effects:
 *	None.
 *
 *----------------------------------------------------------------------
 */

int
TkleakHeapObjCmd(
    ClientData clientData,
    Tcl_Interp *interp,
    int objc,
    Tcl_Obj *const objv[])
{
    long long heap, rss;
    Tcl_Obj *dictPtr;
    TkleakState *statePtr = clientData;

    if (objc != 1) {
	Tcl_WrongNumArgs(interp, 1, objv, NULL);
	Tcl_SetErrorCode(interp, "TKLEAK", "USAGE", (char *) NULL);
	return TCL_ERROR;
    }
    TkleakHeapGet(&heap, &rss);
    dictPtr = Tcl_NewDictObj();
    Tcl_DictObjPut(NULL, dictPtr, Tcl_NewStringObj("heap", 4),
	    Tcl_NewWideIntObj(heap));
    Tcl_DictObjPut(NULL, dictPtr, Tcl_NewStringObj("rss", 3),
	    Tcl_NewWideIntObj(rss));
    if (statePtr != NULL) {
	Tcl_DictObjPut(NULL, dictPtr, Tcl_NewStringObj("tkleak", 6),
		Tcl_NewWideIntObj(TkleakOwnBytes(statePtr)));
    }
#ifdef HAVE_MALLINFO2
    {
	struct mallinfo2 mi = mallinfo2();

	Tcl_DictObjPut(NULL, dictPtr, Tcl_NewStringObj("mmap", 4),
		Tcl_NewWideIntObj((Tcl_WideInt) mi.hblkhd));
	Tcl_DictObjPut(NULL, dictPtr, Tcl_NewStringObj("free", 4),
		Tcl_NewWideIntObj((Tcl_WideInt) mi.fordblks));
    }
#endif
    Tcl_SetObjResult(interp, dictPtr);
    return TCL_OK;
}
