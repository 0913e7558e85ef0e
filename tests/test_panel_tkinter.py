"""test_panel_tkinter.py -- the Memory menu and the panel in a tkinter app.

Covers: tkleak::menu on a tkinter menubar, its entries driven with
invoke, the panel's Diff and Orphans views read back from their
treeviews: a second configure(command=...) leaves the first callback
wrapper unreferenced, and the panel names it, its Python function and
callable (read by the C core: the module is not loaded) and where it
was made; the Details view of a wrapper.
"""

import re
import tkinter
import unittest

import tkleaktest


def marker_wakeup():
    pass


def marker_other():
    pass


WAKEUP_LINE = marker_wakeup.__code__.co_firstlineno
OTHER_LINE = marker_other.__code__.co_firstlineno


class TkinterPanelTest(tkleaktest.TkleakTestCase):

    geometry = '300x100+0+0'

    @classmethod
    def make_app(cls):
        cls.menubar = tkinter.Menu(cls.root, tearoff=0)
        cls.root.config(menu=cls.menubar)
        cls.windows = tkinter.Menu(cls.menubar, tearoff=0)
        cls.menubar.add_cascade(label='Windows', menu=cls.windows)

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cascade = str(cls.root.tk.call('tkleak::menu', cls.menubar))
        cls.root.update()

    def split(self, value):
        return [str(v) for v in self.root.tk.splitlist(value)]

    def rows(self, tree, parent=''):
        """A treeview's rows: its text, then its values."""
        return tkleaktest.rows(self.root, tree, parent)

    def invoke(self, label):
        self.call(self.cascade, 'invoke', label)
        self.root.update()

    def tearDown(self):
        self.call('destroy', '.tkleak')
        self.call('tkleak::record', 'off')

    def test_menu_on_a_tkinter_menubar(self):
        labels = []
        for i in range(int(self.call(self.cascade, 'index', 'end')) + 1):
            if str(self.call(self.cascade, 'type', i)) != 'separator':
                labels.append(str(self.call(self.cascade, 'entrycget', i,
                                            '-label')))
        self.assertEqual(self.cascade, str(self.menubar) + '.tkleak')
        self.assertEqual(labels, ['Calibrate', 'Diff', 'Orphans',
                                  'Open Panel', 'Record Attachments'])
        self.assertEqual(str(self.call('tkleak::menu', self.menubar)),
                         self.cascade)

    def test_second_configure_leaves_a_wrapper_the_panel_names(self):
        button = tkinter.Button(self.root)
        self.invoke('Calibrate')
        button.configure(command=marker_wakeup)
        button.configure(command=marker_other)
        self.invoke('Diff')
        diff = self.rows('.tkleak.nb.diff.tree')
        self.assertEqual([[r[0], r[2]] for r in diff],
                         [['command tkinter', '+2']])
        # Open the row as a click on its indicator does.
        first = self.split(self.call('.tkleak.nb.diff.tree', 'children',
                                     ''))[0]
        self.call('.tkleak.nb.diff.tree', 'focus', first)
        self.call('.tkleak.nb.diff.tree', 'item', first, '-open', 1)
        self.call('event', 'generate', '.tkleak.nb.diff.tree',
                  '<<TreeviewOpen>>')
        self.root.update()
        children = self.rows('.tkleak.nb.diff.tree', first)
        texts = sorted(c[0] for c in children)
        self.assertEqual(len(texts), 2)
        self.assertRegex(texts[0], r'^\+ ::\d+marker_(wakeup|other)$')
        notes = {re.sub(r'^\+ ::\d+', '', c[0]): c[-1] for c in children}
        # The callables as the C core reads them (tkleak::pycallable).
        self.assertEqual(notes, {
            'marker_wakeup': 'unreferenced; \u2192 __main__.marker_wakeup'
                             ' (test_panel_tkinter.py:%d)' % WAKEUP_LINE,
            'marker_other': '\u2192 __main__.marker_other'
                            ' (test_panel_tkinter.py:%d)' % OTHER_LINE})

        self.invoke('Orphans*')
        self.assertEqual(str(self.call(self.cascade, 'entrycget', 2,
                                       '-label')), 'Orphans (1)')
        orphans = self.rows('.tkleak.nb.orphans.tree')
        self.assertEqual(len(orphans), 1)
        name, type_, reason, last, retains, origin, python, keeps = \
            orphans[0]
        self.assertRegex(name, r'^::\d+marker_wakeup$')
        self.assertEqual([type_, reason, last, retains, python, keeps],
                         ['command tkinter', 'unreferenced', '(none)', '',
                          '__main__.marker_wakeup (test_panel_tkinter.py:%d)'
                          % WAKEUP_LINE, ''])
        # Recording was off: no origin.
        self.assertEqual(origin, '')

        details = str(self.call('apply', '{name} {join [::tkleak::panel::Details $name] \x1f}',
                                name)).split('\x1f')
        self.assertEqual(dict(zip(details[0::2], details[1::2])), {
            'Name': name, 'Type': 'command tkinter',
            'Kind': 'Python tkinter callback',
            'Implemented by': '_tkinter (Python)',
            'Python function': 'marker_wakeup',
            'Python callable': '__main__.marker_wakeup '
                               '(test_panel_tkinter.py:%d)' % WAKEUP_LINE,
            'Orphan': 'unreferenced', 'Referrers': '(none)'})
        button.destroy()

    def test_recorded_wrapper_has_its_python_origin(self):
        self.call('tkleak::record', 'on')
        button = tkinter.Button(self.root)
        self.invoke('Calibrate')
        button.configure(command=marker_wakeup)
        made = _line() - 1
        button.configure(command=marker_other)
        self.invoke('Orphans*')
        orphans = self.rows('.tkleak.nb.orphans.tree')
        self.assertEqual([o[1:3] for o in orphans],
                         [['command tkinter', 'detached']])
        self.assertEqual(orphans[0][3], str(button) + ' -command')
        self.assertEqual(
            orphans[0][5],
            'test_panel_tkinter.py:%d '
            'test_recorded_wrapper_has_its_python_origin (Python)'
            % made)
        button.destroy()


def _line():
    """The line number of the caller."""
    import inspect
    return inspect.currentframe().f_back.f_lineno


if __name__ == '__main__':
    unittest.main(verbosity=2)
