/*
 * nameset.c --
 *
 *	The set of names slots may hold without "seen" knowing (nameset.h):
 *	a 32-bit fingerprint of each name, in an open-addressed table that
 *	grows by doubling, from 4,096 slots (16 KB) to NAMESET_MAX_SLOTS
 *	(512 KB, 98,304 names). It answers "maybe" for every name put in
 *	and, for one that was not, only when the two fingerprints are equal
 *	(one chance in 2^32 a name held, 1.4 in 100,000 questions with
 *	IDLE-30's 60,000 names): a live check that asks it about a thousand
 *	unreferenced images does not stumble on a false "maybe" as it would
 *	in a Bloom filter of the same size. A caller that gets "maybe" does
 *	the exact work (the full slot scan), so a false one would cost time,
 *	never an answer. When
 *	the table cannot grow (at its largest, or out of memory) the set
 *	says it is full (TkleakNameSetFull): its owner then does the exact
 *	work for every question, and starts a new set from an exact scan.
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

#define NAMESET_MIN_SLOTS	(1u << 12)
#define NAMESET_MAX_SLOTS	(1u << 17)

struct TkleakNameSet {
    uint32_t *slots;		/* The fingerprints, 0 for an empty slot. */
    size_t mask;		/* The number of slots - 1. */
    size_t count;		/* Names held. */
    int full;			/* The table could not grow: every name may
				 * be held. */
};

/*
 *----------------------------------------------------------------------
 *
 * TkleakNameSetHash --
 *
 *	The fingerprint of the LEN bytes at NAME, by which the set holds it
 *	(a caller that puts one name in at every scan keeps it:
 *	TkleakNameSetAddHash): FNV-1a, 64 bits, mixed and
 *	folded to 32, every bit depending on every byte hashed (its low bits
 *	pick the slot); never 0 (an empty slot). Of a name longer than
 *	2 * HASH_ENDS bytes (a whole binding script met as a word), only its
 *	length and both ends are hashed: two such names that differ only in
 *	the middle are taken for one, which costs a full scan at worst,
 *	where hashing every byte of every script cost a fifth of an index.
 *
 * Results:
 *	A number, never 0.
 *
 * Side effects:
 *	None.
 *
 *----------------------------------------------------------------------
 */

#define HASH_ENDS 16

unsigned int
TkleakNameSetHash(
    const char *name,
    size_t len)
{
    uint64_t h = 0xcbf29ce484222325ull;
    size_t i, n = len;

    if (len > 2 * HASH_ENDS) {
	h ^= (uint64_t) len;
	h *= 0x100000001b3ull;
	n = HASH_ENDS;
    }
    for (i = 0; i < n; i++) {
	h ^= (unsigned char) name[i];
	h *= 0x100000001b3ull;
    }
    if (n != len) {
	for (i = len - HASH_ENDS; i < len; i++) {
	    h ^= (unsigned char) name[i];
	    h *= 0x100000001b3ull;
	}
    }
    h ^= h >> 29;
    h *= 0xbf58476d1ce4e5b9ull;
    h ^= h >> 32;
    return (uint32_t) h ? (uint32_t) h : 1;
}

/*
 * Put --
 *
 *	Put the fingerprint H in the table of SETPTR, which has room.
 *
 * Results:
 *	1 when H was not there, else 0.
 */

static int
Put(
    TkleakNameSet *setPtr,
    uint32_t h)
{
    size_t i = (size_t) h & setPtr->mask;

    while (setPtr->slots[i] != 0) {
	if (setPtr->slots[i] == h) {
	    return 0;
	}
	i = (i + 1) & setPtr->mask;
    }
    setPtr->slots[i] = h;
    return 1;
}

/*
 * Grow --
 *
 *	Double the table of SETPTR.
 *
 * Results:
 *	1 when it did, 0 when it could not (then the set is full).
 */

static int
Grow(
    TkleakNameSet *setPtr)
{
    uint32_t *old = setPtr->slots;
    size_t oldSize = setPtr->mask + 1, i;

    if (oldSize >= NAMESET_MAX_SLOTS) {
	return 0;
    }
    setPtr->slots = calloc(2 * oldSize, sizeof(uint32_t));
    if (setPtr->slots == NULL) {
	setPtr->slots = old;
	return 0;
    }
    setPtr->mask = 2 * oldSize - 1;
    for (i = 0; i < oldSize; i++) {
	if (old[i] != 0) {
	    (void) Put(setPtr, old[i]);
	}
    }
    free(old);
    return 1;
}

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

    if (memchr(name, ':', len) == NULL) {
	*tailLenPtr = len;	/* Most words, and most scripts. */
	return name;
    }
    for (i = len; i > 1; i--) {
	if (name[i - 1] == ':' && name[i - 2] == ':') {
	    start = i;		/* Just after the last "::". */
	    break;
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
 *	Memory allocated (16 KB) or freed.
 *
 *----------------------------------------------------------------------
 */

TkleakNameSet *
TkleakNameSetNew(void)
{
    TkleakNameSet *setPtr = calloc(1, sizeof(TkleakNameSet));

    if (setPtr == NULL) {
	return NULL;
    }
    setPtr->slots = calloc(NAMESET_MIN_SLOTS, sizeof(uint32_t));
    if (setPtr->slots == NULL) {
	free(setPtr);
	return NULL;
    }
    setPtr->mask = NAMESET_MIN_SLOTS - 1;
    return setPtr;
}

void
TkleakNameSetFree(
    TkleakNameSet *setPtr)
{
    if (setPtr != NULL) {
	free(setPtr->slots);
	free(setPtr);
    }
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakNameSetAdd, TkleakNameSetAddHash --
 *
 *	Put the LEN bytes at NAME in the set, or the name whose fingerprint
 *	(TkleakNameSetHash) is HASH.
 *
 * Results:
 *	None.
 *
 * Side effects:
 *	The table may grow; when it cannot, the set is full.
 *
 *----------------------------------------------------------------------
 */

void
TkleakNameSetAdd(
    TkleakNameSet *setPtr,
    const char *name,
    size_t len)
{
    TkleakNameSetAddHash(setPtr, TkleakNameSetHash(name, len));
}

void
TkleakNameSetAddHash(
    TkleakNameSet *setPtr,
    unsigned int hash)
{
    if (setPtr->full) {
	return;
    }
    if (4 * (setPtr->count + 1) > 3 * (setPtr->mask + 1) && !Grow(setPtr)) {
	setPtr->full = 1;
	return;
    }
    setPtr->count += Put(setPtr, (uint32_t) hash);
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
 *	1 for every name put in (and for one in 2^32 others), and for
 *	every name once the set is full; 0 for a name surely not put in.
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
    uint32_t h = TkleakNameSetHash(name, len);
    size_t i = (size_t) h & setPtr->mask;

    if (setPtr->full) {
	return 1;
    }
    for (; setPtr->slots[i] != 0; i = (i + 1) & setPtr->mask) {
	if (setPtr->slots[i] == h) {
	    return 1;
	}
    }
    return 0;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakNameSetFull, TkleakNameSetCount, TkleakNameSetBytes --
 *
 *	Whether the set could not take a name (its owner then does the
 *	exact work and starts a new set); how many names it holds; its size
 *	in memory.
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
    return setPtr->full;
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
    return setPtr != NULL ? sizeof(TkleakNameSet)
	    + (setPtr->mask + 1) * sizeof(uint32_t) : 0;
}
