/*
 * test-format.c --
 *
 *	cmocka tests of format.c: sizes as pympler's stringutils.pp prints
 *	them (bytes up to 1024, then KB, MB, GB... with two decimals;
 *	negative sizes keep their sign and are scaled by their magnitude),
 *	signed sizes for the heap line, and the whole table, byte for byte:
 *	empty, widened by a long type name, aligned by characters for
 *	non-ASCII names, and with many rows of extreme values.
 *
 * Copyright (c) 2026 the tkleak developers. See the file "LICENSE".
 */

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "heart/census.h"

#define KB 1024LL
#define MB (1024LL * KB)
#define GB (1024LL * MB)
#define TB (1024LL * GB)
#define PB (1024LL * TB)

static void
AssertSize(
    long long bytes,
    const char *expected)
{
    char buf[TKLEAK_SIZE_BUF];

    memset(buf, '#', sizeof(buf));
    TkleakFormatSize(bytes, buf);
    assert_string_equal(buf, expected);
}

static void
AssertSignedSize(
    long long bytes,
    const char *expected)
{
    char buf[TKLEAK_SIZE_BUF];

    memset(buf, '#', sizeof(buf));
    TkleakFormatSignedSize(bytes, buf);
    assert_string_equal(buf, expected);
}

/*
 * AssertTable - Format ROWS with HEAP and RSS and compare the whole text.
 */

static void
AssertTable(
    TkleakDiffRow *rows,
    size_t numRows,
    long long heap,
    long long rss,
    const char *expected)
{
    TkleakDiff diff;
    char *out;

    memset(&diff, 0, sizeof(diff));
    diff.rows = rows;
    diff.numRows = numRows;
    diff.heap = heap;
    diff.rss = rss;
    out = TkleakFormatTable(&diff);
    assert_non_null(out);
    assert_string_equal(out, expected);
    free(out);
}

static void
test_TkleakFormatSize_zero(
    void **state)
{
    AssertSize(0, "   0     B");
}

static void
test_TkleakFormatSize_bytes(
    void **state)
{
    AssertSize(1, "   1     B");
    AssertSize(280, " 280     B");
    AssertSize(1023, "1023     B");
}

/*
 * pympler scales only above the base: 1024 is still bytes.
 */

static void
test_TkleakFormatSize_kbBoundary(
    void **state)
{
    AssertSize(1024, "1024     B");
    AssertSize(1025, "   1.00 KB");
}

static void
test_TkleakFormatSize_kb(
    void **state)
{
    AssertSize(1536, "   1.50 KB");
    AssertSize(14602, "  14.26 KB");
    AssertSize(135168, " 132.00 KB");
    AssertSize(MB - 1, "1024.00 KB");
    AssertSize(MB, "1024.00 KB");
}

static void
test_TkleakFormatSize_mb(
    void **state)
{
    AssertSize(MB + 1, "   1.00 MB");
    AssertSize(3 * MB / 2, "   1.50 MB");
    AssertSize(123456789, " 117.74 MB");
    AssertSize(GB, "1024.00 MB");
}

static void
test_TkleakFormatSize_gb(
    void **state)
{
    AssertSize(GB + 1, "   1.00 GB");
    AssertSize(3 * GB, "   3.00 GB");
    AssertSize(TB, "1024.00 GB");
}

static void
test_TkleakFormatSize_huge(
    void **state)
{
    AssertSize(3 * TB / 2, "   1.50 TB");
    AssertSize(5 * PB, "   5.00 PB");
    AssertSize(LLONG_MAX, "   8.00 EB");
}

/*
 * Negative sizes keep their sign and scale by magnitude; below a KB the
 * sign takes a column of the "%4d" field, and -1024 overflows it.
 */

static void
test_TkleakFormatSize_negative(
    void **state)
{
    AssertSize(-1, "  -1     B");
    AssertSize(-280, "-280     B");
    AssertSize(-1024, "-1024     B");
    AssertSize(-1025, "  -1.00 KB");
    AssertSize(-2048, "  -2.00 KB");
    AssertSize(-14602, " -14.26 KB");
    AssertSize(-3 * GB, "  -3.00 GB");
    AssertSize(-LLONG_MAX, "  -8.00 EB");
}

/*
 * LLONG_MIN has no positive counterpart in a long long: its magnitude
 * must be taken in floating point, or it is printed unscaled.
 */

static void
test_TkleakFormatSize_llongMin(
    void **state)
{
    AssertSize(LLONG_MIN, "  -8.00 EB");
}

static void
test_TkleakFormatSignedSize_zero(
    void **state)
{
    AssertSignedSize(0, "+0 B");
}

static void
test_TkleakFormatSignedSize_bytes(
    void **state)
{
    AssertSignedSize(280, "+280 B");
    AssertSignedSize(-280, "-280 B");
    AssertSignedSize(1024, "+1024 B");
    AssertSignedSize(-1024, "-1024 B");
}

static void
test_TkleakFormatSignedSize_scaled(
    void **state)
{
    AssertSignedSize(1025, "+1.00 KB");
    AssertSignedSize(14602, "+14.26 KB");
    AssertSignedSize(-2048, "-2.00 KB");
    AssertSignedSize(135168, "+132.00 KB");
    AssertSignedSize(3 * MB / 2, "+1.50 MB");
    AssertSignedSize(-3 * GB, "-3.00 GB");
    AssertSignedSize(LLONG_MAX, "+8.00 EB");
    AssertSignedSize(-LLONG_MAX, "-8.00 EB");
}

static void
test_TkleakFormatSignedSize_llongMin(
    void **state)
{
    AssertSignedSize(LLONG_MIN, "-8.00 EB");
}

static void
test_TkleakFormatTable_empty(
    void **state)
{
    AssertTable(NULL, 0, 0, 0,
	    "types |   # objects |   total size\n"
	    "===== | =========== | ============\n"
	    "heap: +0 B, rss: +0 B, tkleak: +0 B\n");
}

static void
test_TkleakFormatTable_shortNames(
    void **state)
{
    TkleakDiffRow rows[] = {
	{"a", 1, 1, 1, 1},
    };

    AssertTable(rows, 1, -280, 14602,
	    "types |   # objects |   total size\n"
	    "===== | =========== | ============\n"
	    "    a |           1 |      1     B\n"
	    "heap: -280 B, rss: +14.26 KB, tkleak: +0 B\n");
}

/*
 * The example at the top of format.c, rows in the order given.
 */

static void
test_TkleakFormatTable_pymplerExample(
    void **state)
{
    TkleakDiffRow rows[] = {
	{"command proc", 3, 105, 3, 105},
	{"widget Button", 3, 0, 3, 0},
    };

    AssertTable(rows, 2, 14602, 135168,
	    "        types |   # objects |   total size\n"
	    "============= | =========== | ============\n"
	    " command proc |           3 |    105     B\n"
	    "widget Button |           3 |      0     B\n"
	    "heap: +14.26 KB, rss: +132.00 KB, tkleak: +0 B\n");
}

/*
 * tkleak's own growth is shown last, signed as the heap is: the heap
 * figure is the app's, with tkleak's own taken out (diff.c).
 */

static void
test_TkleakFormatTable_own(
    void **state)
{
    TkleakDiff diff;
    char *out;

    memset(&diff, 0, sizeof(diff));
    diff.heap = -280;
    diff.rss = 135168;
    diff.own = 4383047;
    out = TkleakFormatTable(&diff);
    assert_non_null(out);
    assert_string_equal(out,
	    "types |   # objects |   total size\n"
	    "===== | =========== | ============\n"
	    "heap: -280 B, rss: +132.00 KB, tkleak: +4.18 MB\n");
    free(out);
}

/*
 * A long name widens the first column; every name is right-aligned in
 * it, and rows keep their order (here not by name).
 */

static void
test_TkleakFormatTable_longName(
    void **state)
{
    TkleakDiffRow rows[] = {
	{"widget TtkTreeviewHeading", 3, 14602, 3, 14602},
	{"command proc", -1, -280, 0, 0},
    };

    AssertTable(rows, 2, -2048, 3 * MB / 2,
	    "                    types |   # objects |   total size\n"
	    "========================= | =========== | ============\n"
	    "widget TtkTreeviewHeading |           3 |     14.26 KB\n"
	    "             command proc |          -1 |   -280     B\n"
	    "heap: -2.00 KB, rss: +1.50 MB, tkleak: +0 B\n");
}

/*
 * Width counts characters: "widget B\xc3\xbctton" is 13 characters in
 * 14 bytes, so it sets the width to 13 and "command proc" gets one space.
 */

static void
test_TkleakFormatTable_nonAsciiWidest(
    void **state)
{
    TkleakDiffRow rows[] = {
	{"widget B\xc3\xbctton", 1, 280, 1, 280},
	{"command proc", 2, 0, 2, 0},
    };

    AssertTable(rows, 2, 0, 0,
	    "        types |   # objects |   total size\n"
	    "============= | =========== | ============\n"
	    "widget B\xc3\xbctton |           1 |    280     B\n"
	    " command proc |           2 |      0     B\n"
	    "heap: +0 B, rss: +0 B, tkleak: +0 B\n");
}

/*
 * Three CJK characters are 9 bytes but pad to 3 columns next to the
 * 6-character "widget".
 */

static void
test_TkleakFormatTable_nonAsciiPadded(
    void **state)
{
    TkleakDiffRow rows[] = {
	{"\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", 1, 0, 1, 0},
	{"widget", 2, 1025, 2, 1025},
    };

    AssertTable(rows, 2, 0, 0,
	    " types |   # objects |   total size\n"
	    "====== | =========== | ============\n"
	    "   \xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e |           1 |"
	    "      0     B\n"
	    "widget |           2 |      1.00 KB\n"
	    "heap: +0 B, rss: +0 B, tkleak: +0 B\n");
}

/*
 * Many rows of 2-byte characters with the widest count and a size that
 * overflows its field: the table must still fit the buffer it is
 * written into, with every line where it belongs.
 */

static void
test_TkleakFormatTable_manyRows(
    void **state)
{
    size_t n = 200, width = 50, i, k, expectedLen;
    TkleakDiffRow *rows = calloc(n, sizeof(TkleakDiffRow));
    char **names = calloc(n, sizeof(char *));
    char *out, *line, first[128];
    TkleakDiff diff;

    assert_non_null(rows);
    assert_non_null(names);
    expectedLen = 2 * (width + 30);
    for (i = 0; i < n; i++) {
	k = 1 + i % width;
	names[i] = malloc(2 * k + 1);
	assert_non_null(names[i]);
	for (line = names[i]; line < names[i] + 2 * k; line += 2) {
	    memcpy(line, "\xc3\xbc", 2);
	}
	names[i][2 * k] = '\0';
	rows[i].type = names[i];
	rows[i].count = LLONG_MIN;
	rows[i].bytes = -1024;

	/*
	 * Padding, name, " | ", 20-digit count, " | ", 12 of size, "\n".
	 */

	expectedLen += (width - k) + 2 * k + 3 + 20 + 3 + 12 + 1;
    }
    memset(&diff, 0, sizeof(diff));
    diff.rows = rows;
    diff.numRows = n;
    diff.heap = LLONG_MAX;
    diff.rss = -LLONG_MAX;
    diff.own = LLONG_MIN;
    out = TkleakFormatTable(&diff);
    assert_non_null(out);
    expectedLen += strlen("heap: +8.00 EB, rss: -8.00 EB, tkleak: -8.00 EB\n");
    assert_int_equal(strlen(out), expectedLen);

    memset(first, ' ', width - 1);
    strcpy(first + width - 1,
	    "\xc3\xbc | -9223372036854775808 |  -1024     B\n");
    line = strchr(out, '\n') + 1;
    line = strchr(line, '\n') + 1;
    assert_memory_equal(line, first, strlen(first));
    assert_string_equal(out + expectedLen - 48,
	    "heap: +8.00 EB, rss: -8.00 EB, tkleak: -8.00 EB\n");
    free(out);
    for (i = 0; i < n; i++) {
	free(names[i]);
    }
    free(names);
    free(rows);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
	cmocka_unit_test(test_TkleakFormatSize_zero),
	cmocka_unit_test(test_TkleakFormatSize_bytes),
	cmocka_unit_test(test_TkleakFormatSize_kbBoundary),
	cmocka_unit_test(test_TkleakFormatSize_kb),
	cmocka_unit_test(test_TkleakFormatSize_mb),
	cmocka_unit_test(test_TkleakFormatSize_gb),
	cmocka_unit_test(test_TkleakFormatSize_huge),
	cmocka_unit_test(test_TkleakFormatSize_negative),
	cmocka_unit_test(test_TkleakFormatSize_llongMin),
	cmocka_unit_test(test_TkleakFormatSignedSize_zero),
	cmocka_unit_test(test_TkleakFormatSignedSize_bytes),
	cmocka_unit_test(test_TkleakFormatSignedSize_scaled),
	cmocka_unit_test(test_TkleakFormatSignedSize_llongMin),
	cmocka_unit_test(test_TkleakFormatTable_empty),
	cmocka_unit_test(test_TkleakFormatTable_shortNames),
	cmocka_unit_test(test_TkleakFormatTable_pymplerExample),
	cmocka_unit_test(test_TkleakFormatTable_longName),
	cmocka_unit_test(test_TkleakFormatTable_nonAsciiWidest),
	cmocka_unit_test(test_TkleakFormatTable_nonAsciiPadded),
	cmocka_unit_test(test_TkleakFormatTable_manyRows),
	cmocka_unit_test(test_TkleakFormatTable_own),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
