/*
 * keys.c --
 *
 *	The one map from a census type ("command proc", "object ::Foo",
 *	"image photo", "widget Menu", "after", "binding") to the kind of key
 *	its objects have (keys.h). Comparing censuses (origins of new
 *	objects), the orphan checks and the origin store all ask here, so a
 *	new census type is given its key kind in one place.
 *
 * Copyright (c) 2026 the tkleak developers. See the file "LICENSE".
 */

#include <stddef.h>
#include <string.h>
#include "keys.h"

/*
 * A type whose name starts with PREFIX (or, with WHOLE, is PREFIX) has
 * keys of KIND. The first match counts.
 */

static const struct {
    const char *prefix;
    int whole;
    TkleakKeyKind kind;
} typeKinds[] = {
    {"command ", 0, TKLEAK_KEY_COMMAND},
    {"object ", 0, TKLEAK_KEY_COMMAND},
    {"image ", 0, TKLEAK_KEY_IMAGE},
    {"widget ", 0, TKLEAK_KEY_WINDOW},
    {"after", 1, TKLEAK_KEY_AFTER},
    {"binding", 1, TKLEAK_KEY_BINDING},
    {"variable", 1, TKLEAK_KEY_VARIABLE},
    {"array element", 1, TKLEAK_KEY_VARIABLE},
    {"canvas item", 1, TKLEAK_KEY_CANVAS_ITEM},
    {NULL, 0, TKLEAK_KEY_NONE}
};

/*
 *----------------------------------------------------------------------
 *
 * TkleakTypeKeyKind --
 *
 *	The kind of key the objects of census type TYPE have.
 *
 * Results:
 *	A TkleakKeyKind; TKLEAK_KEY_NONE for a type whose objects have no
 *	key (namespaces, variables, fonts, menu entries, ...).
 *
 * Side effects:
 *	None.
 *
 *----------------------------------------------------------------------
 */

TkleakKeyKind
TkleakTypeKeyKind(
    const char *type)
{
    int i;

    for (i = 0; typeKinds[i].prefix != NULL; i++) {
	const char *prefix = typeKinds[i].prefix;

	if (typeKinds[i].whole ? strcmp(type, prefix) == 0
		: strncmp(type, prefix, strlen(prefix)) == 0) {
	    return typeKinds[i].kind;
	}
    }
    return TKLEAK_KEY_NONE;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakKeyPrefix --
 *
 *	The one-character string that starts the keys of KIND, for building
 *	a key with the string functions.
 *
 * Results:
 *	A static string: "c", "i", "w", "a" or "b"; "" for TKLEAK_KEY_NONE.
 *
 * Side effects:
 *	None.
 *
 *----------------------------------------------------------------------
 */

const char *
TkleakKeyPrefix(
    TkleakKeyKind kind)
{
    switch (kind) {
    case TKLEAK_KEY_COMMAND:
	return "c";
    case TKLEAK_KEY_IMAGE:
	return "i";
    case TKLEAK_KEY_WINDOW:
	return "w";
    case TKLEAK_KEY_AFTER:
	return "a";
    case TKLEAK_KEY_BINDING:
	return "b";
    case TKLEAK_KEY_VARIABLE:
	return "v";
    case TKLEAK_KEY_CANVAS_ITEM:
	return "k";
    default:
	return "";
    }
}
