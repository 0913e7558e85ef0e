"""test_pygc.py -- tkleak::gc and leaktest in a process with Python.

Covers: tkleak::gc runs Python's full collection through the collector
the app registers (::tkleak::PythonCollect, here gc.collect itself, so
even after gc.disable()) and returns its count, or -1 without one;
leaktest
collects before every census, so that an action whose objects die in
reference cycles, holding a tkinter Variable and a PhotoImage, reads as
clean every time instead of leaking until Python's collector happens to
run.
"""

import gc
import tkinter
import unittest

import tkleaktest


class Holder:
    """A reference cycle that keeps Tcl objects alive until collected."""

    def __init__(self, root):
        self.var = tkinter.StringVar(root, value='x' * 100)
        self.image = tkinter.PhotoImage(master=root, width=4, height=4)
        self.me = self


class PythonGcTest(tkleaktest.TkleakTestCase):

    collector = True

    def setUp(self):
        gc.collect()
        gc.disable()

    def tearDown(self):
        gc.enable()

    def test_gc_collects_cycles_and_frees_their_tcl_side(self):
        h = Holder(self.root)
        name = str(h.var)
        image = str(h.image)
        del h
        self.assertTrue(self.root.tk.call('info', 'exists', name))
        found = int(self.root.tk.call('tkleak::gc'))
        self.assertGreaterEqual(found, 3)
        self.assertFalse(self.root.tk.call('info', 'exists', name))
        self.assertNotIn(image, self.root.tk.splitlist(
            self.root.tk.call('image', 'names')))
        # Nothing left to find the second time.
        self.assertEqual(int(self.root.tk.call('tkleak::gc')), 0)

    def test_gc_without_a_collector(self):
        self.root.tk.deletecommand('::tkleak::PythonCollect')
        try:
            self.assertEqual(int(self.root.tk.call('tkleak::gc')), -1)
        finally:
            self.root.tk.createcommand('::tkleak::PythonCollect', gc.collect)

    def test_gc_collector_failing(self):
        def broken():
            raise RuntimeError('no')
        self.root.tk.deletecommand('::tkleak::PythonCollect')
        self.root.tk.createcommand('::tkleak::PythonCollect', broken)
        try:
            with self.assertRaises(tkinter.TclError):
                self.root.tk.call('tkleak::gc')
            self.assertEqual(self.root.tk.eval('set ::errorCode'),
                             'TKLEAK GC PYTHON')
        finally:
            self.root.tk.deletecommand('::tkleak::PythonCollect')
            self.root.tk.createcommand('::tkleak::PythonCollect', gc.collect)

    def test_gc_wrong_args(self):
        with self.assertRaises(tkinter.TclError) as cm:
            self.root.tk.call('tkleak::gc', 'now')
        self.assertEqual(str(cm.exception),
                         'wrong # args: should be "tkleak::gc"')
        self.assertEqual(self.root.tk.eval('set ::errorCode'),
                         'TKLEAK USAGE')

    def test_six_leaktests_of_cyclic_garbage_agree_clean(self):
        self.root.tk.createcommand('::pygc_action',
                                   lambda: Holder(self.root) and None)
        try:
            verdicts = []
            for _ in range(6):
                result = self.root.tk.call(
                    'tkleak::leaktest', '::pygc_action',
                    '-iterations', 6, '-warmup', 1)
                d = dict(zip(*[iter(self.root.tk.splitlist(result))] * 2))
                verdicts.append(str(d['leaking']))
            self.assertEqual(verdicts, ['0'] * 6)
        finally:
            self.root.tk.deletecommand('::pygc_action')


if __name__ == '__main__':
    unittest.main()
