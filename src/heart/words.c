/*
 * words.c --
 *
 *	The word scanner that finds command, image and window names in
 *	scripts. A slot (a -command option, a binding, an after script...)
 *	names an object when the object's name stands in its script as a
 *	word that Tcl would take for that kind of name.
 *
 *	Notes on the rule. The scanner reads a script as Tcl's parser does:
 *	commands end at a newline or a semicolon; a "#" where a command
 *	would start begins a comment that runs to the next newline not
 *	escaped by a backslash; words are grouped by braces (no
 *	substitution inside) and double quotes; [...] is a command
 *	substitution, itself a script. It reports each word with where it
 *	stands:
 *
 *	  - a command word (TKLEAK_WORD_COMMAND): the first word of each
 *	    command of the script, of each [...] outside braces, and of
 *	    each command of the script bodies of the commands whose
 *	    arguments Tcl itself evaluates as scripts or expressions (if,
 *	    while, for, foreach, lmap, catch, eval, uplevel, after, time,
 *	    namespace eval/inscope, try, expr, and a ttk widget's
 *	    "instate spec script", which Tk's own ttk bindings use), at any
 *	    depth;
 *	  - an argument word: any other word outside comments, split at
 *	    white space and at { } [ ] " ; as before (issue 6).
 *
 *	A command word may name a command, an image or a window; an
 *	argument word only an image or a window (TkleakWordMayName): the
 *	scanner cannot know that an argument of an unknown command (a
 *	braced body of a megawidget's own control structure, a word in a
 *	comment) is ever called, and such a word must not hide an orphan
 *	command (issue 16). Image names and window paths are data, passed
 *	as arguments (".b configure -image icon", "tk_popup .menu"), so
 *	argument words still name those.
 *
 *	tkinter's binding scripts show why nesting matters:
 *
 *	    if {"[140234567<lambda> %# %b]" == "break"} break
 *
 *	names the wrapper 140234567<lambda> as the command word of a [...]
 *	inside a quoted operand of "if"'s expression.
 *
 *	Plain C, tested by tests/unit/test-words.c and fuzzed (issue 6).
 *	Recursion is bounded (MAX_DEPTH): deeper text is split flat into
 *	argument words.
 *
 * Copyright (c) 2026 the tkleak developers. See the file "LICENSE".
 */

#include <stddef.h>
#include <string.h>
#include "census.h"
#include "keys.h"

#define MAX_DEPTH 32		/* Nesting of scripts, [...] and
				 * expressions followed. */
#define MAX_WORDS 48		/* Words of one command kept to tell
				 * which are scripts; the rest are
				 * arguments. */

/*
 * Where a word of a command stands.
 */

enum Role {
    ROLE_ARG, ROLE_COMMAND, ROLE_SCRIPT, ROLE_EXPR
};

/*
 * How a word is written.
 */

enum Form {
    FORM_BARE, FORM_BRACED, FORM_QUOTED, FORM_UNCLOSED
};

typedef struct Word {
    const char *start;		/* Its text, inside braces or quotes. */
    const char *end;
    int form;			/* enum Form. */
} Word;

typedef struct Scan {
    TkleakWordProc *fn;
    void *clientData;
    size_t count;		/* Words reported. */
} Scan;

static const char *ParseScript(Scan *scanPtr, const char *p,
			    const char *end, int depth, int bracket);

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
 * IsBlank --
 *
 *	White space that separates words within a command (a newline ends
 *	the command instead).
 */

static int
IsBlank(
    unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

static void
Report(
    Scan *scanPtr,
    const char *word,
    size_t len,
    int flags)
{
    if (scanPtr != NULL && len > 0) {
	scanPtr->fn(scanPtr->clientData, word, len, flags);
	scanPtr->count++;
    }
}

/*
 * FlatPieces --
 *
 *	Report the text from P to END as argument words, split at white
 *	space and at { } [ ] " ; with no nesting followed: the rule for
 *	braced text, which Tcl does not substitute, and for text beyond
 *	MAX_DEPTH. A backslash takes the byte after it into the word;
 *	words starting with $ (variables) are not reported.
 */

static void
FlatPieces(
    Scan *scanPtr,
    const char *p,
    const char *end)
{
    while (p < end) {
	const char *start;

	while (p < end && IsDelimiter((unsigned char) *p)) {
	    p++;
	}
	start = p;
	while (p < end && !IsDelimiter((unsigned char) *p)) {
	    if (*p == '\\' && p + 1 < end) {
		p++;
	    }
	    p++;
	}
	if (p > start && *start != '$') {
	    Report(scanPtr, start, (size_t) (p - start), 0);
	}
    }
}

/*
 * SkipBraces --
 *
 *	P is at "{": the end of the braced word, just after its matching
 *	"}" (nested braces counted, a backslash escaping the byte after
 *	it, comments not special: Tcl's rule), or END when unmatched
 *	(*CLOSEDPTR tells, when not NULL).
 */

static const char *
SkipBraces(
    const char *p,
    const char *end,
    int *closedPtr)
{
    int level = 0;

    for (; p < end; p++) {
	if (*p == '\\') {
	    if (p + 1 < end) {
		p++;
	    }
	} else if (*p == '{') {
	    level++;
	} else if (*p == '}') {
	    if (--level == 0) {
		if (closedPtr != NULL) {
		    *closedPtr = 1;
		}
		return p + 1;
	    }
	}
    }
    if (closedPtr != NULL) {
	*closedPtr = 0;
    }
    return end;
}

/*
 * SkipSubst --
 *
 *	P is at "[": the end of the command substitution, just after its
 *	"]", or END. The script inside is parsed (quietly when SCANPTR is
 *	NULL) so that a "]" in braces or quotes does not end it.
 */

static const char *
SkipSubst(
    Scan *scanPtr,
    const char *p,
    const char *end,
    int depth)
{
    p = ParseScript(scanPtr, p + 1, end, depth + 1, 1);
    return (p < end && *p == ']') ? p + 1 : end;
}

/*
 * SkipVarBraces --
 *
 *	P is at "$" followed by "{": the end of ${name}, which may hold
 *	white space.
 */

static const char *
SkipVarBraces(
    const char *p,
    const char *end)
{
    const char *q = memchr(p + 2, '}', (size_t) (end - p - 2));

    return q ? q + 1 : end;
}

/*
 * Substituted --
 *
 *	Report the text from P to END of a bare or quoted word, or of an
 *	operand in an expression: each [...] is a script (its commands'
 *	first words are command words), the rest is split into argument
 *	words as FlatPieces does; variables are not reported.
 */

static void
Substituted(
    Scan *scanPtr,
    const char *p,
    const char *end,
    int depth)
{
    while (p < end) {
	const char *start;

	if (*p == '[') {
	    p = SkipSubst(scanPtr, p, end, depth);
	    continue;
	}
	if (*p == '$' && p + 1 < end && p[1] == '{') {
	    p = SkipVarBraces(p, end);
	    continue;
	}
	if (IsDelimiter((unsigned char) *p)) {
	    p++;
	    continue;
	}
	start = p;
	while (p < end && !IsDelimiter((unsigned char) *p)) {
	    if (*p == '\\' && p + 1 < end) {
		p++;
	    }
	    p++;
	}
	if (*start != '$') {
	    Report(scanPtr, start, (size_t) (p - start), 0);
	}
    }
}

/*
 * SkipQuoted --
 *
 *	P is at a double quote: the end of the quoted word, just after its
 *	closing quote, or END when there is none (*CLOSEDPTR tells).
 */

static const char *
SkipQuoted(
    const char *p,
    const char *end,
    int depth,
    int *closedPtr)
{
    p++;
    while (p < end) {
	if (*p == '\\') {
	    p += (p + 1 < end) ? 2 : 1;
	} else if (*p == '"') {
	    *closedPtr = 1;
	    return p + 1;
	} else if (*p == '[') {
	    p = SkipSubst(NULL, p, end, depth);
	} else {
	    p++;
	}
    }
    *closedPtr = 0;
    return end;
}

/*
 * SkipBare --
 *
 *	P starts a bare word: its end, at white space, a newline, a
 *	semicolon, a backslash-newline or, inside [...] (BRACKET), a "]"
 *	that closes the substitution.
 */

static const char *
SkipBare(
    const char *p,
    const char *end,
    int depth,
    int bracket)
{
    while (p < end) {
	unsigned char c = (unsigned char) *p;

	if (IsBlank(c) || c == '\n' || c == ';' || (bracket && c == ']')) {
	    break;
	}
	if (c == '\\') {
	    if (p + 1 < end && p[1] == '\n') {
		break;
	    }
	    p += (p + 1 < end) ? 2 : 1;
	} else if (c == '[') {
	    p = SkipSubst(NULL, p, end, depth);
	} else if (c == '$' && p + 1 < end && p[1] == '{') {
	    p = SkipVarBraces(p, end);
	} else {
	    p++;
	}
    }
    return p;
}

/*
 * Expression --
 *
 *	Report an expression, from P to END: each [...] in it, outside
 *	braces, is a script; the other operands and operators are argument
 *	words.
 */

static void
Expression(
    Scan *scanPtr,
    const char *p,
    const char *end,
    int depth)
{
    while (p < end) {
	const char *start;
	int closed;

	switch (*p) {
	case '[':
	    p = SkipSubst(scanPtr, p, end, depth);
	    continue;
	case '"':
	    start = p;
	    p = SkipQuoted(p, end, depth, &closed);
	    Substituted(scanPtr, start + 1, closed ? p - 1 : p, depth);
	    continue;
	case '{':
	    start = p;
	    p = SkipBraces(p, end, &closed);
	    FlatPieces(scanPtr, start + 1, closed ? p - 1 : p);
	    continue;
	case '$':
	    if (p + 1 < end && p[1] == '{') {
		p = SkipVarBraces(p, end);
		continue;
	    }
	    p++;
	    while (p < end && !IsDelimiter((unsigned char) *p)
		    && strchr("$()+-*/%<>=!&|^~?:,", *p) == NULL) {
		p++;
	    }
	    continue;
	}
	if (IsDelimiter((unsigned char) *p)) {
	    p++;
	    continue;
	}
	start = p;
	while (p < end && !IsDelimiter((unsigned char) *p) && *p != '$') {
	    if (*p == '\\' && p + 1 < end) {
		p++;
	    }
	    p++;
	}
	Report(scanPtr, start, (size_t) (p - start), 0);
    }
}

/*
 * Is --
 *
 *	Whether word W is the plain word NAME, with or without a leading
 *	"::".
 */

static int
Is(
    const Word *w,
    const char *name)
{
    const char *s = w->start;
    size_t n = strlen(name);

    if (w->form == FORM_UNCLOSED) {
	return 0;
    }
    if (w->end - s >= 2 && s[0] == ':' && s[1] == ':') {
	s += 2;
    }
    return (size_t) (w->end - s) == n && memcmp(s, name, n) == 0;
}

/*
 * IsLevel --
 *
 *	Whether word W is an uplevel level: digits, or "#" and digits.
 */

static int
IsLevel(
    const Word *w)
{
    const char *s = w->start;

    if (s < w->end && *s == '#') {
	s++;
    }
    if (s == w->end) {
	return 0;
    }
    for (; s < w->end; s++) {
	if (*s < '0' || *s > '9') {
	    return 0;
	}
    }
    return 1;
}

/*
 * Roles --
 *
 *	Which of the NW words of a command are scripts or expressions, for
 *	the commands of Tcl that evaluate their arguments; ROLE[0] is the
 *	command word, every other word an argument unless said here. Of
 *	the commands that concatenate their arguments into a script (eval,
 *	uplevel, after, namespace eval), the first is the script and the
 *	rest its last command's arguments, as in "after idle cb arg".
 */

static void
Roles(
    const Word *words,
    int nw,
    unsigned char *role)
{
    int i;

    role[0] = ROLE_COMMAND;
    for (i = 1; i < nw; i++) {
	role[i] = ROLE_ARG;
    }
    if (Is(&words[0], "if")) {
	i = 1;
	while (i < nw) {
	    role[i++] = ROLE_EXPR;
	    if (i < nw && Is(&words[i], "then")) {
		i++;
	    }
	    if (i < nw) {
		role[i++] = ROLE_SCRIPT;
	    }
	    if (i < nw && Is(&words[i], "elseif")) {
		i++;
		continue;
	    }
	    if (i < nw && Is(&words[i], "else")) {
		i++;
	    }
	    if (i < nw) {
		role[i] = ROLE_SCRIPT;
	    }
	    break;
	}
    } else if (Is(&words[0], "while") && nw == 3) {
	role[1] = ROLE_EXPR;
	role[2] = ROLE_SCRIPT;
    } else if (Is(&words[0], "for") && nw == 5) {
	role[1] = role[3] = role[4] = ROLE_SCRIPT;
	role[2] = ROLE_EXPR;
    } else if ((Is(&words[0], "foreach") || Is(&words[0], "lmap"))
	    && nw >= 4 && nw % 2 == 0) {
	role[nw - 1] = ROLE_SCRIPT;
    } else if (Is(&words[0], "catch") && nw >= 2) {
	role[1] = ROLE_SCRIPT;
    } else if (Is(&words[0], "time") && nw >= 2) {
	role[1] = ROLE_SCRIPT;
    } else if (Is(&words[0], "eval") && nw >= 2) {
	role[1] = ROLE_SCRIPT;
    } else if (Is(&words[0], "uplevel") && nw >= 2) {
	role[(nw > 2 && IsLevel(&words[1])) ? 2 : 1] = ROLE_SCRIPT;
    } else if (Is(&words[0], "after") && nw >= 3
	    && (IsLevel(&words[1]) || Is(&words[1], "idle"))
	    && words[1].start[0] != '#') {
	role[2] = ROLE_SCRIPT;
    } else if (Is(&words[0], "namespace") && nw >= 4
	    && (Is(&words[1], "eval") || Is(&words[1], "inscope"))) {
	role[3] = ROLE_SCRIPT;
    } else if (nw == 4 && Is(&words[1], "instate")) {
	role[3] = ROLE_SCRIPT;		/* A ttk widget's "instate". */
    } else if (Is(&words[0], "expr")) {
	for (i = 1; i < nw; i++) {
	    role[i] = ROLE_EXPR;
	}
    } else if (Is(&words[0], "try") && nw >= 2) {
	role[1] = ROLE_SCRIPT;
	for (i = 2; i < nw; ) {
	    if ((Is(&words[i], "on") || Is(&words[i], "trap")) && i + 3 < nw) {
		role[i + 3] = ROLE_SCRIPT;
		i += 4;
	    } else if (Is(&words[i], "finally") && i + 1 < nw) {
		role[i + 1] = ROLE_SCRIPT;
		i += 2;
	    } else {
		break;
	    }
	}
    }
}

/*
 * Emit --
 *
 *	Report word W of a command by its role.
 */

static void
Emit(
    Scan *scanPtr,
    const Word *w,
    int role,
    int depth)
{
    if (w->form == FORM_UNCLOSED) {
	FlatPieces(scanPtr, w->start, w->end);	/* Tcl would not run it. */
	return;
    }
    switch (role) {
    case ROLE_COMMAND:
	if (w->form == FORM_BRACED || (memchr(w->start, '[',
		(size_t) (w->end - w->start)) == NULL && memchr(w->start, '$',
		(size_t) (w->end - w->start)) == NULL)) {
	    Report(scanPtr, w->start, (size_t) (w->end - w->start),
		    TKLEAK_WORD_COMMAND);
	} else {
	    Substituted(scanPtr, w->start, w->end, depth);
	}
	break;
    case ROLE_SCRIPT:
	ParseScript(scanPtr, w->start, w->end, depth + 1, 0);
	break;
    case ROLE_EXPR:
	if (depth + 1 >= MAX_DEPTH) {
	    FlatPieces(scanPtr, w->start, w->end);
	} else {
	    Expression(scanPtr, w->start, w->end, depth + 1);
	}
	break;
    default:
	if (w->form == FORM_BRACED) {
	    FlatPieces(scanPtr, w->start, w->end);
	} else {
	    Substituted(scanPtr, w->start, w->end, depth);
	}
	break;
    }
}

/*
 * Flush --
 *
 *	Report the NW words of a command kept so far, by their roles.
 */

static void
Flush(
    Scan *scanPtr,
    const Word *words,
    int nw,
    int complete,		/* 0: the command has more words than
				 * these, so their roles are not known. */
    int depth)
{
    unsigned char role[MAX_WORDS];
    int i;

    if (scanPtr == NULL || nw == 0) {
	return;
    }
    if (complete) {
	Roles(words, nw, role);
    } else {
	role[0] = ROLE_COMMAND;
	for (i = 1; i < nw; i++) {
	    role[i] = ROLE_ARG;
	}
    }
    for (i = 0; i < nw; i++) {
	Emit(scanPtr, &words[i], role[i], depth);
    }
}

/*
 * ParseCommand --
 *
 *	P starts a command (not a comment): find its words, then report
 *	them (when SCANPTR is not NULL). Returns the end of the command,
 *	after its newline or semicolon, or at the "]" that ends a
 *	substitution (BRACKET).
 */

static const char *
ParseCommand(
    Scan *scanPtr,
    const char *p,
    const char *end,
    int depth,
    int bracket)
{
    Word words[MAX_WORDS];
    int nw = 0, flushed = 0;

    while (p < end) {
	Word w;
	int closed;

	while (p < end && (IsBlank((unsigned char) *p)
		|| (*p == '\\' && p + 1 < end && p[1] == '\n'))) {
	    p += (*p == '\\') ? 2 : 1;
	}
	if (p >= end) {
	    break;
	}
	if (*p == '\n' || *p == ';') {
	    p++;
	    break;
	}
	if (bracket && *p == ']') {
	    break;
	}
	if (*p == '{' && end - p > 3 && p[1] == '*' && p[2] == '}'
		&& !IsBlank((unsigned char) p[3]) && p[3] != '\n'
		&& p[3] != ';') {
	    p += 3;			/* {*}: the word after it counts. */
	}
	if (*p == '{') {
	    w.start = p + 1;
	    p = SkipBraces(p, end, &closed);
	    w.end = closed ? p - 1 : p;
	    w.form = closed ? FORM_BRACED : FORM_UNCLOSED;
	} else if (*p == '"') {
	    w.start = p + 1;
	    p = SkipQuoted(p, end, depth, &closed);
	    w.end = closed ? p - 1 : p;
	    w.form = closed ? FORM_QUOTED : FORM_UNCLOSED;
	} else {
	    w.start = p;
	    p = SkipBare(p, end, depth, bracket);
	    w.end = p;
	    w.form = FORM_BARE;
	}
	if (scanPtr == NULL) {
	    continue;
	}
	if (nw < MAX_WORDS) {
	    words[nw++] = w;
	    continue;
	}
	if (!flushed) {
	    Flush(scanPtr, words, nw, 0, depth);
	    flushed = 1;
	}
	Emit(scanPtr, &w, ROLE_ARG, depth);	/* Past the known forms. */
    }
    if (!flushed) {
	Flush(scanPtr, words, nw, 1, depth);
    }
    return p;
}

/*
 * ParseScript --
 *
 *	Parse the script from P to END, reporting its words when SCANPTR is
 *	not NULL. With BRACKET, the script is inside [...]: it ends at the
 *	"]" that closes it, and the result points at that "]". Beyond
 *	MAX_DEPTH the text is split flat, into argument words.
 */

static const char *
ParseScript(
    Scan *scanPtr,
    const char *p,
    const char *end,
    int depth,
    int bracket)
{
    if (depth >= MAX_DEPTH) {
	const char *start = p;
	int level = 0;

	for (; p < end; p++) {
	    if (*p == '\\' && p + 1 < end) {
		p++;
	    } else if (*p == '[') {
		level++;
	    } else if (*p == ']' && bracket && level-- == 0) {
		break;
	    }
	}
	FlatPieces(scanPtr, start, p);
	return p;
    }
    while (p < end) {
	unsigned char c = (unsigned char) *p;

	if (IsBlank(c) || c == '\n' || c == ';') {
	    p++;
	} else if (c == '\\' && p + 1 < end && p[1] == '\n') {
	    p += 2;
	} else if (bracket && c == ']') {
	    return p;
	} else if (c == '#') {
	    /*
	     * A comment, to the first newline no backslash escapes.
	     */

	    while (p < end && *p != '\n') {
		p += (*p == '\\' && p + 1 < end) ? 2 : 1;
	    }
	} else {
	    p = ParseCommand(scanPtr, p, end, depth, bracket);
	}
    }
    return end;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakScanWords --
 *
 *	Call FN once for each word of SCRIPT (LEN bytes, NUL not needed)
 *	outside comments, in the order of the text, with flags
 *	TKLEAK_WORD_COMMAND for a command word and 0 for an argument word
 *	(see the top of this file). FN gets a pointer into SCRIPT and a
 *	length (never 0); it must not keep the pointer. A command word is
 *	the word as written, without its braces or quotes; an argument
 *	word holds no unescaped white space or { } [ ] " ; and never starts
 *	with $.
 *
 * Results:
 *	The number of words reported.
 *
 * Side effects:
 *	None but the calls of FN.
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
    Scan scan;

    scan.fn = fn;
    scan.clientData = clientData;
    scan.count = 0;
    ParseScript(&scan, script, script + len, 0, 0);
    return scan.count;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakWordMayName --
 *
 *	Whether a word reported with FLAGS may name an object of index key
 *	kind KIND (keys.h: command, image, window): a command word any,
 *	an argument word an image or a window only.
 *
 * Results:
 *	1 or 0.
 *
 * Side effects:
 *	None.
 *
 *----------------------------------------------------------------------
 */

int
TkleakWordMayName(
    int flags,
    char kind)
{
    return (flags & TKLEAK_WORD_COMMAND) || kind != TKLEAK_KEY_COMMAND;
}
