/*
 * nameset.c --
 *
 *	The set of names slots may hold without "seen" knowing (nameset.h):
 *	a Bloom filter of NAMESET_BITS bits, NAMESET_PROBES bits a name, so
 *	that its size is fixed however many names go in. It answers "maybe"
 *	for every name put in and, rarely, for one that was not; a caller
 *	that gets "maybe" does the exact work (the full slot scan), so a
 *	false "maybe" costs time, never an answer. Past NAMESET_LIMIT names
 *	the false answers grow common and the set says it is full
 *	(TkleakNameSetFull): its owner starts it again from an exact scan.
 *
 *	Names are what a slot's word would be: a command is looked for by
 *	the tail of its fully qualified name (the word "foo", "::foo" or
 *	"ns::foo" may call "::ns::foo", and which one a namespace path or a
 *	later command makes it is not known when the word is put in), an
 *	image or a window by its whole name.
 *
 *	Plain C, no Tcl: tests/unit/test-nameset.c.
 *
 * Copyright (c) 2026 the tkleak developers. See the file "LICENSE".
 */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "keys.h"
#include "nameset.h"

#define NAMESET_BITS	(1u << 21)	/* 256 KB. */
#define NAMESET_PROBES	3
#define NAMESET_LIMIT	(NAMESET_BITS / 10)
				/* With 3 probes, 1.7% false "maybe" there. */

struct TkleakNameSet {
    unsigned char bits[NAMESET_BITS / 8];
    size_t count;		/* Names that set a bit of their own. */
};

/*
 * Hash --
 *
 *	FNV-1a, 64 bits, of the LEN bytes at NAME: its two halves make the
 *	probes (double hashing), the second one odd so that they differ.
 */

static uint64_t
Hash(
    const char *name,
    size_t len)
{
    uint64_t h = 0xcbf29ce484222325ull;
    size_t i;

    for (i = 0; i < len; i++) {
	h ^= (unsigned char) name[i];
	h *= 0x100000001b3ull;
    }
    return h;
}

#define PROBE(h, i) \
	(((uint32_t) (h) + (uint32_t) (i) * ((uint32_t) ((h) >> 32) | 1u)) \
	& (NAMESET_BITS - 1))

/*
 *----------------------------------------------------------------------
 *
 * TkleakNameSetTail --
 *
 *	The part of the command name NAME (LEN bytes) after its last "::"
 *	(all of it when there is none): the name by which a command is
 *	looked for (see the top of this file).
 *
 * Results:
 *	A pointer into NAME; its length in *TAILLENPTR.
 *
 * Side effects:
 *	None.
 *
 *----------------------------------------------------------------------
 */

const char *
TkleakNameSetTail(
    const char *name,
    size_t len,
    size_t *tailLenPtr)
{
    size_t i, start = 0;

    for (i = 0; i + 1 < len; i++) {
	if (name[i] == ':' && name[i + 1] == ':') {
	    start = i + 2;
	}
    }
    while (start < len && name[start] == ':') {
	start++;		/* ":::" is a separator too. */
    }
    *tailLenPtr = len - start;
    return name + start;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakNameSetNew, TkleakNameSetFree --
 *
 *	Make an empty set; free one (NULL is allowed).
 *
 * Results:
 *	TkleakNameSetNew: a new set owned by the caller, or NULL when out of
 *	memory.
 *
 * Side effects:
 *	NAMESET_BITS / 8 bytes allocated or freed.
 *
 *----------------------------------------------------------------------
 */

TkleakNameSet *
TkleakNameSetNew(void)
{
    return calloc(1, sizeof(TkleakNameSet));
}

void
TkleakNameSetFree(
    TkleakNameSet *setPtr)
{
    free(setPtr);
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakNameSetAdd --
 *
 *	Put the LEN bytes at NAME in the set.
 *
 * Results:
 *	None.
 *
 * Side effects:
 *	The name's bits are set; the count of names grows when one of them
 *	was not.
 *
 *----------------------------------------------------------------------
 */

void
TkleakNameSetAdd(
    TkleakNameSet *setPtr,
    const char *name,
    size_t len)
{
    uint64_t h = Hash(name, len);
    int i, fresh = 0;

    for (i = 0; i < NAMESET_PROBES; i++) {
	uint32_t b = PROBE(h, i);
	unsigned char mask = (unsigned char) (1u << (b & 7));

	if (!(setPtr->bits[b >> 3] & mask)) {
	    setPtr->bits[b >> 3] |= mask;
	    fresh = 1;
	}
    }
    setPtr->count += fresh;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakNameSetAddWord --
 *
 *	Put in the set a word of a slot (LEN bytes at WORD) that named
 *	nothing, or, with COMMANDS (a word that may name a command), no
 *	command: its whole self for images and windows and, with COMMANDS,
 *	its tail for commands (see the top of this file).
 *
 * Results:
 *	None.
 *
 * Side effects:
 *	As TkleakNameSetAdd, once or twice.
 *
 *----------------------------------------------------------------------
 */

void
TkleakNameSetAddWord(
    TkleakNameSet *setPtr,
    const char *word,
    size_t len,
    int commands)
{
    TkleakNameSetAdd(setPtr, word, len);
    if (commands) {
	size_t tailLen;
	const char *tail = TkleakNameSetTail(word, len, &tailLen);

	if (tailLen != len) {
	    TkleakNameSetAdd(setPtr, tail, tailLen);
	}
    }
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakNameSetKeyName, TkleakNameSetAddKey, TkleakNameSetMayName --
 *
 *	The name by which a slot's word would name the object of the index
 *	key KEY (keys.h): the tail of a command's name, an image's or a
 *	window's whole name; put it in the set, or ask the set for it.
 *
 * Results:
 *	TkleakNameSetKeyName: a pointer into KEY, the length in *LENPTR.
 *	TkleakNameSetMayName: 1 when a word put in the set may name KEY's
 *	object, 0 when none does.
 *
 * Side effects:
 *	TkleakNameSetAddKey: as TkleakNameSetAdd.
 *
 *----------------------------------------------------------------------
 */

const char *
TkleakNameSetKeyName(
    const char *key,
    size_t *lenPtr)
{
    size_t len = strlen(key + 1);

    if (key[0] == TKLEAK_KEY_COMMAND) {
	return TkleakNameSetTail(key + 1, len, lenPtr);
    }
    *lenPtr = len;
    return key + 1;
}

void
TkleakNameSetAddKey(
    TkleakNameSet *setPtr,
    const char *key)
{
    size_t len;
    const char *name = TkleakNameSetKeyName(key, &len);

    TkleakNameSetAdd(setPtr, name, len);
}

int
TkleakNameSetMayName(
    const TkleakNameSet *setPtr,
    const char *key)
{
    size_t len;
    const char *name = TkleakNameSetKeyName(key, &len);

    return TkleakNameSetMayHave(setPtr, name, len);
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakNameSetMayHave --
 *
 *	Whether the LEN bytes at NAME may be in the set.
 *
 * Results:
 *	1 for every name put in (and for a few others), 0 for a name
 *	surely not put in.
 *
 * Side effects:
 *	None.
 *
 *----------------------------------------------------------------------
 */

int
TkleakNameSetMayHave(
    const TkleakNameSet *setPtr,
    const char *name,
    size_t len)
{
    uint64_t h = Hash(name, len);
    int i;

    for (i = 0; i < NAMESET_PROBES; i++) {
	uint32_t b = PROBE(h, i);

	if (!(setPtr->bits[b >> 3] & (1u << (b & 7)))) {
	    return 0;
	}
    }
    return 1;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakNameSetFull, TkleakNameSetCount, TkleakNameSetBytes --
 *
 *	Whether the set holds more names than it answers well for (its
 *	owner then does the exact work and starts a new set); how many
 *	names it holds (each set a bit of its own); its size in memory.
 *
 * Results:
 *	As above.
 *
 * Side effects:
 *	None.
 *
 *----------------------------------------------------------------------
 */

int
TkleakNameSetFull(
    const TkleakNameSet *setPtr)
{
    return setPtr->count > NAMESET_LIMIT;
}

size_t
TkleakNameSetCount(
    const TkleakNameSet *setPtr)
{
    return setPtr->count;
}

size_t
TkleakNameSetBytes(
    const TkleakNameSet *setPtr)
{
    return setPtr != NULL ? sizeof(TkleakNameSet) : 0;
}
