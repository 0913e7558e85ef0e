"""test_panel_python.py -- the panel's Python columns in a tkinter app.

Covers: ::tkleak::py::describe and ::tkleak::py::keepsalive, which the
tkleak module registers (Tracker, load, menu, panel), and the panel's
use of them: the Orphans view's Python and Keeps alive columns and its
heading, the Diff view's note on a new wrapper, the Details view's
callable and keeps-alive table, on a Menu.delete-style leak; and an app
that loaded tkleak with package require only: the callable the C core
reads, no Keeps alive column.

Run from the build tree: PYTHONPATH=$PWD/build/python (run-all.sh sets
it).
"""

import os
import tkinter
import unittest

import tkleak

import tkleaktest
from tkleaktest import Document, rows

# The leaks bind tkleaktest's Documents: their module, and the file and
# line of Document.wakeup.
DOC = Document.__module__
HERE = os.path.basename(Document.wakeup.__code__.co_filename)
WAKEUP_LINE = Document.wakeup.__code__.co_firstlineno


def leak(root, windows, n=3):
    """Adds N entries and deletes them the way Python 2.4's Menu.delete
    did, leaving their commands: Documents of 100 Payloads."""
    return tkleaktest.leak(root, windows, n, 100)


class PanelPythonTest(unittest.TestCase):

    def setUp(self):
        # One Tk a test: the plain app must not have the module's
        # commands.
        self.root = tkleaktest.new_root('300x100+0+0')
        self.windows = tkinter.Menu(self.root, tearoff=0)

    def tearDown(self):
        self.root.update()
        self.root.destroy()

    def callable_of(self, doc):
        return '%s.Document.wakeup of %s.Document (%s:%d)' % (
            DOC, DOC, HERE, WAKEUP_LINE)

    def test_orphans_view_shows_callable_and_keeps_alive(self):
        tr = tkleak.Tracker(self.root)
        tr.calibrate()
        leak(self.root, self.windows)
        self.root.tk.call('tkleak::panel', 'orphans')
        self.root.update()
        t = '.tkleak.nb.orphans.tree'
        self.assertEqual(
            [str(c) for c in self.root.tk.splitlist(
                self.root.tk.call(t, 'cget', '-displaycolumns'))],
            ['type', 'reason', 'python', 'keeps', 'last', 'retains',
             'origin'])
        self.assertEqual(str(self.root.tk.call(t, 'heading', 'python',
                                               '-text')), 'Python')
        self.assertEqual(str(self.root.tk.call(t, 'heading', 'keeps',
                                               '-text')), 'Keeps alive')
        got = rows(self.root, t)
        self.assertEqual(len(got), 3)
        want = self.callable_of(None)
        for name, type_, reason, last, retains, origin, python, keeps \
                in got:
            self.assertRegex(name, r'^::\d+wakeup$')
            self.assertEqual([type_, reason, python, last, retains],
                             ['command tkinter', 'unreferenced', want,
                              '(none)', ''])
            # Each wrapper alone: its bound method, its Document, the
            # Document's dict and list, and 100 Payloads.
            self.assertRegex(keeps, r'^1 Document, 100 Payload, \d+ other '
                                    r'objects, [0-9.]+ KB$')
        head = str(self.root.tk.call('.tkleak.nb.orphans.head', 'cget',
                                     '-text'))
        self.assertRegex(head, r'^3 orphans since the baseline: made since,'
                               r' and named by no live slot\. On the Python'
                               r' side they keep alive 3 Document, 300 Payload,'
                               r' \d+ other objects, [0-9.]+ KB\.$')

    def test_details_of_a_wrapper_has_callable_and_table(self):
        tr = tkleak.Tracker(self.root)
        tr.calibrate()
        leak(self.root, self.windows, 1)
        self.root.tk.call('tkleak::panel', 'orphans')
        name = rows(self.root, '.tkleak.nb.orphans.tree')[0][0]
        fields = str(self.root.tk.call(
            'apply', '{name} {join [::tkleak::panel::Details $name] \x1f}',
            name)).split('\x1f')
        pairs = list(zip(fields[0::2], fields[1::2]))
        d = dict(pairs)
        self.assertEqual(d['Python function'], 'wakeup')
        self.assertEqual(d['Python callable'], self.callable_of(None))
        self.assertRegex(d['Keeps alive'], r'^1 Document, 100 Payload, \d+ '
                                           r'other objects, [0-9.]+ KB$')
        table = dict((k.strip(), v) for k, v in pairs if k.startswith('  '))
        self.assertEqual(table['__main__.Payload'.replace(
            '__main__', DOC)].split(',')[0], '100')
        self.assertEqual(table['%s.Document' % DOC].split(',')[0], '1')
        # The wrapper (CallWrapper.__call__) and Document.wakeup.
        self.assertEqual(table['method'].split(',')[0], '2')

    def test_diff_view_names_the_callable_of_new_wrappers(self):
        tkleak.Tracker(self.root)
        t = '.tkleak.nb.diff.tree'
        self.root.tk.call('tkleak::panel', 'diff')
        self.root.tk.call('::tkleak::panel::Calibrate')
        docs = leak(self.root, self.windows, 2)
        self.root.tk.call('::tkleak::panel::Diff')
        diff = rows(self.root, t)
        self.assertEqual([[r[0], r[2]] for r in diff],
                         [['command tkinter', '+2']])
        first = str(self.root.tk.splitlist(
            self.root.tk.call(t, 'children', ''))[0])
        self.root.tk.call('::tkleak::panel::Populate', t, first)
        children = rows(self.root, t, first)
        self.assertEqual(len(children), 2)
        for c in children:
            self.assertRegex(c[0], r'^\+ ::\d+wakeup$')
            self.assertEqual(c[-1], 'unreferenced; \u2192 '
                             + self.callable_of(None))
        del docs

    def test_python_checkbutton_puts_python_types_in_the_diff(self):
        tkleak.Tracker(self.root)
        t = '.tkleak.nb.diff.tree'
        self.root.tk.call('tkleak::panel', 'diff')
        self.assertEqual(str(self.root.tk.call(
            'winfo', 'manager', '.tkleak.bar.python')), 'pack')
        self.assertEqual(str(self.root.tk.call(
            '.tkleak.bar.python', 'cget', '-text')), 'Python')
        self.root.tk.call('.tkleak.bar.python', 'invoke')
        # Turned on after the panel's first census: none to compare with.
        self.root.tk.call('::tkleak::panel::Diff')
        self.assertRegex(str(self.root.tk.call(
            '.tkleak.nb.diff.head', 'cget', '-text')),
            r' No Python counts at Panel start: they start with the next'
            r' census\.$')
        self.root.tk.call('::tkleak::panel::Calibrate')
        docs = leak(self.root, self.windows, 2)
        self.root.tk.call('::tkleak::panel::Diff')
        diff = {r[0]: r[2] for r in rows(self.root, t)}
        self.assertRegex(str(self.root.tk.call(
            '.tkleak.nb.diff.head', 'cget', '-text')),
            r': 1 type changed\. Python: %d types changed\.$'
            % (len(diff) - 1))
        self.assertEqual(diff['command tkinter'], '+2')
        self.assertEqual(diff['python %s.Document' % DOC], '+2')
        self.assertEqual(diff['python %s.Payload' % DOC], '+200')
        self.assertEqual(diff['python tkinter.CallWrapper'], '+2')
        # A Python row opens on a note, not on names.
        ids = [str(i) for i in self.root.tk.splitlist(
            self.root.tk.call(t, 'children', ''))]
        py = [i for i in ids if str(self.root.tk.call(
            t, 'item', i, '-text')) == 'python %s.Payload' % DOC][0]
        self.root.tk.call('::tkleak::panel::Populate', t, py)
        self.assertEqual([r[0] for r in rows(self.root, t, py)],
                         ['(Python objects: counted by type, not named)'])
        # The exports ask no Tcl object list of a Python row; the JSON
        # has its row.
        text = str(self.root.tk.call('::tkleak::panel::DiffText'))
        self.assertIn('\nNew command tkinter (2):\n', text)
        json = str(self.root.tk.call('::tkleak::panel::DiffJson'))
        self.assertIn('{"type":"python %s.Payload","count":200,' % DOC,
                      json)
        # Off: the Tcl types only.
        self.root.tk.call('.tkleak.bar.python', 'invoke')
        self.assertEqual([r[0] for r in rows(self.root, t)],
                         ['command tkinter'])
        del docs

    def test_plain_package_require_has_no_keeps_alive_column(self):
        self.root.tk.call('package', 'require', 'tkleak')
        self.assertEqual(str(self.root.tk.call(
            'info', 'commands', '::tkleak::py::*')), '')
        self.root.tk.call('tkleak::calibrate')
        leak(self.root, self.windows, 1)
        self.root.tk.call('tkleak::panel', 'orphans')
        t = '.tkleak.nb.orphans.tree'
        # The callable, as the C core reads it (tkleak::pycallable), but
        # no Keeps alive: that is the module's.
        self.assertEqual(
            [str(c) for c in self.root.tk.splitlist(
                self.root.tk.call(t, 'cget', '-displaycolumns'))],
            ['type', 'reason', 'python', 'last', 'retains', 'origin'])
        got = rows(self.root, t)
        self.assertEqual(len(got), 1)
        self.assertEqual(got[0][1:], ['command tkinter', 'unreferenced',
                                      '(none)', '', '',
                                      self.callable_of(None), ''])
        # No Python checkbutton either.
        self.assertEqual(str(self.root.tk.call(
            'winfo', 'manager', '.tkleak.bar.python')), '')

    def test_commands_are_tkleaks_own_and_registered_once(self):
        tkleak.Tracker(self.root)
        tkleak.Tracker(self.root)
        self.assertEqual(sorted(str(c) for c in self.root.tk.splitlist(
            self.root.tk.call('info', 'commands', '::tkleak::py::*'))),
            ['::tkleak::py::describe', '::tkleak::py::growth',
             '::tkleak::py::keepsalive'])
        tr = tkleak.Tracker(self.root)
        base = tr.snapshot()
        tkleak.Tracker(self.root)
        self.assertEqual(tr.diff(base), {})
        # Not a wrapper, not a window: nothing.
        self.assertEqual(str(self.root.tk.call(
            '::tkleak::py::describe', '::set ::nosuch 12x')), '')


if __name__ == '__main__':
    unittest.main(verbosity=2)
