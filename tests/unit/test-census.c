/*
 * test-census.c --
 *
 *	cmocka tests of census.c: making and freeing a census, finding or
 *	creating types by name (same name, prefixes, long names, enough
 *	types to grow the index), counting objects with their bytes and
 *	byte-exact identities, sorting identities, looking types up and
 *	objects up in them (TkleakTypeHas, TkleakCensusHas), and
 *	the object and memory totals, up to 100,000 identities spread over
 *	many arena chunks and one identity longer than a chunk; appending
 *	the types of a census whose arena another adopted.
 *
 * Copyright (c) 2026 the tkleak developers. See the file "LICENSE".
 */

#include "config.h"
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "heart/census.h"
#ifdef __GLIBC__
#include <malloc.h>
#endif

extern size_t __sanitizer_get_current_allocated_bytes(void)
	__attribute__((weak));

/*
 * Block - What the heap counts for block P of SIZE bytes: with glibc
 * (not under AddressSanitizer), its usable size and one header word;
 * else the bytes asked for.
 */

static size_t
Block(
    void *p,
    size_t size)
{
#ifdef __GLIBC__
    if (__sanitizer_get_current_allocated_bytes == NULL) {
	return malloc_usable_size(p) + sizeof(size_t);
    }
#endif
    (void) p;
    return size;
}

/*
 * census.c's arena chunk size, and the bytes malloc'ed for a chunk of
 * SIZE data bytes: its header is one pointer.
 */

#define CHUNK_SIZE (64 * 1024)
#define CHUNK_BYTES(size) (sizeof(void *) + (size))

static int
Setup(
    void **state)
{
    *state = TkleakCensusNew();
    return *state ? 0 : -1;
}

static int
Teardown(
    void **state)
{
    TkleakCensusFree(*state);
    return 0;
}

static int
TypeOf(
    TkleakCensus *censusPtr,
    const char *name)
{
    return TkleakCensusType(censusPtr, name, strlen(name));
}

static void
AddId(
    TkleakCensus *censusPtr,
    int type,
    const char *id,
    size_t bytes)
{
    assert_int_equal(TkleakCensusAdd(censusPtr, type, id, strlen(id), bytes),
	    0);
}

static void
test_TkleakCensusNew_empty(
    void **state)
{
    TkleakCensus *censusPtr = *state;

    assert_int_equal(censusPtr->numTypes, 0);
    assert_int_equal(censusPtr->indexSize, 0);
    assert_null(censusPtr->types);
    assert_null(censusPtr->chunks);
    assert_int_equal(censusPtr->arenaBytes, 0);
    assert_int_equal(censusPtr->heap, 0);
    assert_int_equal(censusPtr->rss, 0);
    assert_int_equal(TkleakCensusObjects(censusPtr), 0);
    assert_int_equal(TkleakCensusMemory(censusPtr),
	    Block(censusPtr, sizeof(TkleakCensus)));
}

static void
test_TkleakCensusFree_null(
    void **state)
{
    TkleakCensusFree(NULL);
}

static void
test_TkleakCensusFree_full(
    void **state)
{
    TkleakCensus *censusPtr = TkleakCensusNew();
    int i, type;
    char id[32];

    assert_non_null(censusPtr);
    for (i = 0; i < 100; i++) {
	snprintf(id, sizeof(id), "type %d", i);
	type = TypeOf(censusPtr, id);
	assert_int_equal(type, i);
	AddId(censusPtr, type, id, 1);
    }
    TkleakCensusFree(censusPtr);
}

static void
test_TkleakCensusType_sameName(
    void **state)
{
    TkleakCensus *censusPtr = *state;

    assert_int_equal(TypeOf(censusPtr, "widget Button"), 0);
    assert_int_equal(TypeOf(censusPtr, "widget Button"), 0);
    assert_int_equal(censusPtr->numTypes, 1);
    assert_string_equal(censusPtr->types[0].name, "widget Button");
    assert_int_equal(censusPtr->types[0].count, 0);
    assert_int_equal(censusPtr->types[0].bytes, 0);
    assert_int_equal(censusPtr->types[0].numIds, 0);
    assert_int_equal(censusPtr->types[0].sorted, 1);
}

static void
test_TkleakCensusType_distinctNames(
    void **state)
{
    TkleakCensus *censusPtr = *state;

    assert_int_equal(TypeOf(censusPtr, "widget Button"), 0);
    assert_int_equal(TypeOf(censusPtr, "widget Label"), 1);
    assert_int_equal(TypeOf(censusPtr, "command proc"), 2);
    assert_int_equal(TypeOf(censusPtr, "widget button"), 3);
    assert_int_equal(TypeOf(censusPtr, ""), 4);
    assert_int_equal(TypeOf(censusPtr, "command proc"), 2);
    assert_int_equal(TypeOf(censusPtr, "widget Label"), 1);
    assert_int_equal(TypeOf(censusPtr, "widget Button"), 0);
    assert_int_equal(TypeOf(censusPtr, ""), 4);
    assert_int_equal(censusPtr->numTypes, 5);
    assert_string_equal(censusPtr->types[3].name, "widget button");
    assert_string_equal(censusPtr->types[4].name, "");
}

/*
 * Names that are prefixes of one another: the lookup compares NAMELEN
 * bytes and must then see the stored name end there too.
 */

static void
test_TkleakCensusType_prefixNames(
    void **state)
{
    TkleakCensus *censusPtr = *state;
    static const char *const names[] = {
	"widget Button", "widget", "widget Button2", "widget Butto",
	"widget Button ", "w"
    };
    int i, n = sizeof(names) / sizeof(names[0]);

    for (i = 0; i < n; i++) {
	assert_int_equal(TypeOf(censusPtr, names[i]), i);
    }
    for (i = n - 1; i >= 0; i--) {
	assert_int_equal(TypeOf(censusPtr, names[i]), i);
	assert_string_equal(censusPtr->types[i].name, names[i]);
    }
    assert_int_equal(censusPtr->numTypes, n);
}

/*
 * NAMELEN, not a NUL, ends the name: the rest of the buffer is ignored
 * and the stored copy is NUL-terminated.
 */

static void
test_TkleakCensusType_nameLength(
    void **state)
{
    TkleakCensus *censusPtr = *state;
    const char buf[] = "widget Buttonxyz";

    assert_int_equal(TkleakCensusType(censusPtr, buf, 13), 0);
    assert_string_equal(censusPtr->types[0].name, "widget Button");
    assert_int_equal(TypeOf(censusPtr, "widget Button"), 0);
    assert_int_equal(TkleakCensusType(censusPtr, buf, 6), 1);
    assert_string_equal(censusPtr->types[1].name, "widget");
    assert_int_equal(TkleakCensusType(censusPtr, buf, sizeof(buf) - 1), 2);
    assert_int_equal(TkleakCensusType(censusPtr, buf, 0), 3);
    assert_string_equal(censusPtr->types[3].name, "");
    assert_int_equal(censusPtr->numTypes, 4);
}

static void
test_TkleakCensusType_longName(
    void **state)
{
    TkleakCensus *censusPtr = *state;
    size_t len = 100000;
    char *name1 = malloc(len + 1), *name2 = malloc(len + 1);

    assert_non_null(name1);
    assert_non_null(name2);
    memset(name1, 'x', len);
    name1[len] = '\0';
    memcpy(name2, name1, len + 1);
    name2[len - 1] = 'y';

    assert_int_equal(TypeOf(censusPtr, name1), 0);
    assert_int_equal(TypeOf(censusPtr, name2), 1);
    assert_int_equal(TkleakCensusType(censusPtr, name1, len - 1), 2);
    assert_int_equal(TypeOf(censusPtr, name2), 1);
    assert_int_equal(TypeOf(censusPtr, name1), 0);
    assert_int_equal(censusPtr->numTypes, 3);
    assert_int_equal(strlen(censusPtr->types[0].name), len);
    assert_int_equal(strlen(censusPtr->types[2].name), len - 1);
    assert_string_equal(censusPtr->types[0].name, name1);
    assert_string_equal(censusPtr->types[1].name, name2);
    assert_memory_equal(censusPtr->types[2].name, name1, len - 1);
    free(name1);
    free(name2);
}

/*
 * 1000 types: the index starts at 64 slots and must be rebuilt several
 * times, and the type table reallocated, without losing a name.
 */

static void
test_TkleakCensusType_manyTypes(
    void **state)
{
    TkleakCensus *censusPtr = *state;
    char name[32];
    int i, n = 1000;

    for (i = 0; i < n; i++) {
	snprintf(name, sizeof(name), "type %d", i);
	assert_int_equal(TypeOf(censusPtr, name), i);
    }
    assert_int_equal(censusPtr->numTypes, n);
    assert_int_equal(censusPtr->indexSize, 2048);
    assert_int_equal(censusPtr->capTypes, 1024);
    for (i = n - 1; i >= 0; i--) {
	snprintf(name, sizeof(name), "type %d", i);
	assert_int_equal(TypeOf(censusPtr, name), i);
	assert_string_equal(censusPtr->types[i].name, name);
	assert_ptr_equal(TkleakCensusFind(censusPtr, name),
		&censusPtr->types[i]);
    }
    assert_int_equal(censusPtr->numTypes, n);
}

static void
test_TkleakCensusAdd_countsBytes(
    void **state)
{
    TkleakCensus *censusPtr = *state;
    int button = TypeOf(censusPtr, "widget Button");
    int proc = TypeOf(censusPtr, "command proc");
    TkleakType *typePtr;

    AddId(censusPtr, button, ".b1", 10);
    AddId(censusPtr, proc, "::foo", 105);
    AddId(censusPtr, button, ".b2", 20);
    AddId(censusPtr, button, ".b3", 0);

    typePtr = &censusPtr->types[button];
    assert_int_equal(typePtr->count, 3);
    assert_int_equal(typePtr->bytes, 30);
    assert_int_equal(typePtr->numIds, 3);
    assert_string_equal(typePtr->ids[0], ".b1");
    assert_string_equal(typePtr->ids[1], ".b2");
    assert_string_equal(typePtr->ids[2], ".b3");
    assert_int_equal(typePtr->sorted, 1);

    typePtr = &censusPtr->types[proc];
    assert_int_equal(typePtr->count, 1);
    assert_int_equal(typePtr->bytes, 105);
    assert_int_equal(typePtr->numIds, 1);
    assert_string_equal(typePtr->ids[0], "::foo");

    assert_int_equal(TkleakCensusObjects(censusPtr), 4);
}

/*
 * Identities are Tcl words: spaces, braces, brackets, backslashes and
 * UTF-8 must come back byte for byte, and IDLEN bounds the copy.
 */

static void
test_TkleakCensusAdd_idsByteExact(
    void **state)
{
    TkleakCensus *censusPtr = *state;
    static const char *const ids[] = {
	"a b c", "{", "}", "{a {b c}} d", "\\{ [list $x] \"q\"",
	"\xc3\xbcn\xc3\xaf c\xc3\xb8" "d\xc3\xa9 \xe2\x9c\x93",
	"\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", "\xf0\x9f\x90\x9b",
	"tab\there\nnewline", "", " "
    };
    int i, n = sizeof(ids) / sizeof(ids[0]);
    int type = TypeOf(censusPtr, "command proc");
    TkleakType *typePtr;

    for (i = 0; i < n; i++) {
	AddId(censusPtr, type, ids[i], (size_t) i);
    }
    assert_int_equal(TkleakCensusAdd(censusPtr, type, "abcdef", 3, 0), 0);

    typePtr = &censusPtr->types[type];
    assert_int_equal(typePtr->numIds, n + 1);
    assert_int_equal(typePtr->count, n + 1);
    assert_int_equal(typePtr->bytes, n * (n - 1) / 2);
    for (i = 0; i < n; i++) {
	assert_int_equal(strlen(typePtr->ids[i]), strlen(ids[i]));
	assert_memory_equal(typePtr->ids[i], ids[i], strlen(ids[i]) + 1);
	assert_ptr_not_equal(typePtr->ids[i], ids[i]);
    }
    assert_string_equal(typePtr->ids[n], "abc");
}

static void
test_TkleakCensusAdd_sortedFlag(
    void **state)
{
    TkleakCensus *censusPtr = *state;
    int type = TypeOf(censusPtr, "widget Button");
    TkleakType *typePtr = &censusPtr->types[type];

    AddId(censusPtr, type, ".a", 0);
    AddId(censusPtr, type, ".b", 0);
    AddId(censusPtr, type, ".c", 0);
    assert_int_equal(typePtr->sorted, 1);
    AddId(censusPtr, type, ".a1", 0);
    assert_int_equal(typePtr->sorted, 0);
}

/*
 * Byte order as strcmp: upper case before lower case, a prefix before
 * its extensions, UTF-8 (bytes >= 0x80) after ASCII.
 */

static void
test_TkleakTypeSort_order(
    void **state)
{
    TkleakCensus *censusPtr = *state;
    static const char *const unsorted[] = {
	"b", "\xc3\xa9", "a b", "B", ".x.y", "a", "{a}", ".x", "10", "9"
    };
    static const char *const sorted[] = {
	".x", ".x.y", "10", "9", "B", "a", "a b", "b", "{a}", "\xc3\xa9"
    };
    int i, n = sizeof(unsorted) / sizeof(unsorted[0]);
    int type = TypeOf(censusPtr, "widget Label");
    TkleakType *typePtr = &censusPtr->types[type];

    for (i = 0; i < n; i++) {
	AddId(censusPtr, type, unsorted[i], 1);
    }
    assert_int_equal(typePtr->sorted, 0);
    TkleakTypeSort(typePtr);
    assert_int_equal(typePtr->sorted, 1);
    assert_int_equal(typePtr->numIds, n);
    assert_int_equal(typePtr->count, n);
    for (i = 0; i < n; i++) {
	assert_string_equal(typePtr->ids[i], sorted[i]);
    }
    TkleakTypeSort(typePtr);
    for (i = 0; i < n; i++) {
	assert_string_equal(typePtr->ids[i], sorted[i]);
    }
}

static void
test_TkleakTypeSort_empty(
    void **state)
{
    TkleakCensus *censusPtr = *state;
    int type = TypeOf(censusPtr, "widget Label");

    TkleakTypeSort(&censusPtr->types[type]);
    assert_int_equal(censusPtr->types[type].numIds, 0);
    assert_int_equal(censusPtr->types[type].sorted, 1);
}

static void
test_TkleakCensusFind_missing(
    void **state)
{
    TkleakCensus *censusPtr = *state;

    assert_null(TkleakCensusFind(censusPtr, "widget Button"));
    assert_null(TkleakCensusFind(censusPtr, ""));
    TypeOf(censusPtr, "widget Button");
    assert_null(TkleakCensusFind(censusPtr, "widget"));
    assert_null(TkleakCensusFind(censusPtr, "widget Button "));
    assert_null(TkleakCensusFind(censusPtr, "widget button"));
    assert_null(TkleakCensusFind(censusPtr, ""));
    assert_int_equal(censusPtr->numTypes, 1);
}

static void
test_TkleakCensusFind_present(
    void **state)
{
    TkleakCensus *censusPtr = *state;
    int button = TypeOf(censusPtr, "widget Button");
    int proc = TypeOf(censusPtr, "command proc");
    TkleakType *typePtr;

    AddId(censusPtr, proc, "::p", 7);
    typePtr = TkleakCensusFind(censusPtr, "command proc");
    assert_ptr_equal(typePtr, &censusPtr->types[proc]);
    assert_string_equal(typePtr->name, "command proc");
    assert_int_equal(typePtr->count, 1);
    assert_int_equal(typePtr->bytes, 7);
    typePtr = TkleakCensusFind(censusPtr, "widget Button");
    assert_ptr_equal(typePtr, &censusPtr->types[button]);
    assert_int_equal(typePtr->count, 0);
}

static void
test_TkleakTypeHas_presentAndAbsent(
    void **state)
{
    TkleakCensus *censusPtr = *state;
    int proc = TypeOf(censusPtr, "command proc");
    TkleakType *typePtr;
    char id[32];
    int i;

    for (i = 999; i >= 0; i -= 2) {		/* Odd ones, in reverse. */
	snprintf(id, sizeof(id), "::p%d", i);
	AddId(censusPtr, proc, id, 0);
    }
    typePtr = &censusPtr->types[proc];
    for (i = 0; i < 1000; i++) {
	snprintf(id, sizeof(id), "::p%d", i);
	assert_int_equal(TkleakTypeHas(typePtr, id), i % 2);
    }
    assert_int_equal(typePtr->sorted, 1);
    assert_int_equal(TkleakTypeHas(typePtr, ""), 0);
    assert_int_equal(TkleakTypeHas(typePtr, "::p9999"), 0);
}

static void
test_TkleakCensusHas_typesAndNull(
    void **state)
{
    TkleakCensus *censusPtr = *state;
    int proc = TypeOf(censusPtr, "command proc");
    int after = TypeOf(censusPtr, "after");

    AddId(censusPtr, proc, "::a", 0);
    AddId(censusPtr, after, "after#3", 0);
    assert_int_equal(TkleakCensusHas(censusPtr, "command proc", "::a"), 1);
    assert_int_equal(TkleakCensusHas(censusPtr, "after", "::a"), 0);
    assert_int_equal(TkleakCensusHas(censusPtr, "after", "after#3"), 1);
    assert_int_equal(TkleakCensusHas(censusPtr, "image photo", "::a"), 0);
    assert_int_equal(TkleakCensusHas(NULL, "command proc", "::a"), 0);
}

static void
test_TkleakCensusObjects_sum(
    void **state)
{
    TkleakCensus *censusPtr = *state;
    int a, b, c;

    assert_int_equal(TkleakCensusObjects(censusPtr), 0);
    a = TypeOf(censusPtr, "a");
    b = TypeOf(censusPtr, "b");
    c = TypeOf(censusPtr, "c");
    assert_int_equal(TkleakCensusObjects(censusPtr), 0);
    AddId(censusPtr, a, "1", 0);
    AddId(censusPtr, a, "2", 0);
    AddId(censusPtr, c, "1", 0);
    AddId(censusPtr, c, "2", 0);
    AddId(censusPtr, c, "3", 0);
    assert_int_equal(TkleakCensusObjects(censusPtr), 5);
    assert_int_equal(censusPtr->types[b].count, 0);
}

/*
 * The memory figure is the census struct, the arena, the type table,
 * the index and every identity array, each as the heap counts the block
 * malloc gave it (its usable size and the chunk header with glibc), so
 * it grows as content is added.
 */

static void
test_TkleakCensusMemory_grows(
    void **state)
{
    TkleakCensus *censusPtr = *state;
    size_t m0, m1, m2, m3;
    int type, i;
    char id[32];

    m0 = TkleakCensusMemory(censusPtr);
    assert_int_equal(m0, Block(censusPtr, sizeof(TkleakCensus)));

    type = TypeOf(censusPtr, "widget Button");
    m1 = TkleakCensusMemory(censusPtr);
    assert_int_equal(censusPtr->arenaBytes, CHUNK_BYTES(CHUNK_SIZE));
    assert_int_equal(m1, m0 + Block(censusPtr->chunks,
	    CHUNK_BYTES(CHUNK_SIZE))
	    + Block(censusPtr->types, 32 * sizeof(TkleakType))
	    + Block(censusPtr->index, 64 * sizeof(size_t)));

    AddId(censusPtr, type, ".b", 0);
    m2 = TkleakCensusMemory(censusPtr);
    assert_int_equal(m2, m1 + Block(censusPtr->types[type].ids,
	    8 * sizeof(char *)));

    for (i = 0; i < 9; i++) {
	snprintf(id, sizeof(id), ".b%d", i);
	AddId(censusPtr, type, id, 0);
    }
    m3 = TkleakCensusMemory(censusPtr);
    assert_int_equal(m3, m1 + Block(censusPtr->types[type].ids,
	    16 * sizeof(char *)));
    assert_true(m0 < m1 && m1 < m2 && m2 < m3);
}

/*
 * The figure is what the census adds to the heap as mallinfo2 counts
 * it: a census of 100,000 identities (about 1.9 MB) is within 16 KB of
 * the heap's growth (malloc's per-thread cache keeps a few freed blocks
 * counted as in use).
 */

static void
test_TkleakCensusMemory_mallinfo(
    void **state)
{
#if defined(__GLIBC__) && defined(HAVE_MALLINFO2)
    TkleakCensus *censusPtr;
    size_t before, after, memory, i;
    int type;
    char id[32];

    (void) state;
    if (__sanitizer_get_current_allocated_bytes != NULL) {
	skip();
    }
    before = mallinfo2().uordblks;
    censusPtr = TkleakCensusNew();
    type = TypeOf(censusPtr, "t");
    for (i = 0; i < 100000; i++) {
	snprintf(id, sizeof(id), "id%06zu", i);
	assert_int_equal(TkleakCensusAdd(censusPtr, type, id, 8, 0), 0);
    }
    after = mallinfo2().uordblks;
    memory = TkleakCensusMemory(censusPtr);
    TkleakCensusFree(censusPtr);
    assert_true(memory > 1900000);
    assert_true(after - before + 16384 >= memory
	    && memory + 16384 >= after - before);
#else
    (void) state;
    skip();
#endif
}

/*
 * 100,000 identities of 9 bytes each fill 14 chunks of 64 KiB: 7281
 * fit in a chunk, and the remnant is left when the next does not fit.
 * They are added out of order so that TkleakTypeSort has work to do.
 */

static void
test_TkleakCensusAdd_manyIds(
    void **state)
{
    TkleakCensus *censusPtr = *state;
    int type = TypeOf(censusPtr, "t");
    TkleakType *typePtr;
    size_t i, n = 100000;
    char id[32];

    for (i = 0; i < n; i++) {
	snprintf(id, sizeof(id), "id%06zu", (i * 7919) % n);
	assert_int_equal(TkleakCensusAdd(censusPtr, type, id, 8, i % 3), 0);
    }
    typePtr = &censusPtr->types[type];
    assert_int_equal(typePtr->count, n);
    assert_int_equal(typePtr->numIds, n);
    assert_int_equal(typePtr->bytes, 99999);
    assert_int_equal(TkleakCensusObjects(censusPtr), n);
    /* 13 bytes an identity: 8, a NUL and its 4-byte size. */
    assert_int_equal(censusPtr->arenaBytes, 20 * CHUNK_BYTES(CHUNK_SIZE));
    assert_int_equal(typePtr->sorted, 0);
    assert_string_equal(typePtr->ids[0], "id000000");
    assert_string_equal(typePtr->ids[1], "id007919");
    assert_string_equal(typePtr->ids[n - 1], "id092081");

    TkleakTypeSort(typePtr);
    for (i = 0; i < n; i++) {
	snprintf(id, sizeof(id), "id%06zu", i);
	assert_string_equal(typePtr->ids[i], id);
    }
    assert_true(TkleakCensusMemory(censusPtr) > 20 * CHUNK_SIZE
	    + n * sizeof(char *));
}

/*
 * An identity longer than a chunk gets a chunk of its own size, and the
 * identities around it stay intact.
 */

static void
test_TkleakCensusAdd_idLongerThanChunk(
    void **state)
{
    TkleakCensus *censusPtr = *state;
    int type = TypeOf(censusPtr, "image photo");
    TkleakType *typePtr;
    size_t i, len = 3 * CHUNK_SIZE + 17;
    char *big = malloc(len + 1);

    assert_non_null(big);
    for (i = 0; i < len; i++) {
	big[i] = (char) ('a' + i % 26);
    }
    big[len] = '\0';

    AddId(censusPtr, type, "before", 1);
    assert_int_equal(TkleakCensusAdd(censusPtr, type, big, len, 2), 0);
    AddId(censusPtr, type, "after", 4);

    typePtr = &censusPtr->types[type];
    assert_int_equal(typePtr->count, 3);
    assert_int_equal(typePtr->bytes, 7);
    assert_string_equal(typePtr->ids[0], "before");
    assert_int_equal(strlen(typePtr->ids[1]), len);
    assert_memory_equal(typePtr->ids[1], big, len + 1);
    assert_string_equal(typePtr->ids[2], "after");
    assert_true(censusPtr->arenaBytes
	    >= CHUNK_BYTES(CHUNK_SIZE) + CHUNK_BYTES(len + 1));
    assert_true(TkleakCensusMemory(censusPtr) > len + CHUNK_SIZE);
    free(big);
}

/*
 * An identity that exactly fills what is left of a chunk goes into it.
 */

static void
test_TkleakCensusAdd_fillsChunk(
    void **state)
{
    TkleakCensus *censusPtr = *state;
    int type = TypeOf(censusPtr, "t");
    size_t len = CHUNK_SIZE - 2 - 4 - 1;	/* Type name "t", size, NUL. */
    char *fill = malloc(len + 1);

    assert_non_null(fill);
    memset(fill, 'f', len);
    fill[len] = '\0';
    assert_int_equal(TkleakCensusAdd(censusPtr, type, fill, len, 0), 0);
    assert_int_equal(censusPtr->arenaBytes, CHUNK_BYTES(CHUNK_SIZE));
    assert_int_equal(censusPtr->left, 0);
    AddId(censusPtr, type, "g", 0);
    assert_int_equal(censusPtr->arenaBytes, 2 * CHUNK_BYTES(CHUNK_SIZE));
    assert_memory_equal(censusPtr->types[type].ids[0], fill, len + 1);
    assert_string_equal(censusPtr->types[type].ids[1], "g");
    free(fill);
}

/*
 * Appending the types of a second census whose arena the first adopted
 * (the threaded namespace walk): the result is the census that adding
 * the same objects to one census in turn would make.
 */

static void
test_TkleakCensusAppendType_likeAdding(
    void **state)
{
    TkleakCensus *censusPtr = *state;
    TkleakCensus *srcPtr = TkleakCensusNew(), *onePtr = TkleakCensusNew();
    static const char *const first[] = {"::a", "::b"};
    static const char *const second[] = {"::c", "::d", "::e"};
    int i, t, procs, vars, one;
    size_t j;

    assert_non_null(srcPtr);
    assert_non_null(onePtr);
    procs = TypeOf(censusPtr, "command proc");
    one = TypeOf(onePtr, "command proc");
    for (i = 0; i < 2; i++) {
	AddId(censusPtr, procs, first[i], 10);
	AddId(onePtr, one, first[i], 10);
    }
    vars = TypeOf(srcPtr, "variable");
    AddId(srcPtr, vars, "::v", 3);
    t = TypeOf(srcPtr, "command proc");
    one = TypeOf(onePtr, "variable");
    AddId(onePtr, one, "::v", 3);
    one = TypeOf(onePtr, "command proc");
    for (i = 0; i < 3; i++) {
	AddId(srcPtr, t, second[i], 5);
	AddId(onePtr, one, second[i], 5);
    }
    TkleakCensusAdoptArena(censusPtr, srcPtr);
    assert_null(srcPtr->chunks);
    for (j = 0; j < srcPtr->numTypes; j++) {
	assert_int_equal(TkleakCensusAppendType(censusPtr,
		&srcPtr->types[j]), 0);
    }
    TkleakCensusFree(srcPtr);

    assert_int_equal(censusPtr->numTypes, 2);
    for (j = 0; j < onePtr->numTypes; j++) {
	TkleakType *aPtr = TkleakCensusFind(censusPtr, onePtr->types[j].name);
	TkleakType *bPtr = &onePtr->types[j];
	size_t k;

	assert_non_null(aPtr);
	assert_int_equal(aPtr->count, bPtr->count);
	assert_int_equal(aPtr->bytes, bPtr->bytes);
	assert_int_equal(aPtr->numIds, bPtr->numIds);
	assert_int_equal(aPtr->sorted, bPtr->sorted);
	for (k = 0; k < bPtr->numIds; k++) {
	    assert_string_equal(aPtr->ids[k], bPtr->ids[k]);
	}
    }
    assert_int_equal(TkleakCensusObjects(censusPtr), 6);
    TkleakCensusFree(onePtr);
}

static void
test_TkleakCensusAppendType_sortedFlag(
    void **state)
{
    TkleakCensus *censusPtr = *state;
    TkleakCensus *srcPtr = TkleakCensusNew();
    int t = TypeOf(censusPtr, "x"), u;

    assert_non_null(srcPtr);
    AddId(censusPtr, t, "b", 0);
    u = TypeOf(srcPtr, "x");
    AddId(srcPtr, u, "c", 0);
    TkleakCensusAdoptArena(censusPtr, srcPtr);
    assert_int_equal(TkleakCensusAppendType(censusPtr, &srcPtr->types[u]), 0);
    assert_int_equal(censusPtr->types[t].sorted, 1);
    TkleakCensusFree(srcPtr);

    srcPtr = TkleakCensusNew();
    assert_non_null(srcPtr);
    u = TypeOf(srcPtr, "x");
    AddId(srcPtr, u, "a", 0);
    TkleakCensusAdoptArena(censusPtr, srcPtr);
    assert_int_equal(TkleakCensusAppendType(censusPtr, &srcPtr->types[u]), 0);
    assert_int_equal(censusPtr->types[t].sorted, 0);
    assert_int_equal(censusPtr->types[t].numIds, 3);
    TkleakCensusFree(srcPtr);
    TkleakTypeSort(&censusPtr->types[t]);
    assert_string_equal(censusPtr->types[t].ids[0], "a");
    assert_string_equal(censusPtr->types[t].ids[2], "c");
}

static void
test_TkleakCensusAdoptArena_manyChunks(
    void **state)
{
    TkleakCensus *censusPtr = *state;
    TkleakCensus *srcPtr = TkleakCensusNew();
    int t = TypeOf(censusPtr, "x"), u, i;
    char id[32];
    size_t before, added;

    assert_non_null(srcPtr);
    AddId(censusPtr, t, "kept", 0);
    before = censusPtr->arenaBytes;
    u = TypeOf(srcPtr, "x");
    for (i = 0; i < 20000; i++) {
	snprintf(id, sizeof(id), "::ns::object%d", i);
	AddId(srcPtr, u, id, 1);
    }
    added = srcPtr->arenaBytes;
    assert_true(added > 2 * CHUNK_BYTES(CHUNK_SIZE));
    TkleakCensusAdoptArena(censusPtr, srcPtr);
    assert_int_equal(censusPtr->arenaBytes, before + added);
    assert_int_equal(TkleakCensusAppendType(censusPtr, &srcPtr->types[u]), 0);
    TkleakCensusFree(srcPtr);

    /*
     * The adopted strings are still readable, and new ones still go to
     * the census's own newest chunk.
     */

    AddId(censusPtr, t, "after", 0);
    assert_string_equal(censusPtr->types[t].ids[0], "kept");
    assert_string_equal(censusPtr->types[t].ids[20000], "::ns::object19999");
    assert_string_equal(censusPtr->types[t].ids[20001], "after");
    assert_int_equal(censusPtr->types[t].count, 20002);
    assert_int_equal(censusPtr->types[t].bytes, 20000);
}

static void
test_TkleakIdBytes_perObject(
    void **state)
{
    TkleakCensus *censusPtr = *state;
    int type = TypeOf(censusPtr, "variable");
    TkleakType *typePtr;
    int i;

    AddId(censusPtr, type, "::a", 0);
    AddId(censusPtr, type, "::b", 4881);
    AddId(censusPtr, type, "", 7);
    AddId(censusPtr, type, "::huge", (size_t) 5000000000ULL);
    for (i = 0; i < 3000; i++) {
	AddId(censusPtr, type, "::many", (size_t) i);	/* Across chunks. */
    }
    typePtr = &censusPtr->types[type];
    assert_int_equal(TkleakIdBytes(typePtr->ids[0]), 0);
    assert_int_equal(TkleakIdBytes(typePtr->ids[1]), 4881);
    assert_int_equal(TkleakIdBytes(typePtr->ids[2]), 7);
    assert_int_equal(TkleakIdBytes(typePtr->ids[3]), 4294967295U);
    for (i = 0; i < 3000; i++) {
	assert_int_equal(TkleakIdBytes(typePtr->ids[4 + i]), i);
	assert_string_equal(typePtr->ids[4 + i], "::many");
    }
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_setup_teardown(f, Setup, Teardown)
	T(test_TkleakCensusNew_empty),
	T(test_TkleakCensusFree_null),
	T(test_TkleakCensusFree_full),
	T(test_TkleakCensusType_sameName),
	T(test_TkleakCensusType_distinctNames),
	T(test_TkleakCensusType_prefixNames),
	T(test_TkleakCensusType_nameLength),
	T(test_TkleakCensusType_longName),
	T(test_TkleakCensusType_manyTypes),
	T(test_TkleakCensusAdd_countsBytes),
	T(test_TkleakCensusAdd_idsByteExact),
	T(test_TkleakCensusAdd_sortedFlag),
	T(test_TkleakCensusAdd_manyIds),
	T(test_TkleakCensusAdd_idLongerThanChunk),
	T(test_TkleakCensusAdd_fillsChunk),
	T(test_TkleakTypeSort_order),
	T(test_TkleakTypeSort_empty),
	T(test_TkleakCensusFind_missing),
	T(test_TkleakCensusFind_present),
	T(test_TkleakTypeHas_presentAndAbsent),
	T(test_TkleakCensusHas_typesAndNull),
	T(test_TkleakCensusObjects_sum),
	T(test_TkleakCensusMemory_grows),
	T(test_TkleakCensusMemory_mallinfo),
	T(test_TkleakCensusAppendType_likeAdding),
	T(test_TkleakCensusAppendType_sortedFlag),
	T(test_TkleakCensusAdoptArena_manyChunks),
	T(test_TkleakIdBytes_perObject),
#undef T
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
