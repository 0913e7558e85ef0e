/*
 * sizes.c --
 *
 *	What an object of a census holds in the process, in bytes: the
 *	"total size" column, read as pympler's is, as memory. Each size is
 *	the sum of the blocks the object's records take, each block as
 *	Tcl's allocator rounds it (TkleakAllocBytes), plus its string and
 *	value objects.
 *
 * Notes on implementation:
 *
 *	Tcl and Tk allocate through Tcl_Alloc. In a threaded Tcl 8.6 (every
 *	Linux distribution's) that is the "zippy" allocator of
 *	tclThreadAlloc.c: it carves blocks of 32, 64, ... 16384 bytes out
 *	of 16 KB pieces of malloc, and puts a 16-byte header before each
 *	block holding the size asked for. malloc_usable_size cannot be
 *	asked about such a block (it is not malloc's), but the header can
 *	be read: for records of varying size that tkleak reaches (a
 *	widget's record, a proc's bytecode, a photo's pixels) the size is
 *	the allocator's own, read from the header after checking its magic
 *	bytes (TkleakHeldBytes). Whether Tcl_Alloc is zippy is learned once
 *	from a block tkleak allocates itself (TkleakSizesInit); otherwise
 *	Tcl_Alloc is taken to be malloc, and malloc's rounding is used
 *	(malloc_usable_size is not asked: were Tcl_Alloc some other
 *	allocator, it would read a header that is not there).
 *
 *	Records of a fixed size are sizeof the struct where the private
 *	headers declare it (Command, Proc, Var, TkWindow, PhotoMaster);
 *	without them (or on a Tcl other than 8.6) the sizes they have on
 *	Tcl/Tk 8.6 for 64-bit Linux are used, and what only a private
 *	record tells (bytecode, a widget's own record) is an estimate.
 *
 *	Everything here only reads: no object gets a string form or another
 *	type, nothing allocates, nothing runs a script. The namespace worker
 *	(namespaces.c) calls TkleakVarBytes and TkleakProcBytes on its thread.
 *
 * Copyright (c) 2026 the tkleak developers. See the file "LICENSE".
 */

#include "config.h"
#ifdef TKLEAK_PRIVATE
#include "tclInt.h"
#include "tclCompile.h"
#include "tkInt.h"
#include "tkImgPhoto.h"
#include "tclOOInt.h"
#endif
#include <string.h>
#include "tkleakInt.h"

/*
 * Sizes of Tcl's and Tk's records on Tcl/Tk 8.6, 64-bit, for a build
 * without the private headers.
 */

#ifdef TKLEAK_PRIVATE
#define COMMAND_SIZE	sizeof(Command)
#define PROC_SIZE	sizeof(Proc)
#define LOCAL_SIZE	sizeof(CompiledLocal)
#define VAR_SIZE	sizeof(VarInHash)
#define VARTABLE_SIZE	sizeof(TclVarHashTable)
#define WINDOW_SIZE	sizeof(TkWindow)
#define HANDLER_SIZE	sizeof(TkEventHandler)
#define PHOTO_SIZE	sizeof(PhotoMaster)
#define INSTANCE_SIZE	sizeof(PhotoInstance)
#define NAMESPACE_SIZE	sizeof(Namespace)
#define OBJECT_SIZE	sizeof(Object)
#else
#define COMMAND_SIZE	112
#define PROC_SIZE	56
#define LOCAL_SIZE	40
#define VAR_SIZE	64
#define VARTABLE_SIZE	120
#define WINDOW_SIZE	432
#define HANDLER_SIZE	32
#define PHOTO_SIZE	128
#define INSTANCE_SIZE	152
#define NAMESPACE_SIZE	448
#define OBJECT_SIZE	176
#endif

/*
 * Records no header declares, estimated from Tcl's and Tk's sources:
 * Tk's image master (tkImage.c), a binding's pattern sequence and its
 * table entries (tkBind.c), an after event and its timer (tclTimer.c),
 * a variable trace and its command (tclTrace.c), a widget's own record
 * and event handlers when they cannot be read.
 */

#define IMAGE_MASTER_SIZE	72
#define PATSEQ_SIZE		96
#define AFTER_SIZE		56
#define TIMER_SIZE		48
#define TRACE_SIZE		40
#define TRACE_INFO_SIZE		48
#define RECORD_GUESS		512
#define HANDLERS_GUESS		2
#define GEOM_SIZE		112

/*
 * What the allocator is: learned once by TkleakSizesInit.
 */

#define ZIPPY_HEADER	16	/* sizeof(Block) in tclThreadAlloc.c. */
#define ZIPPY_MAGIC	0xEF
#define ZIPPY_MIN	32
#define ZIPPY_MAX	16384

static int zippy = -1;		/* Tcl_Alloc is the zippy allocator. */
static int readPrivate;		/* The private records may be read. */
static const Tcl_ObjType *listType, *byteCodeType;
static size_t commandBlock, procBlock, varBlock, windowBlock;
				/* The blocks of the records a census sizes
				 * most often, worked out once. */

static inline size_t	Block(size_t request);

/*
 * Under AddressSanitizer the bytes before a block of malloc's are a
 * poisoned redzone: they are asked about before they are read.
 */

extern void *__asan_region_is_poisoned(void *beg, size_t size)
	__attribute__((weak));

/*
 *----------------------------------------------------------------------
 *
 * TkleakSizesInit --
 *
 *	Learn which allocator Tcl_Alloc is, from a block of tkleak's own,
 *	and the object types sizes look into. Called at package load, on
 *	the main thread, before any census (the namespace worker only
 *	reads what this sets).
 *
 * Results:
 *	None.
 *
 * Side effects:
 *	Allocates and frees one block.
 *
 *----------------------------------------------------------------------
 */

void
TkleakSizesInit(void)
{
    unsigned char *p;
    size_t req;
    int major, minor;

    if (zippy >= 0) {
	return;
    }
    p = (unsigned char *) Tcl_Alloc(40);
    if (__asan_region_is_poisoned != NULL
	    && __asan_region_is_poisoned(p - ZIPPY_HEADER, ZIPPY_HEADER)) {
	zippy = 0;
    } else {
	memcpy(&req, p - sizeof(size_t), sizeof(size_t));
	zippy = (p[-ZIPPY_HEADER] == ZIPPY_MAGIC
		&& p[-ZIPPY_HEADER + 3] == ZIPPY_MAGIC && req == 40);
    }
    Tcl_Free((char *) p);
    listType = Tcl_GetObjType("list");
    byteCodeType = Tcl_GetObjType("bytecode");
    Tcl_GetVersion(&major, &minor, NULL, NULL);
#ifdef TKLEAK_PRIVATE
    readPrivate = (major == 8 && minor == 6);
#else
    readPrivate = 0;
#endif
    commandBlock = Block(COMMAND_SIZE);
    procBlock = Block(PROC_SIZE);
    varBlock = Block(VAR_SIZE);
    windowBlock = Block(WINDOW_SIZE);
}

/*
 * Block --
 *
 *	The heap a block of REQUEST bytes from Tcl_Alloc takes: the zippy
 *	allocator's power-of-two block with its header (a block past 16 KB
 *	is malloc's), or malloc's chunk. Inline: a census asks it a few
 *	times an object.
 */

static inline size_t
Block(
    size_t request)
{
    size_t n;

    if (zippy > 0) {
	request += ZIPPY_HEADER;
	if (request <= ZIPPY_MIN) {
	    return ZIPPY_MIN;
	}
	if (request <= ZIPPY_MAX) {
	    return (size_t) 1 << (8 * sizeof(unsigned long)
		    - (size_t) __builtin_clzl((unsigned long) request - 1));
	}
    }
    n = (request + sizeof(size_t) + 15) & ~(size_t) 15;
    return n < 32 ? 32 : n;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakAllocBytes --
 *
 *	The heap a block of REQUEST bytes from Tcl_Alloc takes (Block).
 *
 *----------------------------------------------------------------------
 */

size_t
TkleakAllocBytes(
    size_t request)
{
    return Block(request);
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakHeldBytes --
 *
 *	The heap the block at PTR (from Tcl_Alloc) takes, as the zippy
 *	allocator's header says, or TkleakAllocBytes(GUESS) when it cannot
 *	be read. 0 for NULL.
 *
 *----------------------------------------------------------------------
 */

size_t
TkleakHeldBytes(
    const void *ptr,
    size_t guess)
{
    const unsigned char *p = ptr;
    size_t req;

    if (p == NULL) {
	return 0;
    }
    if (zippy > 0 && (__asan_region_is_poisoned == NULL
	    || !__asan_region_is_poisoned((void *) (p - ZIPPY_HEADER),
		ZIPPY_HEADER))) {
	memcpy(&req, p - sizeof(size_t), sizeof(size_t));
	if (p[-ZIPPY_HEADER] == ZIPPY_MAGIC
		&& p[-ZIPPY_HEADER + 3] == ZIPPY_MAGIC
		&& req < ((size_t) 1 << 31)) {
	    return Block(req);
	}
    }
    return Block(guess);
}

/*
 * StringBytes --
 *
 *	A string of LEN bytes and its NUL; the empty string of an object is
 *	Tcl's shared one. Strings are counted as long as they are, not as
 *	the allocator rounds them (Tcl gives a string that is appended to
 *	room to grow anyway), so that a string that grows a little each
 *	time grows the bytes as much, which leaktest's rate of bytes reads.
 */

static size_t
StringBytes(
    size_t len)
{
    return len ? len + 1 : 0;
}

/*
 * EntryBytes --
 *
 *	A hash table entry with a string key of LEN bytes.
 */

static size_t
EntryBytes(
    size_t len)
{
    return Block(sizeof(Tcl_HashEntry) + len + 1
	    - sizeof(((Tcl_HashEntry *) NULL)->key));
}

/*
 * SAMPLE: the elements of a list read at most; the rest are taken to be
 * like them, so that a census stays linear in the number of objects.
 */

#define SAMPLE 64

/*
 *----------------------------------------------------------------------
 *
 * TkleakValueBytes --
 *
 *	What the value OBJPTR holds: the object and its string or, for a
 *	list with no string, its element array and elements (the first
 *	SAMPLE read, the others taken to be like them). 0 for NULL. A
 *	string that is also a list counts as the string alone: its bytes do
 *	not change when code reads it as a list. A value held in several places
 *	counts in full in each: a share by reference count would change the
 *	bytes of one object whenever another takes or drops the value, and
 *	a diff would show types that did not change.
 *
 *----------------------------------------------------------------------
 */

size_t
TkleakValueBytes(
    Tcl_Obj *objPtr)
{
    size_t n;

    if (objPtr == NULL) {
	return 0;
    }
    n = sizeof(Tcl_Obj);
    if (objPtr->bytes != NULL && objPtr->length > 0) {
	n += StringBytes((size_t) objPtr->length);
    }
#ifdef TKLEAK_PRIVATE
    if (readPrivate && objPtr->bytes == NULL && listType != NULL
	    && objPtr->typePtr == listType
	    && objPtr->internalRep.twoPtrValue.ptr1 != NULL) {
	List *listPtr = objPtr->internalRep.twoPtrValue.ptr1;
	Tcl_Obj **elems = &listPtr->elements;
	int count = listPtr->elemCount, i, read = count;
	size_t sum = 0;

	n += Block(sizeof(List)
		+ (size_t) listPtr->maxElemCount * sizeof(Tcl_Obj *));
	if (read > SAMPLE) {
	    read = SAMPLE;
	}
	for (i = 0; i < read; i++) {
	    Tcl_Obj *elemPtr = elems[i];
	    size_t e = sizeof(Tcl_Obj);

	    if (elemPtr->bytes != NULL && elemPtr->length > 0) {
		e += StringBytes((size_t) elemPtr->length);
	    }
	    sum += e;
	}
	if (read > 0) {
	    n += sum / (size_t) read * (size_t) count;
	}
    }
#endif
    return n;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakCommandBytes --
 *
 *	A command's record and its entry in its namespace's table, for a
 *	command named NAMELEN bytes (its tail).
 *
 *----------------------------------------------------------------------
 */

size_t
TkleakCommandBytes(
    size_t nameLen)
{
    return commandBlock + EntryBytes(nameLen);
}

#ifdef TKLEAK_PRIVATE
/*
 * LibraryNamespace --
 *
 *	Whether NSPTR is one of Tcl's or Tk's own library namespaces (::tcl,
 *	::tk, ::ttk, ::msgcat and those below them). Their procs compile on
 *	first use, tkleak's own use included (an expr's min() compiles
 *	::tcl::mathfunc::min, a clock format the ::tcl::clock procs): their
 *	bytecode is left out, or a census after tkleak's own work would show
 *	bytes the app did not add.
 */

static int
LibraryNamespace(
    Namespace *nsPtr)
{
    static const char *const libs[] = {"::tcl", "::tk", "::ttk", "::msgcat",
	NULL};
    const char *name = nsPtr ? nsPtr->fullName : NULL;
    int i;

    if (name == NULL) {
	return 0;
    }
    for (i = 0; libs[i] != NULL; i++) {
	size_t len = strlen(libs[i]);

	if (strncmp(name, libs[i], len) == 0
		&& (name[len] == '\0' || name[len] == ':')) {
	    return 1;
	}
    }
    return 0;
}
#endif

/*
 *----------------------------------------------------------------------
 *
 * TkleakProcBytes --
 *
 *	What the proc of command TOKEN holds besides its command record:
 *	its Proc, its compiled locals, its body and, once called, its
 *	bytecode (the block the allocator gave it) and its local variable
 *	cache (not for Tcl's and Tk's own procs, which count their
 *	arguments as their only locals: LibraryNamespace). Literals
 *	are shared with other code through the interp's literal table and are
 *	not counted. Without the private headers, the Proc alone.
 *
 *----------------------------------------------------------------------
 */

size_t
TkleakProcBytes(
    Tcl_Command token)
{
#ifdef TKLEAK_PRIVATE
    if (readPrivate) {
	Proc *procPtr = ((Command *) token)->objClientData;
	Tcl_Obj *bodyPtr;
	size_t n;
	int lib;

	if (procPtr == NULL) {
	    return procBlock;
	}

	/*
	 * Compiling adds the locals that are not arguments: a library
	 * proc counts its arguments only.
	 */

	lib = LibraryNamespace(((Command *) token)->nsPtr);
	n = procBlock + (size_t) (lib ? procPtr->numArgs
		: procPtr->numCompiledLocals) * Block(LOCAL_SIZE + 8);
	bodyPtr = procPtr->bodyPtr;
	if (bodyPtr != NULL) {
	    n += TkleakValueBytes(bodyPtr);
	    if (byteCodeType != NULL && bodyPtr->typePtr == byteCodeType
		    && !lib) {
		ByteCode *codePtr = bodyPtr->internalRep.twoPtrValue.ptr1;

		if (codePtr != NULL) {
		    n += TkleakHeldBytes(codePtr, codePtr->structureSize)
			    + Block(sizeof(LocalCache) + (size_t)
				procPtr->numCompiledLocals * sizeof(Tcl_Obj *));
		}
	    }
	}
	return n;
    }
#endif
    (void) token;
    return procBlock;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakVarBytes --
 *
 *	What a global or namespace variable or array element holds: its
 *	Var (in its table's entry), its name object KEYPTR, its value, and
 *	for an array its table (not its bucket array, which grows with the
 *	elements: an array that only gains elements is their leak, not its
 *	own). VARPTR is a Var from the private walk, or
 *	NULL (the public walk, which reads no value): then the Var and the
 *	name alone.
 *
 *----------------------------------------------------------------------
 */

size_t
TkleakVarBytes(
    void *varPtr,
    Tcl_Obj *keyPtr,
    size_t keyLen)
{
    size_t n = varBlock;

    /*
     * The name object is often a literal of the app's code: its type
     * changes as the code uses it, and is not the variable's.
     */

    if (keyPtr != NULL) {
	keyLen = keyPtr->bytes ? (size_t) keyPtr->length : 0;
    }
    n += sizeof(Tcl_Obj) + StringBytes(keyLen);
#ifdef TKLEAK_PRIVATE
    if (readPrivate && varPtr != NULL) {
	Var *vPtr = varPtr;

	if (TclIsVarArray(vPtr)) {
	    if (vPtr->value.tablePtr != NULL) {
		n += Block(VARTABLE_SIZE);
	    }
	} else if (!TclIsVarLink(vPtr)) {
	    n += TkleakValueBytes(vPtr->value.objPtr);
	}
    }
#else
    (void) varPtr;
#endif
    return n;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakWindowBytes --
 *
 *	What the window TKWIN holds in the process: Tk's TkWindow, its
 *	entries in the path and window tables, the widget's own record
 *	(its option values' slots, its text, its state: the block the
 *	allocator gave it), its widget command, its event handlers (two)
 *	and its geometry manager's record (pack's size). What the X server keeps for it is not
 *	in the process. Without the private headers, estimates.
 *
 *----------------------------------------------------------------------
 */

size_t
TkleakWindowBytes(
    Tk_Window tkwin)
{
    const char *path = Tk_PathName(tkwin);
    size_t pathLen = path ? strlen(path) : 0;
    size_t n = windowBlock + EntryBytes(pathLen)
	    + EntryBytes(0) + TkleakCommandBytes(pathLen);

#ifdef TKLEAK_PRIVATE
    if (readPrivate) {
	TkWindow *winPtr = (TkWindow *) tkwin;

	/*
	 * The handlers and the geometry record are estimated, not read:
	 * following them would cost a census a cache miss each.
	 */

	n += TkleakHeldBytes(winPtr->instanceData, RECORD_GUESS)
		+ (winPtr->handlerList != NULL
		    ? HANDLERS_GUESS * Block(HANDLER_SIZE) : 0)
		+ (winPtr->geomMgrPtr != NULL ? Block(GEOM_SIZE) : 0);
	return n;
    }
#endif
    return n + Block(RECORD_GUESS)
	    + HANDLERS_GUESS * Block(HANDLER_SIZE);
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakImageBytes --
 *
 *	What the image NAME of type TYPEPTR holds: Tk's image master, its
 *	entry in the image table, its command, and for a photo its master
 *	record, its pixel block (4 bytes a pixel, the block the allocator
 *	gave it) and its instances (one a display and colormap showing it,
 *	each with its dithering error block).
 *
 *----------------------------------------------------------------------
 */

size_t
TkleakImageBytes(
    Tcl_Interp *interp,
    const Tk_ImageType *typePtr,
    const char *name)
{
    size_t nameLen = strlen(name);
    size_t n = Block(IMAGE_MASTER_SIZE) + EntryBytes(nameLen)
	    + TkleakCommandBytes(nameLen);
    Tk_PhotoHandle photo;
    Tk_PhotoImageBlock block;

    if (strcmp(typePtr->name, "photo") != 0
	    || (photo = Tk_FindPhoto(interp, name)) == NULL) {
	return n;
    }
    n += Block(PHOTO_SIZE);
    if (Tk_PhotoGetImage(photo, &block) && block.pixelPtr != NULL) {
	n += TkleakHeldBytes(block.pixelPtr,
		(size_t) block.pitch * (size_t) block.height);
    }
#ifdef TKLEAK_PRIVATE
    if (readPrivate) {
	PhotoInstance *instPtr;
	int i = 0;

	for (instPtr = ((PhotoMaster *) photo)->instancePtr;
		instPtr != NULL && i < 64; instPtr = instPtr->nextPtr, i++) {
	    n += Block(INSTANCE_SIZE) + TkleakHeldBytes(
		    instPtr->error, (size_t) instPtr->width
		    * (size_t) instPtr->height * 3);
	}
    }
#endif
    return n;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakBindingBytes, TkleakAfterBytes, TkleakTraceBytes --
 *
 *	A binding: its script of SCRIPTLEN bytes, its pattern sequence and
 *	its entries in the binding table. An after event: its record, its
 *	timer and its script object. A trace: its record and the one that
 *	holds its command of CMDLEN bytes.
 *
 *----------------------------------------------------------------------
 */

size_t
TkleakBindingBytes(
    size_t scriptLen)
{
    return StringBytes(scriptLen) + Block(PATSEQ_SIZE)
	    + 2 * EntryBytes(sizeof(void *));
}

size_t
TkleakAfterBytes(
    Tcl_Obj *scriptPtr)
{
    return Block(AFTER_SIZE) + Block(TIMER_SIZE)
	    + TkleakValueBytes(scriptPtr);
}

size_t
TkleakTraceBytes(
    size_t cmdLen)
{
    return Block(TRACE_SIZE)
	    + Block(TRACE_INFO_SIZE + cmdLen + 1);
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakNamespaceBytes, TkleakObjectBytes --
 *
 *	A namespace named NAMELEN bytes (fully qualified): its record, its
 *	name and full name, and its entry in its parent's table. A TclOO
 *	object: its record and its namespace (its command is counted by
 *	the caller); its methods and variables are not counted.
 *
 *----------------------------------------------------------------------
 */

size_t
TkleakNamespaceBytes(
    size_t nameLen)
{
    return Block(NAMESPACE_SIZE) + 2 * StringBytes(nameLen)
	    + EntryBytes(nameLen);
}

size_t
TkleakObjectBytes(
    size_t nameLen)
{
    return Block(OBJECT_SIZE) + TkleakNamespaceBytes(nameLen);
}
