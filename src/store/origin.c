/*
 * origin.c --
 *
 *	Where an object was made or attached: a short stack of frames,
 *	innermost first, each {file F line L proc P lang tcl|python lib 0|1},
 *	taken while recording is on (record.c calls TkleakOriginCapture at
 *	each attachment and creation it sees).
 *
 *	Notes on implementation:
 *
 *	Tcl frames come from the interpreter's own frame information, asked
 *	through "info frame" (called through its command procedure, as every
 *	built-in tkleak consults). Python frames are found at run time: when
 *	the process has Python's C API (dlsym, no libpython linked), and the
 *	calling thread has a Python thread state, tkleak takes the GIL with
 *	PyGILState_Ensure (tkinter released it around the call into Tcl),
 *	reads the frames from PyEval_GetFrame back, and releases it. Without
 *	Python, or with a Python whose API is not there, stacks simply have
 *	no Python frames.
 *
 *	Frames of tkinter's own modules and of tkleak are marked lib 1: the
 *	app's line is the innermost frame that is not. Stacks are interned,
 *	so memory grows with distinct call sites, not with calls; each object
 *	keeps its creation stack and its last TKLEAK_SEEN_MAX attachments.
 *
 * Copyright (c) 2026 the tkleak developers. See the file "LICENSE".
 */

#define _GNU_SOURCE
#include "config.h"
#include <dlfcn.h>
#include <string.h>
#include "tkleakInt.h"

/*
 * Library frames skipped do not count against -depth, up to this many
 * frames read in all beyond it (a hard bound on the stack's cost).
 */

#define LIB_EXTRA 24

/*
 * The part of Python's C API tkleak uses, found with dlsym.
 */

typedef struct PyApi {
    int state;			/* 0 not looked up, 1 usable, -1 absent. */
    int (*isInitialized)(void);
    void *(*getThisThreadState)(void);
    int (*ensure)(void);
    void (*release)(int);
    void *(*getFrame)(void);
    void *(*frameGetBack)(void *);
    void *(*frameGetCode)(void *);
    int (*frameGetLineNumber)(void *);
    void *(*getAttrString)(void *, const char *);
    const char *(*unicodeAsUTF8)(void *);
    void (*decRef)(void *);
    void *none;			/* Py_None, for f_back on 3.6-3.8. */
    int (*gcDisable)(void);	/* PyGC_Disable and PyGC_Enable, 3.10 on; */
    int (*gcEnable)(void);	/* NULL before. */
    int (*frameGetLasti)(void *);	/* For the frame cache (3.11 on); */
    void *(*weakrefNewRef)(void *, void *);	/* each NULL where */
    void *(*weakrefGetObject)(void *);	/* absent. */
    int (*weakrefGetRef)(void *, void **);
    void (*errClear)(void);
    void *(*interpGet)(void);	/* For one frame cache a Python */
    long long (*interpGetID)(void *);	/* interpreter (3.9 on), */
    void *(*interpGetDict)(void *);	/* freed with it; each NULL */
    void *(*capsuleNew)(void *, const char *, void (*)(void *));
    void *(*capsuleGetPointer)(void *, const char *);	/* where */
    void *(*unicodeFromString)(const char *);
    int (*dictSetItem)(void *, void *, void *);
    int (*dictDelItem)(void *, void *);	/* absent. */
} PyApi;

static PyApi py;
TCL_DECLARE_MUTEX(pyMutex)

static void
LookUpPython(void)
{
    Tcl_MutexLock(&pyMutex);
    if (py.state == 0) {
	py.isInitialized = (int (*)(void)) dlsym(RTLD_DEFAULT,
		"Py_IsInitialized");
	py.getThisThreadState = (void *(*)(void)) dlsym(RTLD_DEFAULT,
		"PyGILState_GetThisThreadState");
	py.ensure = (int (*)(void)) dlsym(RTLD_DEFAULT, "PyGILState_Ensure");
	py.release = (void (*)(int)) dlsym(RTLD_DEFAULT, "PyGILState_Release");
	py.getFrame = (void *(*)(void)) dlsym(RTLD_DEFAULT, "PyEval_GetFrame");
	py.frameGetBack = (void *(*)(void *)) dlsym(RTLD_DEFAULT,
		"PyFrame_GetBack");
	py.frameGetCode = (void *(*)(void *)) dlsym(RTLD_DEFAULT,
		"PyFrame_GetCode");
	py.frameGetLineNumber = (int (*)(void *)) dlsym(RTLD_DEFAULT,
		"PyFrame_GetLineNumber");
	py.getAttrString = (void *(*)(void *, const char *)) dlsym(RTLD_DEFAULT,
		"PyObject_GetAttrString");
	py.unicodeAsUTF8 = (const char *(*)(void *)) dlsym(RTLD_DEFAULT,
		"PyUnicode_AsUTF8");
	py.decRef = (void (*)(void *)) dlsym(RTLD_DEFAULT, "Py_DecRef");
	py.none = dlsym(RTLD_DEFAULT, "_Py_NoneStruct");
	py.gcDisable = (int (*)(void)) dlsym(RTLD_DEFAULT, "PyGC_Disable");
	py.gcEnable = (int (*)(void)) dlsym(RTLD_DEFAULT, "PyGC_Enable");
	py.frameGetLasti = (int (*)(void *)) dlsym(RTLD_DEFAULT,
		"PyFrame_GetLasti");
	py.weakrefNewRef = (void *(*)(void *, void *)) dlsym(RTLD_DEFAULT,
		"PyWeakref_NewRef");
	py.weakrefGetObject = (void *(*)(void *)) dlsym(RTLD_DEFAULT,
		"PyWeakref_GetObject");
	py.weakrefGetRef = (int (*)(void *, void **)) dlsym(RTLD_DEFAULT,
		"PyWeakref_GetRef");
	py.errClear = (void (*)(void)) dlsym(RTLD_DEFAULT, "PyErr_Clear");
	py.interpGet = (void *(*)(void)) dlsym(RTLD_DEFAULT,
		"PyInterpreterState_Get");
	py.interpGetID = (long long (*)(void *)) dlsym(RTLD_DEFAULT,
		"PyInterpreterState_GetID");
	py.interpGetDict = (void *(*)(void *)) dlsym(RTLD_DEFAULT,
		"PyInterpreterState_GetDict");
	py.capsuleNew = (void *(*)(void *, const char *, void (*)(void *)))
		dlsym(RTLD_DEFAULT, "PyCapsule_New");
	py.capsuleGetPointer = (void *(*)(void *, const char *))
		dlsym(RTLD_DEFAULT, "PyCapsule_GetPointer");
	py.unicodeFromString = (void *(*)(const char *)) dlsym(RTLD_DEFAULT,
		"PyUnicode_FromString");
	py.dictSetItem = (int (*)(void *, void *, void *)) dlsym(RTLD_DEFAULT,
		"PyDict_SetItem");
	py.dictDelItem = (int (*)(void *, void *)) dlsym(RTLD_DEFAULT,
		"PyDict_DelItem");

	/*
	 * PyFrame_GetBack and PyFrame_GetCode are 3.9's: before, the
	 * frame's f_back and f_code attributes give the same (see
	 * FrameBack, FrameCode).
	 */

	py.state = (py.isInitialized && py.getThisThreadState && py.ensure
		&& py.release && py.getFrame && py.frameGetLineNumber
		&& py.getAttrString && py.unicodeAsUTF8 && py.decRef
		&& ((py.frameGetBack && py.frameGetCode) || py.none)) ? 1 : -1;
    }
    Tcl_MutexUnlock(&pyMutex);
}

/*
 * NewFrame --
 *
 *	The frame dict {file F line L proc P lang G lib B}, interned: a
 *	frame is in every stack that passes through it (the outer frames of
 *	a loop's calls, of each call site of a proc), and a dict of its own
 *	in each would cost a kilobyte a frame a stack. The result is owned
 *	by the frame table (no reference for the caller), which drops the
 *	frames no stack holds with the stacks (TkleakOriginForgetStacks).
 */

static Tcl_Obj *
NewFrame(
    TkleakState *statePtr,
    const char *file,
    int line,
    const char *proc,
    const char *lang,
    int lib)
{
    Tcl_DString key;
    Tcl_HashEntry *hPtr;
    Tcl_Obj *f;
    char num[TCL_INTEGER_SPACE + 4];
    int isNew;

    file = file ? file : "";
    proc = proc ? proc : "";
    snprintf(num, sizeof(num), "\001%d\001%d\001", line, lib);
    Tcl_DStringInit(&key);
    Tcl_DStringAppend(&key, lang, -1);
    Tcl_DStringAppend(&key, num, -1);
    Tcl_DStringAppend(&key, proc, -1);
    Tcl_DStringAppend(&key, "\001", 1);
    Tcl_DStringAppend(&key, file, -1);
    hPtr = Tcl_CreateHashEntry(&statePtr->store.frames,
	    Tcl_DStringValue(&key), &isNew);
    Tcl_DStringFree(&key);
    if (!isNew) {
	return Tcl_GetHashValue(hPtr);
    }
    f = Tcl_NewDictObj();
    Tcl_DictObjPut(NULL, f, Tcl_NewStringObj("file", 4),
	    Tcl_NewStringObj(file, -1));
    Tcl_DictObjPut(NULL, f, Tcl_NewStringObj("line", 4), Tcl_NewIntObj(line));
    Tcl_DictObjPut(NULL, f, Tcl_NewStringObj("proc", 4),
	    Tcl_NewStringObj(proc, -1));
    Tcl_DictObjPut(NULL, f, Tcl_NewStringObj("lang", 4),
	    Tcl_NewStringObj(lang, -1));
    Tcl_DictObjPut(NULL, f, Tcl_NewStringObj("lib", 3), Tcl_NewIntObj(lib));
    Tcl_IncrRefCount(f);
    Tcl_SetHashValue(hPtr, f);
    return f;
}

static const char *
CodeString(
    void *code,
    const char *attr,
    void **holdPtr)
{
    void *s = py.getAttrString(code, attr);

    *holdPtr = s;
    return s ? py.unicodeAsUTF8(s) : NULL;
}

/*
 * FrameCode, FrameBack --
 *
 *	The code object and the calling frame of the Python frame F: new
 *	references, or NULL (no caller). Through PyFrame_GetCode and
 *	PyFrame_GetBack where Python has them (3.9 on), else through the
 *	frame's f_code and f_back attributes, which every Python 3 has (a
 *	plain attribute read: no Python code runs).
 */

static void *
FrameCode(
    void *f)
{
    return py.frameGetCode ? py.frameGetCode(f)
	    : py.getAttrString(f, "f_code");
}

static void *
FrameBack(
    void *f)
{
    void *back;

    if (py.frameGetBack) {
	return py.frameGetBack(f);
    }
    back = py.getAttrString(f, "f_back");
    if (back == py.none) {
	py.decRef(back);
	back = NULL;
    }
    return back;
}

/*
 * The frame cache: what a Python frame shows (its file, function, line,
 * and whether it is a library's) by its code object and the offset of
 * its last instruction. Python computes a line by walking the code's
 * line table from its start at every call, and a stack is read at every
 * attachment a hook logs (tkinter binds about a thousand scripts per
 * IDLE editor), so this is where recording's time went. A code object is
 * known by a weak reference, so an entry is never taken for a new code
 * object made where a dead one was; each entry has a serial number of
 * its own, never reused, which names it in TkleakOriginCapture's stack
 * aliases. Emptied before a walk when it has PY_CACHE_MAX entries.
 * Without PyFrame_GetLasti (before 3.11) nothing is cached.
 *
 * One cache a Python interpreter (a subinterpreter has its own), that of
 * the interpreter whose thread state the GIL was taken with, so that an
 * entry's weak reference is made, read and dropped only under its own
 * interpreter. A cache is owned by a capsule in its interpreter's dict
 * (PyInterpreterState_GetDict, which no Python code can reach): Python
 * clears that dict while it finalizes the interpreter (Py_FinalizeEx,
 * Py_EndInterpreter), with the GIL held and objects still usable, and
 * the capsule's destructor frees the cache then. When the last tkleak
 * interpreter that read Python frames goes away while Python runs, the
 * cache of the Python interpreter it was read in goes at once
 * (TkleakOriginFree). Once finalization has begun (Py_IsInitialized
 * says 0), nothing of Python's is touched (PythonEnter). (A finalizer
 * that calls Tcl while a subinterpreter ends, after its dict is cleared,
 * would make a cache nothing frees: bounded, and never found again, for
 * a cache is known by its interpreter's ID too.)
 *
 * The list of caches is read and changed only with the GIL held: the one
 * GIL of the process, since every interpreter that can load tkinter
 * shares it (_tkinter is a single-phase module, which Python refuses to
 * load in an interpreter with a GIL of its own, 3.12 on).
 */

#define PY_CACHE_MAX 4096
#define PY_CACHE_NAME "tkleak.frame_cache"

typedef struct PyFrameKey {
    void *code;			/* The code object, not held. */
    long lasti;			/* Its last instruction's offset. */
} PyFrameKey;

typedef struct PyFrameInfo {
    void *weakPtr;		/* A weak reference to the code object (one
				 * reference held), or NULL when the entry
				 * is not in the cache. */
    unsigned long serial;	/* In the cache: never reused; else 0. */
    int line;
    int lib;			/* A frame of tkinter's own modules. */
    char *file;			/* Copies of co_filename and co_name, or */
    char *name;			/* NULL. */
} PyFrameInfo;

typedef struct PyFrameCache {
    void *interp;		/* Its Python interpreter, and that */
    long long id;		/* interpreter's ID (never reused). */
    Tcl_HashTable table;	/* PyFrameKey -> PyFrameInfo. */
    struct PyFrameCache *nextPtr;
} PyFrameCache;

static PyFrameCache *pyCaches;	/* One a Python interpreter that has one. */
static unsigned long pySerial;
static int pyReaders;		/* tkleak interpreters that read Python
				 * frames (pyMutex). */

/*
 * CopyString --
 *
 *	A copy of S (or NULL) that the caller frees with Tcl_Free.
 */

static char *
CopyString(
    const char *s)
{
    char *copy;

    if (s == NULL) {
	return NULL;
    }
    copy = Tcl_Alloc(strlen(s) + 1);
    strcpy(copy, s);
    return copy;
}

/*
 * FillFrameInfo, FreeFrameInfo --
 *
 *	Read what the Python frame F running CODE shows into INFOPTR (GIL
 *	held); and release what an info holds (GIL held) and, when it was
 *	allocated for the cache, the info itself.
 */

static void
FillFrameInfo(
    void *f,
    void *code,
    PyFrameInfo *infoPtr)
{
    void *h1 = NULL, *h2 = NULL;

    infoPtr->weakPtr = NULL;
    infoPtr->serial = 0;
    infoPtr->line = py.frameGetLineNumber(f);
    infoPtr->file = infoPtr->name = NULL;
    if (code != NULL) {
	infoPtr->file = CopyString(CodeString(code, "co_filename", &h1));
	infoPtr->name = CopyString(CodeString(code, "co_name", &h2));
    }
    if (h1) {
	py.decRef(h1);
    }
    if (h2) {
	py.decRef(h2);
    }

    /*
     * tkinter's own modules are a library's, like Tk's.
     */

    infoPtr->lib = infoPtr->file != NULL
	    && strstr(infoPtr->file, "/tkinter/") != NULL;
}

static void
FreeFrameInfo(
    PyFrameInfo *infoPtr)
{
    if (infoPtr->file != NULL) {
	Tcl_Free(infoPtr->file);
    }
    if (infoPtr->name != NULL) {
	Tcl_Free(infoPtr->name);
    }
    if (infoPtr->weakPtr != NULL) {
	py.decRef(infoPtr->weakPtr);	/* No callback: nothing runs. */
	Tcl_Free((char *) infoPtr);
    }
}

/*
 * ClearFrameCache --
 *
 *	Empty the frame cache CACHEPTR (GIL held).
 */

static void
ClearFrameCache(
    PyFrameCache *cachePtr)
{
    Tcl_HashSearch search;
    Tcl_HashEntry *hPtr;

    for (hPtr = Tcl_FirstHashEntry(&cachePtr->table, &search); hPtr != NULL;
	    hPtr = Tcl_NextHashEntry(&search)) {
	FreeFrameInfo(Tcl_GetHashValue(hPtr));
    }
    Tcl_DeleteHashTable(&cachePtr->table);
    Tcl_InitHashTable(&cachePtr->table, sizeof(PyFrameKey) / sizeof(int));
}

/*
 * FreeFrameCache, CapsuleFree --
 *
 *	Empty the frame cache CACHEPTR (GIL held), take it off the list and
 *	free it; and the destructor of the capsule that owns a cache, which
 *	Python runs with the GIL held when the capsule goes: when it clears
 *	the interpreter's dict as it finalizes the interpreter, or when
 *	TkleakOriginFree deletes it.
 */

static void
FreeFrameCache(
    PyFrameCache *cachePtr)
{
    PyFrameCache **linkPtr;

    for (linkPtr = &pyCaches; *linkPtr != NULL;
	    linkPtr = &(*linkPtr)->nextPtr) {
	if (*linkPtr == cachePtr) {
	    *linkPtr = cachePtr->nextPtr;
	    break;
	}
    }
    ClearFrameCache(cachePtr);
    Tcl_DeleteHashTable(&cachePtr->table);
    Tcl_Free((char *) cachePtr);
}

static void
CapsuleFree(
    void *capsule)
{
    PyFrameCache *cachePtr = py.capsuleGetPointer(capsule, PY_CACHE_NAME);

    if (cachePtr == NULL) {
	py.errClear();
	return;
    }
    FreeFrameCache(cachePtr);
}

/*
 * SetCapsule --
 *
 *	Store CAPSULE in the dict of the Python interpreter INTERP (GIL
 *	held), or delete what is stored when CAPSULE is NULL. The key is a
 *	str of our own, not interned (PyDict_SetItemString's would be, and
 *	outlive the interpreter). Returns 0, or -1 (the error cleared).
 */

static int
SetCapsule(
    void *interp,
    void *capsule)
{
    void *dict = py.interpGetDict(interp);	/* Borrowed. */
    void *key = py.unicodeFromString(PY_CACHE_NAME);
    int code = -1;

    if (dict != NULL && key != NULL) {
	code = capsule ? py.dictSetItem(dict, key, capsule)
		: py.dictDelItem(dict, key);
    }
    if (key != NULL) {
	py.decRef(key);
    }
    if (code != 0) {
	py.errClear();
    }
    return code;
}

/*
 * FrameCache --
 *
 *	The frame cache of the Python interpreter whose thread state holds
 *	the GIL (held), made with its capsule when there is none and MAKE is
 *	1; or NULL: no cache (before 3.11, or the capsule could not be
 *	stored).
 */

static PyFrameCache *
FrameCache(
    int make)
{
    PyFrameCache *cachePtr;
    void *interp, *capsule;
    long long id;

    if (!py.frameGetLasti || !py.weakrefNewRef
	    || !(py.weakrefGetRef || py.weakrefGetObject) || !py.errClear
	    || !py.interpGet || !py.interpGetID || !py.interpGetDict
	    || !py.capsuleNew || !py.capsuleGetPointer
	    || !py.unicodeFromString || !py.dictSetItem || !py.dictDelItem) {
	return NULL;
    }
    interp = py.interpGet();
    id = py.interpGetID(interp);
    for (cachePtr = pyCaches; cachePtr != NULL;
	    cachePtr = cachePtr->nextPtr) {
	if (cachePtr->interp == interp && cachePtr->id == id) {
	    return cachePtr;
	}
    }
    if (!make) {
	return NULL;
    }
    cachePtr = (PyFrameCache *) Tcl_Alloc(sizeof(PyFrameCache));
    cachePtr->interp = interp;
    cachePtr->id = id;
    Tcl_InitHashTable(&cachePtr->table, sizeof(PyFrameKey) / sizeof(int));
    cachePtr->nextPtr = pyCaches;
    pyCaches = cachePtr;

    /*
     * From here the capsule owns the cache: when it cannot be stored,
     * dropping it frees the cache.
     */

    capsule = py.capsuleNew(cachePtr, PY_CACHE_NAME, CapsuleFree);
    if (capsule == NULL) {
	py.errClear();
	FreeFrameCache(cachePtr);
	return NULL;
    }
    if (SetCapsule(interp, capsule) != 0) {
	cachePtr = NULL;
    }
    py.decRef(capsule);
    return cachePtr;
}

/*
 * IsCode --
 *
 *	Whether the weak reference WEAKPTR still refers to CODE, which the
 *	caller holds (so the reference dropped here is never the last).
 */

static int
IsCode(
    void *weakPtr,
    void *code)
{
    void *obj = NULL;

    if (py.weakrefGetRef != NULL) {
	if (py.weakrefGetRef(weakPtr, &obj) != 1) {
	    return 0;
	}
	py.decRef(obj);
	return obj == code;
    }
    return py.weakrefGetObject(weakPtr) == code;
}

/*
 * FrameInfo --
 *
 *	What the Python frame F shows (GIL held): the entry of CACHEPTR
 *	(or NULL: no cache), made when there is none; or, when it cannot be
 *	cached, TMPPTR filled (the caller frees it with FreeFrameInfo). The
 *	entry stays valid until the next walk.
 */

static PyFrameInfo *
FrameInfo(
    PyFrameCache *cachePtr,
    void *f,
    PyFrameInfo *tmpPtr)
{
    void *code = FrameCode(f);		/* New reference. */
    PyFrameInfo *infoPtr = tmpPtr;
    PyFrameKey key;
    Tcl_HashEntry *hPtr;
    void *weakPtr;
    int isNew;

    if (code == NULL || cachePtr == NULL) {
	FillFrameInfo(f, code, tmpPtr);
	goto done;
    }
    memset(&key, 0, sizeof(key));
    key.code = code;
    key.lasti = py.frameGetLasti(f);
    hPtr = Tcl_CreateHashEntry(&cachePtr->table, (char *) &key, &isNew);
    if (!isNew) {
	infoPtr = Tcl_GetHashValue(hPtr);
	if (IsCode(infoPtr->weakPtr, code)) {
	    goto done;
	}
	FreeFrameInfo(infoPtr);		/* Its code died: another here. */
    }
    weakPtr = py.weakrefNewRef(code, NULL);
    if (weakPtr == NULL) {
	py.errClear();
	Tcl_DeleteHashEntry(hPtr);
	infoPtr = tmpPtr;
	FillFrameInfo(f, code, tmpPtr);
	goto done;
    }
    infoPtr = (PyFrameInfo *) Tcl_Alloc(sizeof(PyFrameInfo));
    FillFrameInfo(f, code, infoPtr);
    infoPtr->weakPtr = weakPtr;
    infoPtr->serial = ++pySerial;
    Tcl_SetHashValue(hPtr, infoPtr);

  done:
    if (code != NULL) {
	py.decRef(code);
    }
    return infoPtr;
}

/*
 * PythonEnter, PythonLeave --
 *
 *	Take the GIL and hold off the cycle collector (PythonEnter returns
 *	0 when there is no Python to read, or no thread state); give both
 *	back.
 *
 *	From 3.11 on, PyEval_GetFrame and PyFrame_GetBack make the frame
 *	objects they return, and making one can start a cycle collection,
 *	which runs the app's finalizers (a tkinter Variable's __del__ calls
 *	Tcl), here inside a hook or inside Tcl's variable table
 *	(varorigin.c). The collector is held off meanwhile; before 3.10
 *	there is no switch, and no frame is made.
 */

typedef struct PyHold {
    int gil;
    int gcWas;
} PyHold;

static int
PythonEnter(
    PyHold *holdPtr)
{
    if (py.state == 0) {
	LookUpPython();
    }
    if (py.state != 1 || !py.isInitialized()
	    || py.getThisThreadState() == NULL) {
	return 0;
    }
    holdPtr->gil = py.ensure();
    holdPtr->gcWas = (py.gcDisable && py.gcEnable) ? py.gcDisable() : 0;
    return 1;
}

static void
PythonLeave(
    PyHold *holdPtr)
{
    if (holdPtr->gcWas > 0) {
	py.gcEnable();
    }
    py.release(holdPtr->gil);
}

/*
 * WalkPython --
 *
 *	The Python frames that called into Tcl, innermost first, up to ROOM
 *	of the app's own and HARD in all, into INFOS (HARD of them), through
 *	the frame cache CACHEPTR (or NULL); TMPS, as many, hold those that
 *	cannot be cached. Returns how many. The caller holds the GIL
 *	(PythonEnter) and frees each info that is in TMPS with FreeFrameInfo
 *	before it lets go.
 */

static int
WalkPython(
    PyFrameCache *cachePtr,
    int room,
    int hard,
    PyFrameInfo **infos,
    PyFrameInfo *tmps)
{
    void *f = py.getFrame();	/* Borrowed. */
    int n = 0, owned = 0;

    if (cachePtr != NULL && cachePtr->table.numEntries >= PY_CACHE_MAX) {
	ClearFrameCache(cachePtr);
    }

    /*
     * PyFrame_GetBack returns a new reference; the first frame is
     * borrowed, so hold one of our own on nothing until we step.
     */

    while (f != NULL && room > 0 && n < hard) {
	void *back;

	infos[n] = FrameInfo(cachePtr, f, &tmps[n]);
	if (!infos[n]->lib) {
	    room--;
	}
	n++;
	back = FrameBack(f);		/* New reference or NULL. */
	if (owned) {
	    py.decRef(f);
	}
	f = back;
	owned = 1;
    }
    if (owned && f != NULL) {
	py.decRef(f);
    }
    return n;
}

/*
 * PythonFrames --
 *
 *	Append up to ROOM Python frames, innermost first, to STACKPTR,
 *	interned in STATEPTR's frame table. When
 *	ALIASPTR is not NULL, also put in it a key that names what was
 *	appended, beyond STACKPTR's own frames ("\001", then the serial of
 *	each frame's cache entry); or leave it empty when a frame is not
 *	cached, or none was appended. With ALIASPTR, a stack found by the key
 *	in the stack table (LOOKUPPTR's) is what is returned instead, and
 *	nothing is appended. Returns NULL otherwise.
 */

static Tcl_Obj *
PythonFrames(
    TkleakState *statePtr,
    Tcl_Obj *stackPtr,
    int room,
    int hard,
    Tcl_DString *aliasPtr,
    Tcl_HashTable *lookupPtr)
{
    PyFrameInfo *infoSpace[64], tmpSpace[64];
    PyFrameInfo **infos = infoSpace, *tmps = tmpSpace;
    Tcl_Obj *foundPtr = NULL;
    PyHold hold;
    int i, n;

    if (room <= 0 || hard <= 0 || !PythonEnter(&hold)) {
	return NULL;
    }
    if (!statePtr->store.pyReader) {
	Tcl_MutexLock(&pyMutex);
	pyReaders++;
	Tcl_MutexUnlock(&pyMutex);
	statePtr->store.pyReader = 1;
    }
    if (hard > 64) {
	infos = (PyFrameInfo **) Tcl_Alloc(hard * sizeof(PyFrameInfo *));
	tmps = (PyFrameInfo *) Tcl_Alloc(hard * sizeof(PyFrameInfo));
    }
    n = WalkPython(FrameCache(1), room, hard, infos, tmps);
    if (aliasPtr != NULL && n > 0) {
	char num[2 * sizeof(unsigned long) + 1];
	Tcl_HashEntry *hPtr;

	/*
	 * Each serial in hex, by hand: snprintf was a third of the time
	 * of a stack found by its alias.
	 */

	Tcl_DStringAppend(aliasPtr, "\001", 1);
	for (i = 0; i < n && infos[i]->serial != 0; i++) {
	    unsigned long v = infos[i]->serial;
	    int k = (int) sizeof(num);

	    num[--k] = ' ';
	    do {
		num[--k] = "0123456789abcdef"[v & 15];
		v >>= 4;
	    } while (v != 0);
	    Tcl_DStringAppend(aliasPtr, num + k, (int) sizeof(num) - k);
	}
	if (i < n) {
	    Tcl_DStringSetLength(aliasPtr, 0);
	} else {
	    Tcl_DStringAppend(aliasPtr, "\002", 1);
	    Tcl_DStringAppend(aliasPtr, Tcl_GetString(stackPtr), -1);
	    hPtr = Tcl_FindHashEntry(lookupPtr, Tcl_DStringValue(aliasPtr));
	    if (hPtr != NULL) {
		foundPtr = Tcl_GetHashValue(hPtr);
	    }
	}
    }
    for (i = 0; i < n; i++) {
	if (foundPtr == NULL) {
	    Tcl_ListObjAppendElement(NULL, stackPtr, NewFrame(statePtr,
		    infos[i]->file, infos[i]->line, infos[i]->name, "python",
		    infos[i]->lib));
	}
	if (infos[i] == &tmps[i]) {
	    FreeFrameInfo(infos[i]);
	}
    }
    PythonLeave(&hold);
    if (infos != infoSpace) {
	Tcl_Free((char *) infos);
	Tcl_Free((char *) tmps);
    }
    return foundPtr;
}

/*
 * Under --
 *
 *	Whether FILE is DIR or lies below it (DIR of length LEN, with or
 *	without its trailing slash).
 */

static int
Under(
    const char *file,
    const char *dir,
    size_t len)
{
    while (len > 1 && dir[len - 1] == '/') {
	len--;
    }
    return len > 0 && strncmp(file, dir, len) == 0
	    && (file[len] == '/' || file[len] == '\0');
}

/*
 * LibRoots --
 *
 *	The directories whose Tcl files are a library's, not the app's, in
 *	DSPTR as a list: $tcl_library, $tk_library, the system's package
 *	dirs (/usr/share/tcltk, /usr/lib/tcltk: tcllib and tklib on Debian)
 *	and each dir of $auto_path but those that hold the app's dir or the
 *	working directory; and in APPPTR the directory of the
 *	app's main script ($argv0), whose files are the app's even below
 *	one of those (git-gui's lib below /usr/lib), or "".
 */

static void
LibRoots(
    Tcl_Interp *interp,
    Tcl_DString *dsPtr,
    Tcl_DString *appPtr)
{
    static const char *const vars[] = {"tcl_library", "tk_library", NULL};
    const char *v, *cwd, *slash;
    Tcl_Obj *cwdPtr;
    int i;

    Tcl_DStringAppendElement(dsPtr, "/usr/share/tcltk");
    Tcl_DStringAppendElement(dsPtr, "/usr/lib/tcltk");
    for (i = 0; vars[i] != NULL; i++) {
	if ((v = TkleakWalkGlobalString(interp, vars[i])) != NULL
		&& v[0] == '/') {
	    Tcl_DStringAppendElement(dsPtr, v);
	}
    }
    cwdPtr = Tcl_FSGetCwd(NULL);	/* A reference of our own. */
    cwd = cwdPtr ? Tcl_GetString(cwdPtr) : "";

    /*
     * The app's dir: $argv0's, made absolute by hand (no filesystem
     * call that a Tcl-level filesystem could answer).
     */

    if ((v = TkleakWalkGlobalString(interp, "argv0")) != NULL && v[0] != '\0'
	    && (slash = strrchr(v, '/')) == NULL) {
	Tcl_DStringAppend(appPtr, cwd, -1);	/* "wish app.tcl" */
    } else if (v != NULL && v[0] != '\0') {
	if (v[0] != '/') {
	    Tcl_DStringAppend(appPtr, cwd, -1);
	    Tcl_DStringAppend(appPtr, "/", 1);
	    if (strncmp(v, "./", 2) == 0) {
		v += 2;
	    }
	}
	if (slash >= v) {
	    Tcl_DStringAppend(appPtr, v, (int) (slash - v));
	}
    }

    /*
     * An auto_path dir that holds the app's dir or the one it runs in
     * (TCLLIBPATH=. wish app.tcl) is the app's.
     */

    if ((v = TkleakWalkGlobalString(interp, "auto_path")) != NULL) {
	Tcl_Size n;
	const char **dirs;

	if (Tcl_SplitList(NULL, v, &n, &dirs) == TCL_OK) {
	    for (i = 0; i < n; i++) {
		size_t len = strlen(dirs[i]);

		if (dirs[i][0] == '/' && !Under(cwd, dirs[i], len)
			&& !Under(Tcl_DStringValue(appPtr), dirs[i], len)) {
		    Tcl_DStringAppendElement(dsPtr, dirs[i]);
		}
	    }
	    Tcl_Free((char *) dirs);
	}
    }
    if (cwdPtr != NULL) {
	Tcl_DecrRefCount(cwdPtr);
    }
}

/*
 * IsLibFrame --
 *
 *	Whether a Tcl frame of FILE running PROC is a library's: tkleak's
 *	own, one with no file (":1", an eval, a binding's or a menu
 *	entry's script: what the app's code runs in is the proc it calls),
 *	or a file below one of ROOTS (LibRoots) and not below APPDIR.
 */

static int
IsLibFrame(
    const char *file,
    const char *proc,
    const char *roots,
    const char *appDir)
{
    int i, lib = 0;
    Tcl_Size n;
    const char **dirs;

    if (TkleakIsOwnNamespace(proc) || file[0] == '\0') {
	return 1;
    }
    if (appDir[0] != '\0' && Under(file, appDir, strlen(appDir))) {
	return 0;
    }
    if (Tcl_SplitList(NULL, roots, &n, &dirs) != TCL_OK) {
	return 0;
    }
    for (i = 0; i < n && !lib; i++) {
	lib = Under(file, dirs[i], strlen(dirs[i]));
    }
    Tcl_Free((char *) dirs);
    return lib;
}

/*
 * IsLibFrameObj --
 *
 *	Whether the frame dict FRAMEPTR is marked lib.
 */

static int
IsLibFrameObj(
    Tcl_Obj *framePtr)
{
    Tcl_Obj *libPtr = TkleakDictGet(framePtr, "lib");
    int lib = 0;

    if (libPtr != NULL) {
	Tcl_GetBooleanFromObj(NULL, libPtr, &lib);
    }
    return lib;
}

/*
 * TkleakOriginReadDepth --
 *
 *	How many frames a capture reads at most: -depth frames of the
 *	app's own code, and up to LIB_EXTRA library frames between them.
 */

static int
TkleakOriginReadDepth(
    TkleakState *statePtr)
{
    return statePtr->opts.depth + LIB_EXTRA;
}

/*
 * TclFrames --
 *
 *	Append up to ROOM Tcl frames, innermost first, to STACKPTR, from
 *	"info frame". Returns how many command frames it read, from the
 *	innermost: all of them when the stack did not fill.
 */

static int
TclFrames(
    TkleakState *statePtr,
    Tcl_Interp *interp,
    Tcl_Obj *stackPtr,
    int room)
{
    TkleakCollect ctx;
    Tcl_Obj *resultPtr;
    const char *w[3];
    char num[32];
    int depth = 0, level;
    Tcl_DString roots, appDir;

    /*
     * Without the private records there is no safe way to know whether
     * "info frame" has a frame to read: no Tcl frames then.
     */

    if (!TkleakWalkUsable(statePtr) || !TkleakWalkHasFrames(interp)) {
	return 0;
    }
    memset(&ctx, 0, sizeof(ctx));
    ctx.statePtr = statePtr;
    ctx.interp = interp;
    w[0] = "info";
    w[1] = "frame";
    if (TkleakCallWidget(&ctx, "::info", 2, w, &resultPtr) != TCL_OK) {
	return 0;
    }
    Tcl_GetIntFromObj(NULL, resultPtr, &depth);
    Tcl_DecrRefCount(resultPtr);
    Tcl_DStringInit(&roots);
    Tcl_DStringInit(&appDir);
    LibRoots(interp, &roots, &appDir);
    w[2] = num;
    for (level = depth; level > 0 && room > 0; level--) {
	Tcl_Obj *filePtr, *linePtr, *procPtr;
	const char *file, *proc;
	int line = 0;

	snprintf(num, sizeof(num), "%d", level);
	if (TkleakCallWidget(&ctx, "::info", 3, w, &resultPtr) != TCL_OK) {
	    continue;
	}
	filePtr = TkleakDictGet(resultPtr, "file");
	linePtr = TkleakDictGet(resultPtr, "line");
	procPtr = TkleakDictGet(resultPtr, "proc");
	file = filePtr ? Tcl_GetString(filePtr) : "";
	proc = procPtr ? Tcl_GetString(procPtr) : "";
	if (linePtr) {
	    Tcl_GetIntFromObj(NULL, linePtr, &line);
	}
	if (filePtr == NULL && procPtr == NULL && level != depth) {
	    Tcl_DecrRefCount(resultPtr);
	    continue;		/* An eval with nothing to show. */
	}
	Tcl_ListObjAppendElement(NULL, stackPtr, NewFrame(statePtr, file,
		line, proc, "tcl", IsLibFrame(file, proc,
		Tcl_DStringValue(&roots), Tcl_DStringValue(&appDir))));
	room--;
	Tcl_DecrRefCount(resultPtr);
    }
    Tcl_DStringFree(&roots);
    Tcl_DStringFree(&appDir);
    return depth - level;
}

/*
 * The stack table's keys: an interned stack's entry does not copy the
 * stack's string, it points at it, the string of the stack the entry
 * holds (a stack's text is most of what a new call site costs, and it
 * was kept twice); an alias's key ("\001...", TkleakOriginCapture) is
 * copied, after the entry. An interned stack is never changed (whoever
 * would change one changes a copy), so its string lives as long as its
 * entry, which is deleted before the stack is released.
 */

#ifndef TCL_HASH_TYPE
#define TCL_HASH_TYPE unsigned
#endif

static TCL_HASH_TYPE
StackKeyHash(
    Tcl_HashTable *tablePtr,
    void *keyPtr)
{
    (void) tablePtr;
    return (TCL_HASH_TYPE) TkleakHashString(keyPtr);
}

static int
StackKeyCompare(
    void *keyPtr,
    Tcl_HashEntry *hPtr)
{
    return strcmp(keyPtr, hPtr->key.oneWordValue) == 0;
}

static Tcl_HashEntry *
StackKeyAlloc(
    Tcl_HashTable *tablePtr,
    void *keyPtr)
{
    const char *key = keyPtr;
    Tcl_HashEntry *hPtr;

    (void) tablePtr;
    if (key[0] == '\001') {
	size_t len = strlen(key) + 1;

	hPtr = (Tcl_HashEntry *) Tcl_Alloc(sizeof(Tcl_HashEntry) + len);
	memcpy(hPtr + 1, key, len);
	hPtr->key.oneWordValue = (char *) (hPtr + 1);
    } else {
	hPtr = (Tcl_HashEntry *) Tcl_Alloc(sizeof(Tcl_HashEntry));
	hPtr->key.oneWordValue = (char *) key;
    }
    hPtr->clientData = NULL;
    return hPtr;
}

static void
StackKeyFree(
    Tcl_HashEntry *hPtr)
{
    Tcl_Free((char *) hPtr);
}

const Tcl_HashKeyType tkleakStackKeyType = {
    TCL_HASH_KEY_TYPE_VERSION, 0, StackKeyHash, StackKeyCompare,
    StackKeyAlloc, StackKeyFree
};

/*
 * Intern --
 *
 *	The interned stack equal to STACKPTR, whose one reference the call
 *	takes over. The result is owned by the stack table, whose entry's
 *	key is the stack's own string.
 */

static Tcl_Obj *
Intern(
    TkleakState *statePtr,
    Tcl_Obj *stackPtr)
{
    Tcl_HashEntry *hPtr;
    int isNew;

    hPtr = Tcl_CreateHashEntry(&statePtr->store.stacks, Tcl_GetString(stackPtr),
	    &isNew);
    if (isNew) {
	Tcl_SetHashValue(hPtr, stackPtr);
    } else {
	Tcl_DecrRefCount(stackPtr);
	stackPtr = Tcl_GetHashValue(hPtr);
    }
    return stackPtr;
}

/*
 * AppFrames, TrimToDepth --
 *
 *	How many frames of STACKPTR are not a library's; and cut STACKPTR
 *	(unshared) after its DEPTH-th such frame, so that -depth counts the
 *	app's frames and the library frames between them come free.
 */

static int
AppFrames(
    Tcl_Obj *stackPtr)
{
    Tcl_Obj **fv;
    int i, n = 0;
    Tcl_Size fc;

    Tcl_ListObjGetElements(NULL, stackPtr, &fc, &fv);
    for (i = 0; i < fc; i++) {
	n += !IsLibFrameObj(fv[i]);
    }
    return n;
}

static void
TrimToDepth(
    Tcl_Obj *stackPtr,
    int depth)
{
    Tcl_Obj **fv;
    int i, n = 0;
    Tcl_Size fc;

    Tcl_ListObjGetElements(NULL, stackPtr, &fc, &fv);
    for (i = 0; i < fc; i++) {
	if (!IsLibFrameObj(fv[i]) && ++n == depth) {
	    Tcl_ListObjReplace(NULL, stackPtr, i + 1, fc - i - 1, 0, NULL);
	    return;
	}
    }
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakOriginCapture --
 *
 *	The stack of the code running now: Tcl frames, then the Python
 *	frames that called into Tcl, innermost first, at most -depth.
 *
 * Results:
 *	An interned list, owned by the interpreter's origin table: the
 *	caller holds a reference of its own if it keeps it.
 *
 * Side effects:
 *	None that a script can see: the interpreter's result is kept, and
 *	no script runs.
 *
 *----------------------------------------------------------------------
 */

Tcl_Obj *
TkleakOriginCapture(
    TkleakState *statePtr,
    Tcl_Interp *interp)
{
    Tcl_Obj *stackPtr = NULL;
    int fast = TkleakWalkUsable(statePtr) && TkleakWalkHasFrames(interp);

    /*
     * The Tcl frames: from the frame cache (walk.c), or else from "info
     * frame", then offered to the cache.
     */

    if (fast) {
	stackPtr = TkleakWalkFramesLookup(statePtr, interp,
		TkleakOriginReadDepth(statePtr));
    }
    if (stackPtr == NULL) {
	Tcl_InterpState saved = Tcl_SaveInterpState(interp, TCL_OK);
	int levels;

	stackPtr = Tcl_NewListObj(0, NULL);
	Tcl_IncrRefCount(stackPtr);
	levels = TclFrames(statePtr, interp, stackPtr,
		TkleakOriginReadDepth(statePtr));
	Tcl_RestoreInterpState(interp, saved);
	TrimToDepth(stackPtr, statePtr->opts.depth);
	stackPtr = Intern(statePtr, stackPtr);
	if (fast) {
	    TkleakWalkFramesStore(statePtr, interp, stackPtr, levels,
		    TkleakOriginReadDepth(statePtr));
	}
    }

    /*
     * Then the Python frames that called into Tcl, when there are any.
     */

    if (py.state == 0) {
	LookUpPython();
    }
    if (py.state == 1 && py.isInitialized()
	    && py.getThisThreadState() != NULL) {
	Tcl_Obj *fullPtr = Tcl_DuplicateObj(stackPtr), *foundPtr;
	Tcl_Size n, m;
	Tcl_DString alias;
	Tcl_HashEntry *hPtr;
	int isNew;

	/*
	 * The same frames give the same stack: one read before is found
	 * by its alias, the serials of its Python frames' cache entries
	 * and the Tcl stack's string, in the stack table ("\001" begins
	 * no stack's string), without making its frames again.
	 */

	Tcl_IncrRefCount(fullPtr);
	Tcl_DStringInit(&alias);
	Tcl_ListObjLength(NULL, fullPtr, &n);
	foundPtr = PythonFrames(statePtr, fullPtr,
		statePtr->opts.depth - AppFrames(fullPtr),
		TkleakOriginReadDepth(statePtr) - n, &alias,
		&statePtr->store.stacks);
	Tcl_ListObjLength(NULL, fullPtr, &m);
	if (foundPtr != NULL) {
	    Tcl_DecrRefCount(fullPtr);
	    stackPtr = foundPtr;
	} else if (m > n) {
	    stackPtr = Intern(statePtr, fullPtr);
	    if (Tcl_DStringLength(&alias) > 0) {
		hPtr = Tcl_CreateHashEntry(&statePtr->store.stacks,
			Tcl_DStringValue(&alias), &isNew);
		if (!isNew) {
		    Tcl_DecrRefCount((Tcl_Obj *) Tcl_GetHashValue(hPtr));
		}
		Tcl_IncrRefCount(stackPtr);
		Tcl_SetHashValue(hPtr, stackPtr);
	    }
	} else {
	    Tcl_DecrRefCount(fullPtr);
	}
	Tcl_DStringFree(&alias);
    }
    return stackPtr;
}

/*
 * OriginEntry --
 *
 *	The origin record of KEY: a list {CREATED ATTACHED}, unshared, one
 *	reference held by the table.
 */

static Tcl_Obj *
OriginEntry(
    TkleakState *statePtr,
    const char *key)
{
    int isNew;
    Tcl_HashEntry *hPtr = Tcl_CreateHashEntry(&statePtr->store.origins, key, &isNew);
    Tcl_Obj *recPtr;

    if (isNew) {
	Tcl_Obj *pair[2];

	pair[0] = Tcl_NewObj();
	pair[1] = Tcl_NewObj();
	recPtr = Tcl_NewListObj(2, pair);
	Tcl_IncrRefCount(recPtr);
	Tcl_SetHashValue(hPtr, recPtr);
    } else {
	recPtr = Tcl_GetHashValue(hPtr);
	if (Tcl_IsShared(recPtr)) {
	    Tcl_DecrRefCount(recPtr);
	    recPtr = Tcl_DuplicateObj(recPtr);
	    Tcl_IncrRefCount(recPtr);
	    Tcl_SetHashValue(hPtr, recPtr);
	}
    }
    return recPtr;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakOriginCreated, TkleakOriginAttached --
 *
 *	Note STACKPTR as where the object KEY was made, or where it was
 *	attached to the slot REFPTR ({owner O slot S}); an object keeps its
 *	last TKLEAK_SEEN_MAX attachments.
 *
 * Results:
 *	None.
 *
 * Side effects:
 *	The origin table holds a reference to STACKPTR (and to REFPTR);
 *	an older attachment beyond TKLEAK_SEEN_MAX is released.
 *
 *----------------------------------------------------------------------
 */

void
TkleakOriginCreated(
    TkleakState *statePtr,
    const char *key,
    Tcl_Obj *stackPtr)
{
    Tcl_Obj *recPtr = OriginEntry(statePtr, key);

    Tcl_ListObjReplace(NULL, recPtr, 0, 1, 1, &stackPtr);
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakOriginAttached --
 *
 *	Note STACKPTR as where the object KEY was attached to the slot
 *	REFPTR (see TkleakOriginCreated).
 *
 * Results:
 *	None.
 *
 * Side effects:
 *	As TkleakOriginCreated.
 *
 *----------------------------------------------------------------------
 */

void
TkleakOriginAttached(
    TkleakState *statePtr,
    const char *key,
    Tcl_Obj *refPtr,
    Tcl_Obj *stackPtr)
{
    Tcl_Obj *recPtr = OriginEntry(statePtr, key), *attachedPtr;
    Tcl_Size n;
    Tcl_Obj **v;
    const char *ref = Tcl_GetString(refPtr);

    Tcl_ListObjIndex(NULL, recPtr, 1, &attachedPtr);
    attachedPtr = Tcl_DuplicateObj(attachedPtr);

    /*
     * One entry per slot: a slot set again moves to the end.
     */

    if (Tcl_ListObjGetElements(NULL, attachedPtr, &n, &v) == TCL_OK) {
	int i;

	for (i = 0; i + 1 < n; i += 2) {
	    if (strcmp(Tcl_GetString(v[i]), ref) == 0) {
		Tcl_ListObjReplace(NULL, attachedPtr, i, 2, 0, NULL);
		break;
	    }
	}
    }
    Tcl_ListObjLength(NULL, attachedPtr, &n);
    if (n >= 2 * TKLEAK_SEEN_MAX) {
	Tcl_ListObjReplace(NULL, attachedPtr, 0, n - 2 * TKLEAK_SEEN_MAX + 2,
		0, NULL);
    }
    Tcl_ListObjAppendElement(NULL, attachedPtr, refPtr);
    Tcl_ListObjAppendElement(NULL, attachedPtr, stackPtr);
    Tcl_ListObjReplace(NULL, recPtr, 1, 1, 1, &attachedPtr);
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakOriginOf --
 *
 *	The origin dict {created STACK attached {SLOTDESC STACK ...}} of
 *	KEY.
 *
 * Results:
 *	A new dict (no reference held).
 *
 * Side effects:
 *	None.
 *
 *----------------------------------------------------------------------
 */

Tcl_Obj *
TkleakOriginOf(
    TkleakState *statePtr,
    const char *key)
{
    Tcl_HashEntry *hPtr = Tcl_FindHashEntry(&statePtr->store.origins, key);
    Tcl_Obj *dictPtr = Tcl_NewDictObj(), *createdPtr, *attachedPtr;

    if (hPtr == NULL) {
	createdPtr = Tcl_NewObj();
	attachedPtr = Tcl_NewObj();
    } else {
	Tcl_ListObjIndex(NULL, Tcl_GetHashValue(hPtr), 0, &createdPtr);
	Tcl_ListObjIndex(NULL, Tcl_GetHashValue(hPtr), 1, &attachedPtr);
    }
    Tcl_DictObjPut(NULL, dictPtr, Tcl_NewStringObj("created", 7), createdPtr);
    Tcl_DictObjPut(NULL, dictPtr, Tcl_NewStringObj("attached", 8),
	    attachedPtr);
    return dictPtr;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakOriginLast --
 *
 *	The stack an orphan or a new object shows: that of its last
 *	attachment, or of its creation, or an empty list.
 *
 * Results:
 *	An object owned by the origin table, or a new empty one (no
 *	reference held either way: the caller stores it or frees it).
 *
 * Side effects:
 *	None.
 *
 *----------------------------------------------------------------------
 */

Tcl_Obj *
TkleakOriginLast(
    TkleakState *statePtr,
    const char *key)
{
    Tcl_HashEntry *hPtr = Tcl_FindHashEntry(&statePtr->store.origins, key);
    Tcl_Obj *createdPtr, *attachedPtr, *lastPtr;
    Tcl_Size n;

    if (hPtr == NULL) {
	return Tcl_NewObj();
    }
    Tcl_ListObjIndex(NULL, Tcl_GetHashValue(hPtr), 0, &createdPtr);
    Tcl_ListObjIndex(NULL, Tcl_GetHashValue(hPtr), 1, &attachedPtr);
    lastPtr = createdPtr;
    Tcl_ListObjLength(NULL, attachedPtr, &n);
    if (n >= 2) {
	Tcl_ListObjIndex(NULL, attachedPtr, n - 1, &lastPtr);
    }
    return lastPtr;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakOriginForget --
 *
 *	Drop the origin of KEY (the object is gone).
 *
 * Results:
 *	None.
 *
 * Side effects:
 *	The origin entry of KEY is deleted and its value released.
 *
 *----------------------------------------------------------------------
 */

void
TkleakOriginForget(
    TkleakState *statePtr,
    const char *key)
{
    Tcl_HashEntry *hPtr = Tcl_FindHashEntry(&statePtr->store.origins, key);

    if (hPtr != NULL) {
	Tcl_DecrRefCount((Tcl_Obj *) Tcl_GetHashValue(hPtr));
	Tcl_DeleteHashEntry(hPtr);
    }
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakOriginForgetStacks --
 *
 *	Drop the interned stacks nothing but the stack table holds any more
 *	(their objects died and were pruned): a stack names the procs it ran
 *	in, and an app that makes procs under fresh names (tkinter's
 *	callbacks) makes fresh stacks without end.
 *
 * Results:
 *	None.
 *
 * Side effects:
 *	The stack table releases the stacks it alone holds.
 *
 *----------------------------------------------------------------------
 */

void
TkleakOriginForgetStacks(
    TkleakState *statePtr)
{
    Tcl_HashSearch search;
    Tcl_HashEntry *hPtr;

    /*
     * The aliases (TkleakOriginCapture) go first, so that a stack that
     * only they and its own entry hold goes too.
     */

    for (hPtr = Tcl_FirstHashEntry(&statePtr->store.stacks, &search); hPtr;
	    hPtr = Tcl_NextHashEntry(&search)) {
	if (((const char *) Tcl_GetHashKey(&statePtr->store.stacks,
		hPtr))[0] == '\001') {
	    Tcl_DecrRefCount((Tcl_Obj *) Tcl_GetHashValue(hPtr));
	    Tcl_DeleteHashEntry(hPtr);
	}
    }
    for (hPtr = Tcl_FirstHashEntry(&statePtr->store.stacks, &search); hPtr;
	    hPtr = Tcl_NextHashEntry(&search)) {
	Tcl_Obj *stackPtr = Tcl_GetHashValue(hPtr);

	if (stackPtr->refCount == 1) {
	    Tcl_DeleteHashEntry(hPtr);	/* Its key is the stack's string. */
	    Tcl_DecrRefCount(stackPtr);
	}
    }
    for (hPtr = Tcl_FirstHashEntry(&statePtr->store.frames, &search); hPtr;
	    hPtr = Tcl_NextHashEntry(&search)) {
	Tcl_Obj *framePtr = Tcl_GetHashValue(hPtr);

	if (framePtr->refCount == 1) {
	    Tcl_DecrRefCount(framePtr);
	    Tcl_DeleteHashEntry(hPtr);
	}
    }
}

/*
 * InSnapshot --
 *
 *	Whether the object of origin key KEY ("c", "i", "w", "a", "b", "v" or
 *	"k" and its census identity) is in one of the interpreter's
 *	snapshots.
 */

static int
InSnapshot(
    TkleakState *statePtr,
    const char *key)
{
    int s;
    size_t t;

    for (s = 0; s < statePtr->store.numSnaps; s++) {
	TkleakCensus *censusPtr = statePtr->store.snaps[s].censusPtr;

	for (t = 0; t < censusPtr->numTypes; t++) {
	    TkleakType *typePtr = &censusPtr->types[t];
	    const char *name = typePtr->name;
	    TkleakKeyKind kind = TkleakTypeKeyKind(name);

	    if (kind == TKLEAK_KEY_NONE || (char) kind != key[0]) {
		continue;
	    }
	    if (TkleakTypeHas(typePtr, key + 1)) {
		return 1;
	    }
	}
    }
    return 0;
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakOriginForgetDead --
 *
 *	Drop the origins of the objects that died (TkleakForgetDead), but
 *	those of objects a snapshot still holds: tkleak::diff -by origin
 *	counts a gone object against the line that made it, so that code
 *	that makes and deletes as many (a timer that reschedules itself, a
 *	window opened and closed) nets 0. Memory stays bounded by what the
 *	snapshots hold.
 *
 * Side effects:
 *	The interpreter's result may change; callers save it.
 *
 * Results:
 *	None.
 *
 *----------------------------------------------------------------------
 */

void
TkleakOriginForgetDead(
    TkleakState *statePtr,
    Tcl_Interp *interp)
{
    Tcl_HashTable kept;
    Tcl_HashSearch search;
    Tcl_HashEntry *hPtr, *h2Ptr;
    int isNew;

    Tcl_InitHashTable(&kept, TCL_STRING_KEYS);
    if (statePtr->store.numSnaps > 0) {
	for (hPtr = Tcl_FirstHashEntry(&statePtr->store.origins, &search); hPtr;
		hPtr = Tcl_NextHashEntry(&search)) {
	    const char *key = Tcl_GetHashKey(&statePtr->store.origins, hPtr);

	    if (InSnapshot(statePtr, key)) {
		Tcl_Obj *recPtr = Tcl_GetHashValue(hPtr);

		Tcl_IncrRefCount(recPtr);
		h2Ptr = Tcl_CreateHashEntry(&kept, key, &isNew);
		Tcl_SetHashValue(h2Ptr, recPtr);
	    }
	}
    }
    TkleakForgetDead(statePtr, interp, &statePtr->store.origins);
    for (hPtr = Tcl_FirstHashEntry(&kept, &search); hPtr;
	    hPtr = Tcl_NextHashEntry(&search)) {
	Tcl_Obj *recPtr = Tcl_GetHashValue(hPtr);

	h2Ptr = Tcl_CreateHashEntry(&statePtr->store.origins,
		Tcl_GetHashKey(&kept, hPtr), &isNew);
	if (isNew) {
	    Tcl_SetHashValue(h2Ptr, recPtr);	/* The reference moves. */
	} else {
	    Tcl_DecrRefCount(recPtr);
	}
    }
    Tcl_DeleteHashTable(&kept);
}

/*
 *----------------------------------------------------------------------
 *
 * TkleakOriginFree --
 *
 *	Release the origin and stack tables of an interpreter.
 *
 * Results:
 *	None.
 *
 * Side effects:
 *	The tables are deleted, releasing what they hold; the frame cache is
 *	freed too. When no other interpreter read Python frames, so is the
 *	Python frame cache of the Python interpreter this thread runs,
 *	provided Python is running (not finalizing) and the thread has a
 *	thread state (the GIL is taken for it); otherwise the end of that
 *	interpreter frees it.
 *
 *----------------------------------------------------------------------
 */

void
TkleakOriginFree(
    TkleakState *statePtr)
{
    int last = 0;
    PyHold hold;

    TkleakWalkFramesFree(statePtr);
    TkleakDeleteObjTable(&statePtr->store.origins, 0);
    TkleakDeleteObjTable(&statePtr->store.stacks, 0);
    TkleakDeleteObjTable(&statePtr->store.frames, 0);
    if (statePtr->store.pyReader) {
	Tcl_MutexLock(&pyMutex);
	last = (--pyReaders == 0);
	Tcl_MutexUnlock(&pyMutex);
    }
    if (last && PythonEnter(&hold)) {
	if (FrameCache(0) != NULL) {
	    SetCapsule(py.interpGet(), NULL);	/* Frees it: CapsuleFree. */
	}
	PythonLeave(&hold);
    }
}

/*
 * TkleakOriginIntern, TkleakOriginIsLibFile --
 *
 *	For varorigin.c, which adds a frame of its own to a stack: the
 *	interned stack equal to STACKPTR (whose one reference the call takes
 *	over; the result is owned by the stack table), and whether a Tcl
 *	frame of FILE running PROC is a library's, by the rule of TclFrames.
 */

Tcl_Obj *
TkleakOriginIntern(
    TkleakState *statePtr,
    Tcl_Obj *stackPtr)
{
    return Intern(statePtr, stackPtr);
}

/*
 * TkleakOriginPython --
 *
 *	The Python frames that called into Tcl now, innermost first, at most
 *	-depth of the app's own (no Tcl is called: varorigin.c asks from
 *	inside Tcl's variable table).
 *
 * Results:
 *	A new list (no reference held), empty without Python.
 */

Tcl_Obj *
TkleakOriginPython(
    TkleakState *statePtr)
{
    Tcl_Obj *stackPtr = Tcl_NewListObj(0, NULL);

    PythonFrames(statePtr, stackPtr, statePtr->opts.depth,
	    TkleakOriginReadDepth(statePtr), NULL, NULL);
    return stackPtr;
}

int
TkleakOriginIsLibFile(
    Tcl_Interp *interp,
    const char *file,
    const char *proc)
{
    Tcl_DString roots, appDir;
    int lib;

    Tcl_DStringInit(&roots);
    Tcl_DStringInit(&appDir);
    LibRoots(interp, &roots, &appDir);
    lib = IsLibFrame(file, proc, Tcl_DStringValue(&roots),
	    Tcl_DStringValue(&appDir));
    Tcl_DStringFree(&roots);
    Tcl_DStringFree(&appDir);
    return lib;
}
