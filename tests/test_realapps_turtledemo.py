"""test_realapps_turtledemo.py -- tkleak on turtledemo, a real
application nobody here wrote: the turtledemo of the python3 that runs
this file (python3 -m turtledemo).

Covers: tkleak::leaktest, with Python's collector registered, on
turtledemo driven the way a user's clicks drive it: an entry of its
Examples menu (menu invoke), then its START and STOP buttons (invoke);
an entry of its Help menu, whose modal text window is closed by its
Close button once it is up. The truth of each case, with the line that
leaks or why it is clean, is written beside it. Skipped with a message
where turtledemo is missing.
"""

import tkinter
import unittest

import tkleaktest

try:
    from turtledemo.__main__ import DemoWindow
except ImportError:                     # A python3 without turtledemo.
    DemoWindow = None

from tkleaktest import ITERATIONS


@unittest.skipIf(DemoWindow is None, 'turtledemo is not installed')
class TurtledemoTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.demo = DemoWindow()
        cls.root = cls.demo.root
        cls.root.update()
        tkleaktest.load(cls.root, collector=True)

    @classmethod
    def tearDownClass(cls):
        cls.demo._destroy()

    def cascade(self, label):
        bar = self.demo.mBar
        return self.root.nametowidget(bar.entrycget(bar.index(label),
                                                    'menu'))

    def invoke(self, menu, label):
        """A click on the entry LABEL of MENU."""
        for i in range(menu.index('end') + 1):
            if menu.type(i) == 'command' \
                    and menu.entrycget(i, 'label') == label:
                menu.invoke(i)
                self.root.update()
                return
        raise LookupError(label)

    def leaktest(self, action):
        return tkleaktest.leaktest(self.root, action)

    def run_example(self, name):
        def action():
            self.invoke(self.cascade('Examples'), name)
            self.demo.start_btn.invoke()
            self.root.update()
            if str(self.demo.stop_btn.cget('state')) == 'normal':
                self.demo.stop_btn.invoke()
                self.root.update()
        return action

    def test_paint_leaks_its_click_wrappers(self):
        # paint.py main() binds three mouse buttons with onscreenclick;
        # STOP clears the screen, whose TurtleScreen.clear unbinds them
        # through turtle.py _onscreenclick(None): "self.cv.unbind(
        # "<Button-%s>" % num)" without the funcid, so tkinter's unbind
        # never deletes the wrapper: three eventfun wrappers per run,
        # each an orphan.
        leaking, growth, orphans = self.leaktest(self.run_example('paint'))
        self.assertEqual((leaking, growth), (True, {'command tkinter': 3.0}))
        self.assertEqual(len(orphans), 3 * ITERATIONS)
        for name, type_, reason in orphans:
            self.assertRegex(name, r'^::\d+eventfun$')
            self.assertEqual((type_, reason), ('command tkinter', 'detached'))

    def test_forest_clean(self):
        # forest.py draws and returns; its turtles' canvas items are
        # deleted by the next run's screen clear, and it binds nothing.
        self.assertEqual(self.leaktest(self.run_example('forest')),
                         (False, {}, []))

    def test_help_clean(self):
        # The Help entries open idlelib's modal view_text window, which
        # its Close button destroys with everything in it.
        def close_when_up():
            for w in self.root.winfo_children():
                if w.winfo_toplevel() is w:
                    for c in w.winfo_children():
                        if c.winfo_class() in ('Button', 'TButton') \
                                and c.cget('text') == 'Close':
                            c.invoke()
                            return
                    for f in w.winfo_children():
                        for c in f.winfo_children():
                            if c.winfo_class() in ('Button', 'TButton') \
                                    and c.cget('text') == 'Close':
                                c.invoke()
                                return
            self.root.after(20, close_when_up)

        def action():
            self.root.after(50, close_when_up)
            self.invoke(self.cascade('Help'), 'About turtledemo')
        self.assertEqual(self.leaktest(action), (False, {}, []))


if __name__ == '__main__':
    unittest.main()
