/*
 * census.h --
 *
 *	The census record: what tkleak counted in an app at one moment.
 *	A census is a set of types ("widget Button", "command proc", ...),
 *	each with a count, a byte total and the identities of its objects.
 *	Nothing here knows about interpreters: the collector in collect.c
 *	fills a census, and diff.c and format.c compare and print them, so
 *	the cmocka tests in tests/unit can drive all of it with plain C.
 *
 * Copyright (c) 2026 the tkleak developers. See the file "LICENSE".
 */

#ifndef TKLEAK_CENSUS_H
#define TKLEAK_CENSUS_H

#include <stddef.h>

/*
 * One row of a census. NAME and the IDS strings live in the census arena;
 * IDS is sorted lazily, the first time a set operation needs it.
 */

typedef struct TkleakType {
    const char *name;		/* "widget Button", "command proc", ... */
    size_t count;		/* Number of objects of this type. */
    size_t bytes;		/* Their size as tkleak measures it. */
    const char **ids;		/* Identities, NUMIDS of them. */
    size_t numIds;
    size_t capIds;
    int sorted;			/* 1 once IDS is sorted (ids are unique). */
} TkleakType;

typedef struct TkleakChunk TkleakChunk;

typedef struct TkleakCensus {
    TkleakType *types;		/* NUMTYPES rows, in order of creation. */
    size_t numTypes;
    size_t capTypes;
    size_t *index;		/* Open-addressing index: type index + 1. */
    size_t indexSize;		/* A power of two, or 0. */
    TkleakChunk *chunks;	/* The string arena. */
    char *next;			/* Free space in the newest chunk... */
    size_t left;		/* ...and how much of it. */
    size_t arenaBytes;		/* Bytes malloc'ed for the arena. */
    long long heap;		/* Process heap in use when taken... */
    long long rss;		/* ...resident set size... */
    long long own;		/* ...and how much of the heap was tkleak's
				 * own (its snapshots, this census, its
				 * tables: heap.c), or 0 when unknown. */
    unsigned long serial;	/* Order of making among all censuses of
				 * the process (TkleakCensusSerial). */
} TkleakCensus;

TkleakCensus *	TkleakCensusNew(void);
void		TkleakCensusFree(TkleakCensus *censusPtr);
unsigned long	TkleakCensusSerial(void);
int		TkleakCensusType(TkleakCensus *censusPtr, const char *name,
		    size_t nameLen);
int		TkleakCensusAdd(TkleakCensus *censusPtr, int type,
		    const char *id, size_t idLen, size_t bytes);
size_t		TkleakIdBytes(const char *id);
void		TkleakCensusAdoptArena(TkleakCensus *dstPtr,
		    TkleakCensus *srcPtr);
int		TkleakCensusAppendType(TkleakCensus *dstPtr,
		    const TkleakType *srcTypePtr);
TkleakType *	TkleakCensusFind(const TkleakCensus *censusPtr,
		    const char *name);
void		TkleakTypeSort(TkleakType *typePtr);
int		TkleakTypeHas(TkleakType *typePtr, const char *id);
int		TkleakCensusHas(const TkleakCensus *censusPtr,
		    const char *type, const char *id);
int		TkleakCompareTypePtrs(const void *a, const void *b);
size_t		TkleakCensusObjects(const TkleakCensus *censusPtr);
size_t		TkleakCensusMemory(const TkleakCensus *censusPtr);
size_t		TkleakBlockBytes(const void *p, size_t size);

/*
 * diff.c: comparing two censuses.
 */

typedef struct TkleakDiffRow {
    const char *type;		/* Points into one of the two censuses. */
    long long count;		/* Change in count... */
    long long bytes;		/* ...and in bytes. */
    size_t newCount;		/* Count in the newer census. */
    size_t newBytes;
} TkleakDiffRow;

typedef struct TkleakDiff {
    TkleakDiffRow *rows;	/* Changed types only, sorted by name. */
    size_t numRows;
    long long heap;		/* Change of process heap, less tkleak's... */
    long long rss;		/* ...of RSS... */
    long long own;		/* ...and of tkleak's own heap bytes. */
} TkleakDiff;

int		TkleakDiffCompute(const TkleakCensus *oldPtr,
		    const TkleakCensus *newPtr, TkleakDiff *diffPtr);
void		TkleakDiffSortBySize(TkleakDiff *diffPtr);
void		TkleakDiffFree(TkleakDiff *diffPtr);
int		TkleakIdsMinus(TkleakType *aPtr, TkleakType *bPtr,
		    const char ***idsPtr, size_t *numPtr);

/*
 * format.c: pympler-style tables.
 */

#define TKLEAK_SIZE_BUF 40

void		TkleakFormatSize(long long bytes, char *buf);
void		TkleakFormatSignedSize(long long bytes, char *buf);
char *		TkleakFormatTable(const TkleakDiff *diffPtr);

/*
 * words.c: the word scanner that finds names in scripts.
 */

#define TKLEAK_WORD_COMMAND 1	/* The word stands where Tcl takes a
				 * command name. */

typedef void (TkleakWordProc)(void *clientData, const char *word,
		    size_t len, int flags);

size_t		TkleakScanWords(const char *script, size_t len,
		    TkleakWordProc *fn, void *clientData);
int		TkleakWordMayName(int flags, char kind);

/*
 * names.c: rules on names.
 */

int		TkleakIsOwnNamespace(const char *fullName);
int		TkleakIsOwnWindow(const char *path);
int		TkleakIsOwnName(const char *name);
int		TkleakIsTkinterWrapper(const char *fq);

#endif /* TKLEAK_CENSUS_H */
