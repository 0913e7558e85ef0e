"""tkleaktest.py -- what the Python tests (tests/test_*.py) share: a Tk
root with tkleak loaded, for a test class (TkleakTestCase) or a test
(new_root, load); the script that reads a panel treeview's rows; the
Payload and Document classes the panel tests' leaks bind to, and the
leak itself; for the real-application tests (test_realapps_*.py), a leak
test of one user action returned as plain Python values. Not a test file
itself: each test file imports it from its own directory (sys.path[0]),
so it runs in every python3 the tests do (3.6 on)."""

import gc
import tkinter
import unittest

ITERATIONS = 5


def new_root(geometry=None):
    """A new Tk root: withdrawn, or shown at GEOMETRY."""
    root = tkinter.Tk()
    if geometry is None:
        root.withdraw()
    else:
        root.geometry(geometry)
    return root


def load(root, collector=False):
    """Load tkleak into ROOT's interpreter and return its version; with
    COLLECTOR, register Python's collector, as tkleak-check --python and
    the tkleak module do."""
    version = root.tk.call('package', 'require', 'tkleak')
    if collector:
        root.tk.createcommand('::tkleak::PythonCollect', gc.collect)
    return version


class TkleakTestCase(unittest.TestCase):
    """Tests that share one Tk root with tkleak loaded: cls.root, made
    withdrawn or shown at GEOMETRY, with what make_app makes before
    tkleak is loaded; cls.version, the package's version; with
    COLLECTOR, Python's collector registered. The root is destroyed
    after the class's tests."""

    geometry = None
    collector = False

    @classmethod
    def setUpClass(cls):
        cls.root = new_root(cls.geometry)
        cls.make_app()
        cls.version = load(cls.root, cls.collector)

    @classmethod
    def make_app(cls):
        """What the app has before it loads tkleak: nothing here."""

    @classmethod
    def tearDownClass(cls):
        cls.root.destroy()

    def call(self, *args):
        return self.root.tk.call(*args)


# The rows of a ttk::treeview come back as one string: tkinter would turn
# a value that has a list representation into a tuple.
ROWS = """{t parent} {
    set rows {}
    foreach id [$t children $parent] {
        lappend rows [join [list [$t item $id -text] \
            {*}[$t item $id -values]] \x1f]
    }
    join $rows \x1e
}"""


def rows(root, tree, parent=''):
    """The rows under PARENT of the treeview TREE: its text, then its
    values, each a list of strings."""
    text = str(root.tk.call('apply', ROWS, tree, parent))
    return [r.split('\x1f') for r in text.split('\x1e')] if text else []


class Payload:
    pass


class Document:
    """What a window's callbacks are bound to: N Payloads."""

    def __init__(self, n=10):
        self.lines = [Payload() for _ in range(n)]

    def wakeup(self):
        pass

    def __call__(self):
        pass


def leak(root, menu, n, payloads=10):
    """N entries added to MENU, each with a Document's wakeup (of
    PAYLOADS Payloads) as its command, and deleted the way Python 2.4's
    Menu.delete did, leaving their commands; returns the Documents."""
    docs = []
    for _ in range(n):
        doc = Document(payloads)
        docs.append(doc)
        menu.add_command(label='doc', command=doc.wakeup)
        root.tk.call(menu, 'delete', 0)
    return docs


def leaktest(root, action):
    """tkleak::leaktest of ACTION (a Python callable: one user action),
    ITERATIONS runs after two warm-up runs: (leaking, {type: objects per
    iteration}, [(name, type, reason) of each orphan])."""
    tk = root.tk
    tk.createcommand('::marker_action', action)
    try:
        r = tk.call('tkleak::leaktest', '::marker_action',
                    '-iterations', ITERATIONS, '-warmup', 2)
    finally:
        tk.deletecommand('::marker_action')
    d = dict(zip(*[iter(tk.splitlist(r))] * 2))
    g = tk.splitlist(d['growth'])
    growth = {str(g[i]): float(g[i + 1]) for i in range(0, len(g), 2)}
    orphans = []
    for o in tk.splitlist(d['orphans']):
        od = dict(zip(*[iter(tk.splitlist(o))] * 2))
        orphans.append((str(od['name']), str(od['type']), str(od['reason'])))
    return bool(int(d['leaking'])), growth, orphans
