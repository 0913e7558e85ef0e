/*
 * words.c --
 *
 *	The word scanner that finds command and image names in scripts.
 *	A slot (a -command option, a binding, an after script...) names a
 *	command when the command's name stands in its script as a word,
 *	anywhere: at the top level, inside [...], inside braces or quotes.
 *	tkinter's binding scripts show why nesting matters:
 *
 *	    if {"[140234567<lambda> %# %b]" == "break"} break
 *
 *	names the wrapper 140234567<lambda> three levels down. So the scanner
 *	does not parse Tcl; it splits the text at white space and at the
 *	characters that delimit words in any nesting, { } [ ] " and ;, and
 *	reports every piece. Over-reporting is harmless: a piece that is no
 *	command's name matches nothing. Plain C, tested by
 *	tests/unit/test-words.c and fuzzed (issue 6).
 *
 * Copyright (c) 2026 the tkleak developers. See the file "LICENSE".
 */

#include <stddef.h>
#include "census.h"

static int
IsDelimiter(
    unsigned char c)
{
    switch (c) {
    case ' ': case '\t': case '\n': case '\r': case '\v': case '\f':
    case '{': case '}': case '[': case ']': case '"': case ';':
	return 1;
    default:
	return 0;
    }
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakScanWords --
 *
 *	Call FN once for each word of SCRIPT (LEN bytes, NUL not needed),
 *	in order. A word is a maximal run of bytes that are not white space
 *	or one of { } [ ] " ; and a backslash escapes the byte after it
 *	into the word. Words starting with $ (variable references) are
 *	skipped. FN gets a pointer into SCRIPT and a length; it must not
 *	keep the pointer.
 *
 * Results:
 *	The number of words reported.
 *
 *----------------------------------------------------------------------
 */

size_t
TkleakScanWords(
    const char *script,
    size_t len,
    TkleakWordProc *fn,
    void *clientData)
{
    size_t i = 0, n = 0;

    while (i < len) {
	size_t start;

	while (i < len && IsDelimiter((unsigned char) script[i])) {
	    i++;
	}
	start = i;
	while (i < len && !IsDelimiter((unsigned char) script[i])) {
	    if (script[i] == '\\' && i + 1 < len) {
		i++;
	    }
	    i++;
	}
	if (i > start && script[start] != '$') {
	    fn(clientData, script + start, i - start);
	    n++;
	}
    }
    return n;
}
