"""tkleak -- find what a tkinter app leaks, on the Tk side and the Python side.

A tkinter front end to the tkleak Tcl package, in pympler's words::

    import tkleak
    tr = tkleak.Tracker(root)        # loads tkleak into root's interpreter
    tr.calibrate()                   # the baseline
    with tr.recording():             # see attachments as they are made
        open_and_close_the_dialog()
    tr.print_diff()                  # what grew, pympler's table
    for o in tr.orphans(keeps_alive=True):
        print(o.name, o.python, o.keeps_alive)

Everything returns Python objects (str, int, lists, dicts, named
tuples). For a tkinter callback wrapper that leaks, tkleak names the
Python callable it calls (``Orphan.python``) and counts what the
wrappers alone keep alive on the Python side (``Tracker.keeps_alive``).
Every call that takes a census runs a full ``gc.collect()`` first: cyclic
garbage that still holds a Tcl command is not a leak. A Tcl error becomes
``TkleakError``, whose ``code`` is the ``TKLEAK ...`` error code.

The Tcl package is found beside this module (where ``make install`` and
the build tree put it); a Tcl package already loaded into the
interpreter, or found on TCLLIBPATH, is used as it is.
"""

import contextlib
import gc
import os
import sys
import tkinter
from typing import Dict, List, NamedTuple, Optional, Tuple

from . import _pyside

__all__ = ['Tracker', 'TkleakError', 'Growth', 'Slot', 'Frame', 'Origin',
           'PyCallable', 'Orphan', 'Retained', 'Detail', 'LeakResult',
           'load', 'menu', 'panel', 'leaktest', 'assert_no_leak',
           'format_retained', 'format_leak']

__version__ = '0.1'


class TkleakError(tkinter.TclError):
    """A tkleak command failed. ``code`` is the Tcl error code as a tuple
    of str (``('TKLEAK', 'SNAPSHOT', 'UNKNOWN', 'x')``)."""

    def __init__(self, message, code=()):
        tkinter.TclError.__init__(self, message)
        self.code = tuple(code)


class Growth(NamedTuple):
    """The change (in a diff) or the total (in a summary) of one type."""
    count: int
    bytes: int


class Slot(NamedTuple):
    """A place that names a command, image or menu: ``owner`` is a widget
    path, a bind tag, ``after`` or ``trace``; ``slot`` is ``-command``,
    ``entry 3 -command``, ``bind <Button-1>`` ..."""
    owner: str
    slot: str


class Frame(NamedTuple):
    """One frame of an origin stack, innermost first. ``lang`` is ``tcl``
    or ``python``; ``lib`` is True for tkinter's and tkleak's own code."""
    file: str
    line: int
    function: str
    lang: str
    lib: bool


class Origin(NamedTuple):
    """Where an object was made (``created``, a stack) and attached
    (``attached``, a list of (Slot, stack)), as far as recording saw."""
    created: List[Frame]
    attached: List[Tuple[Slot, List[Frame]]]


class PyCallable(NamedTuple):
    """The Python callable a tkinter callback wrapper calls: its qualified
    name, module, the file and line of its ``def`` (None and 0 for a
    builtin), and ``bound``, the qualified class name of what a bound
    method is bound to or a closure closes over (None when neither)."""
    qualname: str
    module: Optional[str]
    file: Optional[str]
    line: int
    bound: Optional[str]

    def __str__(self):
        where = ''
        if self.file:
            where = ' (%s:%d)' % (os.path.basename(self.file), self.line)
        of = ' of %s' % self.bound if self.bound else ''
        mod = self.module + '.' if self.module else ''
        return '%s%s%s%s' % (mod, self.qualname, of, where)


class Retained(NamedTuple):
    """The Python objects some Tcl objects alone keep alive: how many,
    their total ``sys.getsizeof``, and ``by_type``, a dict from a type's
    qualified name to (count, bytes), largest first. ``truncated`` is True
    when the walk stopped at its limit (the figures are then a lower
    bound). ``classes`` lists the classes of the app among them (not
    builtins, functions or tkinter's wrappers), heaviest first: those
    whose instances hold the most references each."""
    objects: int
    bytes: int
    by_type: Dict[str, Tuple[int, int]]
    truncated: bool = False
    classes: List[str] = []

    def __str__(self):
        return format_retained(self)


class Orphan(NamedTuple):
    """An object that is alive and attached to nothing (see tkleak(n),
    REFERENCES AND ORPHANS). ``last`` is the last Slot seen naming it (or
    None), ``retains`` a dict type -> count of what it alone keeps alive
    on the Tk side, ``origin`` the stack of its last attachment or its
    creation. ``python`` is the PyCallable of a tkinter wrapper (None for
    anything else); ``wrappers`` maps the name of each tkinter wrapper the
    orphan retains (a detached menu's entries) to its PyCallable;
    ``keeps_alive`` is a Retained when asked for (``orphans(keeps_alive=
    True)``), else None."""
    name: str
    type: str
    reason: str
    last: Optional[Slot]
    retains: Dict[str, int]
    origin: List[Frame]
    python: Optional[PyCallable]
    keeps_alive: Optional[Retained] = None
    wrappers: Dict[str, PyCallable] = {}


class Detail(NamedTuple):
    """A new or gone object with what is known of it: its origin stack and,
    for a tkinter wrapper, its PyCallable."""
    name: str
    origin: List[Frame]
    python: Optional[PyCallable]


class LeakResult(NamedTuple):
    """The verdict of ``leaktest``: ``leaking``; ``growth``, a dict type ->
    objects per iteration of the Tcl types that leak; ``heap``, the heap's
    growth in bytes per iteration; ``orphans``, a list of Orphan made
    during the runs; ``python``, a dict Python type -> objects per
    iteration of the Python types that leak (after gc.collect());
    ``bytes``, for the leaking variable and array element types (which
    also leak by their bytes alone, their growth then 0.0), their bytes
    per iteration."""
    leaking: bool
    growth: Dict[str, float]
    heap: float
    orphans: List[Orphan]
    python: Dict[str, float]
    bytes: Dict[str, float] = {}


# ---------------------------------------------------------------------
# Converting Tcl results.

def _str(v):
    return v if isinstance(v, str) else str(v)


def _list(tk, v):
    if isinstance(v, tuple):
        return v
    return tk.splitlist(_str(v))


def _dict(tk, v):
    items = _list(tk, v)
    return dict(zip(items[::2], items[1::2]))


def _int(v):
    return int(_str(v))


def _frames(tk, v):
    out = []
    for f in _list(tk, v):
        d = _dict(tk, f)
        out.append(Frame(_str(d.get('file', '')), _int(d.get('line', 0)),
                         _str(d.get('proc', '')), _str(d.get('lang', 'tcl')),
                         _str(d.get('lib', '0')) == '1'))
    return out


def _slot(tk, v):
    d = _dict(tk, v)
    if not d:
        return None
    return Slot(_str(d['owner']), _str(d['slot']))


def _growths(tk, v):
    out = {}
    for k, cell in _dict(tk, v).items():
        d = _dict(tk, cell)
        out[_str(k)] = Growth(_int(d['count']), _int(d['bytes']))
    return out


# ---------------------------------------------------------------------
# Finding and loading the Tcl package.

def _package_dirs():
    """Directories that may hold the Tcl package's pkgIndex.tcl, best
    first: the one recorded at build or install time, then the build
    tree beside a source checkout."""
    dirs = []
    try:
        from . import _config
        dirs.extend(_config.TCL_PACKAGE_DIRS)
    except ImportError:
        pass
    here = os.path.dirname(os.path.abspath(__file__))
    dirs.append(os.path.normpath(os.path.join(here, '..', '..', 'build')))
    return [d for d in dirs
            if os.path.isfile(os.path.join(d, 'pkgIndex.tcl'))]


# Evaluated with apply, so that pkgIndex.tcl's $dir is a local variable
# and nothing of the app (auto_path, globals) changes.
_LOAD_INDEX = '{dir} {source [file join $dir pkgIndex.tcl]}'


def load(root):
    """Load the Tcl package into the interpreter of ROOT (any tkinter
    widget or Tk), unless it is loaded already, and return its version.
    The package beside this module is preferred to one on TCLLIBPATH.
    Registers Python's collector as ``::tkleak::PythonCollect``, which
    the Tcl side runs before its own censuses (tkleak::gc)."""
    tk = root.tk
    have = _str(tk.call('package', 'provide', 'tkleak'))
    if not have:
        if not _str(tk.call('package', 'ifneeded', 'tkleak', __version__)):
            for d in _package_dirs():
                tk.call('apply', _LOAD_INDEX, d)
                break
        try:
            have = _str(tk.call('package', 'require', 'tkleak'))
        except tkinter.TclError as e:
            raise TkleakError('cannot load the tkleak Tcl package: %s (looked'
                              ' in %s and on TCLLIBPATH)'
                              % (e, ', '.join(_package_dirs()) or 'nothing'),
                              ('TKLEAK', 'LOAD'))
    # Python's collector, for the Tcl side's censuses (tkleak::gc, and
    # leaktest before each census): a tkinter command, so that a
    # finalizer calling into Tcl finds tkinter's state as it expects.
    if not _str(tk.call('info', 'commands', _COLLECTOR)):
        tk.createcommand(_COLLECTOR, gc.collect)
    _register_panel(root)
    return have


_COLLECTOR = '::tkleak::PythonCollect'

# The commands the panel (tcl/panel/) calls, when they exist, to show
# the Python side of tkinter wrappers. The panel never calls into Python
# any other way: these are tkinter commands, so tkinter saves and
# restores its thread state around them (see src/pygc.c).
_PANEL_DESCRIBE = '::tkleak::py::describe'
_PANEL_KEEPSALIVE = '::tkleak::py::keepsalive'
_PANEL_GROWTH = '::tkleak::py::growth'
# The most names keepsalive walks from at once: the panel's column stays
# bounded whatever the number of orphans.
_PANEL_LIMIT = 1000


def _register_panel(root):
    """Register ::tkleak::py::describe, ::tkleak::py::keepsalive and
    ::tkleak::py::growth in ROOT's interpreter (once), for the panel's
    Diff, Orphans and Details views and its Python checkbutton. They are
    in ::tkleak, which the census leaves out."""
    tk = root.tk
    if _str(tk.call('info', 'commands', _PANEL_DESCRIBE)):
        return
    tk.call('namespace', 'eval', '::tkleak::py', '')
    top = root._root() if hasattr(root, '_root') else root

    def describe(names=''):
        # NAMES is the string of a Tcl list, split as a string (never
        # the app's object). Result: a flat name/description list.
        found = _describe_names([_str(n) for n in tk.splitlist(names)])
        out = []
        for n, c in found.items():
            out.extend((n, str(c)))
        return tuple(out)

    def keepsalive(names=''):
        # What each of NAMES (wrappers, or menus whose entries' wrappers
        # they retain) alone keeps alive, and all of them together: a
        # flat dict objects, bytes, text, types {type {count bytes}
        # ...}, truncated, each {name {objects bytes text}}.
        gc.collect()
        names = [_str(n) for n in tk.splitlist(names)][:_PANEL_LIMIT]
        groups = []
        for n in names:
            i = _pyside.wrapper_id(n)
            if i is not None:
                groups.append([i])
            elif n.startswith('.'):
                groups.append([_pyside.wrapper_id(w) for w in
                               _widget_wrappers(top, n)])
            else:
                groups.append([])
        total, per, trunc = _pyside.retained(groups)
        r = _retained(total, trunc)
        types = []
        for t, (c, b) in r.by_type.items():
            types.extend((t, (c, b)))
        each = []
        for n, g, p in zip(names, groups, per):
            if not g:
                continue
            one = _retained(p, trunc)
            each.extend((n, ('objects', one.objects, 'bytes', one.bytes,
                             'text', format_retained(one))))
        return ('objects', r.objects, 'bytes', r.bytes,
                'text', format_retained(r),
                'types', tuple(types), 'truncated', int(trunc),
                'each', tuple(each))

    # Python counts by type at the panel's snapshots (only those taken
    # while its Python checkbutton is on), by snapshot name.
    marks = {}

    def growth(op, *names):
        # mark NAME: the counts now, for snapshot NAME (marks of
        # snapshots that no longer exist are dropped). diff FROM TO: a
        # flat dict diff {"python TYPE" {count N bytes N} ...} summary
        # {"python TYPE" {count N bytes N} ...} of the types that
        # changed, or nothing when either has no counts.
        if op == 'mark' and len(names) == 1:
            kept = set(_str(n) for n in
                       tk.splitlist(tk.call('::tkleak::snapshots')))
            for n in [n for n in marks if n not in kept]:
                del marks[n]
            marks[names[0]] = None
            exclude = {id(marks)} | {id(m) for m in marks.values()}
            marks[names[0]] = _pyside.python_summary(exclude)
            return ''
        if op == 'diff' and len(names) == 2:
            old, new = (marks.get(n) for n in names)
            if old is None or new is None:
                return ''
            diff = []
            summary = []
            for t in sorted(set(old) | set(new)):
                c0, b0 = old.get(t, (0, 0))
                c1, b1 = new.get(t, (0, 0))
                if c0 != c1 or b0 != b1:
                    diff.extend(('python ' + t,
                                 ('count', c1 - c0, 'bytes', b1 - b0)))
                    summary.extend(('python ' + t,
                                    ('count', c1, 'bytes', b1)))
            return ('diff', tuple(diff), 'summary', tuple(summary))
        raise tkinter.TclError('usage: ::tkleak::py::growth mark name'
                               ' | diff from to')

    tk.createcommand(_PANEL_DESCRIBE, describe)
    tk.createcommand(_PANEL_KEEPSALIVE, keepsalive)
    tk.createcommand(_PANEL_GROWTH, growth)


def _root_of(root):
    if root is None:
        root = getattr(tkinter, '_default_root', None)
        if root is None:
            raise TkleakError('no tkinter root: pass one',
                              ('TKLEAK', 'USAGE'))
    return root


def _describe_names(names):
    """{name: PyCallable} for the NAMES that are live tkinter wrappers."""
    ids = {}
    for n in names:
        i = _pyside.wrapper_id(n)
        if i is not None:
            ids[i] = n
    found = _pyside.find_wrappers(ids)
    out = {}
    for i, w in found.items():
        out[ids[i]] = PyCallable(*_pyside.describe(w))
    return out


def _widget_wrappers(root, path):
    """The tkinter wrappers the widgets at and below PATH registered
    (those tkinter deletes when it destroys them), which exist."""
    try:
        w = root.nametowidget(path)
    except (KeyError, tkinter.TclError):
        return []
    names = []
    todo = [w]
    while todo:
        w = todo.pop()
        for n in getattr(w, '_tclCommands', None) or ():
            names.append(n if n.startswith('::') else '::' + n)
        todo.extend(w.children.values())
    return names


# ---------------------------------------------------------------------
# The Tracker.

class Tracker:
    """pympler's SummaryTracker for the Tk side of a tkinter app.

    ``Tracker(root)`` loads tkleak into root's interpreter. Snapshot
    names are shared with the Tcl package (``tkleak::snapshots``), so a
    snapshot taken from Tcl or by the Memory menu can be diffed here.
    """

    def __init__(self, root=None):
        self.root = _root_of(root)
        self.tk = self.root.tk
        self.version = load(self.root)
        self._ref = None
        self._ref_owned = False
        self._ref_python = None
        self._seq = 0

    # -- calling Tcl

    def _call(self, *args, collect=True):
        """Call a tkleak command, after a full collection when it takes
        a census; a Tcl error becomes TkleakError."""
        if collect:
            gc.collect()
        try:
            return self.tk.call(*args)
        except tkinter.TclError as e:
            try:
                code = _list(self.tk, self.tk.globalgetvar('errorCode'))
            except tkinter.TclError:
                code = ()
            raise TkleakError(str(e), tuple(_str(c) for c in code)) \
                from None

    def _unique(self, base):
        names = self.snapshots()
        while True:
            self._seq += 1
            name = '%s%d' % (base, self._seq)
            if name not in names:
                return name

    # -- snapshots

    def snapshot(self, name: Optional[str] = None) -> str:
        """Take a census now and keep it under NAME (default s1, s2...).
        Returns the name."""
        args = ('tkleak::snapshot',) + (() if name is None else (name,))
        return _str(self._call(*args))

    def snapshots(self) -> List[str]:
        """The kept snapshot names, oldest first."""
        return [_str(s) for s in
                _list(self.tk, self._call('tkleak::snapshots',
                                          collect=False))]

    def forget(self, name: str) -> None:
        """Drop a snapshot."""
        self._call('tkleak::forget', name, collect=False)
        if name == self._ref:
            self._ref = None

    def calibrate(self) -> str:
        """Make now the baseline (the snapshot ``baseline``) of orphans()
        and the reference of the next print_diff(). Returns 'baseline'."""
        name = _str(self._call('tkleak::calibrate'))
        self._set_ref(name, owned=False, python=self._python_summary())
        return name

    def _set_ref(self, name, owned, python=None):
        if self._ref_owned and self._ref != name \
                and self._ref in self.snapshots():
            self._call('tkleak::forget', self._ref, collect=False)
        self._ref, self._ref_owned, self._ref_python = name, owned, python

    def summary(self, name: Optional[str] = None) -> Dict[str, Growth]:
        """{type: Growth(count, bytes)} of snapshot NAME, or of a census
        now."""
        args = ('tkleak::summary',) + (() if name is None else (name,))
        return _growths(self.tk, self._call(*args))

    def diff(self, old: str, new: Optional[str] = None) -> Dict[str, Growth]:
        """{type: Growth(count, bytes)} of the types that changed from
        snapshot OLD to NEW (default: a census now)."""
        args = ('tkleak::diff', old) + (() if new is None else (new,))
        return _growths(self.tk, self._call(*args))

    def objects(self, type: str, name: Optional[str] = None) -> List[str]:
        """The sorted identities of TYPE's objects in snapshot NAME (or
        now)."""
        args = ('tkleak::objects', type) + (() if name is None else (name,))
        return [_str(x) for x in _list(self.tk, self._call(*args))]

    def new(self, type: str, old: str, new: Optional[str] = None,
            details: bool = False):
        """The objects of TYPE in NEW (default: now) and not in OLD, as
        sorted names; with DETAILS, as Detail(name, origin, python)
        tuples, ``python`` naming a tkinter wrapper's callable."""
        return self._changed('tkleak::new', type, old, new, details)

    def gone(self, type: str, old: str, new: Optional[str] = None,
             details: bool = False):
        """The objects of TYPE in OLD and not in NEW: the reverse of new()."""
        return self._changed('tkleak::gone', type, old, new, details)

    def grown(self, type: str, old: str,
              new: Optional[str] = None) -> List[Dict[str, object]]:
        """The objects of TYPE in OLD and NEW (default: now) whose bytes
        grew, largest growth first, as {'name': str, 'before': int,
        'after': int} dicts: which variable grew."""
        args = ('tkleak::grown', type, old) + (() if new is None else (new,))
        out = []
        for item in _list(self.tk, self._call(*args)):
            d = _dict(self.tk, item)
            out.append({'name': _str(d['name']), 'before': _int(d['before']),
                        'after': _int(d['after'])})
        return out

    def _changed(self, cmd, type, old, new, details):
        args = (cmd, type, old) + (() if new is None else (new,))
        if not details:
            return [_str(x) for x in _list(self.tk, self._call(*args))]
        raw = _list(self.tk, self._call(*(args + ('-origins', 1))))
        names = [_str(n) for n in raw[::2]]
        python = self._describe(names)
        return [Detail(n, _frames(self.tk, s), python.get(n))
                for n, s in zip(names, raw[1::2])]

    def _describe(self, names):
        """{name: PyCallable} for the names that are live tkinter
        wrappers."""
        return _describe_names(names)

    # -- tables

    def format_diff(self, old: Optional[str] = None,
                    new: Optional[str] = None, python: bool = False,
                    details: bool = True, limit: int = 20,
                    _now_python=None) -> str:
        """The diff from OLD (default: the reference of print_diff) to NEW
        (default: now) as pympler's table, then, with DETAILS, the new
        objects of each type that grew (at most LIMIT a type), a tkinter
        wrapper with its Python callable. With PYTHON, the growth of
        Python objects by type since the reference (only for the
        reference, which print_diff and calibrate take with Python
        counts) is in the same table, as ``python TYPE`` rows."""
        if old is None:
            old = self._ensure_ref()
        args = ('tkleak::format_diff', old) + (() if new is None else (new,))
        table = _str(self._call(*args))
        rows = None
        if python:
            pyold = self._ref_python if old == self._ref else None
            now = _now_python if _now_python is not None \
                else self._python_summary()
            rows = self.diff(old, new)
            lines = table.rstrip('\n').split('\n')
            heap = lines[-1]
            if pyold is None:
                heap += '\n(no Python counts for %s: only the reference' \
                        ' of print_diff has them)' % old
            else:
                for t in set(now) | set(pyold):
                    c1, b1 = now.get(t, (0, 0))
                    c0, b0 = pyold.get(t, (0, 0))
                    if c1 != c0 or b1 != b0:
                        rows['python ' + t] = Growth(c1 - c0, b1 - b0)
            table = _table(rows) + heap + '\n'
        if details:
            if rows is None:
                rows = self.diff(old, new)
            parts = [table]
            for t, g in rows.items():
                if g.count <= 0 or t.startswith('python '):
                    continue
                items = self.new(t, old, new, details=True)
                if not items:
                    continue
                parts.append('\nNew %s (%d):\n' % (t, len(items)))
                for d in items[:limit]:
                    parts.append('  %s%s\n' % (d.name, _detail_text(d)))
                if len(items) > limit:
                    parts.append('  ... and %d more\n' % (len(items) - limit))
            table = ''.join(parts)
        return table

    def _ensure_ref(self):
        if self._ref is None or self._ref not in self.snapshots():
            self._set_ref(self.snapshot(self._unique('tkleak.py.ref')),
                          owned=True)
        return self._ref

    def print_diff(self, file=None, python: bool = False,
                   details: bool = True) -> None:
        """Like SummaryTracker.print_diff: print what changed since the
        reference (the previous print_diff, calibrate, or the first
        print_diff, which only sets it), then make now the reference.
        PYTHON and DETAILS are format_diff's."""
        file = sys.stdout if file is None else file
        if self._ref is None or self._ref not in self.snapshots():
            self._ensure_ref()
            self._ref_python = self._python_summary()
        old = self._ref
        new = self.snapshot(self._unique('tkleak.py.ref'))
        now = self._python_summary()
        try:
            text = self.format_diff(old, new, python=python, details=details,
                                    _now_python=now)
        except BaseException:
            self.forget(new)
            raise
        file.write(text)
        self._set_ref(new, owned=True, python=now)

    def _python_summary(self):
        # The Python counts of now, leaving out the reference's own.
        return _pyside.python_summary({id(self._ref_python)})

    # -- references and orphans

    def refs(self, name: str) -> List[Slot]:
        """The live referrers of a command, image or window."""
        return [_slot(self.tk, x) for x in
                _list(self.tk, self._call('tkleak::refs', name))]

    def origin(self, name: str) -> Origin:
        """Where NAME was made and attached, as far as recording saw."""
        d = _dict(self.tk, self._call('tkleak::origin', name, collect=False))
        attached = _list(self.tk, d.get('attached', ''))
        return Origin(_frames(self.tk, d.get('created', '')),
                      [(_slot(self.tk, s), _frames(self.tk, f))
                       for s, f in zip(attached[::2], attached[1::2])])

    def record(self, on: Optional[bool] = True) -> bool:
        """Turn live attachment recording on or off (None: only ask).
        Returns the status."""
        arg = 'status' if on is None else ('on' if on else 'off')
        return _str(self._call('tkleak::record', arg, collect=False)) == '1'

    @contextlib.contextmanager
    def recording(self):
        """Record attachments within a with block, then put recording
        back as it was."""
        was = self.record(None)
        self.record(True)
        try:
            yield self
        finally:
            self.record(was)

    def orphans(self, since: Optional[str] = None,
                keeps_alive: bool = False) -> List[Orphan]:
        """The orphans among the objects made since SINCE (default: the
        baseline), each with the Python callable of a tkinter wrapper and
        the wrappers a detached menu retains. With KEEPS_ALIVE, each
        also says what it alone keeps alive on the Python side (see
        keeps_alive())."""
        args = ('tkleak::orphans',) + (() if since is None
                                       else ('-since', since))
        raw = _list(self.tk, self._call(*args))
        rows = [_dict(self.tk, o) for o in raw]
        names = [_str(d['name']) for d in rows]
        types = [_str(d['type']) for d in rows]
        retained = [self._menu_wrappers(n) if t == 'widget Menu' else []
                    for n, t in zip(names, types)]
        python = self._describe(names + [w for r in retained for w in r])
        out = []
        for d, n, t, r in zip(rows, names, types, retained):
            retains = {_str(k): _int(v)
                       for k, v in _dict(self.tk, d['retains']).items()}
            out.append(Orphan(n, t, _str(d['reason']),
                              _slot(self.tk, d['last']), retains,
                              _frames(self.tk, d['origin']), python.get(n),
                              None, {w: python[w] for w in r
                                     if w in python}))
        if keeps_alive and out:
            groups = [self._wrapper_ids(o) for o in out]
            total, per, trunc = _pyside.retained(groups)
            out = [o._replace(keeps_alive=_retained(p, trunc))
                   if groups[k] else o
                   for k, (o, p) in enumerate(zip(out, per))]
        return out

    def _wrapper_ids(self, o):
        names = [o.name] if o.python is not None else []
        names.extend(o.wrappers)
        return [_pyside.wrapper_id(n) for n in names]

    def _menu_wrappers(self, path):
        """The tkinter wrappers the widgets at and below PATH registered
        (those tkinter deletes when it destroys them), which exist."""
        return _widget_wrappers(self.root, path)

    def keeps_alive(self, names, limit: int = 1000000) -> Retained:
        """What the Tcl objects NAMES (names, or Orphan tuples) alone keep
        alive on the Python side: the Python objects reachable from their
        tkinter wrappers (a detached menu's: those of the wrappers it
        retains) and from nothing else, which deleting them would free,
        by type with their sys.getsizeof. The walk stops after LIMIT
        objects (``truncated``)."""
        gc.collect()
        ids = []
        for n in names:
            if isinstance(n, Orphan):
                ids.extend(self._wrapper_ids(n))
                continue
            n = _str(n)
            i = _pyside.wrapper_id(n)
            if i is not None:
                ids.append(i)
            elif n.startswith('.'):
                ids.extend(_pyside.wrapper_id(w)
                           for w in self._menu_wrappers(n))
        total, per, trunc = _pyside.retained([ids], limit)
        return _retained(total, trunc)


def _retained(items, truncated):
    by = {}
    fan = {}
    size = 0
    for name, b, refs in items:
        c, s = by.get(name, (0, 0))
        by[name] = (c + 1, s + b)
        fan[name] = fan.get(name, 0) + refs
        size += b
    order = sorted(by.items(), key=lambda kv: (-kv[1][1], kv[0]))
    classes = sorted((t for t in by if _app_class(t)),
                     key=lambda t: (-fan[t] / by[t][0], t))
    return Retained(len(items), size, dict(order), truncated, classes)


def _app_class(t):
    return '.' in t and t not in _PLAIN


_PLAIN = frozenset(('dict', 'list', 'tuple', 'set', 'frozenset', 'str',
                    'bytes', 'int', 'float', 'cell', 'function', 'method',
                    'builtin_function_or_method', 'tkinter.CallWrapper',
                    'functools.partial', 'weakref', 'weakref.ReferenceType',
                    'property', 'bytearray', 'NoneType', 'bool', 'complex'))


def _size(n):
    """A byte count as pympler prints sizes: 280 B, 14.26 KB."""
    v = float(abs(n))
    units = ['B', 'KB', 'MB', 'GB', 'TB']
    d = 0
    while v > 1024.0 and d < len(units) - 1:
        v /= 1024.0
        d += 1
    if d == 0:
        return '%d B' % n
    return '%.2f %s' % (-v if n < 0 else v, units[d])


def format_retained(r: Retained, orphans: Optional[int] = None,
                    top: int = 3) -> str:
    """One line: "10 orphans keep alive 10 EditorWindow, 10 Text, 9,870
    other objects, 3.40 MB". The TOP most numerous classes of the app
    (not builtins, functions or tkinter's wrappers) are named."""
    classes = list(r.classes)
    if orphans:
        # A class with one instance for each orphan (or a few) tells the
        # story of a leak repeated: name those first.
        classes.sort(key=lambda t: (r.by_type[t][0] != orphans,
                                    r.by_type[t][0] % orphans != 0))
    named = [(t, r.by_type[t][0]) for t in classes[:top]]
    parts = ['{:,} {}'.format(c, t.rsplit('.', 1)[-1]) for t, c in named]
    rest = r.objects - sum(c for _, c in named)
    if rest or not parts:
        parts.append('{:,} {}objects'.format(rest, 'other ' if parts
                                             else ''))
    parts.append(_size(r.bytes))
    who = ''
    if orphans is not None:
        who = '%d orphan%s keep%s alive ' % (
            orphans, '' if orphans == 1 else 's', 's' if orphans == 1 else '')
    text = who + ', '.join(parts)
    if r.truncated:
        text += ' (at least: the walk stopped at its limit)'
    return text


def _detail_text(d):
    bits = []
    if d.python is not None:
        bits.append('Python: %s' % (d.python,))
    for f in d.origin:
        if not f.lib:
            bits.append('at %s:%d' % (os.path.basename(f.file), f.line))
            break
    return '  (%s)' % '; '.join(bits) if bits else ''


def _table(rows):
    """pympler's table of ROWS {type: Growth}, sorted by size change and
    then count change, as tkleak::format_diff lays it out (without the
    heap line)."""
    order = sorted(rows.items(),
                   key=lambda kv: (-kv[1].bytes, -kv[1].count, kv[0]))
    width = max([5] + [len(t) for t in rows])
    lines = ['%*s | %11s | %12s' % (width, 'types', '# objects',
                                     'total size'),
             '=' * width + ' | ' + '=' * 11 + ' | ' + '=' * 12]
    for t, g in order:
        lines.append('%*s | %11d | %12s' % (width, t, g.count,
                                            _table_size(g.bytes)))
    return '\n'.join(lines) + '\n'


def _table_size(n):
    v = float(abs(n))
    units = ['B', 'KB', 'MB', 'GB', 'TB', 'PB', 'EB']
    d = 0
    while v > 1024.0 and d < 6:
        v /= 1024.0
        d += 1
    if d == 0:
        return '%4d     B' % n
    return '%7.2f %s' % (-v if n < 0 else v, units[d])


# ---------------------------------------------------------------------
# The Memory menu and the panel.

def menu(menubar, label: str = 'Memory', print: bool = False) -> str:
    """Add tkleak's Memory menu (Calibrate, Diff, Orphans, Open Panel,
    Record Attachments) to the tkinter Menu MENUBAR; returns its path."""
    load(menubar)
    return _str(Tracker(menubar)._call('tkleak::menu', str(menubar),
                                       '-label', label, '-print',
                                       int(bool(print)), collect=False))


def panel(root=None, view: Optional[str] = None) -> str:
    """Open (or raise) tkleak's panel in ROOT's app, showing VIEW (diff,
    orphans, details or growth); returns its path, .tkleak."""
    tr = Tracker(_root_of(root))
    args = ('tkleak::panel',) + (() if view is None else (view,))
    return _str(tr._call(*args))


# ---------------------------------------------------------------------
# Leak tests.

_BY_BYTES = ('variable', 'array element')
_HEAP_FLOOR = 4096


def _theil_sen(series):
    slopes = sorted((series[j] - series[i]) / float(j - i)
                    for i in range(len(series) - 1)
                    for j in range(i + 1, len(series)))
    m = len(slopes)
    if m % 2:
        return slopes[m // 2]
    return (slopes[m // 2 - 1] + slopes[m // 2]) / 2.0


def _steady(series):
    n = len(series) - 1
    b1 = int(round(n / 3.0 + 1e-9))
    b2 = int(round(2 * n / 3.0 + 1e-9))
    return (series[0] < series[b1] < series[b2] < series[n]
            and max(series[:b1 + 1]) < min(series[b2:]))


def _judge(rows):
    """The Tcl package's verdict rule (tkleak(n), LEAK TESTS) on a list
    of {type: figure}, one per census: {type: rate} of the types that
    leak."""
    types = set()
    for r in rows:
        types.update(r)
    out = {}
    for t in sorted(types):
        series = [r.get(t, 0) for r in rows]
        if _steady(series):
            rate = _theil_sen(series)
            if rate > 0:
                out[t] = rate
    return out


def leaktest(action, root=None, iterations: int = 10, warmup: int = 2,
             heap: bool = False) -> LeakResult:
    """Call ACTION (a callable) WARMUP times, then ITERATIONS more times
    with a census (after ``update()`` and a full ``gc.collect()``) after
    each, and judge every Tcl type, the heap (counted in ``leaking`` only
    with HEAP) and every Python type by tkleak's rule: a type leaks when
    it grows in each third of the run, its last third lies above its
    first and its Theil-Sen slope is above 0. Recording is on during
    the runs. An exception in ACTION stops the test and propagates."""
    if iterations < 3 or warmup < 0:
        raise TkleakError('iterations must be at least 3 and warmup at '
                          'least 0', ('TKLEAK', 'LEAKTEST', 'VALUE'))
    tr = Tracker(root)
    root = tr.root
    for _ in range(warmup):
        action()
        root.update()
    snap = tr.snapshot(tr._unique('tkleak.py.leaktest'))
    rows, brows, pyrows, heaps = [], [], [], []
    try:
        with tr.recording():
            for i in range(iterations + 1):
                if i:
                    action()
                    root.update()
                    summary = tr.summary()
                else:
                    summary = tr.summary(snap)
                rows.append({t: g.count for t, g in summary.items()})
                brows.append({t: g.bytes for t, g in summary.items()
                              if t in _BY_BYTES})
                heaps.append(_int(_dict(tr.tk, tr._call(
                    'tkleak::heap', collect=False))['heap']))
                summary = None
                # Leave out leaktest's own rows, which grow each run.
                own = set()
                own.update(id(x) for x in rows + brows + pyrows)
                own.update((id(rows), id(brows), id(pyrows), id(heaps),
                            id(own)))
                counts = _pyside.python_summary(own)
                pyrows.append({t: c for t, (c, _) in counts.items()})
                counts = own = None
            growth = _judge(rows)
            # A variable also leaks by its bytes alone (tkleak(n)).
            by_bytes = _judge(brows)
            for t in by_bytes:
                growth.setdefault(t, 0.0)
            bytes_rate = {t: _theil_sen([r.get(t, 0) for r in brows])
                          for t in growth if t in _BY_BYTES}
            python = _judge(pyrows)
            orphans = tr.orphans(since=snap) if growth else []
    finally:
        if snap in tr.snapshots():
            tr.forget(snap)
    heap_rate = _theil_sen(heaps)
    leaking = bool(growth) or bool(python)
    if heap and _steady(heaps) and heap_rate >= _HEAP_FLOOR:
        leaking = True
    return LeakResult(leaking, growth, heap_rate, orphans, python,
                      bytes_rate)


def format_leak(result: LeakResult) -> str:
    """A LeakResult as text: the verdict, the growing types (Tcl and
    Python) per iteration, the heap, and the orphans with their Python
    callables."""
    if not result.leaking:
        lines = ['no leak']
    else:
        n = len(result.growth) + len(result.python)
        lines = ['leak: %d type%s grow%s steadily' % (
            n, '' if n == 1 else 's', 's' if n == 1 else '')]
    rows = [(t, r) for t, r in result.growth.items()]
    rows += [('python ' + t, r) for t, r in result.python.items()]
    if rows:
        rows.sort(key=lambda tr: -tr[1])
        w = max([5] + [len(t) for t, _ in rows])
        lines.append('%*s | %13s' % (w, 'types', 'per iteration'))
        lines.append('=' * w + ' | ' + '=' * 13)
        for t, r in rows:
            lines.append('%*s | %13.2f' % (w, t, r))
    lines.append('heap: %s per iteration' % _size(int(result.heap)))
    for o in result.orphans:
        line = 'orphan: %s (%s, %s)' % (o.name, o.type, o.reason)
        if o.python is not None:
            line += ' -> %s' % (o.python,)
        elif o.wrappers:
            line += ' -> %d wrappers, e.g. %s' % (
                len(o.wrappers), next(iter(o.wrappers.values())))
        lines.append(line)
    return '\n'.join(lines)


def assert_no_leak(action, root=None, iterations: int = 10, warmup: int = 2,
                   heap: bool = False) -> None:
    """Run leaktest() and raise AssertionError with the growth table when
    ACTION leaks; for unittest and pytest."""
    r = leaktest(action, root, iterations, warmup, heap)
    if r.leaking:
        raise AssertionError(format_leak(r))
