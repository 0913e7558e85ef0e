"""tkleak._pyside -- the Python side of tkinter's callback wrappers.

tkinter registers each Python callback with Tcl under a name made of
the decimal id() of a bound method ``CallWrapper.__call__`` and the
callback's __name__ (``140234567command``). _tkinter keeps one reference
to that bound method for as long as the Tcl command exists: it is the
only thing that keeps the wrapper, and through it the callback and what
the callback reaches, alive. This module finds those objects (one pass
over gc.get_objects(), never a cast of an address), describes the
callbacks, and measures what a group of wrappers alone keeps alive.
"""

import gc
import re
import sys
import types

import tkinter

__all__ = ['wrapper_id', 'find_wrappers', 'describe', 'retained',
           'type_name', 'python_summary']

_WRAPPER_NAME = re.compile(r'^(?:::)?([0-9]+)')


def wrapper_id(name):
    """The id() in a tkinter wrapper's Tcl name, or None."""
    m = _WRAPPER_NAME.match(name)
    return int(m.group(1)) if m else None


def find_wrappers(ids):
    """Map each id of IDS to the live ``CallWrapper.__call__`` bound method
    with that id, for the ids that are one. The caller should drop the
    result as soon as it is done: it holds a reference to each."""
    wanted = set(ids)
    found = {}
    if not wanted:
        return found
    method = types.MethodType
    cw = tkinter.CallWrapper
    objects = gc.get_objects()
    try:
        for o in objects:
            if type(o) is method and id(o) in wanted \
                    and isinstance(o.__self__, cw):
                found[id(o)] = o
    finally:
        del objects
    return found


def type_name(t):
    """A type's qualified name: ``list``, ``idlelib.editor.EditorWindow``."""
    module = getattr(t, '__module__', None)
    qual = getattr(t, '__qualname__', None) or t.__name__
    if module in (None, 'builtins'):
        return qual
    return module + '.' + qual


def _owner_class(fn):
    """The class of what a closure or a function's defaults hold: the
    cell named self first, else the first cell, default or keyword
    default that is an instance of a class of the app (not builtins,
    not tkinter's own)."""
    code = getattr(fn, '__code__', None)
    cells = getattr(fn, '__closure__', None) or ()
    if code is not None and cells:
        for name, cell in zip(code.co_freevars, cells):
            if name == 'self':
                try:
                    return type_name(type(cell.cell_contents))
                except ValueError:
                    break
    values = []
    for cell in cells:
        try:
            values.append(cell.cell_contents)
        except ValueError:
            pass
    values.extend(getattr(fn, '__defaults__', None) or ())
    values.extend((getattr(fn, '__kwdefaults__', None) or {}).values())
    for v in values:
        t = type(v)
        if getattr(t, '__module__', 'builtins') != 'builtins' \
                and not isinstance(v, (types.ModuleType, type,
                                       types.FunctionType)):
            return type_name(t)
    return None


def describe(wrapper):
    """(qualname, module, file, line, bound) of the Python callable a
    tkinter wrapper (its ``CallWrapper.__call__``) calls."""
    func = wrapper.__self__.func
    bound = None
    while True:
        if isinstance(func, types.MethodType):
            bound = bound or type_name(type(func.__self__))
            func = func.__func__
        elif hasattr(func, 'func') and type(func).__name__ == 'partial':
            func = func.func
        else:
            break
    code = getattr(func, '__code__', None)
    if code is not None:
        qualname = getattr(func, '__qualname__', func.__name__)
        module = getattr(func, '__module__', None)
        if bound is None:
            bound = _owner_class(func)
        return (qualname, module, code.co_filename, code.co_firstlineno,
                bound)
    # A builtin or a callable object.
    if isinstance(func, (types.BuiltinFunctionType, types.BuiltinMethodType)):
        owner = getattr(func, '__self__', None)
        if bound is None and owner is not None \
                and not isinstance(owner, types.ModuleType):
            bound = type_name(type(owner))
        return (getattr(func, '__qualname__', func.__name__),
                getattr(func, '__module__', None), None, 0, bound)
    t = type(func)
    return (t.__qualname__ + '.__call__', t.__module__, None, 0,
            bound or type_name(t))


def _stop_ids():
    """Ids of the objects a walk never enters: module dicts."""
    ids = set()
    for m in list(sys.modules.values()):
        d = getattr(m, '__dict__', None)
        if d is not None:
            ids.add(id(d))
    return ids


_STOP_TYPES = (type, types.ModuleType, types.CodeType)


def _live_widget(o):
    """True for a tkinter widget its master still lists: a window that
    exists, held by its master's children dict."""
    try:
        master = o.master
        return master is not None and \
            master.children.get(o._name) is o
    except Exception:
        return False


def _overhead():
    """What sys.getrefcount reports for an object held only by one list,
    measured the way retained() measures its objects."""
    objs = [[]]
    counts = _refcounts(objs)
    return counts[0]


def _refcounts(objs):
    getrc = sys.getrefcount
    return [getrc(o) for o in objs]


def retained(groups, limit=1000000):
    """What a group of tkinter wrappers alone keeps alive.

    GROUPS is a list of lists of wrapper ids (one list a group: the
    wrappers of one orphan). Walks gc.get_referents() from the wrappers
    (never into classes, modules, module dicts, code objects, or widgets
    whose master still lists them), at most LIMIT objects, then does
    what the cycle collector does: an object whose reference count is
    larger than the references the walk found to it is held from
    outside, and so is everything it reaches. The rest would be freed
    if the wrappers were deleted.

    Returns (total, per_group, truncated): total and each element of
    per_group are lists of (type name, size, references it holds) of the objects kept alive
    by all the groups together, and by that group alone.
    """
    index = {}
    objs = []
    kids = []
    internal = []
    found = find_wrappers([i for g in groups for i in g])
    for i in found:
        index[i] = len(objs)
        objs.append(found[i])
        kids.append(None)
        internal.append(0)
    nroots = len(objs)
    found = None
    stop = _stop_ids()
    stop.add(id(objs))
    stop.add(id(index))
    stop.add(id(kids))
    stop.add(id(internal))
    referents = gc.get_referents
    i = 0
    while i < len(objs) and i < limit:
        children = referents(objs[i])
        mine = []
        for c in children:
            if isinstance(c, _STOP_TYPES) or id(c) in stop:
                continue
            j = index.get(id(c))
            if j is None:
                if isinstance(c, tkinter.Misc) and _live_widget(c):
                    stop.add(id(c))
                    continue
                j = len(objs)
                index[id(c)] = j
                objs.append(c)
                kids.append(None)
                internal.append(0)
            internal[j] += 1
            mine.append(j)
        kids[i] = mine
        i += 1
    explored = i
    truncated = explored < len(objs)
    children = c = mine = None
    base = _overhead()
    counts = _refcounts(objs)
    n = len(objs)
    # Held from outside: more references than the walk found. A wrapper
    # has one more, from _tkinter's command, which deleting it drops.
    held = [False] * n
    todo = []
    for k in range(n):
        extra = counts[k] - base - internal[k] - (1 if k < nroots else 0)
        if extra > 0 or k >= explored:
            held[k] = True
            todo.append(k)
    while todo:
        k = todo.pop()
        for j in kids[k] or ():
            if not held[j]:
                held[j] = True
                todo.append(j)
    # What each group alone reaches among the objects held by nothing
    # else: an object reached from two groups belongs to neither.
    SHARED = -1
    owner = [None] * n
    for g, ids in enumerate(groups):
        todo = [(index[i], g) for i in ids if i in index
                and not held[index[i]]]
        while todo:
            k, label = todo.pop()
            now = owner[k]
            new = label if now is None or now == label else SHARED
            if new == now:
                continue
            owner[k] = new
            for j in kids[k] or ():
                if not held[j]:
                    todo.append((j, new))
    getsize = sys.getsizeof
    total = []
    per = [[] for _ in groups]
    for k in range(n):
        if held[k]:
            continue
        o = objs[k]
        # How many references it holds, those of its __dict__ included.
        refs = 0
        for j in kids[k] or ():
            refs += 1 + (len(kids[j] or ()) if type(objs[j]) is dict else 0)
        item = (type_name(type(o)), getsize(o), refs)
        total.append(item)
        if owner[k] is not None and owner[k] >= 0:
            per[owner[k]].append(item)
    o = None
    del objs[:]
    return total, per, truncated


def python_summary(exclude=None):
    """{type name: (count, bytes)} of the objects the cycle collector
    tracks, after a full collection, as pympler's summary counts them;
    the objects whose ids are in EXCLUDE (the caller's own) are left
    out."""
    gc.collect()
    by = {}
    getsize = sys.getsizeof
    objects = gc.get_objects()
    try:
        for o in objects:
            if exclude is not None and id(o) in exclude:
                continue
            t = type(o)
            c, b = by.get(t, (0, 0))
            by[t] = (c + 1, b + getsize(o))
    finally:
        del objects
    out = {}
    for t, (c, b) in by.items():
        name = type_name(t)
        c0, b0 = out.get(name, (0, 0))
        out[name] = (c0 + c, b0 + b)
    return out
