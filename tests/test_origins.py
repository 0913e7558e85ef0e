"""test_origins.py -- where tkinter objects come from, on every python3.

Covers: tkleak::origin of a widget, of a canvas item (Canvas.create_line),
of a variable (StringVar) and of a callback wrapper, made from
Python while recording, directly or from a menu entry invoked and a
binding fired at -depth 1: the innermost frame of the app's own code is
the Python line that made it, on every Python 3 (PyFrame_GetCode and
PyFrame_GetBack are 3.9's; before, origin.c reads the frame's f_code and
f_back). Run it with each ~/.pyenv/versions/3.*/bin/python3.
"""

import subprocess
import sys
import textwrap
import tkinter
import unittest

import tkleaktest


def make_label(root):
    return tkinter.Label(root, name='origins_label')


def wakeup():
    pass


def draw_line(canvas):
    return canvas.create_line(0, 0, 10, 10)


class PythonOriginTest(tkleaktest.TkleakTestCase):

    def frames(self, stack):
        """The frames of STACK as (file tail, line, proc, lang, lib)."""
        out = []
        for f in self.root.tk.splitlist(stack):
            d = dict(zip(*[iter(self.root.tk.splitlist(f))] * 2))
            out.append((str(d['file']).rsplit('/', 1)[-1], int(str(d['line'])),
                        str(d['proc']), str(d['lang']), int(str(d['lib']))))
        return out

    def app_frame(self, stack):
        return [f for f in self.frames(stack) if not f[4]][0]

    def tearDown(self):
        self.call('tkleak::record', 'off')

    def test_widget_made_from_python(self):
        self.call('tkleak::record', 'on')
        label = make_label(self.root)
        caller = sys._getframe().f_lineno - 1
        line = make_label.__code__.co_firstlineno + 1
        origin = self.root.tk.splitlist(self.call('tkleak::origin', str(label)))
        created = dict(zip(*[iter(origin)] * 2))['created']
        frames = self.frames(created)
        self.assertEqual(self.app_frame(created),
                         ('test_origins.py', line, 'make_label', 'python', 0))
        # The caller's frame follows: the stack walked back through
        # f_back (or PyFrame_GetBack).
        self.assertEqual(frames[frames.index(self.app_frame(created)) + 1][:4],
                         ('test_origins.py', caller,
                          'test_widget_made_from_python', 'python'))
        label.destroy()

    def test_canvas_item_made_from_python(self):
        canvas = tkinter.Canvas(self.root, name='origins_canvas')
        self.call('tkleak::record', 'on')
        item = draw_line(canvas)
        line = draw_line.__code__.co_firstlineno + 1
        origin = self.root.tk.splitlist(
            self.call('tkleak::origin', (str(canvas), item)))
        created = dict(zip(*[iter(origin)] * 2))['created']
        self.assertEqual(self.app_frame(created),
                         ('test_origins.py', line, 'draw_line', 'python', 0))
        canvas.destroy()

    def test_variable_made_from_python(self):
        self.call('tkleak::record', 'on')
        var = tkinter.StringVar(self.root, value='x', name='origins_var')
        line = sys._getframe().f_lineno - 1
        origin = self.root.tk.splitlist(
            self.call('tkleak::origin', '::origins_var'))
        created = dict(zip(*[iter(origin)] * 2))['created']
        self.assertEqual(self.app_frame(created),
                         ('test_origins.py', line,
                          'test_variable_made_from_python', 'python', 0))
        del var

    def test_wrapper_attached_from_python(self):
        button = tkinter.Button(self.root)
        self.call('tkleak::record', 'on')
        button.configure(command=wakeup)
        line = sys._getframe().f_lineno - 1
        name = self.root.tk.splitlist(button.configure('command'))[-1]
        origin = self.root.tk.splitlist(self.call('tkleak::origin', name))
        attached = self.root.tk.splitlist(
            dict(zip(*[iter(origin)] * 2))['attached'])
        self.assertEqual(str(attached[0]).split(),
                         ['owner', str(button), 'slot', '-command'])
        self.assertEqual(self.app_frame(attached[1]),
                         ('test_origins.py', line,
                          'test_wrapper_attached_from_python', 'python', 0))
        button.destroy()

    def test_click_at_depth_1_reaches_the_python_line(self):
        # A menu entry invoked and a binding fired: the frames of the
        # scripts Tk runs (":1") and of tkinter are library frames, and do
        # not push the app's line out of a one-frame stack.
        made = {}

        def new_window(key):
            made[key] = tkinter.Label(self.root)
            made[key + ' line'] = sys._getframe().f_lineno - 1

        menu = tkinter.Menu(self.root, tearoff=0)
        menu.add_command(label='New', command=lambda: new_window('menu'))
        top = tkinter.Toplevel(self.root)
        frame = tkinter.Frame(top, width=20, height=20)
        frame.pack()
        frame.bind('<<New>>', lambda event: new_window('bind'))
        self.root.update()
        self.call('tkleak::configure', '-depth', 1)
        try:
            self.call('tkleak::record', 'on')
            menu.invoke(0)
            frame.event_generate('<<New>>')
            self.call('tkleak::record', 'off')
        finally:
            self.call('tkleak::configure', '-depth', 8)
        for key in ('menu', 'bind'):
            origin = self.root.tk.splitlist(
                self.call('tkleak::origin', str(made[key])))
            created = dict(zip(*[iter(origin)] * 2))['created']
            self.assertEqual(self.app_frame(created),
                             ('test_origins.py', made[key + ' line'],
                              'new_window', 'python', 0), key)
            self.assertEqual(len([f for f in self.frames(created)
                                  if not f[4]]), 1, key)
            made[key].destroy()
        menu.destroy()
        top.destroy()


    def test_variable_from_python_runs_no_finalizer(self):
        # Reading the Python frames from inside Tcl's variable table
        # makes their frame objects on 3.11, which could start a cycle
        # collection and run the app's finalizers there, in the middle of
        # Tcl making the variable: the collector is held off while
        # origin.c reads. Here the finalizer asks whether the variable
        # is in Tcl's table yet: it must run after, not inside.
        import gc
        seen = []
        tk = self.root.tk

        class Garbage:
            def __init__(self):
                self.me = self

            def __del__(self):
                seen.append(str(tk.call('info', 'exists',
                                        '::marker_gcvar')))

        def make():
            gc.disable()
            Garbage()
            gc.set_threshold(1)
            gc.enable()
            tk.globalsetvar('marker_gcvar', 'x')

        threshold = gc.get_threshold()
        self.call('tkleak::record', 'on')
        try:
            make()
        finally:
            gc.set_threshold(*threshold)
            gc.enable()
        gc.collect()
        self.assertEqual(seen, ['1'])
        tk.globalunsetvar('marker_gcvar')

    def test_code_made_again_where_a_dead_one_was(self):
        # origin.c keeps what a Python frame shows by its code object and
        # instruction: a code object made where a dead one was (the same
        # bytecode, compiled again from another file) must not be taken
        # for it, nor its stack for the dead one's.
        import gc
        self.call('tkleak::record', 'on')
        made = []
        for i in range(6):
            src = '\n' * i + 'def make(root, i):\n' \
                '    return tkinter.Label(root, name="origins_again%d" % i)\n'
            ns = {'tkinter': tkinter}
            exec(compile(src, 'again%d.py' % i, 'exec'), ns)
            made.append(ns['make'](self.root, i))
            del ns, src
            gc.collect()
        for i, label in enumerate(made):
            origin = self.root.tk.splitlist(
                self.call('tkleak::origin', str(label)))
            created = dict(zip(*[iter(origin)] * 2))['created']
            self.assertEqual(self.app_frame(created),
                             ('again%d.py' % i, i + 2, 'make', 'python', 0))
            label.destroy()

    def test_frame_cache_goes_with_the_last_interpreter(self):
        # origin.c's cache of Python frames (3.11 on) holds a weak
        # reference to each code object it read; the cache and they go
        # when the last Tcl interpreter that read Python frames is
        # deleted while Python runs on, and at the latest when Python
        # finalizes. In a Python of its own: this file's root stays.
        script = textwrap.dedent('''
            import gc, tkinter, weakref
            def make(root):
                return tkinter.Label(root)
            root = tkinter.Tk()
            root.withdraw()
            root.tk.call('package', 'require', 'tkleak')
            root.tk.call('tkleak::record', 'on')
            label = make(root)
            during = weakref.getweakrefcount(make.__code__)
            root.tk.call('tkleak::record', 'off')
            root.destroy()
            del root, label
            gc.collect()
            print(during, weakref.getweakrefcount(make.__code__))
            ''')
        out = subprocess.run([sys.executable, '-c', script],
                             stdout=subprocess.PIPE, check=True,
                             universal_newlines=True).stdout.split()
        cached = '1' if sys.version_info >= (3, 11) else '0'
        self.assertEqual(out, [cached, '0'])

if __name__ == '__main__':
    unittest.main(verbosity=2)
