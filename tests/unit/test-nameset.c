/*
 * test-nameset.c --
 *
 *	cmocka tests of nameset.c: the set of names slots may hold without
 *	"seen" knowing, their 32-bit fingerprints, which never answers "no"
 *	for a name put in, and "maybe" for another rarely, or once it is
 *	full.
 */

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include "heart/keys.h"
#include "heart/nameset.h"

static int
Has(
    const TkleakNameSet *setPtr,
    const char *name)
{
    return TkleakNameSetMayHave(setPtr, name, strlen(name));
}

static void
test_TkleakNameSet_empty(void **state)
{
    TkleakNameSet *setPtr = TkleakNameSetNew();

    (void) state;
    assert_non_null(setPtr);
    assert_int_equal(Has(setPtr, "foo"), 0);
    assert_int_equal(Has(setPtr, ""), 0);
    assert_int_equal(TkleakNameSetMayName(setPtr, "c::foo"), 0);
    assert_int_equal(TkleakNameSetCount(setPtr), 0);
    assert_int_equal(TkleakNameSetFull(setPtr), 0);
    assert_true(TkleakNameSetBytes(setPtr) >= 4096 * 4);
    assert_true(TkleakNameSetBytes(setPtr) < 20000);
    assert_int_equal(TkleakNameSetBytes(NULL), 0);
    TkleakNameSetFree(setPtr);
    TkleakNameSetFree(NULL);
}

static void
test_TkleakNameSet_every_name_put_in_is_found(void **state)
{
    TkleakNameSet *setPtr = TkleakNameSetNew();
    char name[32];
    int i, missing = 0;

    (void) state;
    for (i = 0; i < 50000; i++) {
	snprintf(name, sizeof(name), "140234567%dcallback", i);
	TkleakNameSetAdd(setPtr, name, strlen(name));
    }
    for (i = 0; i < 50000; i++) {
	snprintf(name, sizeof(name), "140234567%dcallback", i);
	missing += !Has(setPtr, name);
    }
    assert_int_equal(missing, 0);
    TkleakNameSetFree(setPtr);
}

static void
test_TkleakNameSet_length_counts(void **state)
{
    TkleakNameSet *setPtr = TkleakNameSetNew();

    (void) state;
    TkleakNameSetAdd(setPtr, "foobar", 3);
    assert_int_equal(Has(setPtr, "foo"), 1);
    assert_int_equal(Has(setPtr, "foobar"), 0);
    TkleakNameSetFree(setPtr);
}

static void
test_TkleakNameSet_count_and_full(void **state)
{
    TkleakNameSet *setPtr = TkleakNameSetNew();
    char name[32];
    int i;

    (void) state;
    TkleakNameSetAdd(setPtr, "once", 4);
    TkleakNameSetAdd(setPtr, "once", 4);
    assert_int_equal(TkleakNameSetCount(setPtr), 1);
    for (i = 0; i < 90000; i++) {
	snprintf(name, sizeof(name), "w%d", i);
	TkleakNameSetAdd(setPtr, name, strlen(name));
    }
    assert_int_equal(TkleakNameSetFull(setPtr), 0);
    assert_true(TkleakNameSetCount(setPtr) >= 89990);
    assert_true(TkleakNameSetBytes(setPtr) <= (1u << 17) * 4 + 64);
    assert_int_equal(Has(setPtr, "nowhere"), 0);
    for (i = 0; i < 90000; i++) {
	snprintf(name, sizeof(name), "x%d", i);
	TkleakNameSetAdd(setPtr, name, strlen(name));
    }

    /*
     * Past three quarters of its largest table it takes no more, and
     * then answers "maybe" for every name.
     */

    assert_int_equal(TkleakNameSetFull(setPtr), 1);
    assert_true(TkleakNameSetCount(setPtr) <= 3 * (1u << 17) / 4);
    assert_int_equal(Has(setPtr, "nowhere"), 1);
    assert_int_equal(TkleakNameSetMayName(setPtr, "c::nowhere"), 1);
    TkleakNameSetFree(setPtr);
}

/*
 * Names that were not put in are found only as often as two 32-bit
 * fingerprints meet (1.4 expected here): a live check asks about a
 * thousand unreferenced images at once, and a false "maybe" among them
 * sends it to the full scan (a Bloom filter of 256 KB gave about 64).
 */

static void
test_TkleakNameSet_no_false_maybe(void **state)
{
    TkleakNameSet *setPtr = TkleakNameSetNew();
    char name[32];
    int i, maybe = 0;

    (void) state;
    for (i = 0; i < 60000; i++) {
	snprintf(name, sizeof(name), "in%d", i);
	TkleakNameSetAdd(setPtr, name, strlen(name));
    }
    for (i = 0; i < 100000; i++) {
	snprintf(name, sizeof(name), "benchimg%d", i);
	maybe += Has(setPtr, name);
    }
    assert_true(maybe < 5);
    TkleakNameSetFree(setPtr);
}

static void
test_TkleakNameSetAddWord_commands_by_tail(void **state)
{
    TkleakNameSet *setPtr = TkleakNameSetNew();

    (void) state;
    TkleakNameSetAddWord(setPtr, "ns::later", 9, 1);
    assert_int_equal(TkleakNameSetMayName(setPtr, "c::ns::later"), 1);
    assert_int_equal(TkleakNameSetMayName(setPtr, "c::p::ns::later"), 1);
    assert_int_equal(TkleakNameSetMayName(setPtr, "c::later"), 1);
    assert_int_equal(TkleakNameSetMayName(setPtr, "ins::later"), 1);
    assert_int_equal(TkleakNameSetMayName(setPtr, "c::ns::other"), 0);
    TkleakNameSetAddWord(setPtr, "a:::deep", 8, 1);
    assert_int_equal(TkleakNameSetMayName(setPtr, "c::a::deep"), 1);
    TkleakNameSetAddWord(setPtr, "::top", 5, 1);
    assert_int_equal(TkleakNameSetMayName(setPtr, "c::top"), 1);
    TkleakNameSetFree(setPtr);
}

static void
test_TkleakNameSetAddWord_argument_words_whole(void **state)
{
    TkleakNameSet *setPtr = TkleakNameSetNew();

    (void) state;
    TkleakNameSetAddWord(setPtr, "ns::icon", 8, 0);
    assert_int_equal(TkleakNameSetMayName(setPtr, "ins::icon"), 1);
    assert_int_equal(TkleakNameSetMayName(setPtr, "c::ns::icon"), 0);
    TkleakNameSetAddWord(setPtr, ".mb.file", 8, 0);
    assert_int_equal(TkleakNameSetMayName(setPtr, "w.mb.file"), 1);
    assert_int_equal(TkleakNameSetMayName(setPtr, "w.mb"), 0);
    assert_int_equal(TkleakNameSetMayName(setPtr, "w.mb.file2"), 0);
    TkleakNameSetFree(setPtr);
}

static void
test_TkleakNameSetAddKey(void **state)
{
    TkleakNameSet *setPtr = TkleakNameSetNew();

    (void) state;
    TkleakNameSetAddKey(setPtr, "c::idle::wakeup");
    assert_int_equal(TkleakNameSetMayName(setPtr, "c::wakeup"), 1);
    assert_int_equal(TkleakNameSetMayName(setPtr, "c::idle::wakeup"), 1);
    assert_int_equal(TkleakNameSetMayName(setPtr, "c::idle::sleep"), 0);
    TkleakNameSetAddKey(setPtr, "iphoto1");
    assert_int_equal(TkleakNameSetMayName(setPtr, "iphoto1"), 1);
    assert_int_equal(TkleakNameSetMayName(setPtr, "iphoto2"), 0);
    TkleakNameSetFree(setPtr);
}

static void
test_TkleakNameSetKeyName_and_Tail(void **state)
{
    size_t len;
    const char *name;

    (void) state;
    name = TkleakNameSetKeyName("c::ns::later", &len);
    assert_int_equal(len, 5);
    assert_memory_equal(name, "later", 5);
    name = TkleakNameSetKeyName("c::140234567wakeup", &len);
    assert_int_equal(len, 15);
    assert_memory_equal(name, "140234567wakeup", 15);
    name = TkleakNameSetKeyName("w.mb.file", &len);
    assert_int_equal(len, 8);
    assert_memory_equal(name, ".mb.file", 8);
    name = TkleakNameSetKeyName("ins::icon", &len);
    assert_int_equal(len, 8);
    assert_memory_equal(name, "ns::icon", 8);
    name = TkleakNameSetTail("a:::deep", 8, &len);
    assert_int_equal(len, 4);
    assert_memory_equal(name, "deep", 4);
    name = TkleakNameSetTail("plain", 5, &len);
    assert_int_equal(len, 5);
    name = TkleakNameSetTail("ns::", 4, &len);
    assert_int_equal(len, 0);
    name = TkleakNameSetTail("a::b::c", 7, &len);
    assert_int_equal(len, 1);
    assert_memory_equal(name, "c", 1);
}

/*
 * A long word (a whole binding script) is found again, and one that
 * differs from it only in the middle is taken for it (only its ends are
 * hashed): a "maybe" that costs a full scan, not a missed name.
 */

static void
test_TkleakNameSet_long_words(void **state)
{
    TkleakNameSet *setPtr = TkleakNameSetNew();
    char a[200], b[200], c[200];

    (void) state;
    memset(a, 'x', sizeof(a));
    memcpy(b, a, sizeof(b));
    memcpy(c, a, sizeof(c));
    b[100] = 'y';
    c[199] = 'z';
    TkleakNameSetAdd(setPtr, a, sizeof(a));
    assert_int_equal(TkleakNameSetMayHave(setPtr, a, sizeof(a)), 1);
    assert_int_equal(TkleakNameSetMayHave(setPtr, b, sizeof(b)), 1);
    assert_int_equal(TkleakNameSetMayHave(setPtr, c, sizeof(c)), 0);
    assert_int_equal(TkleakNameSetMayHave(setPtr, a, sizeof(a) - 1), 0);
    TkleakNameSetFree(setPtr);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
	cmocka_unit_test(test_TkleakNameSet_empty),
	cmocka_unit_test(test_TkleakNameSet_every_name_put_in_is_found),
	cmocka_unit_test(test_TkleakNameSet_length_counts),
	cmocka_unit_test(test_TkleakNameSet_count_and_full),
	cmocka_unit_test(test_TkleakNameSet_no_false_maybe),
	cmocka_unit_test(test_TkleakNameSetAddWord_commands_by_tail),
	cmocka_unit_test(test_TkleakNameSetAddWord_argument_words_whole),
	cmocka_unit_test(test_TkleakNameSetAddKey),
	cmocka_unit_test(test_TkleakNameSetKeyName_and_Tail),
	cmocka_unit_test(test_TkleakNameSet_long_words),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
