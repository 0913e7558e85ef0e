/*
 * keys.h --
 *
 *	The kinds of key by which tkleak knows one object across its tables
 *	(the slot index, "seen", origins): a kind character followed by the
 *	object's name, "c::foo", "i.img1" (an image), "w.m" (a window). The
 *	one enum of kinds and the one map from census type to kind; no Tcl.
 *
 * Copyright (c) 2026 the tkleak developers. See the file "LICENSE".
 */

#ifndef TKLEAK_KEYS_H
#define TKLEAK_KEYS_H

/*
 * Each kind is the character that starts its keys, so that a key is
 * that character and the name, and key[0] is its kind.
 */

typedef enum TkleakKeyKind {
    TKLEAK_KEY_NONE = 0,	/* Objects of the type have no key. */
    TKLEAK_KEY_COMMAND = 'c',	/* Fully qualified command name (procs,
				 * natives, TclOO objects, wrappers). */
    TKLEAK_KEY_IMAGE = 'i',	/* Image name. */
    TKLEAK_KEY_WINDOW = 'w',	/* Window path. */
    TKLEAK_KEY_AFTER = 'a',	/* After id (origins only). */
    TKLEAK_KEY_BINDING = 'b',	/* Binding identity {tag seq} (origins
				 * only). */
    TKLEAK_KEY_VARIABLE = 'v',	/* Variable or array element, as the
				 * census names it (origins only). */
    TKLEAK_KEY_CANVAS_ITEM = 'k'	/* Canvas item {path id} (origins
				 * only). */
} TkleakKeyKind;

TkleakKeyKind	TkleakTypeKeyKind(const char *type);
const char *	TkleakKeyPrefix(TkleakKeyKind kind);

#endif /* TKLEAK_KEYS_H */
