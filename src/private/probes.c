/*
 * probes.c --
 *
 *	Single fields of Tcl's records that the public API does not give:
 *	an object's class, a namespace's early delete procedure, a variable's
 *	full name as the caller's frame resolves it, the procedure of every
 *	proc, a command's NRE procedure, a global scalar's string read
 *	without a trace.
 *
 * Copyright (c) 2026 the tkleak developers. See the file "LICENSE".
 */

#include <limits.h>
#include "private.h"

#ifdef TKLEAK_PRIVATE

/*
 *----------------------------------------------------------------------
 *
 * TkleakWalkObjectClass --
 *
 *	The class of the TclOO object OBJECT (its selfCls).
 *
 * Results:
 *	The class, owned by TclOO.
 *
 * Side effects:
 *	None.
 *
 *----------------------------------------------------------------------
 */

Tcl_Class
TkleakWalkObjectClass(
    Tcl_Object object)
{
    return (Tcl_Class) ((Object *) object)->selfCls;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakWalkNsEarlyDelete --
 *
 *	The early delete procedure of the namespace NSPTR, by which a TclOO
 *	object's namespace is known.
 *
 * Results:
 *	The procedure, or NULL.
 *
 * Side effects:
 *	None.
 *
 *----------------------------------------------------------------------
 */

Tcl_NamespaceDeleteProc *
TkleakWalkNsEarlyDelete(
    Tcl_Namespace *nsPtr)
{
    return ((Namespace *) nsPtr)->earlyDeleteProc;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakWalkVarFullName --
 *
 *	The fully qualified name of the variable NAMEPTR names where the
 *	calling script stands (for "trace add variable z" inside "namespace
 *	eval ns", ::ns::z), so that a recorded trace slot can be asked about
 *	from any frame; an array element keeps its index. The name is
 *	looked up as Tcl looks it up in the caller's frame (TclLookupVar,
 *	which follows "variable", "global" and "upvar" links, and creates
 *	nothing); a name that is a proc's own local, or names no variable,
 *	is kept as written, and so is every name in the public build. Only
 *	the name's string is read.
 *
 * Results:
 *	An object with one reference, which the caller releases.
 *
 * Side effects:
 *	None: TclLookupVar creates nothing and runs no trace.
 *
 *----------------------------------------------------------------------
 */

Tcl_Obj *
TkleakWalkVarFullName(
    Tcl_Interp *interp,
    Tcl_Obj *namePtr)
{
    Tcl_Size len;
    const char *name = Tcl_GetStringFromObj(namePtr, &len);
    const char *open = strchr(name, '(');
    Tcl_DString ds;
    Var *varPtr, *arrayPtr = NULL;
    Tcl_Obj *fullPtr = NULL;

    if (open == NULL || len == 0 || name[len - 1] != ')') {
	open = NULL;
    }
    Tcl_DStringInit(&ds);
    Tcl_DStringAppend(&ds, name, open ? (int) (open - name) : len);
    varPtr = TclLookupVar(interp, Tcl_DStringValue(&ds), NULL, 0, NULL,
	    0, 0, &arrayPtr);
    Tcl_DStringFree(&ds);
    if (varPtr != NULL) {
	fullPtr = Tcl_NewObj();
	Tcl_GetVariableFullName(interp, (Tcl_Var) varPtr, fullPtr);
	if (strncmp(Tcl_GetString(fullPtr), "::", 2) != 0) {
	    Tcl_DecrRefCount(fullPtr);	/* A local: no namespace. */
	    fullPtr = NULL;
	} else if (open != NULL) {
	    Tcl_AppendToObj(fullPtr, open, -1);
	}
    }
    if (fullPtr == NULL) {
	fullPtr = Tcl_NewStringObj(name, len);
    }
    Tcl_IncrRefCount(fullPtr);
    return fullPtr;
}

/*
 * TkleakWalkProcProc --
 *
 *	The command procedure of every proc, from Tcl's own internal stubs:
 *	no proc is made for it, so no "proc" command is evaluated.
 */

Tcl_ObjCmdProc *
TkleakWalkProcProc(void)
{
    return TclGetObjInterpProc();
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakWalkCommandNre, TkleakWalkSetCommandNre --
 *
 *	A command's non-recursive (NRE) procedure, and putting one back:
 *	Tcl_SetCommandInfoFromToken drops it when it changes the objProc,
 *	so record.c, which hooks TclOO class commands that way, restores it
 *	when it unhooks them.
 *
 * Results:
 *	The NRE procedure, or NULL.
 *
 * Side effects:
 *	None.
 *
 *----------------------------------------------------------------------
 */

Tcl_ObjCmdProc *
TkleakWalkCommandNre(
    Tcl_Command token)
{
    return ((Command *) token)->nreProc;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakWalkSetCommandNre --
 *
 *	Give the command TOKEN the NRE procedure NREPROC again (see
 *	TkleakWalkCommandNre).
 *
 * Results:
 *	None.
 *
 * Side effects:
 *	The command's record is changed.
 *
 *----------------------------------------------------------------------
 */

void
TkleakWalkSetCommandNre(
    Tcl_Command token,
    Tcl_ObjCmdProc *nreProc)
{
    ((Command *) token)->nreProc = nreProc;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakWalkGlobalString --
 *
 *	The string of the global scalar NAME, read from the global
 *	namespace's table (no read trace runs, the value's internal type is
 *	kept), or NULL when there is none.
 *
 * Results:
 *	The string, owned by the variable's value (valid until the variable
 *	changes), or NULL.
 *
 * Side effects:
 *	A string form may be made for the value (its internal type is
 *	kept).
 *
 *----------------------------------------------------------------------
 */

const char *
TkleakWalkGlobalString(
    Tcl_Interp *interp,
    const char *name)
{
    Namespace *nsPtr = (Namespace *) Tcl_GetGlobalNamespace(interp);
    Tcl_Obj *keyPtr = Tcl_NewStringObj(name, -1);
    Tcl_HashEntry *hPtr;
    const char *value = NULL;

    Tcl_IncrRefCount(keyPtr);
    hPtr = Tcl_FindHashEntry(&nsPtr->varTable.table, (char *) keyPtr);
    Tcl_DecrRefCount(keyPtr);
    if (hPtr != NULL) {
	Var *varPtr = (Var *) ((char *) hPtr - offsetof(VarInHash, entry));

	if (!TclIsVarArray(varPtr) && !TclIsVarLink(varPtr)
		&& !TclIsVarUndefined(varPtr) && varPtr->value.objPtr) {
	    value = Tcl_GetString(varPtr->value.objPtr);
	}
    }
    return value;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakWalkGlobalNameBound --
 *
 *	The length of the longest name in the global namespace's command
 *	table, when that bounds what Tcl_FindCommand can find for a name
 *	without "::" from the global namespace: no command resolver (of
 *	the interpreter or of the global namespace) and no command path on
 *	the global namespace, so that such a name is looked up in that one
 *	table and nowhere else.
 *
 * Results:
 *	1 with *MAXPTR the length; 0 when no bound holds (or the records
 *	cannot be read).
 *
 * Side effects:
 *	None: the table's keys are only read.
 *
 *----------------------------------------------------------------------
 */

int
TkleakWalkGlobalNameBound(
    Tcl_Interp *interp,
    size_t *maxPtr)
{
    Interp *iPtr = (Interp *) interp;
    Namespace *nsPtr = iPtr->globalNsPtr;
    Tcl_HashSearch search;
    Tcl_HashEntry *hPtr;
    size_t max = 0;

    if (nsPtr == NULL || iPtr->resolverPtr != NULL
	    || nsPtr->cmdResProc != NULL || nsPtr->commandPathLength != 0) {
	return 0;
    }
    for (hPtr = Tcl_FirstHashEntry(&nsPtr->cmdTable, &search); hPtr != NULL;
	    hPtr = Tcl_NextHashEntry(&search)) {
	size_t n = strlen(Tcl_GetHashKey(&nsPtr->cmdTable, hPtr));

	if (n > max) {
	    max = n;
	}
    }
    *maxPtr = max;
    return 1;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakWalkListFirst --
 *
 *	The first element of TEXT (LEN bytes, read no further) taken as a
 *	Tcl list, as Tcl_ListObjIndex would give it for index 0, without
 *	making a list or any other value of it: the slot index asks this of
 *	every distinct slot text, most of them scripts of twenty words
 *	(each made a Tcl_Obj by Tcl_ListObjIndex, to be thrown away). Like
 *	Tcl_ListObjIndex, it answers only when the whole text is a list:
 *	every element is found (TclFindElement), none copied but the first.
 *
 * Results:
 *	1 with the first element's value appended to FIRSTPTR (an
 *	initialised DString of the caller's); 0 when TEXT is not a list, or
 *	an empty one (FIRSTPTR unchanged).
 *
 * Side effects:
 *	None.
 *
 *----------------------------------------------------------------------
 */

int
TkleakWalkListFirst(
    const char *text,
    size_t len,
    Tcl_DString *firstPtr)
{
    const char *p = text, *end = text + len, *first = NULL;
    int firstSize = 0, firstLiteral = 0;

    if (len > INT_MAX) {
	return 0;
    }
    while (p < end) {
	const char *elem, *next;
	int size, literal;

	if (TclFindElement(NULL, p, (int) (end - p), &elem, &next, &size,
		&literal) != TCL_OK) {
	    return 0;
	}
	if (elem == end) {
	    break;			/* Only white space after the last. */
	}
	if (first == NULL) {
	    first = elem;
	    firstSize = size;
	    firstLiteral = literal;
	}
	p = next;
    }
    if (first == NULL) {
	return 0;
    }
    if (firstLiteral) {
	/*
	 * Braced, or with nothing to substitute: the element is its text.
	 * (Tcl 8.6 reports either, by the name of the argument; both mean
	 * no backslash is to be undone.)
	 */

	Tcl_DStringAppend(firstPtr, first, firstSize);
    } else {
	int at = Tcl_DStringLength(firstPtr);

	Tcl_DStringSetLength(firstPtr, at + firstSize);
	Tcl_DStringSetLength(firstPtr, at + TclCopyAndCollapse(firstSize,
		first, Tcl_DStringValue(firstPtr) + at));
    }
    return 1;
}

#endif /* TKLEAK_PRIVATE */
