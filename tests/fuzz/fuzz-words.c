/*
 * fuzz-words.c --
 *
 *	libFuzzer target for TkleakScanWords (words.c): any bytes are a
 *	script. Every word reported must lie inside the input and be
 *	non-empty, the words must come in order without overlapping, and an
 *	argument word (flags 0) must hold no unescaped delimiter and not
 *	start with $; a command word is as written, braces stripped.
 */

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include "heart/census.h"

typedef struct Check {
    const char *start;
    size_t len;
    const char *last;		/* End of the previous word. */
} Check;

static void
OnWord(
    void *clientData,
    const char *word,
    size_t len,
    int flags)
{
    Check *c = clientData;
    size_t i;

    if (len == 0 || word < c->last || word + len > c->start + c->len
	    || (flags != 0 && flags != TKLEAK_WORD_COMMAND)) {
	abort();
    }
    c->last = word + len;
    if (flags != 0) {
	return;
    }
    if (word[0] == '$') {
	abort();
    }
    for (i = 0; i < len; i++) {
	if (word[i] == '\\') {
	    i++;
	    continue;
	}
	switch (word[i]) {
	case ' ': case '\t': case '\n': case '{': case '}': case '[':
	case ']': case '"': case ';':
	    abort();
	}
    }
    c->last = word + len;
}

int
LLVMFuzzerTestOneInput(
    const uint8_t *data,
    size_t size)
{
    Check c;

    c.start = (const char *) data;
    c.len = size;
    c.last = c.start;
    TkleakScanWords((const char *) data, size, OnWord, &c);
    return 0;
}
