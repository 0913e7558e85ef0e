/*
 * pycallable.c --
 *
 *	tkleak::pycallable: which Python callable each tkinter callback
 *	wrapper calls (its qualified name, module, the file and line of its
 *	def, and the class of what a bound method is bound to or a closure
 *	closes over), read from C, so that the panel shows it in any
 *	tkinter app, also one that loaded tkleak with "package require"
 *	and never imported the tkleak module.
 *
 *	Notes on implementation:
 *
 *	tkinter makes a wrapper with Tcl_CreateCommand (3.6's _tkinter) or
 *	Tcl_CreateObjCommand (later ones; the client data is taken from
 *	whichever Tcl_GetCommandInfo says is native) whose client data is
 *	_tkinter's
 *	PythonCmd_ClientData, in every Python 3 (3.6 to 3.13) the two
 *	pointers {self, func}: the tkapp object and the bound method
 *	CallWrapper.__call__ that tkinter registered, whose __self__ (a
 *	tkinter.CallWrapper) holds the app's callable in its "func"
 *	attribute. The wrapper's command procedure lies in _tkinter's shared
 *	object (collect.c's "command tkinter"), and _tkinter makes no other
 *	Tcl commands, so its client data is that struct.
 *
 *	The reads are made under the GIL (PyGILState_Ensure, as origin.c
 *	does for frames), through Python's C API found with dlsym, and run
 *	no Python code: tkinter's saved thread state (see pygc.c) stays as
 *	it is because nothing can call back into Tcl. Each read, and why it
 *	cannot run the app's code:
 *
 *	- Types are compared by identity (PyObject_Type) with the type
 *	  objects found by dlsym: PyMethod_Type, PyFunction_Type,
 *	  PyCFunction_Type (and 3.9's PyCMethod_Type), PyCode_Type,
 *	  PyCell_Type, PyUnicode_Type. Subclasses do not count: exact
 *	  types only, whose attributes are C getters of Python's own.
 *	- A bound method's __self__ and __func__: PyMethod_Self and
 *	  PyMethod_Function, struct reads.
 *	- A function's code, module, closure, defaults and keyword
 *	  defaults: PyFunction_GetCode, PyFunction_GetModule,
 *	  PyFunction_GetClosure, PyFunction_GetDefaults,
 *	  PyFunction_GetKwDefaults, struct reads; a cell's content:
 *	  PyCell_Get; a builtin's __self__: PyCFunction_GetSelf.
 *	- A function's __qualname__, a builtin's __qualname__ and
 *	  __module__, a code object's co_filename, co_firstlineno and (on
 *	  3.6 to 3.10, where it is a plain member) co_freevars: attributes
 *	  of those exact builtin types, whose class attribute is a member
 *	  or a getset descriptor of Python's own that reads a field. A
 *	  builtin's __qualname__ asks its bound object's class for its
 *	  __qualname__, so it is read only when that class's metaclass is
 *	  exactly "type" (or the object is a module, or none).
 *	- A class's __qualname__ and __module__ (the class of a bound
 *	  self, of a closure's value, the CallWrapper's): only when the
 *	  class's metaclass is exactly "type", whose getters read the
 *	  type's name fields and, for __module__ of a class made by a class
 *	  statement, its own dict; a dict looked up with a string key runs
 *	  no code unless it holds a key that is not a string whose hash
 *	  equals that string's (a class statement makes only string keys).
 *	  Other classes are named by their tp_name alone (a struct read).
 *	- CallWrapper's "func": the instance's own attribute, read only
 *	  when its class is named tkinter.CallWrapper, its metaclass is
 *	  "type", it gets attributes the generic way (no __getattr__ or
 *	  __getattribute__: its tp_getattro is PyObject_GenericGetAttr)
 *	  and no class of its MRO has an attribute "func" (_PyType_Lookup
 *	  finds none, so no descriptor runs): the read is a lookup in the
 *	  instance's attributes.
 *	- Strings are copied out through PyUnicode_AsEncodedString(s,
 *	  "utf-8", "backslashreplace"), which Python does in C and which
 *	  cannot fail.
 *
 *	Nothing made survives the call and no reference count changes
 *	after it: the new references taken (attributes, cell contents,
 *	the types) are dropped before the GIL is released, and they are
 *	references to objects that others hold, so dropping them frees
 *	nothing; the only objects made are strings, bytes and integers,
 *	which the cycle collector does not track (so no collection, which
 *	would run finalizers, can start), freed before the call returns.
 *	Attribute names are interned strings Python already has.
 *
 *	What the C side leaves to the tkleak module: functools.partial
 *	(named as a callable object, functools.partial.__call__), and
 *	from Python 3.11 on, where reading co_freevars makes a tuple, the
 *	preference for a closure's cell named "self" (the first closure
 *	cell, default or keyword default holding an instance of the app's
 *	class is taken instead).
 *
 * Copyright (c) 2026 the tkleak developers. See the file "LICENSE".
 */

#define _GNU_SOURCE
#include "config.h"
#include <dlfcn.h>
#include <string.h>
#include "tkleakInt.h"

typedef void PyObj;			/* A PyObject. */

/*
 * The part of Python's C API used here, found with dlsym.
 */

typedef struct PyCallApi {
    int state;			/* 0 not looked up, 1 usable, -1 absent. */
    int (*isInitialized)(void);
    void *(*getThisThreadState)(void);
    int (*ensure)(void);
    void (*release)(int);
    PyObj *(*errOccurred)(void);
    void (*errClear)(void);
    void (*incRef)(PyObj *);
    void (*decRef)(PyObj *);
    PyObj *(*objectType)(PyObj *);
    PyObj *(*getAttr)(PyObj *, PyObj *);
    int (*lookupAttr)(PyObj *, PyObj *, PyObj **);	/* 3.7 on. */
    PyObj *(*intern)(const char *);
    PyObj *(*encode)(PyObj *, const char *, const char *);
    char *(*bytesAsString)(PyObj *);
    long (*longAsLong)(PyObj *);
    PyObj *(*methodSelf)(PyObj *);
    PyObj *(*methodFunction)(PyObj *);
    PyObj *(*funcCode)(PyObj *);
    PyObj *(*funcModule)(PyObj *);
    PyObj *(*funcClosure)(PyObj *);
    PyObj *(*funcDefaults)(PyObj *);
    PyObj *(*funcKwDefaults)(PyObj *);
    PyObj *(*cfuncSelf)(PyObj *);
    PyObj *(*cellGet)(PyObj *);
    long (*tupleSize)(PyObj *);
    PyObj *(*tupleItem)(PyObj *, long);
    int (*dictNext)(PyObj *, long *, PyObj **, PyObj **);
    int (*isSubtype)(PyObj *, PyObj *);
    unsigned long (*typeFlags)(PyObj *);
    void *(*typeSlot)(PyObj *, int);
    PyObj *(*typeLookup)(PyObj *, PyObj *);
    int (*compareAscii)(PyObj *, const char *);
    void *genericGetAttr;
    PyObj *methodType, *functionType, *cfunctionType, *cmethodType;
    PyObj *codeType, *cellType, *typeType, *moduleType, *unicodeType;
    PyObj *tupleType, *dictType, *memberDescrType;
    PyObj *sQualname, *sModule, *sFunc, *sFilename, *sFirstLine;
    PyObj *sFreevars;
} PyCallApi;

static PyCallApi api;
TCL_DECLARE_MUTEX(apiMutex)

#define TP_FLAGS_HEAPTYPE (1UL << 9)	/* Py_TPFLAGS_HEAPTYPE */
#define TP_SLOT_GETATTRO 58		/* Py_tp_getattro, typeslots.h */

/*
 * Sym --
 *
 *	A symbol of the process, or NULL.
 */

static void *
Sym(
    const char *name)
{
    return dlsym(RTLD_DEFAULT, name);
}

/*
 * LookUpApi --
 *
 *	Finds Python's C API in the process, once. The attribute names are
 *	interned here, under the GIL, only once Python runs: they are
 *	names Python interned when it made its own types, so interning
 *	returns those.
 */

static void
LookUpApi(void)
{
    Tcl_MutexLock(&apiMutex);
    if (api.state == 0) {
#define GET(field, name) *(void **) &api.field = Sym(name)
	GET(isInitialized, "Py_IsInitialized");
	GET(getThisThreadState, "PyGILState_GetThisThreadState");
	GET(ensure, "PyGILState_Ensure");
	GET(release, "PyGILState_Release");
	GET(errOccurred, "PyErr_Occurred");
	GET(errClear, "PyErr_Clear");
	GET(incRef, "Py_IncRef");
	GET(decRef, "Py_DecRef");
	GET(objectType, "PyObject_Type");
	GET(getAttr, "PyObject_GetAttr");
	GET(lookupAttr, "PyObject_GetOptionalAttr");
	if (api.lookupAttr == NULL) {
	    GET(lookupAttr, "_PyObject_LookupAttr");
	}
	GET(intern, "PyUnicode_InternFromString");
	GET(encode, "PyUnicode_AsEncodedString");
	GET(bytesAsString, "PyBytes_AsString");
	GET(longAsLong, "PyLong_AsLong");
	GET(methodSelf, "PyMethod_Self");
	GET(methodFunction, "PyMethod_Function");
	GET(funcCode, "PyFunction_GetCode");
	GET(funcModule, "PyFunction_GetModule");
	GET(funcClosure, "PyFunction_GetClosure");
	GET(funcDefaults, "PyFunction_GetDefaults");
	GET(funcKwDefaults, "PyFunction_GetKwDefaults");
	GET(cfuncSelf, "PyCFunction_GetSelf");
	GET(cellGet, "PyCell_Get");
	GET(tupleSize, "PyTuple_Size");
	GET(tupleItem, "PyTuple_GetItem");
	GET(dictNext, "PyDict_Next");
	GET(isSubtype, "PyType_IsSubtype");
	GET(typeFlags, "PyType_GetFlags");
	GET(typeSlot, "PyType_GetSlot");
	GET(typeLookup, "_PyType_Lookup");
	GET(compareAscii, "PyUnicode_CompareWithASCIIString");
	GET(genericGetAttr, "PyObject_GenericGetAttr");
	GET(methodType, "PyMethod_Type");
	GET(functionType, "PyFunction_Type");
	GET(cfunctionType, "PyCFunction_Type");
	GET(cmethodType, "PyCMethod_Type");
	GET(codeType, "PyCode_Type");
	GET(cellType, "PyCell_Type");
	GET(typeType, "PyType_Type");
	GET(moduleType, "PyModule_Type");
	GET(unicodeType, "PyUnicode_Type");
	GET(tupleType, "PyTuple_Type");
	GET(dictType, "PyDict_Type");
	GET(memberDescrType, "PyMemberDescr_Type");
#undef GET

	/*
	 * Builds whose object header is not {refcount, type} (debug
	 * builds tracing references, free-threaded 3.13t) are left alone.
	 */

	api.state = (api.isInitialized && api.getThisThreadState
		&& api.ensure && api.release && api.errOccurred
		&& api.errClear && api.incRef && api.decRef && api.objectType
		&& api.getAttr && api.intern && api.encode
		&& api.bytesAsString && api.longAsLong && api.methodSelf
		&& api.methodFunction && api.funcCode && api.funcModule
		&& api.funcClosure && api.funcDefaults && api.funcKwDefaults
		&& api.cfuncSelf && api.cellGet && api.tupleSize
		&& api.tupleItem && api.dictNext && api.isSubtype
		&& api.typeFlags && api.typeSlot && api.typeLookup
		&& api.compareAscii && api.genericGetAttr && api.methodType
		&& api.functionType && api.cfunctionType && api.codeType
		&& api.cellType && api.typeType && api.moduleType
		&& api.unicodeType && api.tupleType && api.dictType
		&& api.memberDescrType
		&& Sym("_Py_ForgetReference") == NULL
		&& Sym("_Py_DecRefShared") == NULL) ? 1 : -1;
    }
    Tcl_MutexUnlock(&apiMutex);
}

/*
 * InternNames --
 *
 *	The attribute names, once, under the GIL, when a tkinter wrapper
 *	is first read (so tkinter's code has interned "func"). Returns 0
 *	when Python could not make them.
 */

static int
InternNames(void)
{
    if (api.sFreevars != NULL) {
	return 1;
    }
    api.sQualname = api.intern("__qualname__");
    api.sModule = api.intern("__module__");
    api.sFunc = api.intern("func");
    api.sFilename = api.intern("co_filename");
    api.sFirstLine = api.intern("co_firstlineno");
    api.sFreevars = api.intern("co_freevars");
    if (!api.sQualname || !api.sModule || !api.sFunc || !api.sFilename
	    || !api.sFirstLine || !api.sFreevars) {
	api.errClear();
	api.sFreevars = NULL;
	return 0;
    }
    return 1;
}

/*
 * TypeOf --
 *
 *	The type of O, borrowed: O holds it.
 */

static PyObj *
TypeOf(
    PyObj *o)
{
    PyObj *t = api.objectType(o);

    api.decRef(t);
    return t;
}

/*
 * Is --
 *
 *	Whether O's type is exactly T (NULL never is).
 */

static int
Is(
    PyObj *o,
    PyObj *t)
{
    return o != NULL && t != NULL && TypeOf(o) == t;
}

/*
 * Attr --
 *
 *	Attribute NAME of O, a new reference, or NULL (no error left set).
 *	Callers have made sure the read runs no Python code (see the notes
 *	above).
 */

static PyObj *
Attr(
    PyObj *o,
    PyObj *name)
{
    PyObj *v = NULL;

    if (api.lookupAttr != NULL) {
	if (api.lookupAttr(o, name, &v) < 0) {
	    v = NULL;
	}
    } else {
	v = api.getAttr(o, name);
    }
    if (v == NULL && api.errOccurred()) {
	api.errClear();
    }
    return v;
}

/*
 * AppendString --
 *
 *	Appends the UTF-8 of S to DSPTR when S is exactly a str, and
 *	returns whether it was.
 */

static int
AppendString(
    Tcl_DString *dsPtr,
    PyObj *s)
{
    PyObj *b;

    if (!Is(s, api.unicodeType)) {
	return 0;
    }
    b = api.encode(s, "utf-8", "backslashreplace");
    if (b == NULL) {
	api.errClear();
	return 0;
    }
    Tcl_DStringAppend(dsPtr, api.bytesAsString(b), -1);
    api.decRef(b);
    return 1;
}

/*
 * PlainClass --
 *
 *	Whether the class T's own attributes can be read with no Python
 *	code: its metaclass is exactly "type".
 */

static int
PlainClass(
    PyObj *t)
{
    return Is(t, api.typeType);
}

/*
 * ClassName --
 *
 *	Appends to DSPTR the qualified name of class T, as the tkleak
 *	module writes it: "module.Qualname", or "Qualname" for builtins;
 *	a class with a metaclass of its own by its tp_name alone.
 */

static void
ClassName(
    Tcl_DString *dsPtr,
    PyObj *t)
{
    PyObj *mod, *qual;
    int len = Tcl_DStringLength(dsPtr);

    if (!PlainClass(t)) {
	/* tp_name follows the object header {refcount, type, size}. */
	Tcl_DStringAppend(dsPtr, ((const char **) t)[3], -1);
	return;
    }
    mod = Attr(t, api.sModule);
    if (mod != NULL && Is(mod, api.unicodeType)
	    && api.compareAscii(mod, "builtins") != 0) {
	AppendString(dsPtr, mod);
	Tcl_DStringAppend(dsPtr, ".", 1);
    }
    if (mod != NULL) {
	api.decRef(mod);
    }
    qual = Attr(t, api.sQualname);
    if (qual == NULL || !AppendString(dsPtr, qual)) {
	Tcl_DStringSetLength(dsPtr, len);
	Tcl_DStringAppend(dsPtr, ((const char **) t)[3], -1);
    }
    if (qual != NULL) {
	api.decRef(qual);
    }
}

/*
 * AppClass --
 *
 *	Whether V is an instance of a class of the app, as the tkleak
 *	module judges it: its class is not of builtins, and it is not a
 *	module, a class or a function.
 */

static int
AppClass(
    PyObj *v)
{
    PyObj *t = TypeOf(v), *mod;
    int app;

    if (!PlainClass(t) || api.isSubtype(t, api.moduleType)
	    || api.isSubtype(t, api.typeType)
	    || api.isSubtype(t, api.functionType)) {
	return 0;
    }
    mod = Attr(t, api.sModule);
    app = mod != NULL && Is(mod, api.unicodeType)
	    && api.compareAscii(mod, "builtins") != 0;
    if (mod != NULL) {
	api.decRef(mod);
    }
    return app;
}

/*
 * OwnerClass --
 *
 *	Appends to DSPTR the class of what the function FN closes over or
 *	holds in its defaults (see _pyside._owner_class): the cell named
 *	"self" where the cells' names can be read without making an object,
 *	else the first cell, default or keyword default holding an
 *	instance of the app's class.
 */

static void
OwnerClass(
    Tcl_DString *dsPtr,
    PyObj *fn,
    PyObj *code)
{
    PyObj *cells = api.funcClosure(fn);		/* Borrowed. */
    PyObj *defaults = api.funcDefaults(fn);	/* Borrowed. */
    PyObj *kw = api.funcKwDefaults(fn);		/* Borrowed. */
    PyObj *descr, *k, *v;
    long i, n;
    int found = 0;

    if (!Is(cells, api.tupleType)) {
	cells = NULL;
    }
    if (cells != NULL && (descr = api.typeLookup(api.codeType,
	    api.sFreevars)) != NULL && Is(descr, api.memberDescrType)) {
	PyObj *names = Attr(code, api.sFreevars);

	if (Is(names, api.tupleType)) {
	    n = api.tupleSize(names);
	    for (i = 0; i < n && i < api.tupleSize(cells); i++) {
		PyObj *name = api.tupleItem(names, i);
		PyObj *cell = api.tupleItem(cells, i);

		if (Is(name, api.unicodeType)
			&& api.compareAscii(name, "self") == 0
			&& Is(cell, api.cellType)) {
		    v = api.cellGet(cell);
		    if (v != NULL) {
			ClassName(dsPtr, TypeOf(v));
			api.decRef(v);
			found = 1;
		    }
		    break;
		}
	    }
	}
	if (names != NULL) {
	    api.decRef(names);
	}
    }
    n = cells != NULL ? api.tupleSize(cells) : 0;
    for (i = 0; !found && i < n; i++) {
	PyObj *cell = api.tupleItem(cells, i);

	if (Is(cell, api.cellType) && (v = api.cellGet(cell)) != NULL) {
	    if (AppClass(v)) {
		ClassName(dsPtr, TypeOf(v));
		found = 1;
	    }
	    api.decRef(v);
	}
    }
    n = Is(defaults, api.tupleType) ? api.tupleSize(defaults) : 0;
    for (i = 0; !found && i < n; i++) {
	v = api.tupleItem(defaults, i);
	if (AppClass(v)) {
	    ClassName(dsPtr, TypeOf(v));
	    found = 1;
	}
    }
    if (!found && Is(kw, api.dictType)) {
	long pos = 0;

	while (api.dictNext(kw, &pos, &k, &v)) {
	    if (AppClass(v)) {
		ClassName(dsPtr, TypeOf(v));
		break;
	    }
	}
    }
}

/*
 * A callable's description, built in C strings under the GIL.
 */

typedef struct Described {
    Tcl_DString qualname, module, file, bound;
    long line;
} Described;

/*
 * Describe --
 *
 *	Reads the callable FUNC (what a CallWrapper calls) into DPTR.
 *	Returns 0 when it is of no kind the C side reads.
 */

static int
Describe(
    PyObj *func,
    Described *dPtr)
{
    PyObj *t, *code, *s;
    int hops;

    /*
     * Bound methods: the class of the first __self__, then the function.
     */

    for (hops = 0; hops < 8 && Is(func, api.methodType); hops++) {
	if (Tcl_DStringLength(&dPtr->bound) == 0) {
	    ClassName(&dPtr->bound, TypeOf(api.methodSelf(func)));
	}
	func = api.methodFunction(func);
    }
    t = TypeOf(func);
    if (t == api.functionType) {
	code = api.funcCode(func);
	if (!Is(code, api.codeType)) {
	    return 0;
	}
	if ((s = Attr(func, api.sQualname)) != NULL) {
	    AppendString(&dPtr->qualname, s);
	    api.decRef(s);
	}
	AppendString(&dPtr->module, api.funcModule(func));
	if ((s = Attr(code, api.sFilename)) != NULL) {
	    AppendString(&dPtr->file, s);
	    api.decRef(s);
	}
	if ((s = Attr(code, api.sFirstLine)) != NULL) {
	    dPtr->line = api.longAsLong(s);
	    api.decRef(s);
	    if (api.errOccurred()) {
		api.errClear();
		dPtr->line = 0;
	    }
	}
	if (Tcl_DStringLength(&dPtr->bound) == 0) {
	    OwnerClass(&dPtr->bound, func, code);
	}
	return 1;
    }
    if (t == api.cfunctionType || (api.cmethodType && t == api.cmethodType)) {
	PyObj *self = api.cfuncSelf(func);		/* Borrowed. */
	int module = self == NULL || api.isSubtype(TypeOf(self),
		api.moduleType);

	if (!module && !PlainClass(api.isSubtype(TypeOf(self), api.typeType)
		? self : TypeOf(self))) {
	    return 0;
	}
	if ((s = Attr(func, api.sQualname)) != NULL) {
	    AppendString(&dPtr->qualname, s);
	    api.decRef(s);
	}
	if ((s = Attr(func, api.sModule)) != NULL) {
	    AppendString(&dPtr->module, s);
	    api.decRef(s);
	}
	if (!module && Tcl_DStringLength(&dPtr->bound) == 0) {
	    ClassName(&dPtr->bound, TypeOf(self));
	}
	return 1;
    }

    /*
     * Any other callable object: its class's __call__.
     */

    if (!PlainClass(t)) {
	return 0;
    }
    if ((s = Attr(t, api.sQualname)) != NULL) {
	AppendString(&dPtr->qualname, s);
	api.decRef(s);
    }
    Tcl_DStringAppend(&dPtr->qualname, ".__call__", -1);
    if ((s = Attr(t, api.sModule)) != NULL) {
	AppendString(&dPtr->module, s);
	api.decRef(s);
    }
    if (Tcl_DStringLength(&dPtr->bound) == 0) {
	ClassName(&dPtr->bound, t);
    }
    return 1;
}

/*
 * NamedClass --
 *
 *	Whether class T is exactly "type"'s instance with __module__ MODULE
 *	and __qualname__ QUALNAME.
 */

static int
NamedClass(
    PyObj *t,
    const char *module,
    const char *qualname)
{
    PyObj *m, *q;
    int is;

    if (!PlainClass(t)) {
	return 0;
    }
    m = Attr(t, api.sModule);
    q = Attr(t, api.sQualname);
    is = Is(m, api.unicodeType) && Is(q, api.unicodeType)
	    && api.compareAscii(m, module) == 0
	    && api.compareAscii(q, qualname) == 0;
    if (m != NULL) {
	api.decRef(m);
    }
    if (q != NULL) {
	api.decRef(q);
    }
    return is;
}

/*
 * WrappedCallable --
 *
 *	The app's callable of the tkinter wrapper whose PythonCmd_ClientData
 *	is DATA: a new reference, or NULL when DATA is not what tkinter
 *	makes or its CallWrapper cannot be read without running code.
 */

static PyObj *
WrappedCallable(
    void *data)
{
    PyObj *app = ((PyObj **) data)[0];		/* The tkapp. */
    PyObj *method = ((PyObj **) data)[1];	/* CallWrapper.__call__ */
    PyObj *wrapper, *t;

    if (app == NULL || !NamedClass(TypeOf(app), "_tkinter", "tkapp")
	    || !Is(method, api.methodType)) {
	return NULL;
    }
    wrapper = api.methodSelf(method);
    t = TypeOf(wrapper);
    if (!NamedClass(t, "tkinter", "CallWrapper")
	    || !(api.typeFlags(t) & TP_FLAGS_HEAPTYPE)
	    || api.typeSlot(t, TP_SLOT_GETATTRO) != api.genericGetAttr
	    || api.typeLookup(t, api.sFunc) != NULL) {
	if (api.errOccurred()) {
	    api.errClear();
	}
	return NULL;
    }
    return Attr(wrapper, api.sFunc);
}

/*
 * PutString --
 *
 *	Adds KEY and the DString's string to the dict DICTPTR.
 */

static void
PutString(
    Tcl_Obj *dictPtr,
    const char *key,
    Tcl_DString *dsPtr)
{
    Tcl_DictObjPut(NULL, dictPtr, Tcl_NewStringObj(key, -1),
	    Tcl_NewStringObj(Tcl_DStringValue(dsPtr), Tcl_DStringLength(dsPtr)));
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakPyCallableObjCmd --
 *
 *	tkleak::pycallable names: for each of NAMES that is a live tkinter
 *	callback wrapper whose callable tkleak can read, NAME -> {qualname
 *	Q module M file F line L bound B} (empty strings and 0 where there
 *	is none); other names are left out.
 *
 * Results:
 *	The dict in INTERP's result. An error TKLEAK PYCALLABLE LIST when
 *	NAMES is not a list.
 *
 * Side effects:
 *	None: reads under Python's GIL, running no Python code (see the
 *	notes above).
 *
 *----------------------------------------------------------------------
 */

int
TkleakPyCallableObjCmd(
    ClientData clientData,
    Tcl_Interp *interp,
    int objc,
    Tcl_Obj *const objv[])
{
    TkleakState *statePtr = clientData;
    Tcl_Obj *resultPtr;
    const char **names;
    int n, i, gil;

    if (objc != 2) {
	Tcl_WrongNumArgs(interp, 1, objv, "names");
	Tcl_SetErrorCode(interp, "TKLEAK", "USAGE", (char *) NULL);
	return TCL_ERROR;
    }

    /*
     * The string is split, not the caller's object.
     */

    if (Tcl_SplitList(NULL, Tcl_GetString(objv[1]), &n, &names) != TCL_OK) {
	Tcl_SetObjResult(interp, Tcl_ObjPrintf("expected a list of command"
		" names but got \"%.50s%s\"", Tcl_GetString(objv[1]),
		strlen(Tcl_GetString(objv[1])) > 50 ? "..." : ""));
	Tcl_SetErrorCode(interp, "TKLEAK", "PYCALLABLE", "LIST", (char *) NULL);
	return TCL_ERROR;
    }
    resultPtr = Tcl_NewDictObj();
    if (api.state == 0) {
	LookUpApi();
    }
    if (n == 0 || api.state != 1 || !api.isInitialized()
	    || api.getThisThreadState() == NULL) {
	Tcl_Free((char *) names);
	Tcl_SetObjResult(interp, resultPtr);
	return TCL_OK;
    }
    gil = api.ensure();
    if (api.errOccurred() == NULL) {
	for (i = 0; i < n; i++) {
	    Tcl_Command token = Tcl_FindCommand(interp, names[i], NULL,
		    TCL_GLOBAL_ONLY);
	    Tcl_CmdInfo info;
	    Tcl_DString fq;
	    const char *type;
	    PyObj *func;
	    Described d;
	    Tcl_Obj *dPtr;

	    if (token == NULL || !Tcl_GetCommandInfoFromToken(token, &info)) {
		continue;
	    }
	    Tcl_DStringInit(&fq);
	    type = TkleakCommandType(statePtr, interp, token, names[i], &fq);
	    if (type == NULL || strcmp(type, "command tkinter") != 0) {
		Tcl_DStringFree(&fq);
		continue;
	    }
	    Tcl_DStringFree(&fq);
	    if (!InternNames()) {
		break;
	    }
	    func = WrappedCallable(info.isNativeObjectProc
		    ? info.objClientData : info.clientData);
	    if (func == NULL) {
		continue;
	    }
	    Tcl_DStringInit(&d.qualname);
	    Tcl_DStringInit(&d.module);
	    Tcl_DStringInit(&d.file);
	    Tcl_DStringInit(&d.bound);
	    d.line = 0;
	    if (Describe(func, &d)) {
		dPtr = Tcl_NewDictObj();
		PutString(dPtr, "qualname", &d.qualname);
		PutString(dPtr, "module", &d.module);
		PutString(dPtr, "file", &d.file);
		Tcl_DictObjPut(NULL, dPtr, Tcl_NewStringObj("line", 4),
			Tcl_NewLongObj(d.line));
		PutString(dPtr, "bound", &d.bound);
		Tcl_DictObjPut(NULL, resultPtr, Tcl_NewStringObj(names[i], -1),
			dPtr);
	    }
	    api.decRef(func);
	    Tcl_DStringFree(&d.qualname);
	    Tcl_DStringFree(&d.module);
	    Tcl_DStringFree(&d.file);
	    Tcl_DStringFree(&d.bound);
	}
    }
    api.release(gil);
    Tcl_Free((char *) names);
    Tcl_SetObjResult(interp, resultPtr);
    return TCL_OK;
}
