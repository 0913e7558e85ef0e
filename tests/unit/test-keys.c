/*
 * test-keys.c --
 *
 *	cmocka tests of keys.c: the one map from census type to key kind.
 */

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include "heart/keys.h"

static void
test_TkleakTypeKeyKind_commands(void **state)
{
    (void) state;
    assert_int_equal(TkleakTypeKeyKind("command proc"), TKLEAK_KEY_COMMAND);
    assert_int_equal(TkleakTypeKeyKind("command tkinter"),
	    TKLEAK_KEY_COMMAND);
    assert_int_equal(TkleakTypeKeyKind("object ::oo::class"),
	    TKLEAK_KEY_COMMAND);
    assert_int_equal(TKLEAK_KEY_COMMAND, 'c');
}

static void
test_TkleakTypeKeyKind_tk(void **state)
{
    (void) state;
    assert_int_equal(TkleakTypeKeyKind("image photo"), TKLEAK_KEY_IMAGE);
    assert_int_equal(TkleakTypeKeyKind("widget Menu"), TKLEAK_KEY_WINDOW);
    assert_int_equal(TkleakTypeKeyKind("widget Button"), TKLEAK_KEY_WINDOW);
    assert_int_equal(TKLEAK_KEY_IMAGE, 'i');
    assert_int_equal(TKLEAK_KEY_WINDOW, 'w');
}

static void
test_TkleakTypeKeyKind_whole(void **state)
{
    (void) state;
    assert_int_equal(TkleakTypeKeyKind("after"), TKLEAK_KEY_AFTER);
    assert_int_equal(TkleakTypeKeyKind("binding"), TKLEAK_KEY_BINDING);
    assert_int_equal(TkleakTypeKeyKind("variable"), TKLEAK_KEY_VARIABLE);
    assert_int_equal(TkleakTypeKeyKind("array element"), TKLEAK_KEY_VARIABLE);
    assert_int_equal(TkleakTypeKeyKind("canvas item"), TKLEAK_KEY_CANVAS_ITEM);
    assert_int_equal(TkleakTypeKeyKind("afterwards"), TKLEAK_KEY_NONE);
    assert_int_equal(TkleakTypeKeyKind("bindings"), TKLEAK_KEY_NONE);
}

static void
test_TkleakTypeKeyKind_none(void **state)
{
    (void) state;
    assert_int_equal(TkleakTypeKeyKind("namespace"), TKLEAK_KEY_NONE);
    assert_int_equal(TkleakTypeKeyKind("menu entry"), TKLEAK_KEY_NONE);
    assert_int_equal(TkleakTypeKeyKind("command"), TKLEAK_KEY_NONE);
    assert_int_equal(TkleakTypeKeyKind("widget"), TKLEAK_KEY_NONE);
    assert_int_equal(TkleakTypeKeyKind(""), TKLEAK_KEY_NONE);
}

static void
test_TkleakKeyPrefix_cases(void **state)
{
    (void) state;
    assert_string_equal(TkleakKeyPrefix(TKLEAK_KEY_COMMAND), "c");
    assert_string_equal(TkleakKeyPrefix(TKLEAK_KEY_IMAGE), "i");
    assert_string_equal(TkleakKeyPrefix(TKLEAK_KEY_WINDOW), "w");
    assert_string_equal(TkleakKeyPrefix(TKLEAK_KEY_AFTER), "a");
    assert_string_equal(TkleakKeyPrefix(TKLEAK_KEY_BINDING), "b");
    assert_string_equal(TkleakKeyPrefix(TKLEAK_KEY_VARIABLE), "v");
    assert_string_equal(TkleakKeyPrefix(TKLEAK_KEY_CANVAS_ITEM), "k");
    assert_string_equal(TkleakKeyPrefix(TKLEAK_KEY_NONE), "");
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
	cmocka_unit_test(test_TkleakTypeKeyKind_commands),
	cmocka_unit_test(test_TkleakTypeKeyKind_tk),
	cmocka_unit_test(test_TkleakTypeKeyKind_whole),
	cmocka_unit_test(test_TkleakTypeKeyKind_none),
	cmocka_unit_test(test_TkleakKeyPrefix_cases),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
