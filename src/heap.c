/*
 * heap.c --
 *
 *	The process's memory: bytes in use by malloc (mallinfo2) and the
 *	resident set size (/proc/self/statm), for the heap line of a diff
 *	and for "tkleak heap".
 *
 * Copyright (c) 2026 the tkleak developers. See the file "LICENSE".
 */

#include "config.h"
#include <malloc.h>
#include <stdio.h>
#include <unistd.h>
#include "tkleakInt.h"

/*
 * Under AddressSanitizer malloc is ASan's and mallinfo2 reports nothing;
 * ASan's own figure is used then (make check-asan runs the tests so).
 */

extern size_t __sanitizer_get_current_allocated_bytes(void)
	__attribute__((weak));

/*
 *----------------------------------------------------------------------
 *
 * TkleakHeapGet --
 *
 *	Read the heap in use and the RSS, in bytes; -1 where unknown.
 *
 *----------------------------------------------------------------------
 */

void
TkleakHeapGet(
    long long *heapPtr,
    long long *rssPtr)
{
    FILE *f;
    long long pages = 0, resident = 0;

#if defined(HAVE_MALLINFO2)
    struct mallinfo2 mi = mallinfo2();

    *heapPtr = (long long) (mi.uordblks + mi.hblkhd);
    if (*heapPtr == 0 && __sanitizer_get_current_allocated_bytes != NULL) {
	*heapPtr = (long long) __sanitizer_get_current_allocated_bytes();
    }
#elif defined(HAVE_MALLINFO)
    struct mallinfo mi = mallinfo();

    *heapPtr = (long long) (unsigned) mi.uordblks + (unsigned) mi.hblkhd;
#else
    *heapPtr = -1;
#endif
    *rssPtr = -1;
    f = fopen("/proc/self/statm", "r");
    if (f != NULL) {
	if (fscanf(f, "%lld %lld", &pages, &resident) == 2) {
	    *rssPtr = resident * (long long) sysconf(_SC_PAGESIZE);
	}
	fclose(f);
    }
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakHeapObjCmd --
 *
 *	tkleak::heap: a dict with "heap" (malloc bytes in use), "rss"
 *	(resident bytes), and "mmap" (bytes of the heap in mmapped blocks)
 *	and "free" (bytes malloc holds but does not use) where mallinfo2
 *	gives them.
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

    (void) clientData;
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
