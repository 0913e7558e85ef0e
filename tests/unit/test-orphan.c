/*
 * test-orphan.c --
 *
 *	cmocka tests of orphan.c: the orphan rule on plain rows.
 */

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include "heart/keys.h"
#include "heart/orphan.h"

static TkleakOrphanReason
Rule(
    const char *type,
    const char *name,
    int inUse,
    int seen)
{
    TkleakOrphanRow row;

    row.type = type;
    row.name = name;
    row.inUse = inUse;
    row.seen = seen;
    return TkleakOrphanRule(&row);
}

static void
test_TkleakOrphanCandidate_types(void **state)
{
    (void) state;
    assert_int_equal(TkleakOrphanCandidate("command proc"),
	    TKLEAK_KEY_COMMAND);
    assert_int_equal(TkleakOrphanCandidate("object ::oo::class"),
	    TKLEAK_KEY_COMMAND);
    assert_int_equal(TkleakOrphanCandidate("image photo"), TKLEAK_KEY_IMAGE);
    assert_int_equal(TkleakOrphanCandidate("widget Menu"), TKLEAK_KEY_WINDOW);
    assert_int_equal(TkleakOrphanCandidate("widget Button"), TKLEAK_KEY_NONE);
    assert_int_equal(TkleakOrphanCandidate("after"), TKLEAK_KEY_NONE);
    assert_int_equal(TkleakOrphanCandidate("binding"), TKLEAK_KEY_NONE);
}

static void
test_TkleakOrphanRule_inUse(void **state)
{
    (void) state;
    assert_int_equal(Rule("command tkinter", "::4321callback", 1, 1),
	    TKLEAK_NOT_ORPHAN);
    assert_int_equal(Rule("image photo", "image1", 1, 0), TKLEAK_NOT_ORPHAN);
}

static void
test_TkleakOrphanRule_detached(void **state)
{
    (void) state;
    assert_int_equal(Rule("command proc", "::app::cb", 0, 1),
	    TKLEAK_ORPHAN_DETACHED);
    assert_int_equal(Rule("widget Menu", ".m", 0, 1), TKLEAK_ORPHAN_DETACHED);
    assert_string_equal(TkleakOrphanReasonName(TKLEAK_ORPHAN_DETACHED),
	    "detached");
}

static void
test_TkleakOrphanRule_unreferenced(void **state)
{
    (void) state;
    assert_int_equal(Rule("image photo", "image1", 0, 0),
	    TKLEAK_ORPHAN_UNREFERENCED);
    assert_int_equal(Rule("command tkinter", "::4321callback", 0, 0),
	    TKLEAK_ORPHAN_UNREFERENCED);
    assert_string_equal(TkleakOrphanReasonName(TKLEAK_ORPHAN_UNREFERENCED),
	    "unreferenced");
}

static void
test_TkleakOrphanRule_never_named(void **state)
{
    (void) state;
    assert_int_equal(Rule("command proc", "::app::helper", 0, 0),
	    TKLEAK_NOT_ORPHAN);
    assert_int_equal(Rule("command tkinter", "::notawrapper", 0, 0),
	    TKLEAK_NOT_ORPHAN);
    assert_int_equal(Rule("widget Menu", ".m", 0, 0), TKLEAK_NOT_ORPHAN);
    assert_null(TkleakOrphanReasonName(TKLEAK_NOT_ORPHAN));
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
	cmocka_unit_test(test_TkleakOrphanCandidate_types),
	cmocka_unit_test(test_TkleakOrphanRule_inUse),
	cmocka_unit_test(test_TkleakOrphanRule_detached),
	cmocka_unit_test(test_TkleakOrphanRule_unreferenced),
	cmocka_unit_test(test_TkleakOrphanRule_never_named),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
