"""test_realapps_idle.py -- tkleak on IDLE, a real application nobody here
wrote: the idlelib of the python3 that runs this file.

Covers: tkleak::leaktest (with Python's collector registered, as
tkleak-check --python and the tkleak module do) and the orphans it
names, on IDLE driven the way a user's clicks drive it: entries of the
editor's own menus are invoked (menu invoke), modal dialogs are closed
by invoking their buttons once they are up, and other windows through
the window manager's close protocol. The truth of each case, with the
line of idlelib that leaks or why it is clean, is written beside it.
Skipped with a message where idlelib is missing.
"""

import os
import shutil
import tempfile
import unittest

import tkleaktest

try:
    from idlelib import pyshell
except ImportError:                     # A python3 without idlelib.
    pyshell = None

from tkleaktest import ITERATIONS


@unittest.skipIf(pyshell is None, 'idlelib is not installed for this python3')
class IdleTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp()
        cls.root = root = tkleaktest.new_root()
        cls.flist = pyshell.PyShellFileList(root)
        pyshell.flist = cls.flist       # As IDLE's main() sets it.
        module = os.path.join(cls.dir, 'marker_module.py')
        with open(module, 'w') as f:
            f.write('class A:\n    def f(self):\n        pass\n\n'
                    'def g():\n    pass\n')
        cls.editor = cls.flist.open(module)
        root.update()
        tkleaktest.load(root, collector=True)

    @classmethod
    def tearDownClass(cls):
        cls.root.destroy()
        shutil.rmtree(cls.dir)

    # Driving IDLE as a user does.

    def toplevels(self, w=None):
        out = []
        for c in (w or self.root).winfo_children():
            if c.winfo_toplevel() is c:
                out.append(c)
            out.extend(self.toplevels(c))
        return out

    def buttons(self, w):
        out = []
        for c in w.winfo_children():
            if c.winfo_class() in ('Button', 'TButton'):
                out.append(c)
            out.extend(self.buttons(c))
        return out

    def invoke(self, editor, menu, *labels):
        """A click on the first entry of EDITOR's MENU with one of LABELS
        (the labels differ between IDLE versions)."""
        m = editor.menudict[menu]
        for i in range(m.index('end') + 1):
            if m.type(i) in ('command', 'checkbutton') \
                    and m.entrycget(i, 'label') in labels:
                m.invoke(i)
                self.root.update()
                return
        raise LookupError('no entry %r in the %s menu' % (labels, menu))

    def click_when_up(self, text):
        """Once a modal dialog is up, a click on its button TEXT."""
        def later():
            for t in self.toplevels():
                for b in self.buttons(t):
                    if b.cget('text') == text:
                        b.invoke()
                        return
            self.root.after(20, later)
        self.root.after(50, later)

    def close_new_windows(self, before):
        """A click on the close button of every window made since BEFORE:
        the window manager's WM_DELETE_WINDOW protocol command."""
        self.root.update()
        for t in self.toplevels():
            if t not in before and t.winfo_exists():
                cmd = self.root.tk.call('wm', 'protocol', t,
                                        'WM_DELETE_WINDOW')
                if cmd:
                    self.root.tk.eval(cmd)
                else:
                    t.destroy()
        self.root.update()

    def leaktest(self, action):
        return tkleaktest.leaktest(self.root, action)

    def window_case(self, menu, *labels):
        def action():
            before = self.toplevels()
            self.invoke(self.editor, menu, *labels)
            self.close_new_windows(before)
        return action

    def modal_case(self, menu, button, *labels):
        def action():
            self.click_when_up(button)
            self.invoke(self.editor, menu, *labels)
        return action

    def search_case(self, *labels):
        def action():
            self.invoke(self.editor, 'edit', *labels)
            for t in self.toplevels():
                for b in self.buttons(t):
                    if b.cget('text') == 'Close':
                        b.invoke()
            self.root.update()
        return action

    # The cases.

    def test_editor_open_close_leaks_its_menubar(self):
        # editor.py (EditorWindow.__init__, line 120 in 3.11):
        # "self.menubar = Menu(root)" makes the menubar a child of the
        # root, not of the editor's toplevel; _close destroys the
        # toplevel only, so the menubar, its cascades, their entries and
        # the callback wrapper of each entry stay, one set per editor.
        def action():
            before = set(self.flist.inversedict)
            self.invoke(self.editor, 'file', 'New File')
            new, = [e for e in self.flist.inversedict if e not in before]
            self.invoke(new, 'file', 'Close Window', 'Close')
        leaking, growth, orphans = self.leaktest(action)
        self.assertTrue(leaking)
        self.assertGreaterEqual(growth.get('widget Menu', 0), 8.0)
        self.assertGreater(growth.get('menu entry', 0), 30.0)
        self.assertGreater(growth.get('command tkinter', 0), 30.0)
        menus = [o for o in orphans if o[1] == 'widget Menu']
        self.assertEqual(len(menus), ITERATIONS)
        for name, type_, reason in menus:
            self.assertRegex(name, r'^\.!menu\d+$')
            self.assertEqual(reason, 'detached')

    def test_editor_open_close_orphans_the_same_recording_on_and_off(self):
        # The menubar an editor leaves (see above) is a detached menu:
        # with recording on, the live check counts what it retains (its
        # cascades, their entries and the wrapper of each entry) from the
        # windows below it alone, among IDLE's thousands of wrappers; the
        # full scan, with recording off, from every slot of the app. The
        # same list, to the byte.
        tk = self.root.tk
        tk.call('tkleak::snapshot', 'marker_ref')
        try:
            tk.call('tkleak::record', 'on')
            try:
                before = set(self.flist.inversedict)
                self.invoke(self.editor, 'file', 'New File')
                new, = [e for e in self.flist.inversedict
                        if e not in before]
                self.invoke(new, 'file', 'Close Window', 'Close')
                live = tk.call('tkleak::orphans', '-since', 'marker_ref')
            finally:
                tk.call('tkleak::record', 'off')
            full = tk.call('tkleak::orphans', '-since', 'marker_ref')
        finally:
            tk.call('tkleak::forget', 'marker_ref')
        live, full = tk.splitlist(live), tk.splitlist(full)
        self.assertEqual([str(o) for o in live], [str(o) for o in full])
        menus = []
        for o in live:
            od = dict(zip(*[iter(tk.splitlist(o))] * 2))
            if str(od['type']) == 'widget Menu':
                r = tk.splitlist(od['retains'])
                menus.append({str(r[i]): int(r[i + 1])
                              for i in range(0, len(r), 2)})
        self.assertEqual(len(menus), 1)
        self.assertGreaterEqual(menus[0]['widget Menu'], 8)
        self.assertGreater(menus[0]['menu entry'], 30)
        self.assertGreater(menus[0]['command tkinter'], 30)

    def test_config_dialog_leaks_its_variable_traces(self):
        # configdialog.py: the module-level "tracers = VarTrace()" keeps
        # every dialog's (variable, callback) pairs; VarTrace.detach puts
        # them back on its untraced list when the dialog closes, and the
        # next dialog's VarTrace.attach ("var.trace_add('write',
        # callback)") traces them all again: each open keeps the
        # dialog's variables and one trace callback wrapper per traced
        # variable (26 in 3.11).
        leaking, growth, orphans = self.leaktest(
            self.modal_case('options', 'Cancel', 'Configure IDLE'))
        self.assertTrue(leaking)
        self.assertGreaterEqual(growth.get('command tkinter', 0), 20.0)
        self.assertGreaterEqual(growth.get('variable', 0), 20.0)
        # The callback wrappers are named by the live traces of the kept
        # variables (tkleak::refs: owner "trace"), so they are no
        # orphans: the leak is what tracers keeps. leaktest used to call
        # them detached, reading tkinter's "PY_VARn" in its own proc's
        # frame (issue 12's false orphans).
        self.assertEqual([o for o in orphans
                          if o[0].endswith('default_callback')], [])
        tk = self.root.tk
        wrappers = [c for c in tk.splitlist(tk.call('info', 'commands',
                                                    '::*default_callback'))]
        self.assertTrue(wrappers)
        for c in wrappers[:3]:
            refs = [dict(zip(*[iter(tk.splitlist(r))] * 2))
                    for r in tk.splitlist(tk.call('tkleak::refs', c))]
            self.assertEqual([str(r['owner']) for r in refs], ['trace'])

    # Clean: each builds its window or dialog on open and destroys it,
    # with its traces and callbacks, on close.

    def assertClean(self, action):
        leaking, growth, orphans = self.leaktest(action)
        self.assertEqual((leaking, growth, orphans), (False, {}, []))

    def test_path_browser_clean(self):
        self.assertClean(self.window_case('file', 'Path Browser'))

    def test_module_browser_clean(self):
        self.assertClean(self.window_case('file', 'Module Browser',
                                          'Class Browser'))

    def test_about_clean(self):
        self.assertClean(self.modal_case('help', 'Close', 'About IDLE'))

    def test_go_to_line_clean(self):
        self.assertClean(self.modal_case('edit', 'Cancel', 'Go to Line'))

    def test_find_clean(self):
        self.assertClean(self.search_case('Find...'))

    def test_replace_clean(self):
        self.assertClean(self.search_case('Replace...'))

    def test_help_clean(self):
        from idlelib import help as idlehelp
        if not hasattr(idlehelp, 'show_idlehelp'):
            # 3.11.7's editor calls help.show_idlehelp, which its help.py
            # no longer has: IDLE's own Help menu fails there.
            self.skipTest("this idlelib's Help menu is broken "
                          "(help.show_idlehelp missing)")
        self.assertClean(self.window_case('help', 'IDLE Help', 'IDLE Doc'))


if __name__ == '__main__':
    unittest.main()
