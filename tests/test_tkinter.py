"""test_tkinter.py -- tkleak inside a Python tkinter app.

Covers: the package loads into tkinter's Tcl interpreter from the build
tree (TCLLIBPATH), and tkinter's callback wrappers are counted as
"command tkinter": each configure(command=...) and bind(...) registers
one more, and tkleak::new names them after the Python function.
"""

import tkinter
import unittest


def marker_wakeup():
    pass


def marker_handler(event):
    pass


class TkinterCensusTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.root = tkinter.Tk()
        cls.root.withdraw()
        cls.version = cls.root.tk.call('package', 'require', 'tkleak')

    @classmethod
    def tearDownClass(cls):
        cls.root.destroy()

    def call(self, *args):
        return self.root.tk.call(*args)

    def diff(self, old):
        d = self.root.tk.splitlist(self.call('tkleak::diff', old))
        return {str(d[i]): {str(k): str(v) for k, v in zip(*[iter(self.root.tk.splitlist(d[i + 1]))] * 2)}
                for i in range(0, len(d), 2)}

    def tearDown(self):
        for name in self.root.tk.splitlist(self.call('tkleak::snapshots')):
            self.call('tkleak::forget', name)

    def test_load_version(self):
        self.assertEqual(self.version, '0.1')

    def test_configure_command_twice_leaks_a_wrapper(self):
        b = tkinter.Button(self.root)
        self.call('tkleak::snapshot', 'a')
        b.configure(command=marker_wakeup)
        b.configure(command=marker_wakeup)
        d = self.diff('a')
        self.assertEqual(list(d), ['command tkinter'])
        self.assertEqual(int(d['command tkinter']['count']), 2)
        new = self.root.tk.splitlist(
            self.call('tkleak::new', 'command tkinter', 'a'))
        self.assertEqual(len(new), 2)
        for name in new:
            self.assertRegex(name, r'^::\d+marker_wakeup$')
        b.destroy()

    def test_bind_replacing_keeps_old_wrapper(self):
        f = tkinter.Frame(self.root)
        self.call('tkleak::snapshot', 'a')
        f.bind('<Enter>', marker_handler)
        f.bind('<Enter>', marker_handler)
        d = self.diff('a')
        self.assertEqual(int(d['command tkinter']['count']), 2)
        self.assertEqual(int(d['binding']['count']), 1)
        f.destroy()

    def test_widgets_by_class(self):
        self.call('tkleak::snapshot', 'a')
        top = tkinter.Toplevel(self.root)
        tkinter.Label(top, text='x')
        d = self.diff('a')
        # tkinter's Toplevel registers its destroy as WM_DELETE_WINDOW.
        del d['command tkinter']
        self.assertEqual(d, {'widget Toplevel': {'count': '1', 'bytes': '0'},
                             'widget Label': {'count': '1', 'bytes': '0'}})
        top.destroy()

    def test_back_to_back_empty(self):
        self.call('tkleak::snapshot', 'a')
        self.call('tkleak::snapshot', 'b')
        self.assertEqual(str(self.call('tkleak::diff', 'a', 'b')), '')


if __name__ == '__main__':
    unittest.main(verbosity=2)
