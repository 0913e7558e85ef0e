"""test_python_module.py -- the tkleak Python module (python/tkleak).

Covers: tkleak.load (and the ::tkleak::PythonCollect it registers),
tkleak.Tracker (snapshot, snapshots, forget, summary, diff,
objects, new/gone with details, format_diff, print_diff with python=True,
calibrate, refs, origin, record/recording, orphans, keeps_alive),
TkleakError and its code, tkleak.menu and tkleak.panel, leaktest,
assert_no_leak, format_leak and "python -m tkleak check", on a
Menu.delete-style leak (Python 2.4's Tkinter.Menu.delete), a
configure(command=) leak, a detached menu, the demo editor and IDLE's
editor window; that a census creates no Python object and that no call
changes a callable's reference count.

Run from the build tree: PYTHONPATH=$PWD/build/python (run-all.sh sets
it); the module finds the Tcl package built beside it.
"""

import gc
import os
import subprocess
import sys
import tempfile
import textwrap
import unittest

try:
    import tkinter
except ImportError:
    print('tkinter is missing from %s: the module cannot be tested'
          % sys.executable)
    raise SystemExit(0)

import tkleak

import tkleaktest

HERE = os.path.dirname(os.path.abspath(__file__))

# The C core recognises tkinter's wrappers by the library of their
# command procedure (for Python 3.6's, made with Tcl_CreateCommand, by
# that of their string procedure).
WRAPPER = 'command tkinter'
NAME = __name__


class Payload:
    pass


class Holder:
    """What a callback is bound to: 1000 Payloads in a list."""

    def __init__(self, n=1000):
        self.data = [Payload() for _ in range(n)]

    def wakeup(self):
        pass


WAKEUP_LINE = Holder.wakeup.__code__.co_firstlineno
PAYLOAD_SIZE = sys.getsizeof(Payload())


class OldMenu(tkinter.Menu):
    """A Menu whose delete() is Python 2.4's: the entries go, their
    commands stay."""

    def delete(self, index1, index2=None):
        self.tk.call(self._w, 'delete', index1, index2)


def closure(holder):
    return lambda: holder.wakeup()


def wrapper_names(widget):
    return ['::' + n for n in widget._tclCommands or ()]


def tcl_block(request):
    # The block Tcl 8.6's threaded allocator gives a request: a power of
    # two from 32 bytes, with its 16-byte header (sizes.c).
    n = 32
    while n < request + 16:
        n *= 2
    return n


def command_bytes(name):
    # A command's bytes (sizes.c): its Command record (112 bytes) and its
    # entry in its namespace's table (a Tcl_HashEntry of 40 bytes whose
    # last 8 hold the start of the name and its NUL).
    return tcl_block(112) + tcl_block(40 - 8 + len(name.lstrip(':')) + 1)


class ModuleTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.root = tkleaktest.new_root()
        cls.tr = tkleak.Tracker(cls.root)

    @classmethod
    def tearDownClass(cls):
        cls.root.destroy()

    def setUp(self):
        self.root.update()
        self.tr.calibrate()

    def tearDown(self):
        self.tr.record(False)
        for name in self.tr.snapshots():
            self.tr.forget(name)

    # -- Tracker basics

    def test_load_finds_the_package_beside_the_module(self):
        self.assertEqual(self.tr.version, '0.1')
        self.assertEqual(tkleak.load(self.root), '0.1')

    def test_snapshot_names_and_forget(self):
        self.assertEqual(self.tr.snapshot('a'), 'a')
        self.assertEqual(self.tr.snapshots(), ['baseline', 'a'])
        self.tr.forget('a')
        self.assertEqual(self.tr.snapshots(), ['baseline'])

    def test_errors_carry_the_tkleak_code(self):
        self.tr.snapshot('a')
        with self.assertRaises(tkleak.TkleakError) as cm:
            self.tr.snapshot('a')
        self.assertEqual(cm.exception.code, ('TKLEAK', 'SNAPSHOT', 'EXISTS', 'a'))
        self.assertEqual(self.tr.snapshots(), ['baseline', 'a'])
        with self.assertRaises(tkleak.TkleakError) as cm:
            self.tr.refs('::no::such::thing')
        self.assertEqual(cm.exception.code,
                         ('TKLEAK', 'REFS', 'UNKNOWN', '::no::such::thing'))
        self.assertIsInstance(cm.exception, tkinter.TclError)

    def test_configure_command_twice_diff_new_gone(self):
        b = tkinter.Button(self.root)
        self.tr.snapshot('a')
        h = Holder(10)
        b.configure(command=h.wakeup)
        b.configure(command=h.wakeup)
        names = wrapper_names(b)
        d = self.tr.diff('a')
        self.assertEqual(d, {WRAPPER: tkleak.Growth(
            2, sum(command_bytes(n) for n in names))})
        self.assertEqual(self.tr.new(WRAPPER, 'a'), sorted(names))
        self.assertEqual(self.tr.gone(WRAPPER, 'a'), [])
        details = self.tr.new(WRAPPER, 'a', details=True)
        self.assertEqual([x.name for x in details], sorted(names))
        for x in details:
            self.assertEqual(x.python, tkleak.PyCallable(
                'Holder.wakeup', NAME, Holder.wakeup.__code__.co_filename,
                WAKEUP_LINE, NAME + '.Holder'))
        self.tr.snapshot('b')
        b.destroy()
        self.assertEqual(self.tr.gone(WRAPPER, 'b'), sorted(names))
        self.assertEqual(self.tr.diff('a', 'b')[WRAPPER].count, 2)

    def test_grown_and_trace(self):
        # The value is set by Tcl: a value tkinter sets from a str may have
        # no string form (3.6), and its bytes then count 0.
        self.root.tk.eval('set ::t_grows a')
        v = tkinter.StringVar(self.root, value='a')
        name = '::' + str(v)
        self.tr.snapshot('a')
        self.root.tk.eval('append ::t_grows [string repeat a 99]')
        # A variable's bytes (sizes.c): its Var in a 128-byte block, its
        # name (an object of 48 bytes and "t_grows" with its NUL) and its
        # value (an object of 48 bytes and its string with its NUL).
        self.assertIn({'name': '::t_grows', 'before': 128 + 48 + 8 + 48 + 2,
                       'after': 128 + 48 + 8 + 48 + 101},
                      self.tr.grown('variable', 'a'))
        self.assertEqual(self.tr.grown('no such type', 'a'), [])
        cbname = v.trace_add('write', lambda *args: None)
        self.assertEqual(self.tr.new('trace', 'a'),
                         ['variable %s write %s' % (name, cbname)])
        v.trace_remove('write', cbname)
        self.assertEqual(self.tr.new('trace', 'a'), [])
        self.root.tk.eval('unset ::t_grows')

    def test_summary_and_objects(self):
        b = tkinter.Button(self.root, name='sumbutton')
        s = self.tr.summary()
        self.assertIsInstance(s['widget Button'], tkleak.Growth)
        self.assertEqual(s['widget Button'].count,
                         len(self.tr.objects('widget Button')))
        self.assertIn('.sumbutton', self.tr.objects('widget Button'))
        self.tr.snapshot('a')
        b.destroy()
        self.assertIn('.sumbutton', self.tr.objects('widget Button', 'a'))
        self.assertEqual(self.tr.summary('a')['widget Button'].count,
                         s['widget Button'].count)

    def test_refs_and_origin(self):
        b = tkinter.Button(self.root)
        with self.tr.recording():
            b.configure(command=Holder(1).wakeup)
            line = sys._getframe().f_lineno - 1
        name = wrapper_names(b)[-1]
        self.assertEqual(self.tr.refs(name), [tkleak.Slot(str(b), '-command')])
        o = self.tr.origin(name)
        self.assertEqual(len(o.attached), 1)
        slot, stack = o.attached[0]
        self.assertEqual(slot, tkleak.Slot(str(b), '-command'))
        mine = [f for f in stack if not f.lib]
        self.assertEqual(mine[0], tkleak.Frame(
            __file__, line, 'test_refs_and_origin', 'python', False))
        self.assertTrue(stack[0].lib)
        b.destroy()

    def test_recording_restores_the_status(self):
        self.assertFalse(self.tr.record(None))
        with self.tr.recording():
            self.assertTrue(self.tr.record(None))
        self.assertFalse(self.tr.record(None))
        self.tr.record(True)
        with self.tr.recording():
            pass
        self.assertTrue(self.tr.record(None))

    # -- orphans and what they keep alive

    def test_menu_delete_leak(self):
        menu = OldMenu(self.root, tearoff=0)
        holders = [Holder() for _ in range(3)]
        with self.tr.recording():
            for h in holders:
                menu.add_command(label='w', command=h.wakeup)
                menu.delete(0)
        names = wrapper_names(menu)
        del h, holders
        orphans = self.tr.orphans(keeps_alive=True)
        self.assertEqual(sorted(o.name for o in orphans), sorted(names))
        for o in orphans:
            self.assertEqual((o.type, o.reason, o.last),
                             (WRAPPER, 'detached',
                              tkleak.Slot(str(menu), 'entry 0 -command')))
            self.assertEqual(o.python, tkleak.PyCallable(
                'Holder.wakeup', NAME, Holder.wakeup.__code__.co_filename,
                WAKEUP_LINE, NAME + '.Holder'))
            k = o.keeps_alive
            self.assertEqual(k.by_type[NAME + '.Holder'][0], 1)
            self.assertEqual(k.by_type[NAME + '.Payload'],
                             (1000, 1000 * PAYLOAD_SIZE))
            self.assertEqual(k.by_type['tkinter.CallWrapper'][0], 1)
            self.assertEqual(k.by_type['method'][0], 2)
            self.assertEqual(k.classes[0], NAME + '.Holder')
            self.assertFalse(k.truncated)
        group = self.tr.keeps_alive(orphans)
        self.assertEqual(group.by_type[NAME + '.Holder'][0], 3)
        self.assertEqual(group.by_type[NAME + '.Payload'][0], 3000)
        self.assertEqual(group.objects,
                         sum(o.keeps_alive.objects for o in orphans))
        self.assertEqual(self.tr.keeps_alive(names), group)
        self.assertTrue(tkleak.format_retained(group, 3).startswith(
            '3 orphans keep alive 3 Holder, 3,000 Payload, '))
        menu.destroy()

    def test_configure_command_leak_unreferenced(self):
        b = tkinter.Button(self.root)
        b.configure(command=Holder().wakeup)
        b.configure(command=Holder().wakeup)
        first = wrapper_names(b)[0]
        # On Python 3.6 the module finds these itself (see WRAPPER).
        orphans = self.tr.orphans()
        self.assertEqual([(o.name, o.type, o.reason, o.last) for o in orphans],
                         [(first, WRAPPER, 'unreferenced', None)])
        self.assertEqual(orphans[0].python.bound, NAME + '.Holder')
        self.assertIsNone(orphans[0].keeps_alive)
        k = self.tr.keeps_alive([first])
        self.assertEqual(k.by_type[NAME + '.Payload'][0], 1000)
        b.destroy()

    def test_shared_and_outside_references_are_not_kept_alive(self):
        menu = OldMenu(self.root, tearoff=0)
        shared = Holder()
        kept = Holder()
        with self.tr.recording():
            for cb in (shared.wakeup, shared.wakeup, kept.wakeup):
                menu.add_command(label='w', command=cb)
                menu.delete(0)
        del cb
        orphans = self.tr.orphans(keeps_alive=True)
        self.assertEqual(len(orphans), 3)
        for o in orphans:
            # kept is held by this frame; shared by two wrappers.
            self.assertNotIn(NAME + '.Holder', o.keeps_alive.by_type)
            self.assertNotIn(NAME + '.Payload', o.keeps_alive.by_type)
        shared_names = wrapper_names(menu)[:2]
        group = self.tr.keeps_alive(shared_names)
        self.assertNotIn(NAME + '.Holder', group.by_type)
        del shared
        group = self.tr.keeps_alive(shared_names)
        self.assertEqual(group.by_type[NAME + '.Holder'][0], 1)
        self.assertEqual(group.by_type[NAME + '.Payload'][0], 1000)
        self.assertNotIn(NAME + '.Holder',
                         self.tr.keeps_alive([wrapper_names(menu)[2]]).by_type)
        menu.destroy()

    def test_detached_menu_lists_its_wrappers(self):
        bar = tkinter.Menu(self.root, tearoff=0)
        with self.tr.recording():
            sub = tkinter.Menu(bar, tearoff=0)
            bar.add_cascade(label='Sub', menu=sub)
            sub.add_command(label='a', command=Holder().wakeup)
            sub.add_command(label='b', command=closure(Holder()))
            bar.delete('end')
        orphans = self.tr.orphans(keeps_alive=True)
        self.assertEqual([(o.name, o.type, o.reason) for o in orphans],
                         [(str(sub), 'widget Menu', 'detached')])
        o = orphans[0]
        self.assertEqual(o.retains, {'menu entry': 2, WRAPPER: 2})
        self.assertIsNone(o.python)
        self.assertEqual(sorted(o.wrappers), sorted(wrapper_names(sub)))
        quals = sorted(p.qualname for p in o.wrappers.values())
        self.assertEqual(quals, [
            'Holder.wakeup',
            'closure.<locals>.<lambda>'])
        self.assertEqual({p.bound for p in o.wrappers.values()},
                         {NAME + '.Holder'})
        self.assertEqual(o.keeps_alive.by_type[NAME + '.Payload'][0], 2000)
        self.assertEqual(self.tr.keeps_alive([str(sub)]), o.keeps_alive)
        bar.destroy()

    def test_no_census_makes_python_objects_nor_changes_refcounts(self):
        menu = OldMenu(self.root, tearoff=0)
        h = Holder(5)
        cb = h.wakeup
        with self.tr.recording():
            menu.add_command(label='w', command=cb)
            menu.delete(0)
        before = (sys.getrefcount(h), sys.getrefcount(cb),
                  sys.getrefcount(h.data))
        self.tr.orphans(keeps_alive=True)
        self.tr.keeps_alive(wrapper_names(menu))
        self.tr.new(WRAPPER, 'baseline', details=True)
        self.tr.format_diff('baseline', python=True)
        self.assertEqual((sys.getrefcount(h), sys.getrefcount(cb),
                          sys.getrefcount(h.data)), before)
        # Once first, so that what any first call makes is made.
        self.tr.snapshot('census')
        self.tr.forget('census')
        gc.collect()
        before = gc.get_objects()
        n = len(before)
        ids = set(map(id, before))
        del before
        self.tr.snapshot('census')
        self.tr.forget('census')
        after = gc.get_objects()
        made = [repr(x)[:200] for x in after if id(x) not in ids
                and x is not ids]
        del after
        self.assertEqual(made, [])
        menu.destroy()

    # -- tables

    def test_format_and_print_diff(self):
        import io
        out = io.StringIO()
        self.tr.print_diff(file=out)    # the reference is the baseline
        b = tkinter.Button(self.root)
        h = Holder(10)
        b.configure(command=h.wakeup)
        b.configure(command=h.wakeup)
        out = io.StringIO()
        self.tr.print_diff(file=out, python=True)
        lines = out.getvalue().split('\n')
        width = lines[1].index(' |')
        self.assertEqual(lines[0], '%*s | %11s | %12s' % (
            width, 'types', '# objects', 'total size'))
        row = '%*s | %11d | %12s' % (width, 'python ' + NAME + '.Payload',
                                     10, '%4d     B' % (10 * PAYLOAD_SIZE))
        self.assertIn(row, lines)
        row = '%*s | %11d | %12s' % (width, WRAPPER, 2, '%4d     B' % sum(
            command_bytes(n) for n in wrapper_names(b)))
        self.assertIn(row, lines)
        self.assertFalse([x for x in lines if 'tkleak.' in x], lines)
        self.assertIn('New %s (2):' % WRAPPER, lines)
        for n in wrapper_names(b):
            self.assertIn('  %s  (Python: %s.Holder.wakeup of %s.Holder'
                          ' (test_python_module.py:%d))'
                          % (n, NAME, NAME, WAKEUP_LINE), lines)
        out = io.StringIO()
        self.tr.print_diff(file=out)
        self.assertEqual(out.getvalue().split('\n')[2][:5], 'heap:')
        b.destroy()

    # -- menu and panel

    def test_menu_and_panel(self):
        bar = tkinter.Menu(self.root)
        self.assertEqual(tkleak.menu(bar), str(bar) + '.tkleak')
        self.assertEqual(tkleak.panel(self.root, 'orphans'), '.tkleak')
        self.root.tk.call('destroy', '.tkleak')
        with self.assertRaises(tkleak.TkleakError) as cm:
            tkleak.panel(self.root, 'nonesuch')
        self.assertEqual(cm.exception.code[:3], ('TKLEAK', 'PANEL', 'VIEW'))
        bar.destroy()

    # -- leak tests

    def test_leaktest_menu_delete(self):
        menu = OldMenu(self.root, tearoff=0)

        def leak():
            menu.add_command(label='w', command=Holder(10).wakeup)
            menu.delete(0)
        r = tkleak.leaktest(leak, self.root)
        self.assertTrue(r.leaking)
        self.assertEqual(r.growth, {WRAPPER: 1.0})
        self.assertEqual(r.python[NAME + '.Holder'], 1.0)
        self.assertEqual(r.python[NAME + '.Payload'], 10.0)
        self.assertEqual(len(r.orphans), 10)
        self.assertTrue(all(o.python.qualname == 'Holder.wakeup'
                            for o in r.orphans))
        with self.assertRaises(AssertionError) as cm:
            tkleak.assert_no_leak(leak, self.root, iterations=6)
        msg = str(cm.exception)
        self.assertTrue(msg.startswith('leak: '), msg)
        self.assertIn('python %s.Payload |' % NAME, msg)
        self.assertIn('-> %s.Holder.wakeup of %s.Holder' % (NAME, NAME), msg)
        menu.destroy()

    def test_leaktest_clean(self):
        def clean():
            top = tkinter.Toplevel(self.root)
            tkinter.Button(top, command=Holder(10).wakeup).pack()
            top.destroy()
        r = tkleak.leaktest(clean, self.root)
        self.assertEqual((r.leaking, r.growth, r.python, r.orphans),
                         (False, {}, {}, []))
        self.assertIsNone(tkleak.assert_no_leak(clean, self.root))
        self.assertEqual(self.tr.snapshots(), ['baseline'])

    def test_leaktest_variable_growing_by_bytes(self):
        # Made by Tcl, so that the value has the string form the census
        # measures (Python 3.6's tkinter passes str as Tcl unicode).
        self.root.tk.eval('set ::grows {}')

        def grow():
            self.root.tk.eval('append ::grows [string repeat x 100]')
        r = tkleak.leaktest(grow, self.root)
        self.assertEqual((r.leaking, r.growth, r.bytes, r.python),
                         (True, {'variable': 0.0}, {'variable': 100.0}, {}))
        self.root.tk.call('unset', '::grows')

    def test_collector_registered_for_the_tcl_side(self):
        self.assertEqual(self.root.tk.splitlist(self.root.tk.call(
            'info', 'commands', '::tkleak::PythonCollect')),
            ('::tkleak::PythonCollect',))
        self.assertNotIn('::tkleak::PythonCollect',
                         self.tr.objects('command tkinter'))

    def test_leaktest_exception_propagates(self):
        def boom():
            raise KeyError('boom')
        with self.assertRaises(KeyError):
            tkleak.leaktest(boom, self.root)
        self.assertEqual(self.tr.snapshots(), ['baseline'])
        self.assertFalse(self.tr.record(None))


class DemoEditorTest(unittest.TestCase):
    """demo/editor.py: its Windows menu leaks like Python 2.4's."""

    def test_three_windows(self):
        sys.path.insert(0, os.path.join(HERE, '..', 'demo'))
        try:
            import editor
        finally:
            del sys.path[0]
        root = tkleaktest.new_root()
        try:
            ed = editor.Editor(root)
            tr = tkleak.Tracker(root)
            root.update()
            tr.calibrate()
            with tr.recording():
                for _ in range(3):
                    ed.close_window(ed.new_window())
                    root.update()
            orphans = tr.orphans(keeps_alive=True)
            wake = [o for o in orphans if o.python.qualname.endswith('wakeup')]
            self.assertEqual(len(wake), 3)
            for o in wake:
                self.assertEqual(o.python.qualname,
                                 'Editor.new_window.<locals>.wakeup')
                self.assertEqual(o.python.module, 'editor')
                self.assertEqual(o.python.bound, 'tkinter.Toplevel')
                self.assertEqual(o.last, tkleak.Slot(str(ed.windows),
                                                     'entry 0 -command'))
            # Each closed window's Toplevel is reached by its wakeup and
            # by its raise_last, both leaked but for the last raise_last.
            k = tr.keeps_alive(orphans)
            self.assertEqual(k.by_type['tkinter.Toplevel'][0], 2)
            tr.forget('baseline')
        finally:
            root.destroy()


class IdleTest(unittest.TestCase):
    """IDLE's editor window, from the standard library: closing it leaves
    its menubar, and the menubar's wrappers keep the EditorWindow."""

    def test_ten_editor_windows(self):
        try:
            from idlelib import filelist
        except ImportError:
            self.skipTest('no idlelib in %s' % sys.executable)
        root = tkleaktest.new_root()
        try:
            flist = filelist.FileList(root)

            def cycle():
                ed = flist.new()
                root.update()
                ed.close()
                root.update()
            cycle()
            cycle()
            tr = tkleak.Tracker(root)
            tr.calibrate()
            with tr.recording():
                for _ in range(10):
                    cycle()
            orphans = tr.orphans()
            menus = [o for o in orphans if o.type == 'widget Menu']
            self.assertEqual(len(menus), 10, orphans)
            for o in menus:
                self.assertEqual(o.reason, 'detached')
                self.assertEqual(o.last.slot, '-menu')
                self.assertEqual(len(o.wrappers), o.retains[WRAPPER])
                editor_py = [p for p in o.wrappers.values()
                             if p.file.endswith(os.path.join('idlelib',
                                                             'editor.py'))]
                self.assertTrue(editor_py, o.wrappers)
                self.assertTrue(all(p.module == 'idlelib.editor'
                                    and p.qualname.startswith('EditorWindow.')
                                    for p in editor_py))
            k = tr.keeps_alive(menus)
            self.assertEqual(k.by_type['idlelib.editor.EditorWindow'][0], 10)
            self.assertIn('idlelib.editor.EditorWindow', k.classes)
            tr.forget('baseline')
        finally:
            # IDLE's timers would fire into a destroyed app.
            for event in root.tk.splitlist(root.tk.call('after', 'info')):
                root.tk.call('after', 'cancel', event)
            root.destroy()


class CommandLineTest(unittest.TestCase):
    """python -m tkleak check."""

    APP = textwrap.dedent('''
        import tkinter
        root = tkinter.Tk()
        menu = tkinter.Menu(root, tearoff=0)
        def leak():
            menu.add_command(label='x', command=lambda: None)
            menu.tk.call(menu._w, 'delete', 0)
        def clean():
            tkinter.Button(root, command=lambda: None).destroy()
        root.mainloop()
        ''')

    def run_check(self, *args):
        with tempfile.TemporaryDirectory() as d:
            app = os.path.join(d, 'leakyapp.py')
            with open(app, 'w') as f:
                f.write(self.APP)
            p = subprocess.Popen(
                [sys.executable, '-m', 'tkleak', 'check', app] + list(args),
                stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                universal_newlines=True)
            out, err = p.communicate(timeout=120)
            return p.returncode, out, err

    def test_exit_codes(self):
        rc, out, err = self.run_check('leakyapp.leak()', '--iterations', '6')
        self.assertEqual(rc, 1, err)
        self.assertTrue(out.startswith('leak: '), out)
        self.assertIn('%s |' % WRAPPER, out)
        rc, out, err = self.run_check('leakyapp.clean()')
        self.assertEqual((rc, out.split('\n')[0]), (0, 'no leak'), err)
        rc, out, err = self.run_check('leakyapp.nonesuch()')
        self.assertEqual(rc, 2)
        self.assertIn('AttributeError', err)


if __name__ == '__main__':
    unittest.main()
