/*
 * test-words.c --
 *
 *	cmocka tests of words.c: the scanner that finds the words of a
 *	script at every nesting level, the way slots name commands.
 */

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include "census.h"

#define MAX_WORDS 32

typedef struct Words {
    size_t n;
    char words[MAX_WORDS][64];
} Words;

static void
Collect(
    void *clientData,
    const char *word,
    size_t len)
{
    Words *w = clientData;

    assert_true(w->n < MAX_WORDS);
    assert_true(len < sizeof(w->words[0]));
    memcpy(w->words[w->n], word, len);
    w->words[w->n][len] = '\0';
    w->n++;
}

static Words
Scan(
    const char *script)
{
    Words w;
    size_t n;

    memset(&w, 0, sizeof(w));
    n = TkleakScanWords(script, strlen(script), Collect, &w);
    assert_int_equal(n, w.n);
    return w;
}

static void
test_TkleakScanWords_plain(void **state)
{
    Words w = Scan("::editor::wakeup1 arg");

    (void) state;
    assert_int_equal(w.n, 2);
    assert_string_equal(w.words[0], "::editor::wakeup1");
    assert_string_equal(w.words[1], "arg");
}

static void
test_TkleakScanWords_empty(void **state)
{
    Words w = Scan("");

    (void) state;
    assert_int_equal(w.n, 0);
    w = Scan(" \t\n{}[]\";");
    assert_int_equal(w.n, 0);
}

static void
test_TkleakScanWords_tkinterBinding(void **state)
{
    Words w = Scan("if {\"[140234567<lambda> %# %b %f]\" == \"break\"} break\n");

    (void) state;
    assert_int_equal(w.n, 8);
    assert_string_equal(w.words[0], "if");
    assert_string_equal(w.words[1], "140234567<lambda>");
    assert_string_equal(w.words[2], "%#");
    assert_string_equal(w.words[5], "==");
    assert_string_equal(w.words[6], "break");
    assert_string_equal(w.words[7], "break");
}

static void
test_TkleakScanWords_nested(void **state)
{
    Words w = Scan("set x [list a [b {c d}]];e");

    (void) state;
    assert_int_equal(w.n, 8);
    assert_string_equal(w.words[4], "b");
    assert_string_equal(w.words[5], "c");
    assert_string_equal(w.words[6], "d");
    assert_string_equal(w.words[7], "e");
}

static void
test_TkleakScanWords_variablesSkipped(void **state)
{
    Words w = Scan("puts $x ${y} $z(1)");

    (void) state;
    assert_int_equal(w.n, 2);
    assert_string_equal(w.words[0], "puts");
    assert_string_equal(w.words[1], "y");	/* ${y}: braces split it. */
}

static void
test_TkleakScanWords_backslash(void **state)
{
    Words w = Scan("a\\ b c\\");

    (void) state;
    assert_int_equal(w.n, 2);
    assert_string_equal(w.words[0], "a\\ b");
    assert_string_equal(w.words[1], "c\\");
}

static void
test_TkleakScanWords_lengthNotNul(void **state)
{
    Words w;
    const char script[] = "abc def";

    (void) state;
    memset(&w, 0, sizeof(w));
    assert_int_equal(TkleakScanWords(script, 5, Collect, &w), 2);
    assert_string_equal(w.words[1], "d");
}

static void
test_TkleakScanWords_utf8(void **state)
{
    Words w = Scan("caf\xc3\xa9 \xf0\x9f\x98\x80x");

    (void) state;
    assert_int_equal(w.n, 2);
    assert_string_equal(w.words[0], "caf\xc3\xa9");
    assert_string_equal(w.words[1], "\xf0\x9f\x98\x80x");
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
	cmocka_unit_test(test_TkleakScanWords_plain),
	cmocka_unit_test(test_TkleakScanWords_empty),
	cmocka_unit_test(test_TkleakScanWords_tkinterBinding),
	cmocka_unit_test(test_TkleakScanWords_nested),
	cmocka_unit_test(test_TkleakScanWords_variablesSkipped),
	cmocka_unit_test(test_TkleakScanWords_backslash),
	cmocka_unit_test(test_TkleakScanWords_lengthNotNul),
	cmocka_unit_test(test_TkleakScanWords_utf8),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
