/*
 * names.c --
 *
 *	Rules on names, plain C (tests/unit/test-names.c, and fuzzed by
 *	tests/fuzz/fuzz-names.c): which namespaces, windows, images and
 *	fonts are tkleak's own, never counted, and which command names have
 *	the shape of a tkinter callback wrapper.
 *
 * Copyright (c) 2026 the tkleak developers. See the file "LICENSE".
 */

#include <string.h>
#include "census.h"

/*
 *----------------------------------------------------------------------
 *
 * TkleakIsOwnNamespace, TkleakIsOwnWindow, TkleakIsOwnName --
 *
 *	Whether a namespace, window path or image/font name is tkleak's.
 *
 * Results:
 *	1 when it is, else 0.
 *
 * Side effects:
 *	None.
 *
 *----------------------------------------------------------------------
 */

int
TkleakIsOwnNamespace(
    const char *fullName)
{
    return strncmp(fullName, "::tkleak", 8) == 0
	    && (fullName[8] == '\0' || strncmp(fullName + 8, "::", 2) == 0);
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakIsOwnWindow --
 *
 *	Whether the window PATH is tkleak's: a component of the path (after
 *	its last "#", for Tk's clones of a menu) is "tkleak" or starts with
 *	"tkleak_" (the panel, the Memory cascade and its clones).
 *
 * Results:
 *	1 when it is, else 0.
 *
 * Side effects:
 *	None.
 *
 *----------------------------------------------------------------------
 */

int
TkleakIsOwnWindow(
    const char *path)
{
    const char *p = path;

    if (strstr(path, "tkleak") == NULL) {
	return 0;
    }

    /*
     * A component counts as "tkleak" after its last '#', so that the
     * clones Tk makes of a menu (.#menubar.#menubar#tkleak) are skipped
     * with the menu itself.
     */

    while (p && *p == '.') {
	const char *start = p + 1, *end = strchr(start, '.');
	const char *hash, *q;
	size_t len = end ? (size_t) (end - start) : strlen(start);

	hash = NULL;
	for (q = start; q < start + len; q++) {
	    if (*q == '#') {
		hash = q;
	    }
	}
	if (hash) {
	    len -= (size_t) (hash + 1 - start);
	    start = hash + 1;
	}
	if ((len == 6 && strncmp(start, "tkleak", 6) == 0)
		|| (len > 6 && strncmp(start, "tkleak_", 7) == 0)) {
	    return 1;
	}
	p = end;
    }
    return 0;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakIsOwnName --
 *
 *	Whether the image or font NAME is tkleak's (::tkleak::...).
 *
 * Results:
 *	1 when it is, else 0.
 *
 * Side effects:
 *	None.
 *
 *----------------------------------------------------------------------
 */

int
TkleakIsOwnName(
    const char *name)
{
    return strncmp(name, "::tkleak::", 10) == 0;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakIsTkinterWrapper --
 *
 *	Whether a fully qualified command name has the shape of the names
 *	tkinter gives its callback wrappers: the decimal id of a Python
 *	object, then the function's name ("::140234567wakeup").
 *
 * Results:
 *	1 when it has, else 0.
 *
 * Side effects:
 *	None.
 *
 *----------------------------------------------------------------------
 */

int
TkleakIsTkinterWrapper(
    const char *fq)
{
    const char *p = fq + 2;

    if (strncmp(fq, "::", 2) != 0 || strstr(p, "::") != NULL
	    || *p < '0' || *p > '9') {
	return 0;
    }
    while (*p >= '0' && *p <= '9') {
	p++;
    }
    return *p != '\0';
}
