/*
 * test-diff.c --
 *
 *	cmocka tests of diff.c: comparing two censuses (no change, a type
 *	added, a type removed, a change in bytes or count only, rows sorted
 *	by name, heap and RSS deltas), pympler's size order, and the set
 *	difference of identities with absent, disjoint, overlapping and
 *	unsorted operands.
 *
 * Copyright (c) 2026 the tkleak developers. See the file "LICENSE".
 */

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "heart/census.h"

/*
 * The fixture: an old and a new census, and the diff between them,
 * freed in that order by Teardown whatever a test asserts.
 */

typedef struct Fixture {
    TkleakCensus *oldPtr;
    TkleakCensus *newPtr;
    TkleakDiff diff;
} Fixture;

static int
Setup(
    void **state)
{
    Fixture *fixPtr = calloc(1, sizeof(Fixture));

    if (fixPtr == NULL) {
	return -1;
    }
    fixPtr->oldPtr = TkleakCensusNew();
    fixPtr->newPtr = TkleakCensusNew();
    *state = fixPtr;
    return (fixPtr->oldPtr && fixPtr->newPtr) ? 0 : -1;
}

static int
Teardown(
    void **state)
{
    Fixture *fixPtr = *state;

    TkleakDiffFree(&fixPtr->diff);
    TkleakCensusFree(fixPtr->oldPtr);
    TkleakCensusFree(fixPtr->newPtr);
    free(fixPtr);
    return 0;
}

/*
 * Add - Count objects of type NAME: each identity in the NULL-terminated
 *	list, BYTES each. No identities only makes sure the type exists.
 */

static TkleakType *
Add(
    TkleakCensus *censusPtr,
    const char *name,
    size_t bytes,
    ...)
{
    int type = TkleakCensusType(censusPtr, name, strlen(name));
    const char *id;
    va_list ap;

    assert_true(type >= 0);
    va_start(ap, bytes);
    while ((id = va_arg(ap, const char *)) != NULL) {
	assert_int_equal(TkleakCensusAdd(censusPtr, type, id, strlen(id),
		bytes), 0);
    }
    va_end(ap);
    return &censusPtr->types[type];
}

static void
Compute(
    Fixture *fixPtr)
{
    assert_int_equal(TkleakDiffCompute(fixPtr->oldPtr, fixPtr->newPtr,
	    &fixPtr->diff), 0);
}

static void
AssertRow(
    const TkleakDiffRow *rowPtr,
    const char *type,
    long long count,
    long long bytes,
    size_t newCount,
    size_t newBytes)
{
    assert_string_equal(rowPtr->type, type);
    assert_int_equal(rowPtr->count, count);
    assert_int_equal(rowPtr->bytes, bytes);
    assert_int_equal(rowPtr->newCount, newCount);
    assert_int_equal(rowPtr->newBytes, newBytes);
}

static void
AssertIds(
    const char **ids,
    size_t num,
    const char *const *expected,
    size_t numExpected)
{
    size_t i;

    assert_int_equal(num, numExpected);
    for (i = 0; i < num; i++) {
	assert_string_equal(ids[i], expected[i]);
    }
}

static void
test_TkleakDiffCompute_bothEmpty(
    void **state)
{
    Fixture *fixPtr = *state;

    Compute(fixPtr);
    assert_int_equal(fixPtr->diff.numRows, 0);
    assert_null(fixPtr->diff.rows);
    assert_int_equal(fixPtr->diff.heap, 0);
    assert_int_equal(fixPtr->diff.rss, 0);
}

static void
test_TkleakDiffCompute_identical(
    void **state)
{
    Fixture *fixPtr = *state;

    Add(fixPtr->oldPtr, "widget Button", 0, ".b1", ".b2", NULL);
    Add(fixPtr->oldPtr, "command proc", 35, "::a", "::b", "::c", NULL);
    Add(fixPtr->newPtr, "command proc", 35, "::c", "::b", "::a", NULL);
    Add(fixPtr->newPtr, "widget Button", 0, ".b2", ".b1", NULL);
    fixPtr->oldPtr->heap = fixPtr->newPtr->heap = 123456;
    fixPtr->oldPtr->rss = fixPtr->newPtr->rss = 654321;
    Compute(fixPtr);
    assert_int_equal(fixPtr->diff.numRows, 0);
    assert_int_equal(fixPtr->diff.heap, 0);
    assert_int_equal(fixPtr->diff.rss, 0);
}

static void
test_TkleakDiffCompute_sameCensus(
    void **state)
{
    Fixture *fixPtr = *state;

    Add(fixPtr->oldPtr, "widget Button", 10, ".b1", ".b2", NULL);
    assert_int_equal(TkleakDiffCompute(fixPtr->oldPtr, fixPtr->oldPtr,
	    &fixPtr->diff), 0);
    assert_int_equal(fixPtr->diff.numRows, 0);
}

static void
test_TkleakDiffCompute_addedType(
    void **state)
{
    Fixture *fixPtr = *state;
    TkleakType *typePtr;

    Add(fixPtr->oldPtr, "widget Button", 0, ".b", NULL);
    Add(fixPtr->newPtr, "widget Button", 0, ".b", NULL);
    typePtr = Add(fixPtr->newPtr, "command proc", 50, "::p", "::q", NULL);
    Compute(fixPtr);
    assert_int_equal(fixPtr->diff.numRows, 1);
    AssertRow(&fixPtr->diff.rows[0], "command proc", 2, 100, 2, 100);
    assert_ptr_equal(fixPtr->diff.rows[0].type, typePtr->name);
}

static void
test_TkleakDiffCompute_removedType(
    void **state)
{
    Fixture *fixPtr = *state;
    TkleakType *typePtr;

    Add(fixPtr->oldPtr, "widget Button", 0, ".b", NULL);
    typePtr = Add(fixPtr->oldPtr, "command proc", 50, "::p", "::q", NULL);
    Add(fixPtr->newPtr, "widget Button", 0, ".b", NULL);
    Compute(fixPtr);
    assert_int_equal(fixPtr->diff.numRows, 1);
    AssertRow(&fixPtr->diff.rows[0], "command proc", -2, -100, 0, 0);
    assert_ptr_equal(fixPtr->diff.rows[0].type, typePtr->name);
}

/*
 * A type that is in the new census with no objects left counts as
 * removed, once.
 */

static void
test_TkleakDiffCompute_emptiedType(
    void **state)
{
    Fixture *fixPtr = *state;

    Add(fixPtr->oldPtr, "command proc", 50, "::p", "::q", NULL);
    Add(fixPtr->newPtr, "command proc", 0, NULL);
    Compute(fixPtr);
    assert_int_equal(fixPtr->diff.numRows, 1);
    AssertRow(&fixPtr->diff.rows[0], "command proc", -2, -100, 0, 0);
}

/*
 * A type with no objects, in either census alone, is no change.
 */

static void
test_TkleakDiffCompute_emptyTypes(
    void **state)
{
    Fixture *fixPtr = *state;

    Add(fixPtr->oldPtr, "widget Label", 0, NULL);
    Add(fixPtr->newPtr, "widget Button", 0, NULL);
    Compute(fixPtr);
    assert_int_equal(fixPtr->diff.numRows, 0);
}

static void
test_TkleakDiffCompute_bytesOnly(
    void **state)
{
    Fixture *fixPtr = *state;

    Add(fixPtr->oldPtr, "command proc", 30, "::p", NULL);
    Add(fixPtr->oldPtr, "widget Button", 0, ".b", NULL);
    Add(fixPtr->newPtr, "command proc", 46, "::p", NULL);
    Add(fixPtr->newPtr, "widget Button", 0, ".b", NULL);
    Compute(fixPtr);
    assert_int_equal(fixPtr->diff.numRows, 1);
    AssertRow(&fixPtr->diff.rows[0], "command proc", 0, 16, 1, 46);
}

static void
test_TkleakDiffCompute_countOnly(
    void **state)
{
    Fixture *fixPtr = *state;

    Add(fixPtr->oldPtr, "widget Button", 0, ".b1", ".b2", ".b3", NULL);
    Add(fixPtr->newPtr, "widget Button", 0, ".b1", NULL);
    Compute(fixPtr);
    assert_int_equal(fixPtr->diff.numRows, 1);
    AssertRow(&fixPtr->diff.rows[0], "widget Button", -2, 0, 1, 0);
}

/*
 * Rows come out sorted by name (strcmp) whatever the order the types
 * were created in and whether they were added or removed.
 */

static void
test_TkleakDiffCompute_sortedByName(
    void **state)
{
    Fixture *fixPtr = *state;
    const TkleakDiffRow *rows;

    Add(fixPtr->oldPtr, "widget Label", 8, ".l", NULL);
    Add(fixPtr->oldPtr, "command proc", 10, "::p", NULL);
    Add(fixPtr->oldPtr, "Image photo", 100, "img1", NULL);
    Add(fixPtr->newPtr, "widget Button", 0, ".b", NULL);
    Add(fixPtr->newPtr, "command proc", 10, "::p", "::q", NULL);
    Add(fixPtr->newPtr, "after", 0, "after#1", NULL);
    Add(fixPtr->newPtr, "widget", 1, ".", NULL);
    Compute(fixPtr);
    rows = fixPtr->diff.rows;
    assert_int_equal(fixPtr->diff.numRows, 6);
    AssertRow(&rows[0], "Image photo", -1, -100, 0, 0);
    AssertRow(&rows[1], "after", 1, 0, 1, 0);
    AssertRow(&rows[2], "command proc", 1, 10, 2, 20);
    AssertRow(&rows[3], "widget", 1, 1, 1, 1);
    AssertRow(&rows[4], "widget Button", 1, 0, 1, 0);
    AssertRow(&rows[5], "widget Label", -1, -8, 0, 0);
}

static void
test_TkleakDiffCompute_heapRss(
    void **state)
{
    Fixture *fixPtr = *state;

    fixPtr->oldPtr->heap = 1000;
    fixPtr->oldPtr->rss = 5000;
    fixPtr->newPtr->heap = 400;
    fixPtr->newPtr->rss = 9096;
    Compute(fixPtr);
    assert_int_equal(fixPtr->diff.numRows, 0);
    assert_int_equal(fixPtr->diff.heap, -600);
    assert_int_equal(fixPtr->diff.rss, 4096);

    TkleakDiffFree(&fixPtr->diff);
    fixPtr->oldPtr->heap = 0;
    fixPtr->newPtr->heap = 8LL << 32;
    fixPtr->oldPtr->rss = 8LL << 32;
    fixPtr->newPtr->rss = 0;
    Compute(fixPtr);
    assert_int_equal(fixPtr->diff.heap, 8LL << 32);
    assert_int_equal(fixPtr->diff.rss, -(8LL << 32));
}

/*
 * tkleak's own bytes are taken out of the heap change and kept apart:
 * a census of 1 MB kept between the two leaves the app's heap at 0.
 */

static void
test_TkleakDiffCompute_own(
    void **state)
{
    Fixture *fixPtr = *state;

    fixPtr->oldPtr->heap = 10000000;
    fixPtr->oldPtr->own = 500000;
    fixPtr->newPtr->heap = 11048576 + 280;
    fixPtr->newPtr->own = 1548576;
    Compute(fixPtr);
    assert_int_equal(fixPtr->diff.own, 1048576);
    assert_int_equal(fixPtr->diff.heap, 280);

    TkleakDiffFree(&fixPtr->diff);
    fixPtr->newPtr->heap = 9000000;
    fixPtr->newPtr->own = 0;
    Compute(fixPtr);
    assert_int_equal(fixPtr->diff.own, -500000);
    assert_int_equal(fixPtr->diff.heap, -500000);
}

/*
 * pympler's order: bytes descending, then count descending, then name.
 */

static void
test_TkleakDiffSortBySize_order(
    void **state)
{
    TkleakDiffRow rows[] = {
	{"a", 1, 100, 0, 0},
	{"d", -3, -50, 0, 0},
	{"c", 5, 100, 0, 0},
	{"f", 2, 0, 0, 0},
	{"b", 5, 100, 0, 0},
	{"g", -1, 0, 0, 0},
	{"e", 0, 200, 0, 0},
	{"h", 2, 0, 0, 0},
	{"i", 1, -60, 0, 0},
    };
    static const char *const expected[] = {
	"e", "b", "c", "a", "f", "h", "g", "d", "i"
    };
    TkleakDiff diff;
    size_t i, n = sizeof(rows) / sizeof(rows[0]);

    memset(&diff, 0, sizeof(diff));
    diff.rows = rows;
    diff.numRows = n;
    TkleakDiffSortBySize(&diff);
    assert_ptr_equal(diff.rows, rows);
    assert_int_equal(diff.numRows, n);
    for (i = 0; i < n; i++) {
	assert_string_equal(rows[i].type, expected[i]);
    }
    AssertRow(&rows[0], "e", 0, 200, 0, 0);
    AssertRow(&rows[8], "i", 1, -60, 0, 0);
}

static void
test_TkleakDiffSortBySize_computed(
    void **state)
{
    Fixture *fixPtr = *state;
    const TkleakDiffRow *rows;

    Add(fixPtr->newPtr, "command proc", 35, "::a", "::b", "::c", NULL);
    Add(fixPtr->newPtr, "widget Button", 0, ".b1", ".b2", NULL);
    Add(fixPtr->newPtr, "image photo", 4096, "i", NULL);
    Add(fixPtr->newPtr, "widget Menu", 0, ".m", NULL);
    Compute(fixPtr);
    TkleakDiffSortBySize(&fixPtr->diff);
    rows = fixPtr->diff.rows;
    assert_int_equal(fixPtr->diff.numRows, 4);
    AssertRow(&rows[0], "image photo", 1, 4096, 1, 4096);
    AssertRow(&rows[1], "command proc", 3, 105, 3, 105);
    AssertRow(&rows[2], "widget Button", 2, 0, 2, 0);
    AssertRow(&rows[3], "widget Menu", 1, 0, 1, 0);
}

static void
test_TkleakDiffSortBySize_empty(
    void **state)
{
    TkleakDiff diff;

    memset(&diff, 0, sizeof(diff));
    TkleakDiffSortBySize(&diff);
    assert_null(diff.rows);
    assert_int_equal(diff.numRows, 0);
}

static void
test_TkleakDiffFree_clears(
    void **state)
{
    Fixture *fixPtr = *state;

    Add(fixPtr->newPtr, "widget Button", 0, ".b", NULL);
    fixPtr->newPtr->heap = 10;
    Compute(fixPtr);
    assert_int_equal(fixPtr->diff.numRows, 1);
    TkleakDiffFree(&fixPtr->diff);
    assert_null(fixPtr->diff.rows);
    assert_int_equal(fixPtr->diff.numRows, 0);
    assert_int_equal(fixPtr->diff.heap, 0);
    assert_int_equal(fixPtr->diff.rss, 0);
}

static void
test_TkleakIdsMinus_nullA(
    void **state)
{
    Fixture *fixPtr = *state;
    TkleakType *bPtr = Add(fixPtr->newPtr, "t", 0, "x", NULL);
    static const char *dummy[1];
    const char **ids = dummy;
    size_t num = 99;

    assert_int_equal(TkleakIdsMinus(NULL, bPtr, &ids, &num), 0);
    assert_null(ids);
    assert_int_equal(num, 0);
    assert_int_equal(TkleakIdsMinus(NULL, NULL, &ids, &num), 0);
    assert_null(ids);
    assert_int_equal(num, 0);
}

static void
test_TkleakIdsMinus_emptyA(
    void **state)
{
    Fixture *fixPtr = *state;
    TkleakType *aPtr = Add(fixPtr->oldPtr, "t", 0, NULL);
    TkleakType *bPtr = Add(fixPtr->newPtr, "t", 0, "x", NULL);
    const char **ids;
    size_t num = 99;

    assert_int_equal(TkleakIdsMinus(aPtr, bPtr, &ids, &num), 0);
    assert_null(ids);
    assert_int_equal(num, 0);
}

static void
test_TkleakIdsMinus_nullB(
    void **state)
{
    Fixture *fixPtr = *state;
    TkleakType *aPtr = Add(fixPtr->newPtr, "t", 0, ".c", ".a", ".b", NULL);
    static const char *const expected[] = {".a", ".b", ".c"};
    const char **ids;
    size_t num;

    assert_int_equal(TkleakIdsMinus(aPtr, NULL, &ids, &num), 0);
    AssertIds(ids, num, expected, 3);
    assert_int_equal(aPtr->sorted, 1);
    free(ids);
}

static void
test_TkleakIdsMinus_disjoint(
    void **state)
{
    Fixture *fixPtr = *state;
    TkleakType *aPtr = Add(fixPtr->newPtr, "t", 0, ".a", ".c", ".e", NULL);
    TkleakType *bPtr = Add(fixPtr->oldPtr, "t", 0, ".b", ".d", ".f", NULL);
    static const char *const expected[] = {".a", ".c", ".e"};
    const char **ids;
    size_t num;

    assert_int_equal(TkleakIdsMinus(aPtr, bPtr, &ids, &num), 0);
    AssertIds(ids, num, expected, 3);
    free(ids);
}

static void
test_TkleakIdsMinus_overlapping(
    void **state)
{
    Fixture *fixPtr = *state;
    TkleakType *aPtr = Add(fixPtr->newPtr, "t", 0,
	    ".a", ".b", ".c", ".d", ".e", NULL);
    TkleakType *bPtr = Add(fixPtr->oldPtr, "t", 0,
	    ".b", ".d", ".f", ".g", NULL);
    static const char *const aMinusB[] = {".a", ".c", ".e"};
    static const char *const bMinusA[] = {".f", ".g"};
    const char **ids;
    size_t num;

    assert_int_equal(TkleakIdsMinus(aPtr, bPtr, &ids, &num), 0);
    AssertIds(ids, num, aMinusB, 3);
    assert_ptr_equal(ids[0], aPtr->ids[0]);
    assert_ptr_equal(ids[2], aPtr->ids[4]);
    free(ids);
    assert_int_equal(TkleakIdsMinus(bPtr, aPtr, &ids, &num), 0);
    AssertIds(ids, num, bMinusA, 2);
    free(ids);
}

static void
test_TkleakIdsMinus_subset(
    void **state)
{
    Fixture *fixPtr = *state;
    TkleakType *aPtr = Add(fixPtr->newPtr, "t", 0, ".b", ".c", NULL);
    TkleakType *bPtr = Add(fixPtr->oldPtr, "t", 0, ".a", ".b", ".c", ".d",
	    NULL);
    const char **ids;
    size_t num = 99;

    assert_int_equal(TkleakIdsMinus(aPtr, bPtr, &ids, &num), 0);
    assert_int_equal(num, 0);
    free(ids);
    assert_int_equal(TkleakIdsMinus(aPtr, aPtr, &ids, &num), 0);
    assert_int_equal(num, 0);
    free(ids);
}

/*
 * Unsorted operands are sorted in place first, and the answer is in
 * byte order.
 */

static void
test_TkleakIdsMinus_unsorted(
    void **state)
{
    Fixture *fixPtr = *state;
    TkleakType *aPtr = Add(fixPtr->newPtr, "t", 0,
	    ".z", ".m", "{a b}", ".a", ".q", ".b", "\xc3\xa9", NULL);
    TkleakType *bPtr = Add(fixPtr->oldPtr, "t", 0,
	    ".q", ".0", ".z", ".a", NULL);
    static const char *const expected[] = {".b", ".m", "{a b}", "\xc3\xa9"};
    static const char *const aSorted[] = {
	".a", ".b", ".m", ".q", ".z", "{a b}", "\xc3\xa9"
    };
    static const char *const bSorted[] = {".0", ".a", ".q", ".z"};
    const char **ids;
    size_t num;

    assert_int_equal(aPtr->sorted, 0);
    assert_int_equal(bPtr->sorted, 0);
    assert_int_equal(TkleakIdsMinus(aPtr, bPtr, &ids, &num), 0);
    AssertIds(ids, num, expected, 4);
    assert_int_equal(aPtr->sorted, 1);
    assert_int_equal(bPtr->sorted, 1);
    AssertIds(aPtr->ids, aPtr->numIds, aSorted, 7);
    AssertIds(bPtr->ids, bPtr->numIds, bSorted, 4);
    free(ids);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_setup_teardown(f, Setup, Teardown)
	T(test_TkleakDiffCompute_bothEmpty),
	T(test_TkleakDiffCompute_identical),
	T(test_TkleakDiffCompute_sameCensus),
	T(test_TkleakDiffCompute_addedType),
	T(test_TkleakDiffCompute_removedType),
	T(test_TkleakDiffCompute_emptiedType),
	T(test_TkleakDiffCompute_emptyTypes),
	T(test_TkleakDiffCompute_bytesOnly),
	T(test_TkleakDiffCompute_countOnly),
	T(test_TkleakDiffCompute_sortedByName),
	T(test_TkleakDiffCompute_heapRss),
	T(test_TkleakDiffCompute_own),
	T(test_TkleakDiffSortBySize_order),
	T(test_TkleakDiffSortBySize_computed),
	T(test_TkleakDiffSortBySize_empty),
	T(test_TkleakDiffFree_clears),
	T(test_TkleakIdsMinus_nullA),
	T(test_TkleakIdsMinus_emptyA),
	T(test_TkleakIdsMinus_nullB),
	T(test_TkleakIdsMinus_disjoint),
	T(test_TkleakIdsMinus_overlapping),
	T(test_TkleakIdsMinus_subset),
	T(test_TkleakIdsMinus_unsorted),
#undef T
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
