/*
 * slotwords.c --
 *
 *	The words of each slot's text, kept from one full slot scan to the
 *	next.
 *
 *	Indexing a slot (TkleakRefsAdd, refs.c) hands every word of its
 *	text to the resolver: the words the plain scanner finds
 *	(TkleakScanWords), those inside quoted and braced words
 *	(TkleakScanQuotedWords), the text whole and its first list element.
 *	Finding the words is pure syntax, the same for the same text, and
 *	on a real app it was most of the scan's time: IDLE with 30 editors
 *	has 30,000 bindings, each a tkinter script of some twenty words, and
 *	the full scan parsed them all on every tkleak::orphans and
 *	tkleak::refs. What a word names depends on the app's state and is
 *	still resolved on every scan; only the parsing is kept.
 *
 *	Each text is kept with its words in the order the scanners report
 *	them, with each (word, flags) pair once: indexing a pair the second
 *	time within one slot changes nothing (AddKey, refs.c, appends a
 *	slot to an object's referrers only when it is not the last one
 *	already, and within one slot it is), so the index comes out the
 *	same, referrer for referrer, in the same order.
 *
 *	Memory is bounded by the app, not by its history: a scan keeps what
 *	it used in a fresh table and the table of the scan before goes
 *	(TkleakSlotWordsAge), so texts of slots that are gone stay for one
 *	scan at most. The bytes held count as tkleak's own (heap.c).
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
 * The words of one text: NUMWORDS records, each the int flags, the int
 * length and the word's bytes with a NUL, one after the other in DATA.
 * A word given with the length -1 is the text itself (the hash key).
 */

typedef struct SlotWords {
    size_t size;		/* Bytes of this block, as counted. */
    int numWords;
    char data[1];
} SlotWords;

/*
 * While a text is parsed: the pairs found so far, in a growing buffer,
 * with a table of them to drop repeats.
 */

typedef struct Builder {
    const char *text;		/* The text scanned, and its length. */
    size_t len;
    Tcl_DString buf;		/* The records. */
    Tcl_HashTable pairs;	/* "flags:word" -> present. */
    int numWords;
} Builder;

#define ENTRY_BYTES 64		/* A hash entry and its malloc overhead. */

static void
AddWord(
    void *clientData,
    const char *word,
    size_t len,
    int flags)
{
    Builder *bPtr = clientData;
    Tcl_DString pair;
    char prefix[TCL_INTEGER_SPACE + 2];
    int isNew, n = (int) len;

    Tcl_DStringInit(&pair);
    snprintf(prefix, sizeof(prefix), "%d:", flags);
    Tcl_DStringAppend(&pair, prefix, -1);
    Tcl_DStringAppend(&pair, word, n);
    if (memchr(word, '\0', len) != NULL) {
	isNew = 1;		/* Not as a key; the resolver reads to NUL. */
    } else {
	Tcl_CreateHashEntry(&bPtr->pairs, Tcl_DStringValue(&pair), &isNew);
    }
    Tcl_DStringFree(&pair);
    if (!isNew) {
	return;
    }
    if (word == bPtr->text && len == bPtr->len) {
	n = -1;			/* The text itself: the key holds it. */
    }
    Tcl_DStringAppend(&bPtr->buf, (const char *) &flags, sizeof(int));
    Tcl_DStringAppend(&bPtr->buf, (const char *) &n, sizeof(int));
    if (n >= 0) {
	Tcl_DStringAppend(&bPtr->buf, word, n);
	Tcl_DStringAppend(&bPtr->buf, "", 1);
    }
    bPtr->numWords++;
}

/*
 * Parse --
 *
 *	The words of TEXT, as TkleakRefsAdd indexed them before they were
 *	kept: a new block (Tcl_Alloc) the caller owns.
 */

static SlotWords *
Parse(
    const char *text,
    size_t len)
{
    Builder b;
    SlotWords *wordsPtr;
    Tcl_Obj *valuePtr, *firstPtr;
    size_t size;

    b.text = text;
    b.len = len;
    b.numWords = 0;
    Tcl_DStringInit(&b.buf);
    Tcl_InitHashTable(&b.pairs, TCL_STRING_KEYS);
    TkleakScanWords(text, len, AddWord, &b);
    TkleakScanQuotedWords(text, len, AddWord, &b);

    /*
     * The whole text, and the first element when it is a list: an option
     * value like {my proc} names the command "my proc". The list is a
     * copy of the text, never the app's object.
     */

    AddWord(&b, text, len, TKLEAK_WORD_COMMAND);
    valuePtr = Tcl_NewStringObj(text, (int) len);
    Tcl_IncrRefCount(valuePtr);
    if (Tcl_ListObjIndex(NULL, valuePtr, 0, &firstPtr) == TCL_OK
	    && firstPtr != NULL) {
	const char *first = Tcl_GetString(firstPtr);

	AddWord(&b, first, strlen(first), TKLEAK_WORD_COMMAND);
    }
    Tcl_DecrRefCount(valuePtr);
    Tcl_DeleteHashTable(&b.pairs);

    size = offsetof(SlotWords, data) + (size_t) Tcl_DStringLength(&b.buf);
    wordsPtr = (SlotWords *) Tcl_Alloc(size + 1);
    wordsPtr->size = size;
    wordsPtr->numWords = b.numWords;
    memcpy(wordsPtr->data, Tcl_DStringValue(&b.buf),
	    (size_t) Tcl_DStringLength(&b.buf));
    Tcl_DStringFree(&b.buf);
    return wordsPtr;
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
 *	The words of TEXT are kept in the interpreter's table of this scan
 *	(found there, moved from the last scan's, or parsed now). Nothing
 *	of the app's is read but TEXT, and no script runs.
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
    Tcl_HashEntry *hPtr;
    SlotWords *wordsPtr;
    Tcl_DString key;
    const char *p, *keyText;
    int isNew, i;

    Tcl_DStringInit(&key);
    Tcl_DStringAppend(&key, text, (int) len);
    if (memchr(text, '\0', len) != NULL) {
	/*
	 * A text with a NUL byte cannot be a key: parsed each time, kept
	 * nowhere.
	 */

	wordsPtr = Parse(text, len);
	keyText = text;
	hPtr = NULL;
    } else {
	if (statePtr->census.slotWords[0] == NULL) {
	    for (i = 0; i < 2; i++) {
		statePtr->census.slotWords[i] = (Tcl_HashTable *)
			Tcl_Alloc(sizeof(Tcl_HashTable));
		Tcl_InitHashTable(statePtr->census.slotWords[i], TCL_STRING_KEYS);
	    }
	}
	hPtr = Tcl_CreateHashEntry(statePtr->census.slotWords[0],
		Tcl_DStringValue(&key), &isNew);
	if (isNew) {
	    Tcl_HashEntry *oldPtr = Tcl_FindHashEntry(statePtr->census.slotWords[1],
		    Tcl_DStringValue(&key));

	    if (oldPtr != NULL) {
		wordsPtr = Tcl_GetHashValue(oldPtr);
		Tcl_DeleteHashEntry(oldPtr);
	    } else {
		wordsPtr = Parse(text, len);
		statePtr->census.slotWordsBytes += wordsPtr->size + len + ENTRY_BYTES;
	    }
	    Tcl_SetHashValue(hPtr, wordsPtr);
	} else {
	    wordsPtr = Tcl_GetHashValue(hPtr);
	}
	keyText = Tcl_GetHashKey(statePtr->census.slotWords[0], hPtr);
    }

    p = wordsPtr->data;
    for (i = 0; i < wordsPtr->numWords; i++) {
	int flags, n;

	memcpy(&flags, p, sizeof(int));
	memcpy(&n, p + sizeof(int), sizeof(int));
	p += 2 * sizeof(int);
	if (n < 0) {
	    fn(clientData, keyText, len, flags);
	} else {
	    fn(clientData, p, (size_t) n, flags);
	    p += n + 1;
	}
    }
    if (hPtr == NULL) {
	Tcl_Free((char *) wordsPtr);
    }
    Tcl_DStringFree(&key);
}

/*
 * FreeTable --
 *
 *	Free the blocks of one table and empty it; their bytes leave the
 *	count.
 */

static void
FreeTable(
    TkleakState *statePtr,
    Tcl_HashTable *tablePtr)
{
    Tcl_HashSearch search;
    Tcl_HashEntry *hPtr;

    for (hPtr = Tcl_FirstHashEntry(tablePtr, &search); hPtr != NULL;
	    hPtr = Tcl_NextHashEntry(&search)) {
	SlotWords *wordsPtr = Tcl_GetHashValue(hPtr);

	statePtr->census.slotWordsBytes -= wordsPtr->size
		+ strlen(Tcl_GetHashKey(tablePtr, hPtr)) + ENTRY_BYTES;
	Tcl_Free((char *) wordsPtr);
    }
    Tcl_DeleteHashTable(tablePtr);
    Tcl_InitHashTable(tablePtr, TCL_STRING_KEYS);
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakSlotWordsAge --
 *
 *	End of a full slot scan: the texts it did not use (those of the
 *	scan before, not asked again) go, and what it used becomes the
 *	table the next scan moves its texts from.
 *
 *----------------------------------------------------------------------
 */

void
TkleakSlotWordsAge(
    TkleakState *statePtr)
{
    Tcl_HashTable *tablePtr;

    if (statePtr->census.slotWords[0] == NULL) {
	return;
    }
    FreeTable(statePtr, statePtr->census.slotWords[1]);
    tablePtr = statePtr->census.slotWords[1];
    statePtr->census.slotWords[1] = statePtr->census.slotWords[0];
    statePtr->census.slotWords[0] = tablePtr;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakSlotWordsFree --
 *
 *	Free both tables, when the interpreter's state goes.
 *
 *----------------------------------------------------------------------
 */

void
TkleakSlotWordsFree(
    TkleakState *statePtr)
{
    int i;

    if (statePtr->census.slotWords[0] == NULL) {
	return;
    }
    for (i = 0; i < 2; i++) {
	FreeTable(statePtr, statePtr->census.slotWords[i]);
	Tcl_DeleteHashTable(statePtr->census.slotWords[i]);
	Tcl_Free((char *) statePtr->census.slotWords[i]);
	statePtr->census.slotWords[i] = NULL;
    }
}
