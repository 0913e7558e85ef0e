/*
 * slotwords.c --
 *
 *	The words of each slot's text, kept from one full slot scan to the
 *	next, and what each word named in the scan under way.
 *
 *	Indexing a slot (TkleakRefsAdd, refs.c) hands every word of its
 *	text to the resolver: the words the plain scanner finds
 *	(TkleakScanWords), those inside quoted and braced words
 *	(TkleakScanQuotedWords), the text whole and its first list element.
 *	Finding the words is pure syntax, the same for the same text, and
 *	on a real app it was most of the scan's time: IDLE with 30 editors
 *	has 30,000 bindings, each a tkinter script of some twenty words, and
 *	the full scan parsed them all on every tkleak::orphans and
 *	tkleak::refs. What a word names depends on the app's state: it is
 *	asked again in every scan, once a scan for each distinct word.
 *
 *	So each distinct word is kept once (a Word, shared by every text
 *	that has it: the twenty-odd "%x" words of tkinter's scripts are one
 *	each), with a memo the scan fills (TkleakWordMemo: what the word
 *	named, and in which scan); each text keeps its (flags, word) pairs
 *	in the order the scanners report them, each pair once: indexing a
 *	pair the second time within one slot changes nothing (AddKey,
 *	refs.c, appends a slot to an object's referrers only when it is not
 *	the last one already, and within one slot it is), so the index
 *	comes out the same, referrer for referrer, in the same order. The
 *	text itself as a word has its memo in the text's own record.
 *
 *	Memory is bounded by the app, not by its history: each text notes
 *	the last scan that used it, and at the end of a scan the texts it
 *	did not use go (TkleakSlotWordsAge), and the words no text has.
 *	The bytes held count as tkleak's own (heap.c).
 *
 * Copyright (c) 2026 the tkleak developers. See the file "LICENSE".
 */

#include "config.h"
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tkleakInt.h"

/*
 * One distinct word (the key of its entry in census.slotWordTable),
 * shared by the texts that have it. Tcl keeps a hash entry where it is
 * until it is deleted, so the word may point to its own.
 */

typedef struct Word {
    size_t refCount;		/* Texts that hold it. */
    Tcl_HashEntry *hPtr;	/* Its entry: the key is the word. */
    TkleakWordMemo memo;	/* What it named in the scan memo.scan. */
} Word;

/*
 * One (flags, word) pair of a text: WORDPTR NULL for the text itself.
 */

typedef struct Pair {
    int flags;
    int len;			/* The word's length (the text's: 0). */
    Word *wordPtr;
} Pair;

/*
 * The words of one text (the key of its entry in census.slotTexts).
 */

typedef struct SlotText {
    unsigned long scan;		/* The last scan that used it. */
    size_t size;		/* Bytes of this block, as counted. */
    TkleakWordMemo textMemo;	/* What the text itself named, as a
				 * command word. */
    int numPairs;
    Pair pairs[1];
} SlotText;

/*
 * While a text is parsed: the pairs found so far, in a block of the
 * Builder's own until there are more than it holds. A repeated pair is
 * dropped: it has the same flags and the same Word (each distinct word
 * is one Word), so a pair is looked up by those two in a small open
 * table (SEEN_SLOTS, for up to half as many pairs), then in a Tcl table
 * of them beyond.
 */

#define OWN_PAIRS 64
#define SEEN_SLOTS 128

typedef struct Builder {
    TkleakState *statePtr;
    const char *text;		/* The text scanned, and its length. */
    size_t len;
    Pair *pairs;		/* The Pairs found, in order: OWN or a
				 * block of Tcl_Alloc's. */
    int numPairs, capPairs;
    Pair own[OWN_PAIRS];
    size_t slots[SEEN_SLOTS];	/* SeenKey + 1 of the pairs, 0: free. */
    int hashed;			/* Whether SEEN is in use (more than
				 * SEEN_SLOTS / 2 pairs). */
    Tcl_HashTable seen;		/* Word address + flags -> present. */
} Builder;

#define ENTRY_BYTES 64		/* A hash entry and its malloc overhead. */

/*
 * Tables --
 *
 *	Make the tables of texts and words on first use.
 */

static void
Tables(
    TkleakState *statePtr)
{
    if (statePtr->census.slotTexts == NULL) {
	statePtr->census.slotTexts = (Tcl_HashTable *)
		Tcl_Alloc(sizeof(Tcl_HashTable));
	Tcl_InitHashTable(statePtr->census.slotTexts, TCL_STRING_KEYS);
	statePtr->census.slotWordTable = (Tcl_HashTable *)
		Tcl_Alloc(sizeof(Tcl_HashTable));
	Tcl_InitHashTable(statePtr->census.slotWordTable, TCL_STRING_KEYS);
    }
}

/*
 * InternWord --
 *
 *	The Word of WORD (a NUL-terminated string), with one more text
 *	holding it.
 */

static Word *
InternWord(
    TkleakState *statePtr,
    const char *word)
{
    Tcl_HashEntry *hPtr;
    Word *wordPtr;
    int isNew;

    hPtr = Tcl_CreateHashEntry(statePtr->census.slotWordTable, word, &isNew);
    if (isNew) {
	wordPtr = (Word *) Tcl_Alloc(sizeof(Word));
	wordPtr->refCount = 0;
	wordPtr->hPtr = hPtr;
	memset(&wordPtr->memo, 0, sizeof(TkleakWordMemo));
	Tcl_SetHashValue(hPtr, wordPtr);
	statePtr->census.slotWordsBytes += sizeof(Word) + strlen(word)
		+ ENTRY_BYTES;
    } else {
	wordPtr = Tcl_GetHashValue(hPtr);
    }
    wordPtr->refCount++;
    return wordPtr;
}

/*
 * FreeMemo --
 *
 *	Release what a memo holds.
 */

static void
FreeMemo(
    TkleakWordMemo *memoPtr)
{
    if (memoPtr->keysPtr != NULL) {
	Tcl_DecrRefCount(memoPtr->keysPtr);
	memoPtr->keysPtr = NULL;
    }
    memoPtr->scan = 0;
}

/*
 * FreeText --
 *
 *	Free the block of one text (not its entry); the words only it held
 *	go with it. Their bytes leave the count.
 */

static void
FreeText(
    TkleakState *statePtr,
    SlotText *textPtr,
    size_t textLen)
{
    int i;

    for (i = 0; i < textPtr->numPairs; i++) {
	Word *wordPtr = textPtr->pairs[i].wordPtr;

	if (wordPtr != NULL && --wordPtr->refCount == 0) {
	    statePtr->census.slotWordsBytes -= sizeof(Word) + ENTRY_BYTES
		    + strlen(Tcl_GetHashKey(statePtr->census.slotWordTable,
		    wordPtr->hPtr));
	    FreeMemo(&wordPtr->memo);
	    Tcl_DeleteHashEntry(wordPtr->hPtr);
	    Tcl_Free((char *) wordPtr);
	}
    }
    FreeMemo(&textPtr->textMemo);
    statePtr->census.slotWordsBytes -= textPtr->size + textLen + ENTRY_BYTES;
    Tcl_Free((char *) textPtr);
}

/*
 * SeenKey --
 *
 *	The key of a (flags, word) pair in a Builder's table: a Word is
 *	allocated on an 8-byte boundary and the flags are 0 or 1
 *	(TKLEAK_WORD_COMMAND), so both fit in one word.
 */

static char *
SeenKey(
    int flags,
    const Word *wordPtr)
{
    return (char *) ((size_t) wordPtr | (size_t) (flags & 1));
}

/*
 * IsRepeat --
 *
 *	Whether the pair (FLAGS, WORDPTR) was found already in the text
 *	being parsed; when not, it is noted as found.
 */

static int
IsRepeat(
    Builder *bPtr,
    int flags,
    Word *wordPtr)
{
    size_t key = (size_t) SeenKey(flags, wordPtr) + 1, h;
    int i, isNew;

    if (!bPtr->hashed) {
	h = (key >> 3) * 0x9E3779B97F4A7C15ULL >> 57;	/* 7 bits. */
	while (bPtr->slots[h] != 0) {
	    if (bPtr->slots[h] == key) {
		return 1;
	    }
	    h = (h + 1) & (SEEN_SLOTS - 1);
	}
	if (bPtr->numPairs < SEEN_SLOTS / 2) {
	    bPtr->slots[h] = key;
	    return 0;
	}
	Tcl_InitHashTable(&bPtr->seen, TCL_ONE_WORD_KEYS);
	bPtr->hashed = 1;
	for (i = 0; i < bPtr->numPairs; i++) {
	    Tcl_CreateHashEntry(&bPtr->seen, SeenKey(bPtr->pairs[i].flags,
		    bPtr->pairs[i].wordPtr), &isNew);
	}
    }
    Tcl_CreateHashEntry(&bPtr->seen, SeenKey(flags, wordPtr), &isNew);
    return !isNew;
}

/*
 * AddWord --
 *
 *	A TkleakWordProc: one word of the text being parsed, kept as a
 *	pair unless it is a repeat. A word equal to the whole text is the
 *	text's own pair (its memo in the SlotText), wherever it was found.
 */

static void
AddWord(
    void *clientData,
    const char *word,
    size_t len,
    int flags)
{
    Builder *bPtr = clientData;
    Word *wordPtr = NULL;
    Pair p;

    /*
     * The resolver reads a word to its first NUL: so is it kept.
     */

    if (memchr(word, '\0', len) != NULL) {
	len = strlen(word);
    }
    if (len != bPtr->len || memcmp(word, bPtr->text, len) != 0) {
	char buf[256];

	if (len < sizeof(buf)) {
	    memcpy(buf, word, len);
	    buf[len] = '\0';
	    wordPtr = InternWord(bPtr->statePtr, buf);
	} else {
	    Tcl_DString copy;

	    Tcl_DStringInit(&copy);
	    Tcl_DStringAppend(&copy, word, (int) len);
	    wordPtr = InternWord(bPtr->statePtr, Tcl_DStringValue(&copy));
	    Tcl_DStringFree(&copy);
	}
    }
    if (IsRepeat(bPtr, flags, wordPtr)) {
	if (wordPtr != NULL) {
	    wordPtr->refCount--;	/* An earlier pair holds it still. */
	}
	return;
    }
    p.flags = flags;
    p.len = (int) len;
    p.wordPtr = wordPtr;
    if (bPtr->numPairs == bPtr->capPairs) {
	bPtr->capPairs *= 2;
	if (bPtr->pairs == bPtr->own) {
	    bPtr->pairs = (Pair *) Tcl_Alloc(bPtr->capPairs * sizeof(Pair));
	    memcpy(bPtr->pairs, bPtr->own, sizeof(bPtr->own));
	} else {
	    bPtr->pairs = (Pair *) Tcl_Realloc((char *) bPtr->pairs,
		    bPtr->capPairs * sizeof(Pair));
	}
    }
    bPtr->pairs[bPtr->numPairs++] = p;
}

/*
 * Parse --
 *
 *	The words of TEXT, as TkleakRefsAdd indexed them before they were
 *	kept: a new block (Tcl_Alloc) the caller owns, holding one
 *	reference to each of its words (FreeText releases them).
 */

static SlotText *
Parse(
    TkleakState *statePtr,
    const char *text,
    size_t len)
{
    Builder b;
    SlotText *textPtr;
    Tcl_DString first;
    size_t size;
    int found;

    b.statePtr = statePtr;
    b.text = text;
    b.len = len;
    b.pairs = b.own;
    b.numPairs = 0;
    b.capPairs = OWN_PAIRS;
    memset(b.slots, 0, sizeof(b.slots));
    b.hashed = 0;
    TkleakScanWords(text, len, AddWord, &b);
    TkleakScanQuotedWords(text, len, AddWord, &b);

    /*
     * The whole text, and the first element when it is a list: an option
     * value like {my proc} names the command "my proc". The list is
     * read from the text (TkleakWalkListFirst), or from a copy of it,
     * never from the app's object.
     */

    AddWord(&b, text, len, TKLEAK_WORD_COMMAND);
    Tcl_DStringInit(&first);
    found = TkleakWalkUsable(statePtr)
	    ? TkleakWalkListFirst(text, len, &first) : -1;
    if (found < 0) {
	Tcl_Obj *valuePtr = Tcl_NewStringObj(text, (int) len), *firstPtr;

	Tcl_IncrRefCount(valuePtr);
	found = Tcl_ListObjIndex(NULL, valuePtr, 0, &firstPtr) == TCL_OK
		&& firstPtr != NULL;
	if (found) {
	    Tcl_Size flen;
	    const char *s = Tcl_GetStringFromObj(firstPtr, &flen);

	    Tcl_DStringAppend(&first, s, (int) flen);
	}
	Tcl_DecrRefCount(valuePtr);
    }
    if (found) {
	AddWord(&b, Tcl_DStringValue(&first),
		(size_t) Tcl_DStringLength(&first), TKLEAK_WORD_COMMAND);
    }
    Tcl_DStringFree(&first);
    if (b.hashed) {
	Tcl_DeleteHashTable(&b.seen);
    }

    size = offsetof(SlotText, pairs) + (size_t) b.numPairs * sizeof(Pair);
    textPtr = (SlotText *) Tcl_Alloc(size + sizeof(Pair));
    textPtr->scan = 0;
    textPtr->size = size;
    memset(&textPtr->textMemo, 0, sizeof(TkleakWordMemo));
    textPtr->numPairs = b.numPairs;
    memcpy(textPtr->pairs, b.pairs, (size_t) b.numPairs * sizeof(Pair));
    if (b.pairs != b.own) {
	Tcl_Free((char *) b.pairs);
    }
    return textPtr;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakSlotWordsEachMemo --
 *
 *	Call FN once for each (word, flags) pair of TEXT, in the order the
 *	scanners report them (see the top of this file), for the scan
 *	SCAN (a number TkleakCensusTakeEx gives each full slot scan, never
 *	0). FN gets a NUL-terminated word it must not keep, and the word's
 *	memo: what FN put there stays with the word until FN changes it,
 *	or the word goes (its keysPtr then released); FN compares
 *	memo->scan with its scan to know whether the memo is of this one.
 *
 * Results:
 *	None.
 *
 * Side effects:
 *	The words of TEXT are kept (found, or parsed now) and marked used
 *	by SCAN. Nothing of the app's is read but TEXT, and no script
 *	runs.
 *
 *----------------------------------------------------------------------
 */

void
TkleakSlotWordsEachMemo(
    TkleakState *statePtr,
    unsigned long scan,
    const char *text,
    size_t len,
    TkleakWordMemoProc *fn,
    void *clientData)
{
    Tcl_HashEntry *hPtr = NULL;
    SlotText *textPtr = NULL;
    const char *keyText = text;
    int isNew = 0, i;

    Tables(statePtr);
    if (memchr(text, '\0', len) != NULL) {
	/*
	 * A text with a NUL byte cannot be a key: parsed each time, kept
	 * nowhere.
	 */

	textPtr = Parse(statePtr, text, len);
	textPtr->scan = scan;
	statePtr->census.slotWordsBytes += textPtr->size + len + ENTRY_BYTES;
	keyText = text;
    } else if (text[len] == '\0') {
	hPtr = Tcl_CreateHashEntry(statePtr->census.slotTexts, text, &isNew);
    } else {
	Tcl_DString key;

	Tcl_DStringInit(&key);
	Tcl_DStringAppend(&key, text, (int) len);
	hPtr = Tcl_CreateHashEntry(statePtr->census.slotTexts,
		Tcl_DStringValue(&key), &isNew);
	Tcl_DStringFree(&key);
    }
    if (hPtr != NULL) {
	if (isNew) {
	    textPtr = Parse(statePtr, text, len);
	    statePtr->census.slotWordsBytes += textPtr->size + len
		    + ENTRY_BYTES;
	    Tcl_SetHashValue(hPtr, textPtr);
	} else {
	    textPtr = Tcl_GetHashValue(hPtr);
	}
	if (scan != 0 && textPtr->scan != scan) {
	    textPtr->scan = scan;
	    if (statePtr->census.textsScan != scan) {
		statePtr->census.textsScan = scan;
		statePtr->census.textsUsed = 0;
	    }
	    statePtr->census.textsUsed++;
	}
	keyText = Tcl_GetHashKey(statePtr->census.slotTexts, hPtr);
    }

    for (i = 0; i < textPtr->numPairs; i++) {
	Pair *pPtr = &textPtr->pairs[i];

	if (pPtr->wordPtr == NULL) {
	    fn(clientData, keyText, len, pPtr->flags, &textPtr->textMemo);
	} else {
	    const char *word = Tcl_GetHashKey(statePtr->census.slotWordTable,
		    pPtr->wordPtr->hPtr);

	    fn(clientData, word, (size_t) pPtr->len, pPtr->flags,
		    &pPtr->wordPtr->memo);
	}
    }
    if (hPtr == NULL) {
	FreeText(statePtr, textPtr, len);
    }
}

/*
 * EachData, EachWord --
 *
 *	TkleakSlotWordsEach through TkleakSlotWordsEachMemo: the memo
 *	unused.
 */

typedef struct EachData {
    TkleakWordProc *fn;
    void *clientData;
} EachData;

static void
EachWord(
    void *clientData,
    const char *word,
    size_t len,
    int flags,
    TkleakWordMemo *memoPtr)
{
    EachData *dataPtr = clientData;

    (void) memoPtr;
    dataPtr->fn(dataPtr->clientData, word, len, flags);
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakSlotWordsEach --
 *
 *	Call FN once for each (word, flags) pair of TEXT, in the order the
 *	scanners report them (see the top of this file); FN gets a
 *	NUL-terminated word it must not keep.
 *
 * Results:
 *	None.
 *
 * Side effects:
 *	The words of TEXT are kept (found, or parsed now); outside a full
 *	scan they are not marked used, so the next scan's end drops them
 *	unless it met the text too. Nothing of the app's is read but TEXT,
 *	and no script runs.
 *
 *----------------------------------------------------------------------
 */

void
TkleakSlotWordsEach(
    TkleakState *statePtr,
    const char *text,
    size_t len,
    TkleakWordProc *fn,
    void *clientData)
{
    EachData data;

    data.fn = fn;
    data.clientData = clientData;
    TkleakSlotWordsEachMemo(statePtr, 0, text, len, EachWord, &data);
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakSlotWordsAge --
 *
 *	End of the full slot scan SCAN: the texts it did not use go, and
 *	the words only they had.
 *
 * Results:
 *	None.
 *
 * Side effects:
 *	Texts and words freed; their bytes leave the count.
 *
 *----------------------------------------------------------------------
 */

void
TkleakSlotWordsAge(
    TkleakState *statePtr,
    unsigned long scan)
{
    Tcl_HashSearch search;
    Tcl_HashEntry *hPtr;

    if (statePtr->census.slotTexts == NULL
	    || (statePtr->census.textsScan == scan
	    && statePtr->census.textsUsed
		== (size_t) statePtr->census.slotTexts->numEntries)) {
	return;			/* None unused: nothing to drop. */
    }
    for (hPtr = Tcl_FirstHashEntry(statePtr->census.slotTexts, &search);
	    hPtr != NULL; hPtr = Tcl_NextHashEntry(&search)) {
	SlotText *textPtr = Tcl_GetHashValue(hPtr);

	if (textPtr->scan != scan) {
	    FreeText(statePtr, textPtr,
		    strlen(Tcl_GetHashKey(statePtr->census.slotTexts, hPtr)));
	    Tcl_DeleteHashEntry(hPtr);
	}
    }
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakSlotWordsFree --
 *
 *	Free every text and word, when the interpreter's state goes.
 *
 * Results:
 *	None.
 *
 * Side effects:
 *	Both tables freed; the count of bytes is 0.
 *
 *----------------------------------------------------------------------
 */

void
TkleakSlotWordsFree(
    TkleakState *statePtr)
{
    Tcl_HashSearch search;
    Tcl_HashEntry *hPtr;

    if (statePtr->census.slotTexts == NULL) {
	return;
    }
    for (hPtr = Tcl_FirstHashEntry(statePtr->census.slotTexts, &search);
	    hPtr != NULL; hPtr = Tcl_NextHashEntry(&search)) {
	FreeText(statePtr, Tcl_GetHashValue(hPtr),
		strlen(Tcl_GetHashKey(statePtr->census.slotTexts, hPtr)));
    }
    Tcl_DeleteHashTable(statePtr->census.slotTexts);
    Tcl_DeleteHashTable(statePtr->census.slotWordTable);
    Tcl_Free((char *) statePtr->census.slotTexts);
    Tcl_Free((char *) statePtr->census.slotWordTable);
    statePtr->census.slotTexts = NULL;
    statePtr->census.slotWordTable = NULL;
    statePtr->census.slotWordsBytes = 0;
}
