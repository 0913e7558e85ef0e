/*
 * diff.c --
 *
 *	Comparing two censuses: which types changed in count or bytes, and
 *	which identities are in one census and not in the other. This is
 *	the answer to "is there a leak" and "what objects leak". Plain C,
 *	tested by tests/unit/test-diff.c.
 *
 * Copyright (c) 2026 the tkleak developers. See the file "LICENSE".
 */

#include <stdlib.h>
#include <string.h>
#include "census.h"

static int
CompareTypeNames(
    const void *a,
    const void *b)
{
    return strcmp(((const TkleakDiffRow *) a)->type,
	    ((const TkleakDiffRow *) b)->type);
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakDiffCompute --
 *
 *	Compare OLDPTR with NEWPTR type by type.
 *
 * Results:
 *	0 and *DIFFPTR filled with the types whose count or bytes changed,
 *	sorted by type name; the rows' type names point into the two
 *	censuses, so the diff must be freed (TkleakDiffFree) before them.
 *	-1 when memory is short, with *DIFFPTR empty.
 *
 * Side effects:
 *	The types of both censuses may be indexed.
 *
 *----------------------------------------------------------------------
 */

int
TkleakDiffCompute(
    const TkleakCensus *oldPtr,
    const TkleakCensus *newPtr,
    TkleakDiff *diffPtr)
{
    size_t i, n = 0, max = oldPtr->numTypes + newPtr->numTypes;

    memset(diffPtr, 0, sizeof(TkleakDiff));
    diffPtr->own = newPtr->own - oldPtr->own;
    diffPtr->heap = newPtr->heap - oldPtr->heap - diffPtr->own;
    diffPtr->rss = newPtr->rss - oldPtr->rss;
    if (max == 0) {
	return 0;
    }
    diffPtr->rows = malloc(max * sizeof(TkleakDiffRow));
    if (diffPtr->rows == NULL) {
	return -1;
    }
    for (i = 0; i < newPtr->numTypes; i++) {
	const TkleakType *typePtr = &newPtr->types[i];
	const TkleakType *oldTypePtr = TkleakCensusFind(oldPtr, typePtr->name);
	long long oc = oldTypePtr ? (long long) oldTypePtr->count : 0;
	long long ob = oldTypePtr ? (long long) oldTypePtr->bytes : 0;

	if ((long long) typePtr->count != oc
		|| (long long) typePtr->bytes != ob) {
	    TkleakDiffRow *rowPtr = &diffPtr->rows[n++];

	    rowPtr->type = typePtr->name;
	    rowPtr->count = (long long) typePtr->count - oc;
	    rowPtr->bytes = (long long) typePtr->bytes - ob;
	    rowPtr->newCount = typePtr->count;
	    rowPtr->newBytes = typePtr->bytes;
	}
    }
    for (i = 0; i < oldPtr->numTypes; i++) {
	const TkleakType *typePtr = &oldPtr->types[i];

	if (typePtr->count == 0 && typePtr->bytes == 0) {
	    continue;
	}
	if (TkleakCensusFind(newPtr, typePtr->name) == NULL) {
	    TkleakDiffRow *rowPtr = &diffPtr->rows[n++];

	    rowPtr->type = typePtr->name;
	    rowPtr->count = -(long long) typePtr->count;
	    rowPtr->bytes = -(long long) typePtr->bytes;
	    rowPtr->newCount = 0;
	    rowPtr->newBytes = 0;
	}
    }
    diffPtr->numRows = n;
    qsort(diffPtr->rows, n, sizeof(TkleakDiffRow), CompareTypeNames);
    return 0;
}

/*
 * CompareBySize --
 *
 *	pympler's order: size change descending, then count change
 *	descending, then name, so the table is the same on every run.
 */

static int
CompareBySize(
    const void *a,
    const void *b)
{
    const TkleakDiffRow *r1 = a, *r2 = b;

    if (r1->bytes != r2->bytes) {
	return r1->bytes > r2->bytes ? -1 : 1;
    }
    if (r1->count != r2->count) {
	return r1->count > r2->count ? -1 : 1;
    }
    return strcmp(r1->type, r2->type);
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakDiffSortBySize --
 *
 *	Order DIFFPTR's rows as pympler's table does: by size change, then
 *	by count change.
 *
 * Results:
 *	None.
 *
 * Side effects:
 *	The rows are reordered.
 *
 *----------------------------------------------------------------------
 */

void
TkleakDiffSortBySize(
    TkleakDiff *diffPtr)
{
    if (diffPtr->numRows) {
	qsort(diffPtr->rows, diffPtr->numRows, sizeof(TkleakDiffRow),
		CompareBySize);
    }
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakDiffFree --
 *
 *	Free the rows of DIFFPTR (not the type names, which belong to the
 *	censuses) and leave it empty.
 *
 * Results:
 *	None.
 *
 * Side effects:
 *	The rows are freed.
 *
 *----------------------------------------------------------------------
 */

void
TkleakDiffFree(
    TkleakDiff *diffPtr)
{
    free(diffPtr->rows);
    memset(diffPtr, 0, sizeof(TkleakDiff));
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakIdsMinus --
 *
 *	The identities of APTR that are not in BPTR. Either may be NULL (a
 *	type absent from its census). Both are sorted as a side effect.
 *
 * Results:
 *	0 with *IDSPTR a malloc'ed array (caller frees it, not the strings,
 *	which belong to APTR's census) of *NUMPTR sorted identities; -1
 *	when memory is short.
 *
 * Side effects:
 *	Both types are sorted (TkleakTypeSort).
 *
 *----------------------------------------------------------------------
 */

int
TkleakIdsMinus(
    TkleakType *aPtr,
    TkleakType *bPtr,
    const char ***idsPtr,
    size_t *numPtr)
{
    size_t i = 0, j = 0, n = 0;
    const char **out;

    *idsPtr = NULL;
    *numPtr = 0;
    if (aPtr == NULL || aPtr->numIds == 0) {
	return 0;
    }
    out = malloc(aPtr->numIds * sizeof(char *));
    if (out == NULL) {
	return -1;
    }
    TkleakTypeSort(aPtr);
    if (bPtr) {
	TkleakTypeSort(bPtr);
    }
    while (i < aPtr->numIds) {
	int c = (bPtr && j < bPtr->numIds)
		? strcmp(aPtr->ids[i], bPtr->ids[j]) : -1;

	if (c < 0) {
	    out[n++] = aPtr->ids[i++];
	} else if (c == 0) {
	    i++;
	    j++;
	} else {
	    j++;
	}
    }
    *idsPtr = out;
    *numPtr = n;
    return 0;
}
