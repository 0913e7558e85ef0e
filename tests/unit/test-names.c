/*
 * test-names.c --
 *
 *	cmocka tests of names.c: tkleak's own namespaces, windows and image
 *	or font names, and the shape of tkinter's wrapper names.
 */

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include "heart/census.h"

static void
test_TkleakIsOwnNamespace_cases(void **state)
{
    (void) state;
    assert_true(TkleakIsOwnNamespace("::tkleak"));
    assert_true(TkleakIsOwnNamespace("::tkleak::panel"));
    assert_false(TkleakIsOwnNamespace("::tkleaky"));
    assert_false(TkleakIsOwnNamespace("::app::tkleak"));
    assert_false(TkleakIsOwnNamespace("::"));
}

static void
test_TkleakIsOwnWindow_cases(void **state)
{
    (void) state;
    assert_true(TkleakIsOwnWindow(".tkleak"));
    assert_true(TkleakIsOwnWindow(".tkleak.diff.tree"));
    assert_true(TkleakIsOwnWindow(".menubar.tkleak"));
    assert_true(TkleakIsOwnWindow(".#menubar.#menubar#tkleak"));
    assert_true(TkleakIsOwnWindow(".tkleak_probe"));
    assert_false(TkleakIsOwnWindow(".tkleaky"));
    assert_false(TkleakIsOwnWindow(".mytkleak"));
    assert_false(TkleakIsOwnWindow(".menubar.file"));
    assert_false(TkleakIsOwnWindow("."));
    assert_false(TkleakIsOwnWindow("tkleak"));
}

static void
test_TkleakIsOwnName_cases(void **state)
{
    (void) state;
    assert_true(TkleakIsOwnName("::tkleak::icon"));
    assert_false(TkleakIsOwnName("tkleak::icon"));
    assert_false(TkleakIsOwnName("::tkleakicon"));
}

static void
test_TkleakIsTkinterWrapper_cases(void **state)
{
    (void) state;
    assert_true(TkleakIsTkinterWrapper("::140234567wakeup"));
    assert_true(TkleakIsTkinterWrapper("::1<lambda>"));
    assert_false(TkleakIsTkinterWrapper("::140234567"));
    assert_false(TkleakIsTkinterWrapper("::wakeup1"));
    assert_false(TkleakIsTkinterWrapper("::ns::140234567wakeup"));
    assert_false(TkleakIsTkinterWrapper("140234567wakeup"));
    assert_false(TkleakIsTkinterWrapper("::"));
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
	cmocka_unit_test(test_TkleakIsOwnNamespace_cases),
	cmocka_unit_test(test_TkleakIsOwnWindow_cases),
	cmocka_unit_test(test_TkleakIsOwnName_cases),
	cmocka_unit_test(test_TkleakIsTkinterWrapper_cases),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
