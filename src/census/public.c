/*
 * public.c --
 *
 *	The public-API walk of a census: namespaces, commands, variables,
 *	windows, images and bindings through Tcl's and Tk's public API and
 *	their own built-in commands (called through TkleakCallCore), for
 *	when the private walk (src/private/) cannot be used. Slower, and
 *	without proc body sizes, variable sizes, menu entries and canvas
 *	items, which need the private records.
 *
 * Copyright (c) 2026 the tkleak developers. See the file "LICENSE".
 */

#include "config.h"
#include <stdlib.h>
#include <string.h>
#include "tkleakInt.h"

static int	PublicOneNamespace(TkleakCollect *ctxPtr, Tcl_Obj *nsPtr);
static int	PublicOneWindow(TkleakCollect *ctxPtr, Tk_Window tkwin);

/*
 *----------------------------------------------------------------------
 *
 * TkleakTagBindings --
 *
 *	Count the bindings of TAG through Tk's API: Tk_GetAllBindings for
 *	its sequences, Tk_GetBinding for each script. OBJECT is the tag as
 *	Tk keys it in TABLE: a window's path name record, or the Uid of any
 *	other tag.
 *
 * Side effects:
 *	The interpreter's result is reset.
 *
 * Results:
 *	None.
 *
 *----------------------------------------------------------------------
 */

void
TkleakTagBindings(
    TkleakCollect *ctxPtr,
    Tk_BindingTable table,
    ClientData object,
    const char *tag)
{
    Tcl_Interp *interp = ctxPtr->interp;
    Tcl_Obj *seqsPtr, **seqv;
    int j;
    Tcl_Size seqc;

    Tcl_ResetResult(interp);
    Tk_GetAllBindings(interp, table, object);
    seqsPtr = Tcl_GetObjResult(interp);
    Tcl_IncrRefCount(seqsPtr);
    Tcl_ResetResult(interp);
    if (Tcl_ListObjGetElements(NULL, seqsPtr, &seqc, &seqv) != TCL_OK) {
	seqc = 0;
    }
    for (j = 0; j < seqc; j++) {
	const char *seq = Tcl_GetString(seqv[j]);
	const char *script = Tk_GetBinding(interp, table, object, seq);
	char *id, buf[200];

	if (script == NULL) {
	    continue;
	}
	id = TkleakJoinPair(tag, seq, buf, sizeof(buf));
	TkleakAddBinding(ctxPtr, tag, seq, id, strlen(id), script);
	if (id != buf) {
	    Tcl_Free(id);
	}
    }
    Tcl_DecrRefCount(seqsPtr);
}

/*
 * The public-API path: slower, and without proc body sizes, variable
 * sizes, menu entries and canvas items, which need the private records.
 */

/*
 * GlobQuote --
 *
 *	Append S to DSPTR with glob metacharacters escaped, so a namespace
 *	name is matched as itself.
 */

static void
GlobQuote(
    Tcl_DString *dsPtr,
    const char *s)
{
    for (; *s; s++) {
	if (strchr("*?[]\\", *s)) {
	    Tcl_DStringAppend(dsPtr, "\\", 1);
	}
	Tcl_DStringAppend(dsPtr, s, 1);
    }
}

/*
 * The public walks keep the namespaces and windows still to walk on a
 * stack on the heap, not on the C stack: an app may nest namespaces
 * 20,000 deep or frames 2,000 deep, and a walk that called itself once a
 * level, each time through a Tcl command, would overflow the stack. The
 * names are popped in the order in which a walk that called itself for
 * each child would have taken them, so the census is the same.
 */

typedef struct NameStack {
    Tcl_Obj **items;			/* Each holds a reference; the top is
					 * last. */
    int num;
    int cap;
} NameStack;

/*
 * PushNames --
 *
 *	Push OBJC names onto STACKPTR, last first, so that they are popped
 *	in the order of OBJV. Each pushed name gets a reference.
 */

static void
PushNames(
    NameStack *stackPtr,
    int objc,
    Tcl_Obj *const objv[])
{
    int i;

    if (stackPtr->num + objc > stackPtr->cap) {
	stackPtr->cap = (stackPtr->num + objc) * 2;
	stackPtr->items = (Tcl_Obj **) Tcl_Realloc((char *) stackPtr->items,
		stackPtr->cap * sizeof(Tcl_Obj *));
    }
    for (i = objc - 1; i >= 0; i--) {
	Tcl_IncrRefCount(objv[i]);
	stackPtr->items[stackPtr->num++] = objv[i];
    }
}

/*
 * PushChildNames --
 *
 *	Push the words that "CMD WORD1 NAMEPTR" answers onto STACKPTR, in
 *	the order PushNames keeps; CMDNAME is the built-in's fully
 *	qualified name ("::winfo"), called through TkleakCallCore, and its
 *	tail the first word.
 */

static void
PushChildNames(
    TkleakCollect *ctxPtr,
    NameStack *stackPtr,
    const char *cmdName,
    const char *word1,
    Tcl_Obj *namePtr)
{
    Tcl_Obj *objv[3], *listPtr, **elems;
    int i;
    Tcl_Size n;

    objv[0] = Tcl_NewStringObj(cmdName + 2, -1);
    objv[1] = Tcl_NewStringObj(word1, -1);
    objv[2] = namePtr;
    for (i = 0; i < 3; i++) {
	Tcl_IncrRefCount(objv[i]);
    }
    if (TkleakCallCore(ctxPtr, cmdName, 3, objv, &listPtr) == TCL_OK) {
	if (Tcl_ListObjGetElements(NULL, listPtr, &n, &elems) == TCL_OK) {
	    PushNames(stackPtr, n, elems);
	}
	Tcl_DecrRefCount(listPtr);
    }
    for (i = 0; i < 3; i++) {
	Tcl_DecrRefCount(objv[i]);
    }
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakPublicNamespace --
 *
 *	Count the namespace NSOBJ names and every namespace below it, depth
 *	first, each one's children in the order "namespace children" gives.
 *
 * Results:
 *	None.
 *
 * Side effects:
 *	The census gets the namespaces, commands and variables; built-ins
 *	run through their C procedures (TkleakCallCore), never a proc, and
 *	variables are read without firing a trace. The interpreter's result
 *	is reset.
 *
 *----------------------------------------------------------------------
 */

void
TkleakPublicNamespace(
    TkleakCollect *ctxPtr,
    Tcl_Obj *nsObj)
{
    NameStack stack = {NULL, 0, 0};

    PushNames(&stack, 1, &nsObj);
    while (stack.num > 0) {
	Tcl_Obj *namePtr = stack.items[--stack.num];

	if (PublicOneNamespace(ctxPtr, namePtr)) {
	    PushChildNames(ctxPtr, &stack, "::namespace", "children", namePtr);
	}
	Tcl_DecrRefCount(namePtr);
    }
    Tcl_Free((char *) stack.items);
}

/*
 * PublicOneNamespace --
 *
 *	Count the namespace NSOBJ names, its commands and variables. Returns
 *	1 when its children are to be counted too, else 0.
 */

static int
PublicOneNamespace(
    TkleakCollect *ctxPtr,
    Tcl_Obj *nsObj)
{
    Tcl_Interp *interp = ctxPtr->interp;
    const char *nsName = Tcl_GetString(nsObj);
    Tcl_Namespace *nsPtr = Tcl_FindNamespace(interp, nsName, NULL, 0);
    Tcl_Obj *listPtr, **elems, *objv[3];
    Tcl_DString pattern;
    int i, global = (nsName[2] == '\0');
    Tcl_Size n;
    Tcl_NamespaceDeleteProc *early;

    if (nsPtr == NULL || TkleakIsOwnNamespace(nsName)) {
	return 0;
    }
    early = TkleakWalkNsEarlyDelete(nsPtr);
    if (!(early && early == ctxPtr->statePtr->core.objNsProc)) {
	TkleakAddFixed(ctxPtr, TT_NAMESPACE, nsName, strlen(nsName),
		TkleakNamespaceBytes(strlen(nsName)));
	Tcl_DStringInit(&pattern);
	GlobQuote(&pattern, nsName);
	if (!global) {
	    Tcl_DStringAppend(&pattern, "::", 2);
	}
	Tcl_DStringAppend(&pattern, "*", 1);
	objv[0] = Tcl_NewStringObj("info", 4);
	objv[1] = Tcl_NewStringObj("commands", 8);
	objv[2] = Tcl_NewStringObj(Tcl_DStringValue(&pattern), -1);
	for (i = 0; i < 3; i++) {
	    Tcl_IncrRefCount(objv[i]);
	}
	if (TkleakCallCore(ctxPtr, "::info", 3, objv, &listPtr) == TCL_OK) {
	    if (Tcl_ListObjGetElements(NULL, listPtr, &n, &elems) == TCL_OK) {
		for (i = 0; i < n; i++) {
		    Tcl_Command token = Tcl_GetCommandFromObj(interp, elems[i]);
		    Tcl_CmdInfo info;
		    const char *fq = Tcl_GetString(elems[i]);
		    const char *tail = global ? fq + 2 : fq + strlen(nsName) + 2;

		    if (token && Tcl_GetCommandInfoFromToken(token, &info)) {
			TkleakCountCommand(ctxPtr, token, info.objProc,
				nsName, tail, 0);
		    }

		    /*
		     * The public API does not tell which commands have
		     * traces: each is asked (CollectTraces).
		     */

		    TkleakNoteTraced(ctxPtr, 'c', fq, strlen(fq), NULL, 0);
		}
	    }
	    Tcl_DecrRefCount(listPtr);
	}
	for (i = 0; i < 3; i++) {
	    Tcl_DecrRefCount(objv[i]);
	}
	Tcl_DStringFree(&pattern);
    }

    /*
     * Variables: names only; reading a value could fire a trace.
     */

    objv[0] = Tcl_NewStringObj("info", 4);
    objv[1] = Tcl_NewStringObj("vars", 4);
    Tcl_DStringInit(&pattern);
    GlobQuote(&pattern, nsName);
    if (!global) {
	Tcl_DStringAppend(&pattern, "::", 2);
    }
    Tcl_DStringAppend(&pattern, "*", 1);
    objv[2] = Tcl_NewStringObj(Tcl_DStringValue(&pattern), -1);
    Tcl_DStringFree(&pattern);
    for (i = 0; i < 3; i++) {
	Tcl_IncrRefCount(objv[i]);
    }
    if (TkleakCallCore(ctxPtr, "::info", 3, objv, &listPtr) == TCL_OK) {
	if (Tcl_ListObjGetElements(NULL, listPtr, &n, &elems) == TCL_OK) {
	    /*
	     * "info vars" also lists variables declared without a value;
	     * "info exists" could tell them apart but fires read traces, so
	     * the public path counts them.
	     */

	    for (i = 0; i < n; i++) {
		TkleakAddFixed(ctxPtr, TT_VARIABLE, Tcl_GetString(elems[i]),
			(size_t) elems[i]->length, TkleakVarBytes(NULL, NULL,
			    (size_t) elems[i]->length));
		TkleakNoteTraced(ctxPtr, 'v', elems[i]->bytes,
			(size_t) elems[i]->length, NULL, 0);
	    }
	}
	Tcl_DecrRefCount(listPtr);
    }
    for (i = 0; i < 3; i++) {
	Tcl_DecrRefCount(objv[i]);
    }
    return 1;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakPublicWindows --
 *
 *	Count TKWIN and every window below it, depth first, each one's
 *	children in the order "winfo children" gives.
 *
 * Results:
 *	None.
 *
 * Side effects:
 *	The census gets the windows and their bind tags; "winfo children"
 *	and "bindtags" run through their C procedures. The interpreter's
 *	result is reset.
 *
 *----------------------------------------------------------------------
 */

void
TkleakPublicWindows(
    TkleakCollect *ctxPtr,
    Tk_Window tkwin)
{
    NameStack stack = {NULL, 0, 0};
    Tcl_Obj *rootPtr = Tcl_NewStringObj(Tk_PathName(tkwin), -1);

    PushNames(&stack, 1, &rootPtr);
    while (stack.num > 0) {
	Tcl_Obj *pathPtr = stack.items[--stack.num];
	Tk_Window child = Tk_NameToWindow(ctxPtr->interp,
		Tcl_GetString(pathPtr), tkwin);

	if (child != NULL && PublicOneWindow(ctxPtr, child)) {
	    PushChildNames(ctxPtr, &stack, "::winfo", "children", pathPtr);
	}
	Tcl_DecrRefCount(pathPtr);
    }
    Tcl_Free((char *) stack.items);
}

/*
 * PublicOneWindow --
 *
 *	Count TKWIN and the bind tags it uses. Returns 1 when its children
 *	are to be counted too, else 0.
 */

static int
PublicOneWindow(
    TkleakCollect *ctxPtr,
    Tk_Window tkwin)
{
    Tcl_Obj *listPtr, **elems;
    const char *words[2];
    int i;
    Tcl_Size n;

    if (!TkleakCountWindow(ctxPtr, tkwin)) {
	return 0;
    }
    words[0] = "bindtags";
    words[1] = Tk_PathName(tkwin);
    if (TkleakCallCoreList(ctxPtr, "::bindtags", 2, words, &listPtr, &n,
	    &elems) == TCL_OK) {
	/*
	 * Not TkleakAddTag: these strings are freed with the list, so
	 * their addresses say nothing about the next window's tags.
	 */

	for (i = 0; i < n; i++) {
	    const char *tag = Tcl_GetString(elems[i]);
	    int isNew;

	    if (!TkleakIsOwnWindow(tag)) {
		Tcl_CreateHashEntry(&ctxPtr->tags, tag, &isNew);
	    }
	}
	Tcl_DecrRefCount(listPtr);
    }
    return 1;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakPublicImages --
 *
 *	Count every image "image names" lists, through its C procedure.
 *
 * Results:
 *	None.
 *
 * Side effects:
 *	The census gets the images; the interpreter's result is reset.
 *
 *----------------------------------------------------------------------
 */

void
TkleakPublicImages(
    TkleakCollect *ctxPtr)
{
    Tcl_Obj *listPtr, **elems;
    const char *words[2];
    int i;
    Tcl_Size n;

    words[0] = "image";
    words[1] = "names";
    if (TkleakCallCoreList(ctxPtr, "::image", 2, words, &listPtr, &n, &elems)
	    != TCL_OK) {
	return;
    }
    for (i = 0; i < n; i++) {
	TkleakCountImage(ctxPtr, Tcl_GetString(elems[i]));
    }
    Tcl_DecrRefCount(listPtr);
}
