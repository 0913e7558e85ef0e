"""test_pycallable.py -- the Python callables of tkinter wrappers, read
from C, on every python3.

Covers: tkleak::pycallable (src/pycallable.c) on each kind of callable
tkinter wraps (bound method, closure over self, lambda, function whose
default holds the app's object, builtin method and function, callable
object, functools.partial, a method of a class whose metaclass has a
__getattribute__ of its own, which must never run); its usage errors;
that no reference count changes and no Python object is made; the
panel's Diff, Orphans and Details views and its Diff text export in an
app that loaded tkleak with "package require" only, and that the
module's description stays in use where the module is loaded; the Diff
text export's Python rows; attaching the panel from a second wish to a
tkinter app with and without the module, and closing it.

Run it with each ~/.pyenv/versions/3.*/bin/python3 (run-all.sh does),
with TCLLIBPATH and PYTHONPATH naming the build tree.
"""

import functools
import gc
import os
import subprocess
import sys
import tempfile
import time
import unittest

try:
    import tkinter
except ImportError:
    print('tkinter is missing from %s: nothing to test' % sys.executable)
    raise SystemExit(0)

import tkleaktest
from tkleaktest import Document, leak, rows

TAIL = os.path.basename(__file__)
NAME = __name__

# The callbacks are bound to tkleaktest's Documents: their module, and
# the file of Document.wakeup as Python names it in code objects
# (relative before 3.9), and its tail; HERE is this file, so named.
DOC = Document.__module__
DOC_HERE = Document.wakeup.__code__.co_filename
DOC_TAIL = os.path.basename(DOC_HERE)
HERE = sys._getframe().f_code.co_filename

ran = []


class Meta(type):
    """A metaclass whose attribute reads are the app's code."""

    def __getattribute__(cls, name):
        ran.append(name)
        return type.__getattribute__(cls, name)


class Odd(metaclass=Meta):
    def poke(self):
        pass


def closure(doc):
    self = doc

    def inner():
        return self
    return inner


def with_default(doc=Document()):
    pass


def line_of(f):
    return f.__code__.co_firstlineno


class PyCallableTest(tkleaktest.TkleakTestCase):

    def described(self, names):
        out = self.root.tk.splitlist(
            self.root.tk.call('tkleak::pycallable', ' '.join(names)))
        got = {}
        for i in range(0, len(out), 2):
            d = self.root.tk.splitlist(out[i + 1])
            got[str(out[i])] = {str(d[j]): str(d[j + 1])
                                for j in range(0, len(d), 2)}
        return got

    def test_each_kind_of_callable(self):
        doc = Document()
        odd = Odd()
        lam = lambda: doc  # noqa: E731
        lam_line = sys._getframe().f_lineno - 1
        cases = [
            (doc.wakeup, 'Document.wakeup', DOC, DOC_HERE,
             line_of(Document.wakeup), DOC + '.Document'),
            (closure(doc), 'closure.<locals>.inner', NAME, HERE,
             line_of(closure) + 3, DOC + '.Document'),
            (lam, 'PyCallableTest.test_each_kind_of_callable.'
             '<locals>.<lambda>', NAME, HERE, lam_line, DOC + '.Document'),
            (with_default, 'with_default', NAME, HERE, line_of(with_default),
             DOC + '.Document'),
            ([].append, 'list.append', '', '', 0, 'list'),
            (print, 'print', 'builtins', '', 0, ''),
            (doc, 'Document.__call__', DOC, '', 0, DOC + '.Document'),
            (functools.partial(with_default, 1), 'partial.__call__',
             'functools', '', 0, 'functools.partial'),
            (odd.poke, 'Odd.poke', NAME, HERE, line_of(Odd.poke), 'Odd'),
        ]
        names = [self.root.register(c[0]) for c in cases]
        del ran[:]
        got = self.described(names + ['::set', 'nosuch', '12x'])
        self.assertEqual(ran, [])
        self.assertEqual(sorted(got), sorted(names))
        for name, (_, qual, mod, file, line, bound) in zip(names, cases):
            self.assertEqual(got[name], {'qualname': qual, 'module': mod,
                                         'file': file, 'line': str(line),
                                         'bound': bound}, qual)
        # By the census's fully qualified name too.
        self.assertEqual(self.described(['::' + names[0]]),
                         {'::' + names[0]: got[names[0]]})
        for n in names:
            self.root.deletecommand(n)

    def test_usage_and_names_that_are_no_wrappers(self):
        def err(*args):
            try:
                self.root.tk.call('tkleak::pycallable', *args)
            except tkinter.TclError as e:
                return (str(e), self.root.tk.eval('set ::errorCode'))
            return None
        self.assertEqual(err(), ('wrong # args: should be '
                                 '"tkleak::pycallable names"',
                                 'TKLEAK USAGE'))
        self.assertEqual(err('a', 'b'), ('wrong # args: should be '
                                         '"tkleak::pycallable names"',
                                         'TKLEAK USAGE'))
        self.assertEqual(err('{'), ('expected a list of command names but'
                                    ' got "{"', 'TKLEAK PYCALLABLE LIST'))
        self.root.tk.call('proc', '::marker_p', '', '')
        self.assertEqual(self.described(['::marker_p', '::set', '',
                                         'tkleak::pycallable']), {})
        self.root.tk.call('rename', '::marker_p', '')

    def test_no_refcount_changes_and_no_object_made(self):
        doc = Document()
        cases = [doc.wakeup, closure(doc), with_default, [].append, doc]
        names = [self.root.register(c) for c in cases]
        watched = cases + [doc, Document.wakeup, Document.wakeup.__code__,
                           with_default.__defaults__[0], doc.lines]
        arg = ' '.join(names)
        call = self.root.tk.call
        call('tkleak::pycallable', arg)     # once first
        gc.collect()
        counts = [sys.getrefcount(o) for o in watched]
        before = gc.get_objects()
        ids = set(map(id, before))
        n = len(before)
        del before
        result = call('tkleak::pycallable', arg)
        after = gc.get_objects()
        made = [repr(x)[:100] for x in after if id(x) not in ids
                and x is not ids]
        m = len(after) - 1      # ids
        del after
        self.assertEqual((made, m), ([], n))
        self.assertEqual([sys.getrefcount(o) for o in watched], counts)
        self.assertEqual(len(self.root.tk.splitlist(result)), 10)
        for n in names:
            self.root.deletecommand(n)


class PanelWithoutModuleTest(unittest.TestCase):
    """An app that loaded tkleak with package require only."""

    def setUp(self):
        self.root = tkleaktest.new_root('300x100+0+0')
        self.menu = tkinter.Menu(self.root, tearoff=0)
        tkleaktest.load(self.root)
        self.want = '%s.Document.wakeup of %s.Document (%s:%d)' % (
            DOC, DOC, DOC_TAIL, line_of(Document.wakeup))

    def tearDown(self):
        self.root.update()
        self.root.destroy()

    def test_orphans_view_has_a_python_column(self):
        self.assertEqual(str(self.root.tk.call(
            'info', 'commands', '::tkleak::py::*')), '')
        self.root.tk.call('tkleak::calibrate')
        docs = leak(self.root, self.menu, 2)
        self.root.tk.call('tkleak::panel', 'orphans')
        t = '.tkleak.nb.orphans.tree'
        self.assertEqual(
            [str(c) for c in self.root.tk.splitlist(
                self.root.tk.call(t, 'cget', '-displaycolumns'))],
            ['type', 'reason', 'python', 'last', 'retains', 'origin'])
        got = rows(self.root, t)
        self.assertEqual(len(got), 2)
        for r in got:
            self.assertRegex(r[0], r'^::\d+wakeup$')
            self.assertEqual(r[1:], ['command tkinter', 'unreferenced',
                                     '(none)', '', '', self.want, ''])
        # No keeps-alive heading, no Python checkbutton: the module's.
        self.assertNotIn('Python side', str(self.root.tk.call(
            '.tkleak.nb.orphans.head', 'cget', '-text')))
        self.assertEqual(str(self.root.tk.call(
            'winfo', 'manager', '.tkleak.bar.python')), '')
        del docs

    def test_diff_notes_details_and_export(self):
        t = '.tkleak.nb.diff.tree'
        self.root.tk.call('tkleak::panel', 'diff')
        self.root.tk.call('::tkleak::panel::Calibrate')
        docs = leak(self.root, self.menu, 2)
        self.root.tk.call('::tkleak::panel::Diff')
        first = str(self.root.tk.splitlist(
            self.root.tk.call(t, 'children', ''))[0])
        self.root.tk.call('::tkleak::panel::Populate', t, first)
        children = rows(self.root, t, first)
        self.assertEqual(len(children), 2)
        for c in children:
            self.assertRegex(c[0], r'^\+ ::\d+wakeup$')
            self.assertEqual(c[-1], 'unreferenced; \u2192 ' + self.want)
        name = children[0][0][2:]
        fields = str(self.root.tk.call(
            'apply', '{name} {join [::tkleak::panel::Details $name] \x1f}',
            name)).split('\x1f')
        d = dict(zip(fields[0::2], fields[1::2]))
        self.assertEqual((d['Python function'], d['Python callable']),
                         ('wakeup', self.want))
        self.assertNotIn('Keeps alive', d)
        text = str(self.root.tk.call('::tkleak::panel::DiffText'))
        self.assertIn('\nNew command tkinter (2):\n  %s  (unreferenced; '
                      '\u2192 %s)\n' % (sorted(c[0][2:] for c in children)[0],
                                        self.want), text)
        del docs


class PanelWithModuleTest(unittest.TestCase):
    """Where the module is loaded, its description stays in use."""

    def setUp(self):
        import tkleak
        self.tkleak = tkleak
        self.root = tkleaktest.new_root('300x100+0+0')
        self.menu = tkinter.Menu(self.root, tearoff=0)
        self.tr = tkleak.Tracker(self.root)

    def tearDown(self):
        self.root.update()
        self.root.destroy()

    def test_module_describes_a_partial(self):
        self.tr.calibrate()
        f = functools.partial(with_default, Document())
        # tkinter names a wrapper after __name__; the C core takes only
        # such names for wrappers.
        f.__name__ = 'marker_partial'
        self.menu.add_command(label='p', command=f)
        self.root.tk.call(self.menu, 'delete', 0)
        self.root.tk.call('tkleak::panel', 'orphans')
        got = rows(self.root, '.tkleak.nb.orphans.tree')
        self.assertEqual(len(got), 1)
        # The module unwraps the partial; the C core would say
        # functools.partial.__call__.
        self.assertEqual(got[0][6], '%s.with_default of %s.Document (%s:%d)'
                         % (NAME, DOC, TAIL, line_of(with_default)))
        self.assertEqual(self.described(got[0][0]), 'partial.__call__')

    def described(self, name):
        d = self.root.tk.splitlist(self.root.tk.call(
            'dict', 'get', self.root.tk.call('tkleak::pycallable', name),
            name))
        return str(dict(zip(d[0::2], d[1::2]))['qualname'])

    def test_export_lists_python_rows(self):
        t = '.tkleak.nb.diff.tree'
        self.root.tk.call('tkleak::panel', 'diff')
        self.root.tk.call('.tkleak.bar.python', 'invoke')
        self.root.tk.call('::tkleak::panel::Calibrate')
        docs = leak(self.root, self.menu, 2)
        self.root.tk.call('::tkleak::panel::Diff')
        shown = {r[0]: r[2] for r in rows(self.root, t)}
        text = str(self.root.tk.call('::tkleak::panel::DiffText'))
        table = text.split('\n\n')[0].split('\n')
        self.assertRegex(table[0], r'^ +types \|   # objects \|   total size$')
        self.assertRegex(table[1], r'^=+ \| =+ \| =+$')
        self.assertRegex(table[-1], r'^heap: ')
        listed = {}
        for line in table[2:-1]:
            type_, count, size = [c.strip() for c in line.rsplit(' | ', 2)]
            listed[type_] = count
            self.assertEqual(len(line), len(table[0]))
        self.assertEqual(listed, {k: v.lstrip('+') for k, v in shown.items()})
        self.assertEqual(listed['python %s.Payload' % DOC], '20')
        self.assertEqual(listed['python %s.Document' % DOC], '2')
        self.assertEqual(listed['command tkinter'], '2')
        # Largest growth first, as format_diff and print_diff order it.
        self.assertEqual(table[2].split(' | ')[0].strip(),
                         'python %s.Payload' % DOC)
        # Off: the table is format_diff's own.
        self.root.tk.call('.tkleak.bar.python', 'invoke')
        text = str(self.root.tk.call('::tkleak::panel::DiffText'))
        self.assertNotIn('python ', text.split('\n\n')[0])
        del docs


INSPECTOR = r'''
package require tkleak
set app [lindex $argv 0]
set out {}
set w [tkleak::attach $app -timeout 20000]
::tkleak::panel::Calibrate
send $app marker_leak
::tkleak::panel::Orphans
set t .tkleak.nb.orphans.tree
lappend out [$t cget -displaycolumns]
set rows {}
foreach id [$t children {}] {
    lappend rows [list [$t item $id -text] [$t set $id python] \
        [$t set $id keeps] [$t set $id last]]
}
lappend out $rows
set name [lindex $rows 0 0]
set fields [::tkleak::panel::Details $name]
lappend out [expr {[dict exists $fields {Python callable}]
    ? [dict get $fields {Python callable}] : ""}]
lappend out [send $app ::tkleak::snapshots]
puts $out
flush stdout
# Closing the panel lets go of the app and ends this inspector.
destroy .tkleak
'''


class AttachTest(unittest.TestCase):
    """The panel in a second wish, attached to this tkinter app."""

    def setUp(self):
        self.root = tkleaktest.new_root('200x50+0+0')
        self.menu = tkinter.Menu(self.root, tearoff=0)
        # The Documents are kept alive by the leaked wrappers alone.
        self.root.createcommand(
            'marker_leak', lambda: leak(self.root, self.menu, 2) and None)
        self.want = '%s.Document.wakeup of %s.Document (%s:%d)' % (
            DOC, DOC, DOC_TAIL, line_of(Document.wakeup))

    def tearDown(self):
        self.root.destroy()

    def inspect(self):
        """Runs the inspector while this app serves its sends."""
        app = str(self.root.tk.call('tk', 'appname'))
        wish = os.environ.get('WISH', 'wish')
        script = tempfile.NamedTemporaryFile('w', suffix='.tcl',
                                             delete=False)
        self.addCleanup(os.unlink, script.name)
        script.write(INSPECTOR)
        script.close()
        proc = subprocess.Popen([wish, script.name, app],
                                stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT,
                                universal_newlines=True)
        deadline = time.time() + 90
        while proc.poll() is None and time.time() < deadline:
            self.root.update()
            time.sleep(0.005)
        if proc.poll() is None:
            proc.kill()
        out = proc.stdout.read()
        proc.stdout.close()
        self.assertEqual(proc.wait(), 0, out)
        got = [self.root.tk.splitlist(x) if i != 2 else str(x)
               for i, x in enumerate(self.root.tk.splitlist(out.strip()))]
        # The app after the panel closed.
        return got + [self.root.tk.splitlist(
            self.root.tk.call('::tkleak::snapshots')),
            str(self.root.tk.call('::tkleak::record', 'status'))]

    def test_app_without_module(self):
        self.root.tk.call('set', '::errorInfo', 'marker_info')
        cols, got, details, during, snaps, record = self.inspect()
        self.assertEqual([str(c) for c in cols],
                         ['type', 'reason', 'python', 'last', 'retains',
                          'origin'])
        self.assertEqual(len(got), 2)
        for r in got:
            r = [str(c) for c in self.root.tk.splitlist(r)]
            self.assertRegex(r[0], r'^::\d+wakeup$')
            self.assertEqual(r[1:], [self.want, '', '(none)'])
        self.assertEqual(details, self.want)
        self.assertTrue(during)
        # Closed: attach loaded tkleak here, and detach left nothing.
        self.assertEqual((list(snaps), record), ([], '0'))
        self.assertEqual(str(self.root.tk.call('set', '::errorInfo')),
                         'marker_info')

    def test_app_with_module(self):
        import tkleak
        tr = tkleak.Tracker(self.root)
        mine = tr.snapshot('marker_mine')
        cols, got, details, during, snaps, record = self.inspect()
        self.assertEqual([str(c) for c in cols],
                         ['type', 'reason', 'python', 'keeps', 'last',
                          'retains', 'origin'])
        self.assertEqual(len(got), 2)
        for r in got:
            r = [str(c) for c in self.root.tk.splitlist(r)]
            self.assertRegex(r[0], r'^::\d+wakeup$')
            self.assertEqual(r[1], self.want)
            self.assertRegex(r[2], r'^1 Document, 10 Payload, \d+ other '
                                   r'objects, [0-9.]+ K?B$')
            self.assertEqual(r[3], '(none)')
        self.assertEqual(details, self.want)
        # Closed: the panel's snapshots are gone, the app's own stay,
        # and the module's commands and Tracker still work.
        self.assertEqual([str(s) for s in snaps], [mine])
        self.assertEqual(record, '0')
        self.assertEqual(sorted(str(c) for c in self.root.tk.splitlist(
            self.root.tk.call('info', 'commands', '::tkleak::py::*'))),
            ['::tkleak::py::describe', '::tkleak::py::growth',
             '::tkleak::py::keepsalive'])
        self.assertEqual(len(tr.orphans()), 2)


if __name__ == '__main__':
    unittest.main(verbosity=2)
