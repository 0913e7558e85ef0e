/*
 * nameset.h --
 *
 *	A set of names that may hold more than was put in it, never less:
 *	their 32-bit fingerprints, in a table of bounded size. Live recording
 *	keeps in one the names that slots held while they named nothing
 *	(store/seen.c), so that the live check of tkleak::orphans knows when
 *	a slot it never tied to an object may name one now. Plain C, no Tcl
 *	(tests/unit/test-nameset.c).
 *
 * Copyright (c) 2026 the tkleak developers. See the file "LICENSE".
 */

#ifndef TKLEAK_NAMESET_H
#define TKLEAK_NAMESET_H

#include <stddef.h>

typedef struct TkleakNameSet TkleakNameSet;

TkleakNameSet *	TkleakNameSetNew(void);
void		TkleakNameSetFree(TkleakNameSet *setPtr);
void		TkleakNameSetAdd(TkleakNameSet *setPtr, const char *name,
		    size_t len);
unsigned int	TkleakNameSetHash(const char *name, size_t len);
void		TkleakNameSetAddHash(TkleakNameSet *setPtr, unsigned int hash);
void		TkleakNameSetAddWord(TkleakNameSet *setPtr, const char *word,
		    size_t len, int commands);
int		TkleakNameSetMayHave(const TkleakNameSet *setPtr,
		    const char *name, size_t len);
int		TkleakNameSetMayName(const TkleakNameSet *setPtr,
		    const char *key);
void		TkleakNameSetAddKey(TkleakNameSet *setPtr, const char *key);
int		TkleakNameSetFull(const TkleakNameSet *setPtr);
const char *	TkleakNameSetKeyName(const char *key, size_t *lenPtr);
const char *	TkleakNameSetTail(const char *name, size_t len,
		    size_t *tailLenPtr);
size_t		TkleakNameSetCount(const TkleakNameSet *setPtr);
size_t		TkleakNameSetBytes(const TkleakNameSet *setPtr);

#endif /* TKLEAK_NAMESET_H */
