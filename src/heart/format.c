/*
 * format.c --
 *
 *	pympler's table, for Tcl/Tk types:
 *
 *	           types |   # objects |   total size
 *	================ | =========== | ============
 *	    command proc |           3 |    105     B
 *	   widget Button |           3 |      0     B
 *	heap: +14.26 KB, rss: +132.00 KB, tkleak: +4.18 MB
 *
 *	The heap is the app's growth: tkleak's own (its snapshots, this
 *	census, its tables), shown last, is taken out of it; the RSS is the
 *	process's.
 *
 *	Sizes are formatted as pympler's stringutils.pp does (base 1024,
 *	"%4d     B" below a KB, "%7.2f KB" above). Plain C, tested by
 *	tests/unit/test-format.c.
 *
 * Copyright (c) 2026 the tkleak developers. See the file "LICENSE".
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "census.h"

static const char *const units[] = {"B", "KB", "MB", "GB", "TB", "PB", "EB"};

/*
 *----------------------------------------------------------------------
 *
 * TkleakFormatSize --
 *
 *	Format BYTES as pympler does: "280     B", "14.26 KB". A negative
 *	size is scaled by its magnitude and keeps its sign ("-2.00 KB"),
 *	where pympler would leave it unscaled.
 *
 * Results:
 *	BUF (at least TKLEAK_SIZE_BUF bytes) holds the text.
 *
 * Side effects:
 *	None.
 *
 *----------------------------------------------------------------------
 */

void
TkleakFormatSize(
    long long bytes,
    char *buf)
{
    double v = bytes < 0 ? -(double) bytes : (double) bytes;
    int degree = 0;

    while (v > 1024.0 && degree < 6) {
	v /= 1024.0;
	degree++;
    }
    if (degree == 0) {
	snprintf(buf, TKLEAK_SIZE_BUF, "%4lld     %s", bytes, units[0]);
    } else {
	snprintf(buf, TKLEAK_SIZE_BUF, "%7.2f %s", bytes < 0 ? -v : v,
		units[degree]);
    }
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakFormatSignedSize --
 *
 *	A size with an explicit sign and no padding, for the heap line:
 *	"+14.26 KB", "-280 B", "+0 B".
 *
 * Results:
 *	BUF (at least TKLEAK_SIZE_BUF bytes) holds the text.
 *
 * Side effects:
 *	None.
 *
 *----------------------------------------------------------------------
 */

void
TkleakFormatSignedSize(
    long long bytes,
    char *buf)
{
    double v = bytes < 0 ? -(double) bytes : (double) bytes;
    int degree = 0;
    char sign = bytes < 0 ? '-' : '+';

    while (v > 1024.0 && degree < 6) {
	v /= 1024.0;
	degree++;
    }
    if (degree == 0) {
	snprintf(buf, TKLEAK_SIZE_BUF, "%c%lld %s", sign,
		bytes < 0 ? -bytes : bytes, units[0]);
    } else {
	snprintf(buf, TKLEAK_SIZE_BUF, "%c%.2f %s", sign, v, units[degree]);
    }
}

/*
 * Utf8Width --
 *
 *	Characters in a UTF-8 string, so that non-ASCII type names align.
 */

static size_t
Utf8Width(
    const char *s)
{
    size_t n = 0;

    for (; *s; s++) {
	if (((unsigned char) *s & 0xC0) != 0x80) {
	    n++;
	}
    }
    return n;
}

static void
Pad(
    char **pp,
    size_t n,
    char c)
{
    memset(*pp, c, n);
    *pp += n;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakFormatTable --
 *
 *	Lay out DIFFPTR's rows, in their current order, as pympler's
 *	table, ending with the heap, RSS and tkleak line. Every line ends
 *	in "\n".
 *
 * Results:
 *	A malloc'ed string owned by the caller, or NULL when memory is
 *	short.
 *
 * Side effects:
 *	None.
 *
 *----------------------------------------------------------------------
 */

char *
TkleakFormatTable(
    const TkleakDiff *diffPtr)
{
    size_t width = 5, i, size, len;
    char *out, *p, sizeBuf[TKLEAK_SIZE_BUF], heapBuf[TKLEAK_SIZE_BUF];
    char rssBuf[TKLEAK_SIZE_BUF], ownBuf[TKLEAK_SIZE_BUF], cell[64];

    for (i = 0; i < diffPtr->numRows; i++) {
	size_t w = Utf8Width(diffPtr->rows[i].type);

	if (w > width) {
	    width = w;
	}
    }

    /*
     * Every line is at most WIDTH columns of name (4 bytes a character
     * at worst) plus 3 + 11 + 3 + 12 + newline, and the heap line fits
     * in 128 bytes.
     */

    size = 0;
    for (i = 0; i < diffPtr->numRows; i++) {
	size += width + strlen(diffPtr->rows[i].type) + 40;
    }
    size += 2 * (width + 40) + 128;
    out = p = malloc(size);
    if (out == NULL) {
	return NULL;
    }

    len = Utf8Width("types");
    Pad(&p, width - len, ' ');
    p += sprintf(p, "types | %11s | %12s\n", "# objects", "total size");
    Pad(&p, width, '=');
    p += sprintf(p, " | =========== | ============\n");
    for (i = 0; i < diffPtr->numRows; i++) {
	const TkleakDiffRow *rowPtr = &diffPtr->rows[i];

	Pad(&p, width - Utf8Width(rowPtr->type), ' ');
	len = strlen(rowPtr->type);
	memcpy(p, rowPtr->type, len);
	p += len;
	TkleakFormatSize(rowPtr->bytes, sizeBuf);
	snprintf(cell, sizeof(cell), "%lld", rowPtr->count);
	p += sprintf(p, " | %11s | %12s\n", cell, sizeBuf);
    }
    TkleakFormatSignedSize(diffPtr->heap, heapBuf);
    TkleakFormatSignedSize(diffPtr->rss, rssBuf);
    TkleakFormatSignedSize(diffPtr->own, ownBuf);
    sprintf(p, "heap: %s, rss: %s, tkleak: %s\n", heapBuf, rssBuf, ownBuf);
    return out;
}
