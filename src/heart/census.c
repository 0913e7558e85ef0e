/*
 * census.c --
 *
 *	The census container: types with counts, bytes and identities, kept
 *	in one string arena so that a snapshot costs a pointer and a copy of
 *	the name per object and is freed in a few calls. Interpreter-free:
 *	plain malloc, no Tcl, so cmocka can test it (tests/unit/test-census.c).
 *
 * Copyright (c) 2026 the tkleak developers. See the file "LICENSE".
 */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "census.h"
#ifdef __GLIBC__
#include <malloc.h>
#endif

/*
 * Under AddressSanitizer, the heap figure (heap.c) is the bytes asked
 * for, with no chunk headers.
 */

extern size_t __sanitizer_get_current_allocated_bytes(void)
	__attribute__((weak));

#define CHUNK_SIZE (64 * 1024)

struct TkleakChunk {
    TkleakChunk *nextPtr;
    char data[1];
};

/*
 * How many censuses the process has made: each census's serial.
 */

static unsigned long censusSerial = 0;

/*
 *----------------------------------------------------------------------
 *
 * TkleakCensusNew --
 *
 *	Make an empty census.
 *
 * Results:
 *	A census owned by the caller (free it with TkleakCensusFree), or
 *	NULL when memory is short.
 *
 *----------------------------------------------------------------------
 */

TkleakCensus *
TkleakCensusNew(void)
{
    TkleakCensus *censusPtr = calloc(1, sizeof(TkleakCensus));

    if (censusPtr != NULL) {
	censusPtr->serial = __atomic_add_fetch(&censusSerial, 1,
		__ATOMIC_RELAXED);
    }
    return censusPtr;
}

/*
 * TkleakCensusSerial --
 *
 *	The serial of the newest census made in the process: a census
 *	whose serial is larger was made after this call (compare.c tells
 *	censuses taken before "record on" from those taken after).
 */

unsigned long
TkleakCensusSerial(void)
{
    return __atomic_load_n(&censusSerial, __ATOMIC_RELAXED);
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakCensusFree --
 *
 *	Release a census and everything in it. NULL is allowed.
 *
 * Results:
 *	None.
 *
 * Side effects:
 *	The census, its types, identity arrays and arena are freed.
 *
 *----------------------------------------------------------------------
 */

void
TkleakCensusFree(
    TkleakCensus *censusPtr)
{
    size_t i;
    TkleakChunk *chunkPtr, *nextPtr;

    if (censusPtr == NULL) {
	return;
    }
    for (i = 0; i < censusPtr->numTypes; i++) {
	free((void *) censusPtr->types[i].ids);
    }
    free(censusPtr->types);
    free(censusPtr->index);
    for (chunkPtr = censusPtr->chunks; chunkPtr; chunkPtr = nextPtr) {
	nextPtr = chunkPtr->nextPtr;
	free(chunkPtr);
    }
    free(censusPtr);
}

/*
 * ArenaGrow --
 *
 *	Start a new arena chunk with room for at least NEED bytes. Returns 0,
 *	or -1 when memory is short (the arena is unchanged then).
 */

static int
ArenaGrow(
    TkleakCensus *censusPtr,
    size_t need)
{
    size_t size = (need > CHUNK_SIZE) ? need : CHUNK_SIZE;
    TkleakChunk *chunkPtr = malloc(offsetof(TkleakChunk, data) + size);

    if (chunkPtr == NULL) {
	return -1;
    }
    chunkPtr->nextPtr = censusPtr->chunks;
    censusPtr->chunks = chunkPtr;
    censusPtr->next = chunkPtr->data;
    censusPtr->left = size;
    censusPtr->arenaBytes += offsetof(TkleakChunk, data) + size;
    return 0;
}

/*
 * ArenaCopy --
 *
 *	Copy LEN bytes plus a terminating NUL into the census arena. Returns
 *	the copy, or NULL when memory is short. (TkleakCensusAdd lays out an
 *	identity itself, its size first.)
 */

static const char *
ArenaCopy(
    TkleakCensus *censusPtr,
    const char *s,
    size_t len)
{
    char *copy;

    if (len + 1 > censusPtr->left && ArenaGrow(censusPtr, len + 1) != 0) {
	return NULL;
    }
    copy = censusPtr->next;
    memcpy(copy, s, len);
    copy[len] = '\0';
    censusPtr->next += len + 1;
    censusPtr->left -= len + 1;
    return copy;
}

static size_t
HashString(
    const char *s,
    size_t len)
{
    size_t h = 2166136261u;

    while (len--) {
	h = (h ^ (unsigned char) *s++) * 16777619u;
    }
    return h;
}

/*
 * Lookup --
 *
 *	Find the index slot of type NAME: either the slot holding it or the
 *	empty slot where it would go. The index must exist.
 */

static size_t *
Lookup(
    const TkleakCensus *censusPtr,
    const char *name,
    size_t len)
{
    size_t mask = censusPtr->indexSize - 1;
    size_t i = HashString(name, len) & mask;

    while (censusPtr->index[i]) {
	const char *other = censusPtr->types[censusPtr->index[i] - 1].name;

	if (strncmp(other, name, len) == 0 && other[len] == '\0') {
	    break;
	}
	i = (i + 1) & mask;
    }
    return &censusPtr->index[i];
}

static int
GrowIndex(
    TkleakCensus *censusPtr)
{
    size_t newSize = censusPtr->indexSize ? censusPtr->indexSize * 2 : 64;
    size_t *oldIndex = censusPtr->index, oldSize = censusPtr->indexSize, i;
    size_t *newIndex = calloc(newSize, sizeof(size_t));

    if (newIndex == NULL) {
	return -1;
    }
    censusPtr->index = newIndex;
    censusPtr->indexSize = newSize;
    for (i = 0; i < oldSize; i++) {
	if (oldIndex[i]) {
	    const char *name = censusPtr->types[oldIndex[i] - 1].name;

	    *Lookup(censusPtr, name, strlen(name)) = oldIndex[i];
	}
    }
    free(oldIndex);
    return 0;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakCensusType --
 *
 *	Find or add the type NAME (NAMELEN bytes, not NUL-terminated
 *	necessarily).
 *
 * Results:
 *	The type's index, stable for the life of the census (the row
 *	itself may move when more types are added), or -1 when memory is
 *	short, in which case the census is unchanged.
 *
 * Side effects:
 *	The type table may grow.
 *
 *----------------------------------------------------------------------
 */

int
TkleakCensusType(
    TkleakCensus *censusPtr,
    const char *name,
    size_t nameLen)
{
    size_t *slotPtr;
    TkleakType *typePtr;
    const char *copy;

    if (censusPtr->indexSize == 0
	    || (censusPtr->numTypes + 1) * 2 > censusPtr->indexSize) {
	if (GrowIndex(censusPtr) != 0) {
	    return -1;
	}
    }
    slotPtr = Lookup(censusPtr, name, nameLen);
    if (*slotPtr) {
	return (int) (*slotPtr - 1);
    }
    if (censusPtr->numTypes == censusPtr->capTypes) {
	size_t cap = censusPtr->capTypes ? censusPtr->capTypes * 2 : 32;
	TkleakType *types = realloc(censusPtr->types, cap * sizeof(TkleakType));

	if (types == NULL) {
	    return -1;
	}
	censusPtr->types = types;
	censusPtr->capTypes = cap;
    }
    copy = ArenaCopy(censusPtr, name, nameLen);
    if (copy == NULL) {
	return -1;
    }
    typePtr = &censusPtr->types[censusPtr->numTypes];
    memset(typePtr, 0, sizeof(TkleakType));
    typePtr->name = copy;
    typePtr->sorted = 1;
    *slotPtr = ++censusPtr->numTypes;
    return (int) (censusPtr->numTypes - 1);
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakCensusAdd --
 *
 *	Count one object of type TYPE (an index from TkleakCensusType)
 *	with identity ID and size BYTES. The identity is copied, with the
 *	object's size (TkleakIdBytes).
 *
 * Results:
 *	0, or -1 when memory is short (nothing is counted then).
 *
 * Side effects:
 *	The census's arena and the type's identity array may grow.
 *
 *----------------------------------------------------------------------
 */

int
TkleakCensusAdd(
    TkleakCensus *censusPtr,
    int type,
    const char *id,
    size_t idLen,
    size_t bytes)
{
    TkleakType *typePtr = &censusPtr->types[type];
    size_t need = sizeof(uint32_t) + idLen + 1;
    char *copy;
    uint32_t idBytes;

    if (typePtr->numIds == typePtr->capIds) {
	size_t cap = typePtr->capIds ? typePtr->capIds * 2 : 8;
	const char **ids = realloc((void *) typePtr->ids, cap * sizeof(char *));

	if (ids == NULL) {
	    return -1;
	}
	typePtr->ids = ids;
	typePtr->capIds = cap;
    }

    /*
     * The copy, with the object's size in the 4 bytes before it (where
     * TkleakIdBytes reads it): laid out here rather than through
     * ArenaCopy, as this runs once per object of the census.
     */

    if (need > censusPtr->left && ArenaGrow(censusPtr, need) != 0) {
	return -1;
    }
    idBytes = bytes > UINT32_MAX ? UINT32_MAX : (uint32_t) bytes;
    memcpy(censusPtr->next, &idBytes, sizeof(uint32_t));
    copy = censusPtr->next + sizeof(uint32_t);
    memcpy(copy, id, idLen);
    copy[idLen] = '\0';
    censusPtr->next += need;
    censusPtr->left -= need;
    if (typePtr->sorted && typePtr->numIds
	    && strcmp(typePtr->ids[typePtr->numIds - 1], copy) >= 0) {
	typePtr->sorted = 0;
    }
    typePtr->ids[typePtr->numIds++] = copy;
    typePtr->count++;
    typePtr->bytes += bytes;
    return 0;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakIdBytes --
 *
 *	The size of the object whose identity ID is, as a census holds it
 *	(added with TkleakCensusAdd): what tkleak::grown compares. Sizes
 *	are kept in 4 bytes, 4 GB and over as 4 GB - 1: 4 bytes an object
 *	is what a snapshot pays for them.
 *
 * Results:
 *	A number of bytes.
 *
 * Side effects:
 *	None.
 *
 *----------------------------------------------------------------------
 */

size_t
TkleakIdBytes(
    const char *id)
{
    uint32_t bytes;

    memcpy(&bytes, id - sizeof(uint32_t), sizeof(uint32_t));
    return bytes;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakCensusAdoptArena --
 *
 *	Move SRCPTR's string arena into DSTPTR, so that identities copied
 *	into SRCPTR live as long as DSTPTR. SRCPTR keeps its types but no
 *	strings: free it with TkleakCensusFree once its identities have been
 *	appended to DSTPTR (TkleakCensusAppendType).
 *
 * Results:
 *	None.
 *
 * Side effects:
 *	SRCPTR's arena now belongs to DSTPTR.
 *
 *----------------------------------------------------------------------
 */

void
TkleakCensusAdoptArena(
    TkleakCensus *dstPtr,
    TkleakCensus *srcPtr)
{
    TkleakChunk *tailPtr;

    if (srcPtr->chunks == NULL) {
	return;
    }
    if (dstPtr->chunks == NULL) {
	dstPtr->chunks = srcPtr->chunks;
	dstPtr->next = srcPtr->next;
	dstPtr->left = srcPtr->left;
    } else {
	/*
	 * After DSTPTR's newest chunk, which keeps taking new strings.
	 */

	for (tailPtr = srcPtr->chunks; tailPtr->nextPtr != NULL;
		tailPtr = tailPtr->nextPtr) {
	    /* Empty. */
	}
	tailPtr->nextPtr = dstPtr->chunks->nextPtr;
	dstPtr->chunks->nextPtr = srcPtr->chunks;
    }
    dstPtr->arenaBytes += srcPtr->arenaBytes;
    srcPtr->chunks = NULL;
    srcPtr->next = NULL;
    srcPtr->left = 0;
    srcPtr->arenaBytes = 0;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakCensusAppendType --
 *
 *	Count in DSTPTR the objects of SRCTYPEPTR, a type of another census
 *	whose arena DSTPTR has adopted: the type of the same name is made
 *	if needed, and the identities (pointers, not copies), count and
 *	bytes are appended, as if each had been added with TkleakCensusAdd
 *	in turn.
 *
 * Results:
 *	0, or -1 when memory is short (DSTPTR is unchanged then).
 *
 * Side effects:
 *	DSPTR's type table and identity array may grow.
 *
 *----------------------------------------------------------------------
 */

int
TkleakCensusAppendType(
    TkleakCensus *dstPtr,
    const TkleakType *srcTypePtr)
{
    int type = TkleakCensusType(dstPtr, srcTypePtr->name,
	    strlen(srcTypePtr->name));
    TkleakType *typePtr;

    if (type < 0) {
	return -1;
    }
    typePtr = &dstPtr->types[type];
    if (srcTypePtr->numIds == 0) {
	typePtr->count += srcTypePtr->count;
	typePtr->bytes += srcTypePtr->bytes;
	return 0;
    }
    if (typePtr->numIds + srcTypePtr->numIds > typePtr->capIds) {
	size_t cap = typePtr->numIds + srcTypePtr->numIds;
	const char **ids = realloc((void *) typePtr->ids, cap * sizeof(char *));

	if (ids == NULL) {
	    return -1;
	}
	typePtr->ids = ids;
	typePtr->capIds = cap;
    }
    if (typePtr->sorted && (!srcTypePtr->sorted || (typePtr->numIds
	    && strcmp(typePtr->ids[typePtr->numIds - 1],
		srcTypePtr->ids[0]) >= 0))) {
	typePtr->sorted = 0;
    }
    memcpy((void *) (typePtr->ids + typePtr->numIds), srcTypePtr->ids,
	    srcTypePtr->numIds * sizeof(char *));
    typePtr->numIds += srcTypePtr->numIds;
    typePtr->count += srcTypePtr->count;
    typePtr->bytes += srcTypePtr->bytes;
    return 0;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakCensusFind --
 *
 *	Look a type up by its exact name.
 *
 * Results:
 *	The row, owned by the census, or NULL when the census has no
 *	object of that type.
 *
 * Side effects:
 *	None.
 *
 *----------------------------------------------------------------------
 */

TkleakType *
TkleakCensusFind(
    const TkleakCensus *censusPtr,
    const char *name)
{
    size_t *slotPtr;

    if (censusPtr->indexSize == 0) {
	return NULL;
    }
    slotPtr = Lookup(censusPtr, name, strlen(name));
    return *slotPtr ? &censusPtr->types[*slotPtr - 1] : NULL;
}

static int
CompareIds(
    const void *a,
    const void *b)
{
    return strcmp(*(const char *const *) a, *(const char *const *) b);
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakCompareTypePtrs --
 *
 *	qsort order of an array of TkleakType pointers: by type name.
 *
 * Results:
 *	<0, 0 or >0, as strcmp of the names.
 *
 * Side effects:
 *	None.
 *
 *----------------------------------------------------------------------
 */

int
TkleakCompareTypePtrs(
    const void *a,
    const void *b)
{
    return strcmp((*(const TkleakType *const *) a)->name,
	    (*(const TkleakType *const *) b)->name);
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakTypeSort --
 *
 *	Sort a type's identities (byte order, as strcmp) once. Identities
 *	are unique by construction, so no deduplication is needed.
 *
 * Results:
 *	None.
 *
 * Side effects:
 *	The type's identities are reordered (once: the type is marked sorted).
 *
 *----------------------------------------------------------------------
 */

void
TkleakTypeSort(
    TkleakType *typePtr)
{
    if (!typePtr->sorted) {
	qsort((void *) typePtr->ids, typePtr->numIds, sizeof(char *),
		CompareIds);
	typePtr->sorted = 1;
    }
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakTypeHas --
 *
 *	Whether the type TYPEPTR holds the identity ID.
 *
 * Results:
 *	1 or 0.
 *
 * Side effects:
 *	Sorts the type's identities, once (TkleakTypeSort), then searches
 *	them by bisection.
 *
 *----------------------------------------------------------------------
 */

int
TkleakTypeHas(
    TkleakType *typePtr,
    const char *id)
{
    size_t lo = 0, hi;

    TkleakTypeSort(typePtr);
    hi = typePtr->numIds;
    while (lo < hi) {
	size_t mid = lo + (hi - lo) / 2;
	int c = strcmp(typePtr->ids[mid], id);

	if (c == 0) {
	    return 1;
	} else if (c < 0) {
	    lo = mid + 1;
	} else {
	    hi = mid;
	}
    }
    return 0;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakCensusHas --
 *
 *	Whether the census CENSUSPTR (NULL: none) holds the object ID of
 *	the type named TYPE.
 *
 * Results:
 *	1 or 0.
 *
 * Side effects:
 *	As TkleakTypeHas.
 *
 *----------------------------------------------------------------------
 */

int
TkleakCensusHas(
    const TkleakCensus *censusPtr,
    const char *type,
    const char *id)
{
    TkleakType *typePtr = censusPtr ? TkleakCensusFind(censusPtr, type)
	    : NULL;

    return typePtr != NULL && TkleakTypeHas(typePtr, id);
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakBlockBytes --
 *
 *	What the malloc'ed block P (SIZE bytes asked for) takes of the heap
 *	as mallinfo counts it: with glibc, its usable size plus the chunk
 *	header (a block malloc mmapped has a second header word, not
 *	counted: 8 bytes off per block of 128 KB or more); under
 *	AddressSanitizer, whose figure is the bytes asked for, its usable
 *	size, which is those; elsewhere, SIZE.
 *
 * Results:
 *	A number of bytes (0 for NULL).
 *
 * Side effects:
 *	None.
 *
 *----------------------------------------------------------------------
 */

size_t
TkleakBlockBytes(
    const void *p,
    size_t size)
{
    if (p == NULL) {
	return 0;
    }
#ifdef __GLIBC__
    (void) size;
    return malloc_usable_size((void *) p)
	    + (__sanitizer_get_current_allocated_bytes != NULL ? 0
		: sizeof(size_t));
#else
    return size;
#endif
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakCensusObjects, TkleakCensusMemory --
 *
 *	The number of objects counted, and the heap bytes the census keeps
 *	(arena, identity arrays, type table and index), block by block as
 *	TkleakBlockBytes counts them.
 *
 * Results:
 *	A count, or a number of bytes (0 for NULL).
 *
 * Side effects:
 *	None.
 *
 *----------------------------------------------------------------------
 */

size_t
TkleakCensusObjects(
    const TkleakCensus *censusPtr)
{
    size_t i, n = 0;

    for (i = 0; i < censusPtr->numTypes; i++) {
	n += censusPtr->types[i].count;
    }
    return n;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakCensusMemory --
 *
 *	The heap bytes CENSUSPTR keeps (see TkleakCensusObjects).
 *
 * Results:
 *	A number of bytes; 0 for NULL.
 *
 * Side effects:
 *	None.
 *
 *----------------------------------------------------------------------
 */

size_t
TkleakCensusMemory(
    const TkleakCensus *censusPtr)
{
    size_t i, n;
    const TkleakChunk *chunkPtr;

    if (censusPtr == NULL) {
	return 0;
    }
    n = TkleakBlockBytes(censusPtr, sizeof(TkleakCensus))
	    + TkleakBlockBytes(censusPtr->types,
		censusPtr->capTypes * sizeof(TkleakType))
	    + TkleakBlockBytes(censusPtr->index,
		censusPtr->indexSize * sizeof(size_t));
    for (i = 0; i < censusPtr->numTypes; i++) {
	n += TkleakBlockBytes(censusPtr->types[i].ids,
		censusPtr->types[i].capIds * sizeof(char *));
    }
    if (censusPtr->chunks == NULL) {
	return n;
    }
#ifdef __GLIBC__
    for (chunkPtr = censusPtr->chunks; chunkPtr; chunkPtr = chunkPtr->nextPtr) {
	n += TkleakBlockBytes(chunkPtr, 0);
    }
#else
    (void) chunkPtr;
    n += censusPtr->arenaBytes;
#endif
    return n;
}
