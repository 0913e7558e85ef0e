/*
 * quoted.c --
 *
 *	The words of a script that the plain word scanner (words.c) cannot
 *	see whole, found by Tcl's own parser: TkleakScanQuotedWords, used
 *	by recording's fold, the slot index and the live check.
 *
 * Copyright (c) 2026 the tkleak developers. See the file "LICENSE".
 */

#include "config.h"
#include <string.h>
#include "tkleakInt.h"


#define QUOTED_DEPTH 8

static int
NeedsQuoting(
    const char *s,
    size_t len)
{
    size_t i;

    for (i = 0; i < len; i++) {
	switch (s[i]) {
	case ' ': case '\t': case '\n': case '\r': case '\v': case '\f':
	case '{': case '}': case '[': case ']': case '"': case ';':
	case '\\':
	    return 1;
	}
    }
    return 0;
}

static void
ScanQuoted(
    const char *script,
    size_t len,
    TkleakWordProc *fn,
    void *clientData,
    int depth)
{
    const char *p = script, *end = script + len;
    Tcl_Parse parse;
    Tcl_DString value;

    if (depth > QUOTED_DEPTH || (memchr(script, '{', len) == NULL
	    && memchr(script, '"', len) == NULL
	    && memchr(script, '\\', len) == NULL)) {
	return;			/* Every word is one the plain scan sees. */
    }
    Tcl_DStringInit(&value);
    while (p < end) {
	Tcl_Token *tokenPtr;
	int w;

	if (Tcl_ParseCommand(NULL, p, (int) (end - p), 0, &parse) != TCL_OK) {
	    break;
	}
	tokenPtr = parse.tokenPtr;
	for (w = 0; w < parse.numWords; w++) {
	    int n = tokenPtr->numComponents, k, literal = 1;

	    Tcl_DStringSetLength(&value, 0);
	    for (k = 1; k <= n; k++) {
		Tcl_Token *partPtr = &tokenPtr[k];
		char buf[TCL_UTF_MAX + 1];

		switch (partPtr->type) {
		case TCL_TOKEN_TEXT:
		    Tcl_DStringAppend(&value, partPtr->start, partPtr->size);
		    break;
		case TCL_TOKEN_BS:
		    Tcl_DStringAppend(&value, buf, Tcl_UtfBackslash(
			    partPtr->start, NULL, buf));
		    break;
		case TCL_TOKEN_COMMAND:
		    literal = 0;
		    if (partPtr->size > 2) {
			ScanQuoted(partPtr->start + 1,
				(size_t) partPtr->size - 2, fn, clientData,
				depth + 1);
		    }
		    break;
		default:
		    literal = 0;
		    break;
		}
		k += partPtr->numComponents;
	    }
	    if (literal && NeedsQuoting(Tcl_DStringValue(&value),
		    (size_t) Tcl_DStringLength(&value))) {
		fn(clientData, Tcl_DStringValue(&value),
			(size_t) Tcl_DStringLength(&value),
			w == 0 ? TKLEAK_WORD_COMMAND : 0);
		if (tokenPtr->start[0] == '{' || tokenPtr->start[0] == '"') {
		    Tcl_DString inner;

		    /*
		     * A braced or quoted word may be a script or a list in
		     * turn: its value is scanned on its own copy, as the
		     * DString is reused.
		     */

		    Tcl_DStringInit(&inner);
		    Tcl_DStringAppend(&inner, Tcl_DStringValue(&value),
			    Tcl_DStringLength(&value));
		    ScanQuoted(Tcl_DStringValue(&inner),
			    (size_t) Tcl_DStringLength(&inner), fn, clientData,
			    depth + 1);
		    Tcl_DStringFree(&inner);
		}
	    }
	    tokenPtr += n + 1;
	}
	p = parse.commandStart + parse.commandSize;
	Tcl_FreeParse(&parse);
    }
    Tcl_DStringFree(&value);
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakScanQuotedWords --
 *
 *	Call FN with the value of every word of SCRIPT (LEN bytes) that
 *	TkleakScanWords cannot see whole: a word whose value holds white
 *	space, one of { } [ ] " ; or a backslash, as a command name given
 *	through [list ::$name] does ({::[x]}, ::\{). The words are those of
 *	Tcl's own parser (Tcl_ParseCommand, on the text, never on the app's
 *	object), at every depth: inside braced words (bodies, lambdas,
 *	"namespace code" scripts, lists) and command substitutions. Words
 *	with substitutions other than backslashes have no value to report;
 *	their command substitutions are scanned. Comments are skipped, as
 *	Tcl skips them. Nothing is evaluated. A word that is the first of
 *	its command is reported with TKLEAK_WORD_COMMAND, the others with
 *	no flag, as TkleakScanWords reports them: only the first may name a
 *	command, and the value of every word is scanned again in turn, so a
 *	script or lambda given as an argument has its command words too.
 *
 * Results:
 *	None. FN gets a string it must not keep.
 *
 * Side effects:
 *	Whatever FN does; the scan itself reads SCRIPT only.
 *
 *----------------------------------------------------------------------
 */

void
TkleakScanQuotedWords(
    const char *script,
    size_t len,
    TkleakWordProc *fn,
    void *clientData)
{
    ScanQuoted(script, len, fn, clientData, 0);
}
