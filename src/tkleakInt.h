/*
 * tkleakInt.h --
 *
 *	Declarations shared by the files of the tkleak package that touch an
 *	interpreter, grouped by the files that define them (doc/hacking.md
 *	maps the layers). The interpreter-free heart is declared in
 *	heart/census.h, heart/keys.h and heart/orphan.h.
 *
 * Copyright (c) 2026 the tkleak developers. See the file "LICENSE".
 */

#ifndef TKLEAK_INT_H
#define TKLEAK_INT_H

#include <tcl.h>
#include <tclOO.h>
#include <tk.h>
#include "heart/census.h"
#include "heart/keys.h"
#include "heart/nameset.h"
#include "heart/orphan.h"

/*
 * Tcl_Size: the type of the lengths and counts Tcl's API passes by
 * pointer (Tcl_GetStringFromObj, Tcl_ListObjGetElements, ...), as wide as
 * a pointer in Tcl 9; Tcl 8.6 has int there and no name for it.
 */

#ifndef TCL_SIZE_MAX
typedef int Tcl_Size;
#endif

/*
 * The private walkers read Tcl/Tk 8.6's structures; configure defines
 * TKLEAK_PRIVATE for 8.6 headers only and builds the public walk on any
 * other version (m4/tkleak-tcl.m4).
 */

#if defined(TKLEAK_PRIVATE) \
	&& (TCL_MAJOR_VERSION != 8 || TCL_MINOR_VERSION != 6)
#   error "TKLEAK_PRIVATE is for Tcl/Tk 8.6 headers only"
#endif

#include <stdint.h>
#define TKLEAK_I2P(i) ((void *) (intptr_t) (i))
#define TKLEAK_P2I(p) ((int) (intptr_t) (p))

#ifndef MODULE_SCOPE
#   define MODULE_SCOPE extern __attribute__((visibility("hidden")))
#endif

/*
 * One kept snapshot.
 */

typedef struct TkleakSnapshot {
    Tcl_Obj *nameObj;		/* Its name; one reference held. */
    TkleakCensus *censusPtr;	/* Owned. */
} TkleakSnapshot;

typedef struct TkleakRecord TkleakRecord;
typedef struct TkleakState TkleakState;

/*
 * Per-interpreter state, kept as AssocData "tkleak" so that two interps
 * of one process (or two threads) never share snapshots.
 *
 * The state is cut by owner: one nested struct per layer or concern
 * below. The rule (doc/hacking.md, "State"): a part is written only by
 * the files its comment names as owner; any other file reads it as a
 * const view, or goes through the owner's functions. tkleak.c, on top,
 * makes the state's life: core/state.c zeroes it and sets the defaults,
 * Tkleak_Init fills the load-time parts (core's probes and callbacks,
 * query's load census), and DeleteState has each owner free its part
 * (TkleakRecordFree, TkleakCensusStateFree, TkleakSeenFree, ...).
 * TkleakOwnBytes (core/heap.c) reads every part to add up its bytes.
 * The recording state proper, TkleakRecord, is opaque outside record/.
 */

/*
 * core/: what built-in command kinds look like in this process, the
 * callbacks through which core/ and private/ ask a layer above them, and
 * core/call.c's caches. The probes and callbacks are written once, by
 * Tkleak_Init (TkleakProbe in tkleak.c); the tables only by core/call.c.
 */

typedef struct TkleakCoreState {
    Tcl_ObjCmdProc *procProc;	/* Learned at load time by making one */
    Tcl_ObjCmdProc *aliasProc;	/* command of each kind under ::tkleak */
    Tcl_ObjCmdProc *importProc;	/* and reading its command info. */
    Tcl_ObjCmdProc *objectProc;
    Tcl_NamespaceDeleteProc *objNsProc;
    Tcl_ObjCmdProc *myProc;	/* A TclOO object's "my" command. */
    int (*widgetHasProc)(TkleakState *statePtr, Tk_Window tkwin,
	    const char *option);	/* TkleakTkWidgetHas (census/tk.c),
				 * which TkleakWalkLearnClass asks: private/
				 * calls no layer above it. */
    Tcl_ObjCmdProc *(*originalProc)(TkleakState *statePtr,
	    Tcl_ObjCmdProc *objProc, ClientData clientData);
				/* TkleakRecordOriginal (record/), which
				 * core/'s TkleakCoreCommand asks. */
    size_t (*recordMemoryProc)(TkleakState *statePtr);
				/* TkleakRecordMemory (record/), which
				 * core/'s TkleakOwnBytes adds. */
    Tcl_HashTable coreProcs;	/* Built-in name -> the Tcl_ObjCmdProc it
				 * had when last seen as Tcl's own, for one
				 * with no client data: TkleakCallCore still
				 * calls it once the app has wrapped the name
				 * (renamed it, a proc in its place). */
    Tcl_HashTable procKinds;	/* objProc -> command kind, kept across
				 * censuses: dladdr is slow. */
} TkleakCoreState;

/*
 * The options of "tkleak configure": written only by TkleakConfigureObjCmd
 * (query/snapshots.c) and the defaults in core/state.c; every other layer
 * reads them.
 */

typedef struct TkleakOptions {
    int maxSnapshots;		/* 0: no cap (-maxsnapshots). */
    int depth;			/* Frames kept per origin (-depth). */
    int origins_on;		/* Recording also keeps origins (-origins). */
    int snapshotRefs;		/* Snapshots also index references (-refs). */
    int forcePublic;		/* Take the public-API path (-walk, for
				 * tests). */
} TkleakOptions;

/*
 * Tk's part: written only by census/tk.c (TkleakInitTk); read by every
 * layer, core/ and store/ included, as whether Tk is there.
 */

typedef struct TkleakTkState {
    int tkReady;		/* Tk stubs initialised and Tk present. */
} TkleakTkState;

/*
 * census/: what the last census learned, and the slot words kept from
 * one full slot scan to the next. Written only by census/ (collect.c,
 * slotwords.c).
 */

typedef struct TkleakCensusState {
    int lastSkipped;		/* Calls the last census skipped: app
				 * commands that failed or were replaced by
				 * procs (read-only option -skipped). */
    size_t lastObjects;		/* Objects in the last census taken. */
    Tcl_Obj *lastUnread;	/* Paths of the widgets whose slots the
				 * last index could not read (sorted list;
				 * one reference), or NULL. */
    Tcl_HashTable *slotTexts;	/* slotwords.c: slot text -> its words, */
    Tcl_HashTable *slotWordTable;/* and each distinct word once; NULL
				 * until the first scan. */
    size_t slotWordsBytes;	/* Their size (core/heap.c reads it). */
    unsigned long numScans;	/* Full slot scans begun (collect.c): the
				 * number of the scan under way, for the
				 * memos of slotwords.c and refs.c. */
    Tcl_HashTable *slotRefs;	/* refs.c: {owner slot} -> the referrer
				 * object of that slot, kept between scans;
				 * NULL until the first scan. */
    unsigned long textsScan;	/* The last scan that used a kept text, */
    size_t textsUsed;		/* and how many it used (slotwords.c): the
				 * end of a scan that used every one has
				 * none to drop, nor a table to walk. */
    unsigned long refsScan;	/* The same for the kept referrers */
    size_t refsUsed;		/* (refs.c). */
} TkleakCensusState;

/*
 * private/: caches of the private walks, written only by private/
 * (freed by TkleakWalkFree).
 */

typedef struct TkleakPrivateState {
    void *frameCache;		/* frames.c: stacks by raw frames, or
				 * NULL. */
    int bindWalk;		/* bindings.c: whether Tk's binding records
				 * can be read (0 until its self-test ran). */
    void *seqCache;		/* bindings.c: event sequence texts by
				 * pattern content; owned. */
    const void *menuClassProcs;	/* windows.c: Tk's class procs of menus */
    const void *canvasClassProcs;/* and canvases, learned from the app's
				 * own (TkleakWalkLearnClass). */
} TkleakPrivateState;

/*
 * store/: what outlives a command. Written only by store/ (snapshot.c,
 * seen.c, origin.c, creation.c); record/'s fold and the query/ commands
 * change it through store/'s functions and read it.
 */

typedef struct TkleakStoreState {
    TkleakSnapshot *snaps;	/* Oldest first. */
    int numSnaps;
    int capSnaps;
    Tcl_HashTable seen;		/* Index key -> last {owner slot} seen. */
    double seenBytes;		/* SEEN's size, kept as it changes (seen.c,
				 * by heap.c's estimates). */
    Tcl_HashTable origins;	/* Index key -> {CREATED ATTACHED} list. */
    Tcl_HashTable stacks;	/* Interned stacks, by string form (keys:
				 * tkleakStackKeyType, origin.c). */
    Tcl_HashTable frames;	/* Their interned frames (origin.c). */
    int pyReader;		/* Python frames were read (origin.c). */
    int trackUnnamed;		/* While recording: keep UNNAMEDPTR and
				 * UNRESOLVED. */
    Tcl_HashTable unresolved;	/* Name -> referrers of slots that may name
				 * it unknown to "seen": dropped entries'
				 * slots and slots folded while their word
				 * named nothing, by the name a key is
				 * looked for (TkleakNameSetKeyName); while
				 * recording, since the last full index;
				 * bounded (seen.c). */
    TkleakNameSet *unnamedPtr;	/* The names slots may hold that "seen" does
				 * not tie to an object: words that named
				 * nothing at the last full index or at a
				 * fold since, and the names of entries
				 * dropped since (seen.c); NULL until a full
				 * index gives one. Owned. */
} TkleakStoreState;

/*
 * query/: what the commands keep between calls. Written only by query/
 * (snapshots.c, compare.c) and, for the load census, Tkleak_Init.
 */

typedef struct TkleakQueryState {
    unsigned long counter;	/* For the default names s1, s2, ... */
    TkleakCensus *reference;	/* print_diff's reference census; owned. */
    TkleakCensus *loadPtr;	/* The census at package load; owned. */
    struct TkleakOrphanScan *scanPtr;
				/* The stepped orphan scan under way
				 * (query/orphanstep.c), or NULL; owned. */
} TkleakQueryState;

/*
 * record/: live recording. Written only by record/ (record.c, log.c).
 */

typedef struct TkleakRecordState {
    TkleakRecord *recordPtr;	/* Live recording (opaque), or NULL. */
    Tcl_HashTable memo;		/* Word -> list of index keys. */
    Tcl_HashTable refCache;	/* owner\1slot -> referrer dict. */
} TkleakRecordState;

struct TkleakState {
    Tcl_Interp *interp;		/* Set when the state is made. */
    TkleakCoreState core;	/* core/, and Tkleak_Init at load. */
    TkleakOptions opts;		/* tkleak configure (query/snapshots.c). */
    TkleakTkState tk;		/* census/tk.c. */
    TkleakCensusState census;	/* census/. */
    TkleakPrivateState priv;	/* private/. */
    TkleakStoreState store;	/* store/. */
    TkleakQueryState query;	/* query/. */
    TkleakRecordState record;	/* record/. */
};

/*
 * A reference index (refs.c): which slots name each command, image and
 * menu. Keys are "c" + command, "i" + image, "w" + window path; values
 * are lists of {owner O slot S} dicts, one reference held.
 */

typedef struct TkleakRefs {
    Tcl_HashTable index;
    unsigned long scan;		/* The number of this scan (numScans). */
    int bounded;		/* Whether the two lengths below hold, */
    size_t maxImage;		/* the longest image name, and */
    size_t maxCommand;		/* the longest global command name, when
				 * they bound what a name can be
				 * (TkleakRefsBegin). */
    int keepCensus;		/* Whether the caller keeps the census taken
				 * with the index (its "own" bytes, a walk of
				 * every table of tkleak's, are measured
				 * only then); 0 unless set. */
    Tcl_HashTable classSlots;	/* Widget class -> its slot options. */
    Tcl_Obj *tracedVars;	/* Variables with traces, from the walk. */
    struct TkleakRefsQueue *queuePtr;
				/* Not NULL: TkleakRefsAdd queues each slot
				 * here instead of indexing it, for a stepped
				 * scan to index later (query/orphanstep.c);
				 * NULL unless set. */
    TkleakNameSet *unnamedPtr;	/* Not NULL: the index puts here each word
				 * of a slot that named nothing it may name,
				 * for the live check (refs.c's
				 * NoteMemoUnnamed); owned,
				 * freed by TkleakRefsFree unless "seen"
				 * takes it (TkleakRefsRemember). NULL
				 * unless set (TkleakSeenPrepare). */
} TkleakRefs;

/*
 * The slots a stepped scan queued during its census (refs.c): each is
 * its owner and slot (NUL-terminated), then its text's length (a
 * size_t, unaligned) and the text and a NUL, copied, never pointers; or
 * a run of bindings the census counted, by the position of their
 * identities among its "binding" ones (TkleakRefsQueueBindingId).
 */

typedef struct TkleakRefsQueue {
    char *buf;			/* malloc'ed, or NULL. */
    size_t len, cap;		/* Bytes used and allocated. */
    size_t pos;			/* The next slot to index. */
    size_t count;		/* Slots queued. */
    size_t lastRun;		/* 1 + where the last record begins when it
				 * is a run of bindings, else 0. */
    const char *const *bindingIds;
				/* The census's binding identities, set by
				 * the caller before the first
				 * TkleakRefsQueueNext (the census owns
				 * them), and how many: */
    size_t numBindingIds;
} TkleakRefsQueue;

/*
 * The collector's working state during one census (collect.c).
 */

enum TkleakFixedType {
    TT_PROC, TT_ALIAS, TT_ENSEMBLE, TT_TKINTER, TT_NATIVE, TT_NAMESPACE,
    TT_VARIABLE, TT_ELEMENT, TT_FONT, TT_AFTER, TT_CHANNEL, TT_INTERP,
    TT_BINDING, TT_MENU_ENTRY, TT_CANVAS_ITEM, TT_TRACE, TT_COUNT
};

typedef struct TkleakCollect {
    const struct TkleakSink *sinkPtr;	/* What the walks feed (census/sink.c). */
    TkleakState *statePtr;
    Tcl_Interp *interp;
    TkleakCensus *censusPtr;
    int fixed[TT_COUNT];	/* Type indexes, -1 until first used. */
    Tcl_HashTable widgets;	/* Window paths seen (string keys). */
    Tcl_HashTable tags;		/* Bind tags in use (string keys). */
    Tcl_HashTable images;	/* Image names seen (string keys). */
    Tcl_HashTable imageCmds;	/* Their commands, fully qualified. */
    Tcl_HashTable tagPtrs;	/* Tag strings already added, by address. */
    const char *lastTags[3];	/* The last tags added: most windows share */
    int lastTagSlot;		/* their class and toplevel tags. */
    Tcl_HashTable classTypes;	/* Class pointer -> type index + 1. */
    Tcl_DString name;		/* Scratch for names. */
    Tcl_HashEntry **entries;	/* Scratch array, namespaces.c (malloc'ed). */
    int capEntries;
    char *nameBuf;		/* namespaces.c: names (malloc'ed). */
    size_t nameCap;
    int worker;			/* namespaces.c: this is the namespace worker's
				 * collector (see "The namespace worker"). */
    const char *prefixNs;	/* Namespace whose "ns::" prefix is in */
    int prefixLen;		/* NAME: its length. */
    TkleakRefs *refsPtr;	/* Index to fill too, or NULL. */
    int failed;			/* Out of memory: the census is void. */
    int skipped;		/* Objects skipped because they failed. */
    Tcl_HashTable *hullsPtr;	/* Widget record -> Tk's widget command,
				 * when renamed (TkleakWidgetCommand). */
    Tcl_HashTable *unreadPtr;	/* Paths of widgets with no Tk widget
				 * command found, or NULL. */
    char *traced;		/* Variables and commands with traces, each
				 * a kind ('v' or 'c'), its fully qualified
				 * name and a NUL (malloc'ed: the worker
				 * notes them too). */
    size_t tracedLen, tracedCap;
    unsigned char imageSig[32];	/* sink.c: a bit per (length, last byte)
				 * of the names in imageCmds. */
    Tcl_ObjCmdProc *tkinterProc;	/* sink.c: the last object procedure
				 * found to be _tkinter's, or NULL. */
} TkleakCollect;

/*
 * The sink of a census as the walks of private/ see it: they call no
 * layer above them but through these, which census/ fills in
 * (tkleakCensusSink, census/sink.c). Each is the function of the same
 * name with a Tkleak prefix (TkleakAddFixed, ...), and means what it
 * does.
 */

typedef struct TkleakSink {
    void (*addFixed)(TkleakCollect *ctxPtr, int which, const char *id,
	    size_t idLen, size_t bytes);
    void (*addTag)(TkleakCollect *ctxPtr, const char *tag);
    void (*addBinding)(TkleakCollect *ctxPtr, const char *tag,
	    const char *seq, const char *id, size_t idLen,
	    const char *script);
    void (*countCommand)(TkleakCollect *ctxPtr, Tcl_Command token,
	    Tcl_ObjCmdProc *objProc, const char *nsName, const char *name,
	    size_t bodyLen);
    int (*countWindow)(TkleakCollect *ctxPtr, Tk_Window tkwin);
    void (*countImage)(TkleakCollect *ctxPtr, const char *name);
    void (*countAfter)(TkleakCollect *ctxPtr, const char *id, int idLen,
	    Tcl_Obj *scriptPtr);
    void (*noteTraced)(TkleakCollect *ctxPtr, int kind, const char *prefix,
	    size_t prefixLen, const char *name, size_t nameLen);
    void (*tagBindings)(TkleakCollect *ctxPtr, Tk_BindingTable table,
	    ClientData object, const char *tag);
    void (*refsMenuEntry)(TkleakCollect *ctxPtr, const char *path,
	    int index, const char *option, Tcl_Obj *valuePtr);
} TkleakSink;

MODULE_SCOPE const TkleakSink tkleakCensusSink;

/*
 * Functions shared across files.
 */

MODULE_SCOPE TkleakState *TkleakGetState(Tcl_Interp *interp);
MODULE_SCOPE void	TkleakStateFreeProc(Tcl_InterpDeleteProc *proc);
MODULE_SCOPE int	TkleakInitTk(TkleakState *statePtr, Tcl_Interp *interp);
MODULE_SCOPE int	TkleakCensusTake(TkleakState *statePtr,
			    Tcl_Interp *interp, TkleakCensus **censusPtrPtr);
MODULE_SCOPE int	TkleakCensusTakeEx(TkleakState *statePtr,
			    Tcl_Interp *interp, TkleakCensus **censusPtrPtr,
			    TkleakRefs *refsPtr);
MODULE_SCOPE int	TkleakCensusTakeBare(TkleakState *statePtr,
			    Tcl_Interp *interp, TkleakCensus **censusPtrPtr);
MODULE_SCOPE int	TkleakCensusTakeSteps(TkleakState *statePtr,
			    Tcl_Interp *interp, TkleakCensus **censusPtrPtr,
			    TkleakRefs *refsPtr, Tcl_Obj **windowsPtrPtr,
			    Tcl_HashTable **unreadPtrPtr);
MODULE_SCOPE void	TkleakAddFixed(TkleakCollect *ctxPtr, int which,
			    const char *id, size_t idLen, size_t bytes);
MODULE_SCOPE void	TkleakCountCommand(TkleakCollect *ctxPtr,
			    Tcl_Command token, Tcl_ObjCmdProc *objProc,
			    const char *nsName, const char *name,
			    size_t bodyLen);
MODULE_SCOPE const char *TkleakCommandType(TkleakState *statePtr,
			    Tcl_Interp *interp, Tcl_Command token,
			    const char *fq, Tcl_DString *dsPtr);
MODULE_SCOPE int	TkleakCountWindow(TkleakCollect *ctxPtr,
			    Tk_Window tkwin);
MODULE_SCOPE void	TkleakCountImage(TkleakCollect *ctxPtr, const char *name);
MODULE_SCOPE void	TkleakCountAfter(TkleakCollect *ctxPtr, const char *id,
			    int idLen, Tcl_Obj *scriptPtr);
MODULE_SCOPE void	TkleakAddTag(TkleakCollect *ctxPtr, const char *tag);
MODULE_SCOPE void	TkleakAddBinding(TkleakCollect *ctxPtr,
			    const char *tag, const char *seq, const char *id,
			    size_t idLen, const char *script);
MODULE_SCOPE void	TkleakTagBindings(TkleakCollect *ctxPtr,
			    Tk_BindingTable table, ClientData object,
			    const char *tag);
MODULE_SCOPE void	TkleakNoteTraced(TkleakCollect *ctxPtr, int kind,
			    const char *prefix, size_t prefixLen,
			    const char *name, size_t nameLen);
MODULE_SCOPE char *	TkleakJoinPair(const char *a, const char *b,
			    char *buf, size_t size);

/*
 * The characters for which Tcl_Merge quotes a list element: a word without
 * them (and not empty, nor first with a leading '#') is its own element.
 */

#define TKLEAK_LIST_SPECIALS " \t\n\r\f\v{}[]$\\\";"
MODULE_SCOPE int	TkleakCallCore(TkleakCollect *ctxPtr,
			    const char *cmdName, int objc,
			    Tcl_Obj *const objv[], Tcl_Obj **resultPtr);
MODULE_SCOPE void	TkleakCoreLibraries(TkleakState *statePtr, int tk);
MODULE_SCOPE int	TkleakCoreCommand(TkleakState *statePtr,
			    Tcl_Command token, Tcl_CmdInfo *infoPtr);
MODULE_SCOPE int	TkleakWidgetCommand(TkleakCollect *ctxPtr,
			    Tk_Window tkwin, Tcl_CmdInfo *infoPtr);
MODULE_SCOPE int	TkleakTkWidgetHas(TkleakState *statePtr,
			    Tk_Window tkwin, const char *option);
MODULE_SCOPE void	TkleakCollectDone(TkleakCollect *ctxPtr);
MODULE_SCOPE void	TkleakCollectRelease(TkleakCollect *ctxPtr);
MODULE_SCOPE void	TkleakCensusStateFree(TkleakState *statePtr);

/*
 * Command kinds, as cached per objProc in procKinds.
 */

enum { KIND_NATIVE = 1, KIND_TKINTER, KIND_OBJECT, KIND_CORE };

/* core/call.c */
MODULE_SCOPE int	TkleakLibraryKind(TkleakState *statePtr, void *func);
MODULE_SCOPE void	TkleakCoreFree(TkleakState *statePtr);
MODULE_SCOPE int	TkleakCallCoreList(TkleakCollect *ctxPtr,
			    const char *cmdName, int objc,
			    const char *const words[], Tcl_Obj **listPtr,
			    int *lenPtr, Tcl_Obj ***elemsPtr);
/* census/sink.c */
MODULE_SCOPE void	TkleakBindingRef(TkleakCollect *ctxPtr,
			    const char *tag, const char *seq, const char *script, size_t len);
/* census/public.c */
MODULE_SCOPE void	TkleakPublicNamespace(TkleakCollect *ctxPtr,
			    Tcl_Obj *nsPtr);
MODULE_SCOPE void	TkleakPublicWindows(TkleakCollect *ctxPtr,
			    Tk_Window tkwin);
MODULE_SCOPE void	TkleakPublicImages(TkleakCollect *ctxPtr);

/* core/options.c: the limits of the numeric options, as in tkleak(n). */
#define TKLEAK_MAX_SNAPSHOTS 10000	/* configure -maxsnapshots */
#define TKLEAK_MAX_DEPTH 64		/* configure -depth */
MODULE_SCOPE int	TkleakGetIndex(Tcl_Interp *interp, Tcl_Obj *objPtr,
			    const char *const *table, const char *what,
			    int *indexPtr, ...);
MODULE_SCOPE int	TkleakGetBounded(Tcl_Interp *interp, Tcl_Obj *objPtr,
			    Tcl_WideInt min, Tcl_WideInt max,
			    const char *what, Tcl_WideInt *valuePtr, ...);
MODULE_SCOPE int	TkleakGetBoolean(Tcl_Interp *interp, Tcl_Obj *objPtr,
			    int *boolPtr, ...);

/* core/heap.c, query/heap.c */
MODULE_SCOPE void	TkleakHeapGet(long long *heapPtr, long long *rssPtr);
MODULE_SCOPE long long	TkleakOwnBytes(TkleakState *statePtr);
MODULE_SCOPE double	TkleakSeenEntryBytes(const char *key);
MODULE_SCOPE double	TkleakSeenRefBytes(void);
MODULE_SCOPE double	TkleakObjBytes(Tcl_Obj *objPtr, int depth);
MODULE_SCOPE Tcl_ObjCmdProc TkleakHeapObjCmd;

/* query/pygc.c */
MODULE_SCOPE Tcl_ObjCmdProc TkleakGcObjCmd;

/* query/pycallable.c */
MODULE_SCOPE Tcl_ObjCmdProc TkleakPyCallableObjCmd;

/* store/snapshot.c, query/snapshots.c */
MODULE_SCOPE Tcl_ObjCmdProc TkleakSnapshotObjCmd, TkleakSnapshotsObjCmd,
			    TkleakForgetObjCmd, TkleakSummaryObjCmd,
			    TkleakObjectsObjCmd, TkleakConfigureObjCmd;
MODULE_SCOPE int	TkleakCensusTakeKeep(TkleakState *statePtr,
			    Tcl_Interp *interp, TkleakCensus **censusPtrPtr);
MODULE_SCOPE int	TkleakCensusTakeRemember(TkleakState *statePtr,
			    Tcl_Interp *interp, TkleakCensus **censusPtrPtr,
			    int keep);
MODULE_SCOPE int	TkleakFindSnapshot(TkleakState *statePtr,
			    const char *name);
MODULE_SCOPE void	TkleakDropSnapshot(TkleakState *statePtr, int i);
MODULE_SCOPE int	TkleakSnapshotExists(Tcl_Interp *interp,
			    const char *name);
MODULE_SCOPE int	TkleakSnapshotUnknown(Tcl_Interp *interp,
			    const char *name);
MODULE_SCOPE int	TkleakGetCensus(Tcl_Interp *interp,
			    TkleakState *statePtr, Tcl_Obj *nameObj,
			    TkleakCensus **censusPtrPtr, int *freshPtr);
MODULE_SCOPE int	TkleakStoreCensus(Tcl_Interp *interp,
			    TkleakState *statePtr, Tcl_Obj *nameObj,
			    TkleakCensus *censusPtr, int replace);
MODULE_SCOPE void	TkleakFreeSnapshots(TkleakState *statePtr);

/* query/compare.c */
MODULE_SCOPE Tcl_ObjCmdProc TkleakDiffObjCmd, TkleakNewObjCmd,
			    TkleakGoneObjCmd, TkleakGrownObjCmd,
			    TkleakFormatDiffObjCmd,
			    TkleakPrintDiffObjCmd, TkleakCalibrateObjCmd;

/* census/slotwords.c: the words of slot texts, kept from one full scan
 * to the next. */
typedef struct TkleakWordMemo {
    unsigned long scan;		/* The scan whose answer KEYSPTR is; 0 for
				 * none. */
    int commands;		/* Whether commands were asked too. */
    Tcl_Obj *keysPtr;		/* What the word named then (one reference),
				 * or NULL for nothing. */
    unsigned int nameHash;	/* The word's fingerprint and its tail's in a
				 * set of unnamed names (heart/nameset.c),
				 * 0 until needed (refs.c). */
    unsigned int tailHash;
} TkleakWordMemo;
typedef void (TkleakWordMemoProc)(void *clientData, const char *word,
			    size_t len, int flags, TkleakWordMemo *memoPtr);
MODULE_SCOPE void	TkleakSlotWordsEach(TkleakState *statePtr,
			    const char *text, size_t len, TkleakWordProc *fn,
			    void *clientData);
MODULE_SCOPE void	TkleakSlotWordsEachMemo(TkleakState *statePtr,
			    unsigned long scan, const char *text, size_t len,
			    TkleakWordMemoProc *fn, void *clientData);
MODULE_SCOPE void	TkleakSlotWordsAge(TkleakState *statePtr,
			    unsigned long scan);
MODULE_SCOPE void	TkleakSlotWordsFree(TkleakState *statePtr);

/* store/origin.c, for record/varorigin.c */
MODULE_SCOPE Tcl_Obj *	TkleakOriginIntern(TkleakState *statePtr,
			    Tcl_Obj *stackPtr);
MODULE_SCOPE int	TkleakOriginIsLibFile(Tcl_Interp *interp,
			    const char *file, const char *proc);
MODULE_SCOPE Tcl_Obj *	TkleakOriginPython(TkleakState *statePtr);

/* record/varorigin.c */
MODULE_SCOPE int	TkleakCanvasItemAlive(TkleakState *statePtr,
			    Tcl_Interp *interp, const char *key);
MODULE_SCOPE void	TkleakVarHook(TkleakState *statePtr,
			    Tcl_Interp *interp, int mode);
MODULE_SCOPE int	TkleakVarKeyAlive(TkleakState *statePtr,
			    Tcl_Interp *interp, const char *key);
MODULE_SCOPE Tcl_Obj *	TkleakVarOriginKey(TkleakState *statePtr,
			    Tcl_Interp *interp, Tcl_Obj *namePtr);

/* query/typeof.c */
MODULE_SCOPE Tcl_ObjCmdProc TkleakTypeofObjCmd;

/* census/refs.c, census/tk.c, core/resolve.c, core/util.c, store/seen.c */
MODULE_SCOPE void	TkleakRefsInit(TkleakRefs *refsPtr);
MODULE_SCOPE Tcl_Obj *	TkleakNewRef(const char *owner, const char *slot);
MODULE_SCOPE Tcl_Obj *	TkleakDictGet(Tcl_Obj *dictPtr, const char *key);
MODULE_SCOPE size_t	TkleakHashString(const char *s);
MODULE_SCOPE void	TkleakDeleteObjTable(Tcl_HashTable *tablePtr,
			    int reinit);
MODULE_SCOPE void	TkleakBindSlot(Tcl_DString *dsPtr, const char *tag,
			    const char *seq);
MODULE_SCOPE void	TkleakRefsFree(TkleakRefs *refsPtr);
MODULE_SCOPE void	TkleakRefsBegin(TkleakCollect *ctxPtr);
MODULE_SCOPE void	TkleakRefsAge(TkleakState *statePtr,
			    unsigned long scan);
MODULE_SCOPE void	TkleakRefsAdd(TkleakCollect *ctxPtr, const char *owner,
			    const char *slot, const char *text, size_t len);
MODULE_SCOPE void	TkleakRefsMenuEntry(TkleakCollect *ctxPtr,
			    const char *path, int index, const char *option,
			    Tcl_Obj *valuePtr);
MODULE_SCOPE void	TkleakRefsScanWindows(TkleakCollect *ctxPtr);
MODULE_SCOPE void	TkleakRefsScanWindow(TkleakCollect *ctxPtr,
			    const char *path, Tk_Window tkwin);
MODULE_SCOPE void	TkleakRefsScanTraces(TkleakCollect *ctxPtr);
MODULE_SCOPE void	TkleakRefsScanTrace(TkleakCollect *ctxPtr,
			    Tcl_Obj *varPtr);
MODULE_SCOPE int	TkleakRefsQueueNext(TkleakCollect *ctxPtr);
MODULE_SCOPE void	TkleakRefsQueueBindingId(TkleakCollect *ctxPtr,
			    size_t index);
MODULE_SCOPE void	TkleakRefsQueueFree(TkleakRefsQueue *queuePtr);
MODULE_SCOPE int	TkleakKeyAlive(TkleakState *statePtr,
			    Tcl_Interp *interp, const char *key);
MODULE_SCOPE void	TkleakRefsRememberEntry(TkleakState *statePtr,
			    TkleakRefs *refsPtr, Tcl_HashEntry *hPtr);
MODULE_SCOPE int	TkleakRefsRemember(TkleakState *statePtr,
			    TkleakRefs *refsPtr);
MODULE_SCOPE void	TkleakSeen(TkleakState *statePtr, const char *key,
			    Tcl_Obj *refPtr);
MODULE_SCOPE Tcl_Obj *	TkleakSeenLast(Tcl_HashEntry *hPtr);
MODULE_SCOPE void	TkleakSeenForgetDead(TkleakState *statePtr,
			    Tcl_Interp *interp);
MODULE_SCOPE void	TkleakSeenFree(TkleakState *statePtr);
MODULE_SCOPE void	TkleakSeenDrop(TkleakState *statePtr,
			    Tcl_HashEntry *hPtr);
MODULE_SCOPE void	TkleakSeenTrackUnnamed(TkleakState *statePtr,
			    int track);
MODULE_SCOPE void	TkleakSeenPrepare(TkleakState *statePtr,
			    TkleakRefs *refsPtr);
MODULE_SCOPE void	TkleakSeenUnnamed(TkleakState *statePtr,
			    const char *word, size_t len, int commands,
			    Tcl_Obj *refPtr);
MODULE_SCOPE int	TkleakSeenMayBeNamed(TkleakState *statePtr,
			    const char *key);
MODULE_SCOPE Tcl_Obj *	TkleakSeenUnresolved(TkleakState *statePtr,
			    const char *key);
MODULE_SCOPE void	TkleakOriginForgetDead(TkleakState *statePtr,
			    Tcl_Interp *interp);
MODULE_SCOPE void	TkleakForgetDead(TkleakState *statePtr,
			    Tcl_Interp *interp, Tcl_HashTable *tablePtr);
MODULE_SCOPE Tcl_Obj *	TkleakResolveKeysEx(TkleakState *statePtr,
			    Tcl_Interp *interp, const char *name,
			    int commands);
MODULE_SCOPE int	TkleakResolveKeysSame(TkleakState *statePtr,
			    Tcl_Interp *interp, const char *name,
			    int commands, Tcl_Obj *keysPtr);
MODULE_SCOPE Tcl_Obj *	TkleakResolveKeys(TkleakState *statePtr,
			    Tcl_Interp *interp, const char *name);
MODULE_SCOPE Tcl_Obj *	TkleakResolveKey(TkleakState *statePtr,
			    Tcl_Interp *interp, const char *name);
MODULE_SCOPE int	TkleakCallWidget(TkleakCollect *ctxPtr,
			    const char *path, int objc,
			    const char *const words[], Tcl_Obj **resultPtr);
MODULE_SCOPE void	TkleakNoteUnread(TkleakCollect *ctxPtr,
			    const char *path);
#define TKLEAK_SEEN_MAX 8
MODULE_SCOPE Tcl_ObjCmdProc TkleakRefsObjCmd, TkleakOrphansObjCmd,
			    TkleakWidgetObjCmd;

/* record/, core/quoted.c */
MODULE_SCOPE Tcl_ObjCmdProc TkleakRecordObjCmd;
MODULE_SCOPE int	TkleakRecording(TkleakState *statePtr);
MODULE_SCOPE unsigned long TkleakRecordOnSerial(TkleakState *statePtr);
MODULE_SCOPE void	TkleakRecordFlush(TkleakState *statePtr);
MODULE_SCOPE Tcl_ObjCmdProc *TkleakRecordOriginal(TkleakState *statePtr,
			    Tcl_ObjCmdProc *objProc, ClientData clientData);
MODULE_SCOPE size_t	TkleakRecordMemory(TkleakState *statePtr);
MODULE_SCOPE void	TkleakScanQuotedWords(const char *script, size_t len,
			    TkleakWordProc *fn, void *clientData);

/* store/origin.c, query/origin.c */
MODULE_SCOPE Tcl_Obj *	TkleakOriginCapture(TkleakState *statePtr,
			    Tcl_Interp *interp);
MODULE_SCOPE void	TkleakOriginCreated(TkleakState *statePtr,
			    const char *key, Tcl_Obj *stackPtr);
MODULE_SCOPE void	TkleakOriginAttached(TkleakState *statePtr,
			    const char *key, Tcl_Obj *refPtr,
			    Tcl_Obj *stackPtr);
MODULE_SCOPE Tcl_Obj *	TkleakOriginOf(TkleakState *statePtr,
			    const char *key);
MODULE_SCOPE Tcl_Obj *	TkleakOriginLast(TkleakState *statePtr,
			    const char *key);
MODULE_SCOPE void	TkleakOriginForget(TkleakState *statePtr,
			    const char *key);
MODULE_SCOPE void	TkleakOriginForgetStacks(TkleakState *statePtr);
MODULE_SCOPE const Tcl_HashKeyType tkleakStackKeyType;
MODULE_SCOPE void	TkleakOriginFree(TkleakState *statePtr);
MODULE_SCOPE Tcl_ObjCmdProc TkleakOriginObjCmd;

/* store/creation.c */
MODULE_SCOPE int	TkleakBindingKey(TkleakState *statePtr,
			    Tcl_Interp *interp, const char *tag,
			    const char *seq, Tcl_DString *dsPtr);
MODULE_SCOPE int	TkleakCreationAlive(TkleakState *statePtr,
			    Tcl_Interp *interp, const char *key);
MODULE_SCOPE int	TkleakLiveAfters(TkleakState *statePtr,
			    Tcl_Interp *interp, Tcl_HashTable *tablePtr);
MODULE_SCOPE void	TkleakCreatedAfter(TkleakState *statePtr,
			    const char *id, Tcl_Obj *stackPtr);
MODULE_SCOPE void	TkleakCreatedBinding(TkleakState *statePtr,
			    Tcl_Interp *interp, const char *tag,
			    const char *seq, int how, Tcl_Obj *stackPtr);
enum { TKLEAK_BIND_SET, TKLEAK_BIND_DELETED, TKLEAK_BIND_APPENDED };

/* query/live.c, query/orphans.c */
MODULE_SCOPE int	TkleakIsLibraryCommand(TkleakState *statePtr,
			    Tcl_Interp *interp, const char *fq);
MODULE_SCOPE int	TkleakIsLibraryImage(const char *name);
MODULE_SCOPE int	TkleakIsDeadWindowCommand(TkleakState *statePtr,
			    Tcl_Interp *interp, const char *fq);
MODULE_SCOPE int	TkleakOrphansLive(TkleakState *statePtr,
			    Tcl_Interp *interp, TkleakCensus *sincePtr,
			    Tcl_Obj **resultPtr);
typedef int (TkleakRetainsOnlyProc)(void *data, const char *key,
			    const char *path);
MODULE_SCOPE Tcl_Obj *	TkleakRetains(TkleakCensus *censusPtr,
			    TkleakRefs *refsPtr, const char *path,
			    TkleakRetainsOnlyProc *onlyProc, void *onlyData);
MODULE_SCOPE void	TkleakRecordFree(TkleakState *statePtr);
MODULE_SCOPE Tcl_Obj *	TkleakNewOrphan(const char *name, const char *type,
			    const char *reason, Tcl_Obj *lastPtr);
MODULE_SCOPE Tcl_Obj *	TkleakOrphanCheck(TkleakState *statePtr,
			    Tcl_Interp *interp, TkleakCensus *curPtr,
			    TkleakRefs *refsPtr, const char *type, int kind,
			    const char *id);
MODULE_SCOPE void	TkleakOrphansMore(TkleakState *statePtr,
			    Tcl_Interp *interp, TkleakCensus *sincePtr,
			    Tcl_Obj *listPtr);
MODULE_SCOPE Tcl_Obj *	TkleakOrphansAddNotes(TkleakState *statePtr,
			    Tcl_Obj *listPtr);
MODULE_SCOPE int	TkleakOrphansSince(Tcl_Interp *interp,
			    TkleakState *statePtr, Tcl_Obj *sinceObj,
			    TkleakCensus **sincePtrPtr);

/* query/orphanstep.c */
MODULE_SCOPE Tcl_ObjCmdProc TkleakOrphanScanObjCmd;
MODULE_SCOPE void	TkleakOrphanScanFree(TkleakState *statePtr);

/* private/: the fast path through Tcl's and Tk's private structures. */
MODULE_SCOPE int	TkleakWalkUsable(TkleakState *statePtr);
MODULE_SCOPE void	TkleakWalkNamespaces(TkleakCollect *ctxPtr);
MODULE_SCOPE void *	TkleakWalkNamespacesStart(TkleakCollect *ctxPtr);
MODULE_SCOPE void	TkleakWalkGlobalNamespace(TkleakCollect *ctxPtr);
MODULE_SCOPE void	TkleakWalkNamespacesFinish(TkleakCollect *ctxPtr,
			    void *worker);
#define TKLEAK_THREAD_MIN 20000	/* Objects in the last census from which
				 * namespaces are walked on two threads. */
MODULE_SCOPE void	TkleakWalkWindows(TkleakCollect *ctxPtr,
			    Tk_Window mainWin);
MODULE_SCOPE Tk_BindingTable TkleakWalkBindingTable(Tk_Window mainWin);
MODULE_SCOPE int	TkleakWalkBindings(TkleakCollect *ctxPtr,
			    Tk_BindingTable table);
MODULE_SCOPE void	TkleakWalkFree(TkleakState *statePtr);
MODULE_SCOPE int	TkleakWalkAfters(TkleakCollect *ctxPtr);
MODULE_SCOPE void	TkleakWalkImages(TkleakCollect *ctxPtr,
			    Tk_Window mainWin);
MODULE_SCOPE void	TkleakWalkLearnClass(TkleakState *statePtr,
			    Tk_Window tkwin);
MODULE_SCOPE void	TkleakWalkLearnClasses(TkleakState *statePtr,
			    Tk_Window mainWin);
MODULE_SCOPE int	TkleakWalkInstanceData(TkleakState *statePtr,
			    Tk_Window tkwin, ClientData *dataPtr);
typedef void (TkleakCommandFn)(void *data, Tcl_Command token,
			    Tcl_ObjCmdProc *objProc, ClientData clientData);
MODULE_SCOPE void	TkleakWalkCommands(Tcl_Interp *interp,
			    TkleakCommandFn *fn, void *data);
MODULE_SCOPE int	TkleakWalkIsMenu(TkleakState *statePtr, Tk_Window tkwin);
MODULE_SCOPE int	TkleakWalkIsCanvas(TkleakState *statePtr,
			    Tk_Window tkwin);
MODULE_SCOPE void	TkleakWalkMenuRefs(TkleakCollect *ctxPtr,
			    Tk_Window tkwin);
MODULE_SCOPE int	TkleakWalkHasFrames(Tcl_Interp *interp);
MODULE_SCOPE Tcl_Obj *	TkleakWalkFramesLookup(TkleakState *statePtr,
			    Tcl_Interp *interp, int depth);
MODULE_SCOPE void	TkleakWalkFramesStore(TkleakState *statePtr,
			    Tcl_Interp *interp, Tcl_Obj *stackPtr,
			    int levels, int depth);
MODULE_SCOPE const char *TkleakWalkGlobalString(Tcl_Interp *interp,
			    const char *name);
MODULE_SCOPE void	TkleakWalkFramesFlush(TkleakState *statePtr);
MODULE_SCOPE void	TkleakWalkFramesFree(TkleakState *statePtr);
MODULE_SCOPE int	TkleakWalkMenuOwns(TkleakState *statePtr,
			    Tk_Window tkwin, ClientData clientData);
MODULE_SCOPE int	TkleakWalkMenuSize(ClientData clientData);
MODULE_SCOPE int	TkleakWalkMenuFind(ClientData clientData,
			    Tcl_Obj *valuePtr);
MODULE_SCOPE Tcl_Class	TkleakWalkObjectClass(Tcl_Object object);
MODULE_SCOPE int	TkleakWalkGlobalNameBound(Tcl_Interp *interp,
			    size_t *maxPtr);
MODULE_SCOPE int	TkleakWalkListFirst(const char *text, size_t len,
			    Tcl_DString *firstPtr);
MODULE_SCOPE Tcl_ObjCmdProc *TkleakWalkCommandNre(Tcl_Command token);
MODULE_SCOPE void	TkleakWalkSetCommandNre(Tcl_Command token,
			    Tcl_ObjCmdProc *nreProc);
MODULE_SCOPE Tcl_NamespaceDeleteProc *TkleakWalkNsEarlyDelete(
			    Tcl_Namespace *nsPtr);
MODULE_SCOPE Tcl_ObjCmdProc *TkleakWalkProcProc(void);
MODULE_SCOPE Tcl_Obj	*TkleakWalkVarFullName(Tcl_Interp *interp,
			    Tcl_Obj *namePtr);

/*
 * What an object holds in the process, in bytes (sizes.c).
 */

MODULE_SCOPE void	TkleakSizesInit(void);
MODULE_SCOPE size_t	TkleakAllocBytes(size_t request);
MODULE_SCOPE size_t	TkleakHeldBytes(const void *ptr, size_t guess);
MODULE_SCOPE size_t	TkleakValueBytes(Tcl_Obj *objPtr);
MODULE_SCOPE size_t	TkleakCommandBytes(size_t nameLen);
MODULE_SCOPE size_t	TkleakProcBytes(Tcl_Command token);
MODULE_SCOPE size_t	TkleakVarBytes(void *varPtr, Tcl_Obj *keyPtr,
			    size_t keyLen);
MODULE_SCOPE size_t	TkleakWindowBytes(Tk_Window tkwin);
MODULE_SCOPE size_t	TkleakImageBytes(Tcl_Interp *interp,
			    const Tk_ImageType *typePtr, const char *name);
MODULE_SCOPE size_t	TkleakBindingBytes(size_t scriptLen);
MODULE_SCOPE size_t	TkleakAfterBytes(Tcl_Obj *scriptPtr);
MODULE_SCOPE size_t	TkleakTraceBytes(size_t cmdLen);
MODULE_SCOPE size_t	TkleakNamespaceBytes(size_t nameLen);
MODULE_SCOPE size_t	TkleakObjectBytes(size_t nameLen);

#endif /* TKLEAK_INT_H */
