/*
 * record.h --
 *
 *	What the two files of recording share: the hook records and the
 *	per-interpreter recording state (record.c installs the hooks, which
 *	append to the log; log.c keeps the log and folds it into the "seen"
 *	and origin tables).
 *
 * Copyright (c) 2026 the tkleak developers. See the file "LICENSE".
 */

#ifndef TKLEAK_RECORD_H
#define TKLEAK_RECORD_H

#include "tkleakInt.h"

/* The number of names in record.c's globalNames. */

#define NUM_GLOBALS 43

typedef struct WidgetHook {
    Tcl_ObjCmdProc *objProc;	/* The widget command's own procedure. */
    Tcl_ObjCmdProc *nreProc;	/* A TclOO class's NRE procedure. */
    char kind;			/* 'm' menu, 'c' canvas, 't' text, 'w', or
				 * 'o' a TclOO class. */
    char direct;		/* A menu whose entries walk.c can count. */
    Tcl_Command token;		/* The command hooked, wherever it lives
				 * now: its delete trace (HookTraceProc)
				 * drops the hook with it. */
    ClientData clientData;	/* Its key in the widgets table. */
    TkleakRecord *recPtr;	/* NULL once the state is freed. */
    Tcl_Obj *pathPtr;		/* The widget's path, the owner of what is
				 * logged whatever name the command has now;
				 * NULL for a class. One reference held. */
} WidgetHook;

/*
 * A hooked global command. The hook follows the command, not its name:
 * an app that renames "after" away and puts a wrapper at ::after keeps
 * the hook on the real "after", and "record off" finds it there.
 */

typedef struct GlobalHookRec {
    Tcl_Command token;		/* The command hooked, or NULL. */
    Tcl_CmdInfo orig;		/* Its command info before the hook. */
    Tcl_ObjCmdProc *builtinProc;/* The procedure it had when first hooked:
				 * only a command with it is hooked again. */
    Tcl_Obj *lastNamePtr;	/* Its full name at the last "record off",
				 * where "record on" looks next; or NULL. */
} GlobalHookRec;

/*
 * Per-interpreter recording state, hung off TkleakState.
 */

/*
 * The attachment log: what a hook saw, kept until someone asks
 * (TkleakRecordFlush). The slot name is put together, and the value's
 * words resolved, only then. The parts of the slot name are the app's
 * own objects, most of them literals, with one reference each; the
 * value is copied into one buffer, because holding the app's fresh
 * value objects would keep the allocator from reusing their memory, and
 * fresh memory at every call costs the app more than the copy.
 */

enum LogKind {
    L_OPTION,			/* OWNER's option A. */
    L_ENTRY,			/* "entry INDEX A" of menu OWNER. */
    L_ITEM,			/* "item B A" of canvas OWNER. */
    L_BIND,			/* "bind A" of tag OWNER; a leading + dropped. */
    L_CBIND,			/* "item|tag A bind B" of canvas OWNER. */
    L_TBIND,			/* "tag A bind B" of text OWNER. */
    L_TIMAGE,			/* "image B A" of text OWNER. */
    L_AFTER,			/* "after A" of "after". */
    L_WM,			/* "wm protocol A" of OWNER. */
    L_TRACE,			/* "variable A" of "trace". */
    L_CREATED			/* The object of key OWNER was made. */
};

typedef struct LogEntry {
    int kind;			/* enum LogKind. */
    int index;			/* L_ENTRY: the entry's index when set. */
    Tcl_Obj *ownerPtr;		/* See enum LogKind; each held, or NULL. */
    Tcl_Obj *aPtr;
    Tcl_Obj *bPtr;
    size_t textOff;		/* What was put in the slot: its string */
    int textLen;		/* in the log's text buffer. */
    Tcl_Obj *stackPtr;		/* Where, or NULL without -origins. */
} LogEntry;

/*
 * Entries the log holds before it is folded into the "seen" and origin
 * tables: bounds the memory of a long recording nobody asks about, at
 * about 48 bytes an entry plus the values it holds. In a Tcl app those
 * are mostly literals, held by their scripts anyway; tkinter makes fresh
 * objects for every call, and its binding scripts are long, so the log
 * also counts what it holds (LOG_MAX_BYTES, an estimate: see ObjCost)
 * and is folded when that reaches a megabyte.
 * The log starts small and doubles.
 */

#define LOG_MAX 16384
#define LOG_MIN 64
#define LOG_MAX_TEXT (1 << 20)
#define LOG_MAX_BYTES (1 << 20)
#define PRUNE_MIN 1024

struct TkleakRecord {
    int on;
    unsigned long onSerial;	/* TkleakCensusSerial at the last "record
				 * on" (after its own census). */
    GlobalHookRec glob[NUM_GLOBALS];
    Tcl_HashTable widgets;	/* Widget client data -> WidgetHook, for the
				 * commands hooked now. */
    ClientData lastData[2];	/* The last two widgets called, and their */
    WidgetHook *lastHook[2];	/* hooks: an app works on a few at a time. */
    LogEntry *log;		/* CAPLOG entries, or NULL. */
    int numLog;
    int capLog;
    char *text;			/* The values of the entries. */
    size_t numText;
    size_t capText;
    size_t logBytes;		/* What the log holds, estimated (see
				 * LOG_MAX_BYTES). */
    int pruneAt;		/* Entries of the origin and "seen" tables
				 * at which a fold drops those of the dead. */
    Tcl_Obj *endPtr;		/* "end" and "index", for MenuIndex. */
    Tcl_Obj *indexPtr;
};

MODULE_SCOPE void	TkleakLogAppend(TkleakState *statePtr,
			    Tcl_Interp *interp, int kind, int index,
			    Tcl_Obj *ownerPtr, Tcl_Obj *aPtr,
			    Tcl_Obj *bPtr, Tcl_Obj *valuePtr);
MODULE_SCOPE void	TkleakLogCreated(TkleakState *statePtr,
			    Tcl_Interp *interp, TkleakKeyKind kind,
			    const char *name);
MODULE_SCOPE void	TkleakLogFreeEntry(LogEntry *entryPtr);
MODULE_SCOPE int	TkleakLogNextPrune(TkleakState *statePtr);
MODULE_SCOPE void	TkleakLogForgetDead(TkleakState *statePtr,
			    Tcl_Interp *interp);

#endif /* TKLEAK_RECORD_H */
