/*
 * test-words.c --
 *
 *	cmocka tests of words.c: the scanner that finds the words of a
 *	script at every nesting level, the way slots name commands: command
 *	words, argument words, comments.
 */

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include "heart/census.h"

#define MAX_WORDS 96

typedef struct Words {
    size_t n;
    char words[MAX_WORDS][64];
    int flags[MAX_WORDS];
    char commands[512];		/* The command words, space-separated. */
} Words;

static void
Collect(
    void *clientData,
    const char *word,
    size_t len,
    int flags)
{
    Words *w = clientData;

    assert_true(w->n < MAX_WORDS);
    assert_true(len > 0);
    assert_true(len < sizeof(w->words[0]));
    assert_true(flags == 0 || flags == TKLEAK_WORD_COMMAND);
    memcpy(w->words[w->n], word, len);
    w->words[w->n][len] = '\0';
    w->flags[w->n] = flags;
    if (flags & TKLEAK_WORD_COMMAND) {
	size_t used = strlen(w->commands);

	assert_true(used + len + 2 < sizeof(w->commands));
	if (used > 0) {
	    w->commands[used++] = ' ';
	}
	memcpy(w->commands + used, word, len);
	w->commands[used + len] = '\0';
    }
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
    assert_int_equal(w.flags[0], TKLEAK_WORD_COMMAND);
    assert_string_equal(w.words[1], "arg");
    assert_int_equal(w.flags[1], 0);
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
    assert_string_equal(w.commands, "if 140234567<lambda> break");
    assert_int_equal(w.flags[6], 0);	/* An operand of the expression. */
    assert_int_equal(w.flags[7], TKLEAK_WORD_COMMAND);
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
    assert_string_equal(w.commands, "set list b e");
}

static void
test_TkleakScanWords_variablesSkipped(void **state)
{
    Words w = Scan("puts $x ${y z} $z(1) a$b");

    (void) state;
    assert_int_equal(w.n, 2);
    assert_string_equal(w.words[0], "puts");
    assert_string_equal(w.words[1], "a$b");
}

static void
test_TkleakScanWords_backslash(void **state)
{
    Words w = Scan("a\\ b c\\");

    (void) state;
    assert_int_equal(w.n, 2);
    assert_string_equal(w.words[0], "a\\ b");
    assert_string_equal(w.words[1], "c\\");
    assert_string_equal(w.commands, "a\\ b");
}

static void
test_TkleakScanWords_backslashNewline(void **state)
{
    Words w = Scan("a \\\n  b\nc");

    (void) state;
    assert_int_equal(w.n, 3);
    assert_string_equal(w.commands, "a c");	/* b is a's argument. */
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

static void
test_TkleakScanWords_commentLine(void **state)
{
    Words w = Scan("# separate it from other delete operations\nfoo");

    (void) state;
    assert_int_equal(w.n, 1);
    assert_string_equal(w.commands, "foo");
}

static void
test_TkleakScanWords_commentAfterSemicolon(void **state)
{
    Words w = Scan("foo x ;# other words\n  \t# more\nbar");

    (void) state;
    assert_int_equal(w.n, 3);
    assert_string_equal(w.commands, "foo bar");
}

static void
test_TkleakScanWords_commentNotAtCommandStart(void **state)
{
    Words w = Scan("foo # other");

    (void) state;
    assert_int_equal(w.n, 3);
    assert_string_equal(w.words[1], "#");
    assert_string_equal(w.words[2], "other");
    assert_string_equal(w.commands, "foo");
}

static void
test_TkleakScanWords_commentBackslashNewline(void **state)
{
    Words w = Scan("# a \\\nother\nfoo");

    (void) state;
    assert_int_equal(w.n, 1);	/* The escaped newline goes on. */
    assert_string_equal(w.commands, "foo");
    w = Scan("# a \\\\\nfoo");
    assert_int_equal(w.n, 1);	/* An escaped backslash does not. */
    assert_string_equal(w.commands, "foo");
}

static void
test_TkleakScanWords_commentInScriptBody(void **state)
{
    Words w = Scan("if {[%W cget -autoseparators]} {\n"
	    "    # separate it from other delete operations\n"
	    "    %W edit separator\n"
	    "} else {# other\n}\n"
	    "catch {%W delete sel.first sel.last ;# other}");

    (void) state;
    assert_string_equal(w.commands, "if %W %W catch %W");
    assert_int_equal(w.n, 13);
}

static void
test_TkleakScanWords_commentInBracket(void **state)
{
    Words w = Scan("set x [\n# other ]\nfoo]; bar");

    (void) state;
    assert_string_equal(w.commands, "set foo bar");
}

static void
test_TkleakScanWords_commentBracesCount(void **state)
{
    /*
     * Tcl counts the braces in a comment when it finds the end of a
     * braced word: the "{" in the comment makes the body go on past
     * the first "}".
     */

    Words w = Scan("catch {\n# {\n}\nother}\nfoo");

    (void) state;
    assert_string_equal(w.commands, "catch } other foo");
}

static void
test_TkleakScanWords_commentInUnknownBody(void **state)
{
    Words w = Scan("dict for {k v} $d {\n# other\nfoo\n}");

    (void) state;
    assert_string_equal(w.commands, "dict");	/* Not known as a script. */
    assert_int_equal(w.n, 7);
    assert_string_equal(w.words[5], "other");
    assert_int_equal(w.flags[5], 0);
}

static void
test_TkleakScanWords_knownForms(void **state)
{
    Words w = Scan("after 100 {c1 a}; after idle c2; after cancel x1\n"
	    "catch {c3}; eval c4 {x9}; uplevel #0 {c6}; uplevel c7\n"
	    "namespace eval ::n {c8}; namespace inscope ::n c9 x2\n"
	    "while 1 {c10}; for {c11} {[c12]} {c13} {c14}\n"
	    "foreach x3 $l {c15}; lmap x4 $l x5 $l c16; time {c17} 5\n"
	    "try {c18} on error {x6 x7} {c19} trap X {x8} c20 finally c21\n"
	    "expr {[c22] + 1}; ::if 1 then c23 elseif {0} c24 else c25\n"
	    "%W instate !disabled {c26 %W}; %W instate x y z");

    (void) state;
    assert_string_equal(w.commands, "after c1 after c2 after catch c3 eval "
	    "c4 uplevel c6 uplevel c7 namespace c8 namespace c9 while c10 "
	    "for c11 c12 c13 c14 foreach c15 lmap c16 time c17 try c18 c19 "
	    "c20 c21 expr c22 ::if c23 c24 c25 %W c26 %W");
}

static void
test_TkleakScanWords_ifImplicitElse(void **state)
{
    Words w = Scan("if {$a} {c1} {c2}");

    (void) state;
    assert_string_equal(w.commands, "if c1 c2");
}

static void
test_TkleakScanWords_bracedCommandWord(void **state)
{
    Words w = Scan("{my proc} arg; \"my other\" arg; {*}c3 arg; {*}$v arg");

    (void) state;
    assert_string_equal(w.commands, "my proc my other c3");
}

static void
test_TkleakScanWords_unclosed(void **state)
{
    Words w = Scan("{a b");

    (void) state;
    assert_int_equal(w.n, 2);
    assert_string_equal(w.commands, "");	/* Tcl would not run it. */
    w = Scan("foo \"bar [baz");
    assert_string_equal(w.commands, "foo");
}

static void
test_TkleakScanWords_manyWords(void **state)
{
    char script[400];
    Words w;
    int i;

    (void) state;
    strcpy(script, "foreach");
    for (i = 0; i < 60; i++) {
	strcat(script, " x");
    }
    strcat(script, " {c1}; c2");
    w = Scan(script);
    assert_int_equal(w.n, 63);
    assert_string_equal(w.words[61], "c1");	/* In order, an argument. */
    assert_string_equal(w.commands, "foreach c2");
}

static void
test_TkleakScanWords_deep(void **state)
{
    char script[4000];
    Words w;
    int i, n = 0;

    (void) state;
    for (i = 0; i < 1000; i++) {
	script[n++] = '[';
    }
    script[n++] = 'x';
    for (i = 0; i < 1000; i++) {
	script[n++] = ']';
    }
    strcpy(script + n, ";catch {y}");
    w = Scan(script);
    assert_int_equal(w.n, 3);
    assert_string_equal(w.words[0], "x");
    assert_int_equal(w.flags[0], 0);	/* Beyond the depth followed. */
    assert_string_equal(w.commands, "catch y");
}

static void
test_TkleakWordMayName_kinds(void **state)
{
    (void) state;
    assert_true(TkleakWordMayName(TKLEAK_WORD_COMMAND, 'c'));
    assert_true(TkleakWordMayName(TKLEAK_WORD_COMMAND, 'i'));
    assert_true(TkleakWordMayName(TKLEAK_WORD_COMMAND, 'w'));
    assert_false(TkleakWordMayName(0, 'c'));
    assert_true(TkleakWordMayName(0, 'i'));
    assert_true(TkleakWordMayName(0, 'w'));
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
	cmocka_unit_test(test_TkleakScanWords_backslashNewline),
	cmocka_unit_test(test_TkleakScanWords_lengthNotNul),
	cmocka_unit_test(test_TkleakScanWords_utf8),
	cmocka_unit_test(test_TkleakScanWords_commentLine),
	cmocka_unit_test(test_TkleakScanWords_commentAfterSemicolon),
	cmocka_unit_test(test_TkleakScanWords_commentNotAtCommandStart),
	cmocka_unit_test(test_TkleakScanWords_commentBackslashNewline),
	cmocka_unit_test(test_TkleakScanWords_commentInScriptBody),
	cmocka_unit_test(test_TkleakScanWords_commentInBracket),
	cmocka_unit_test(test_TkleakScanWords_commentBracesCount),
	cmocka_unit_test(test_TkleakScanWords_commentInUnknownBody),
	cmocka_unit_test(test_TkleakScanWords_knownForms),
	cmocka_unit_test(test_TkleakScanWords_ifImplicitElse),
	cmocka_unit_test(test_TkleakScanWords_bracedCommandWord),
	cmocka_unit_test(test_TkleakScanWords_unclosed),
	cmocka_unit_test(test_TkleakScanWords_manyWords),
	cmocka_unit_test(test_TkleakScanWords_deep),
	cmocka_unit_test(test_TkleakWordMayName_kinds),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
