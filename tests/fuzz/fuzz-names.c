/*
 * fuzz-names.c --
 *
 *	libFuzzer target for the name rules (names.c) and the table layout
 *	(format.c) with any type name: the input, cut at its first NUL, is a
 *	namespace, a window path, a command name and a type name at once.
 *	The table must hold the name exactly and end with the heap line.
 */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "heart/census.h"

int
LLVMFuzzerTestOneInput(
    const uint8_t *data,
    size_t size)
{
    char *name = malloc(size + 1), *table;
    TkleakDiffRow rows[2];
    TkleakDiff diff;

    if (name == NULL) {
	return 0;
    }
    memcpy(name, data, size);
    name[size] = '\0';
    (void) TkleakIsOwnNamespace(name);
    (void) TkleakIsOwnWindow(name);
    (void) TkleakIsOwnName(name);
    (void) TkleakIsTkinterWrapper(name);

    memset(rows, 0, sizeof(rows));
    rows[0].type = name;
    rows[0].count = (long long) size - 7;
    rows[0].bytes = -(long long) size * 1000003;
    rows[1].type = "widget Button";
    rows[1].count = 3;
    diff.rows = rows;
    diff.numRows = 2;
    diff.heap = (long long) size << 20;
    diff.rss = -(long long) size;
    table = TkleakFormatTable(&diff);
    if (table == NULL || strstr(table, name) == NULL
	    || strstr(table, "heap: ") == NULL) {
	abort();
    }
    free(table);
    free(name);
    return 0;
}
