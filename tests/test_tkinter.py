"""test_tkinter.py -- tkleak inside a Python tkinter app.

Covers: the package loads into tkinter's Tcl interpreter from the build
tree (TCLLIBPATH), and tkinter's callback wrappers are counted as
"command tkinter": each configure(command=...) and bind(...) registers
one more, and tkleak::new names them after the Python function;
tkleak::orphans finds the wrappers those leave, with recording on and
off alike, also when a wrapper takes the name of one deleted that a
binding still names.
"""

import sys
import tkinter
import unittest

import tkleaktest


def marker_wakeup():
    pass


def marker_handler(event):
    pass


class TkinterCensusTest(tkleaktest.TkleakTestCase):

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
        # A widget's bytes are its Tk records (sizes.c): more than Tk's
        # TkWindow alone, 432 bytes on Tcl/Tk 8.6, 64-bit.
        self.assertEqual({t: g['count'] for t, g in d.items()},
                         {'widget Toplevel': '1', 'widget Label': '1'})
        self.assertEqual([int(g['bytes']) > 432 for g in d.values()],
                         [True, True])
        top.destroy()

    def test_back_to_back_empty(self):
        self.call('tkleak::snapshot', 'a')
        self.call('tkleak::snapshot', 'b')
        self.assertEqual(str(self.call('tkleak::diff', 'a', 'b')), '')


class TkinterOrphansTest(unittest.TestCase):
    """tkleak::orphans on the leaks Python 3.11's tkinter still has, and
    on the patterns that clean up after themselves."""

    def setUp(self):
        self.root = tkleaktest.new_root()
        tkleaktest.load(self.root)
        self.root.tk.call('tkleak::calibrate')

    def tearDown(self):
        self.root.tk.call('tkleak::record', 'off')
        self.root.destroy()

    def orphans(self):
        tk = self.root.tk
        result = []
        for o in tk.splitlist(tk.call('tkleak::orphans')):
            d = dict(zip(*[iter(tk.splitlist(o))] * 2))
            last = dict(zip(*[iter(tk.splitlist(d['last']))] * 2))
            result.append((str(d['name']), str(d['type']), str(d['reason']),
                           {str(k): str(v) for k, v in last.items()}))
        return result

    def assertWrapper(self, name, func):
        self.assertRegex(name, r'^::\d+' + func + '$')

    def test_configure_command_twice(self):
        b = tkinter.Button(self.root, command=marker_wakeup)
        first = str(b.cget('command'))
        b.configure(command=marker_wakeup)
        orphans = self.orphans()
        self.assertEqual(len(orphans), 1)
        self.assertEqual(orphans[0][0], '::' + first)
        self.assertWrapper(orphans[0][0], 'marker_wakeup')
        self.assertEqual(orphans[0][1:], ('command tkinter', 'unreferenced', {}))

    def test_bind_replacing(self):
        f = tkinter.Frame(self.root)
        f.bind('<Enter>', marker_handler)
        f.bind('<Enter>', marker_handler)
        orphans = self.orphans()
        self.assertEqual(len(orphans), 1)
        self.assertWrapper(orphans[0][0], 'marker_handler')
        self.assertEqual(orphans[0][2], 'unreferenced')

    def test_register(self):
        self.root.register(marker_wakeup)
        orphans = self.orphans()
        self.assertEqual([o[2] for o in orphans], ['unreferenced'])
        self.assertWrapper(orphans[0][0], 'marker_wakeup')

    def test_register_recorded(self):
        # The live check finds the wrapper in Tcl's command table, among
        # the wrappers already there at the reference (the menu's own).
        m = tkinter.Menu(self.root, tearoff=0)
        for i in range(20):
            m.add_command(label='x%d' % i, command=marker_handler)
        self.root.tk.call('tkleak::calibrate')
        self.root.tk.call('tkleak::record', 'on')
        try:
            self.root.register(marker_wakeup)
            orphans = self.orphans()
        finally:
            self.root.tk.call('tkleak::record', 'off')
        self.assertEqual([o[2] for o in orphans], ['unreferenced'])
        self.assertWrapper(orphans[0][0], 'marker_wakeup')
        self.assertEqual(self.orphans(), orphans)

    def test_old_menu_delete_recorded(self):
        # Python 2.4's Menu.delete: the entries go, their commands stay.
        self.root.tk.call('tkleak::record', 'on')
        m = tkinter.Menu(self.root, tearoff=0)
        m.add_command(label='Window 1', command=marker_wakeup)
        self.root.tk.call(m._w, 'delete', 0)
        orphans = self.orphans()
        self.assertEqual(len(orphans), 1)
        self.assertWrapper(orphans[0][0], 'marker_wakeup')
        self.assertEqual(orphans[0][1:], (
            'command tkinter', 'detached',
            {'owner': str(m), 'slot': 'entry 0 -command'}))

    def test_wrapper_name_back_recorded(self):
        # A binding still names a wrapper whose command went
        # (Misc.deletecommand), and tkinter makes a command of that name
        # again, as when Python hands out the same id: the binding names
        # the new wrapper. "record on" indexed the binding while the name
        # named nothing, so the live check must not call the new wrapper
        # unreferenced: the full scan says it is not.
        tk = self.root.tk
        f = tkinter.Frame(self.root)
        name = self.root.register(marker_wakeup)
        tk.call('bind', f._w, '<F9>', name)
        self.root.deletecommand(name)
        tk.call('tkleak::record', 'on')
        try:
            tk.createcommand(name, marker_wakeup)
            live = self.orphans()
        finally:
            tk.call('tkleak::record', 'off')
        self.assertEqual(live, self.orphans())
        self.assertEqual(live, [])

    def test_clean_patterns(self):
        m = tkinter.Menu(self.root, tearoff=0)
        m.add_command(label='x', command=marker_wakeup)
        m.delete(0)                      # 3.11 deletes the command too
        f = tkinter.Frame(self.root)
        funcid = f.bind('<Enter>', marker_handler)
        f.unbind('<Enter>', funcid)      # with funcid: deleted
        b = tkinter.Button(self.root, command=marker_wakeup)
        b.destroy()                      # destroy deletes its callbacks
        self.root.after_cancel(self.root.after(100000, marker_wakeup))
        self.assertEqual(self.orphans(), [])


class TkinterOriginTest(unittest.TestCase):
    """Origins of tkinter leaks name the app's own Python line."""

    def setUp(self):
        self.root = tkleaktest.new_root()
        tkleaktest.load(self.root)
        self.root.tk.call('tkleak::calibrate')
        self.root.tk.call('tkleak::record', 'on')

    def tearDown(self):
        self.root.tk.call('tkleak::record', 'off')
        self.root.destroy()

    def app_frame(self, stack):
        """The innermost frame not marked lib, as (file tail, line, proc,
        lang)."""
        tk = self.root.tk
        for f in tk.splitlist(stack):
            d = {str(k): str(v) for k, v in
                 zip(*[iter(tk.splitlist(f))] * 2)}
            if d['lib'] == '0':
                return (d['file'].rsplit('/', 1)[-1], int(d['line']),
                        d['proc'], d['lang'])
        return None

    def orphan_origins(self):
        tk = self.root.tk
        result = []
        for o in tk.splitlist(tk.call('tkleak::orphans')):
            d = dict(zip(*[iter(tk.splitlist(o))] * 2))
            result.append(self.app_frame(d['origin']))
        return result

    def test_configure_command_line(self):
        b = tkinter.Button(self.root)
        line = sys._getframe().f_lineno + 1
        b.configure(command=marker_wakeup)
        b.configure(command=marker_wakeup)
        self.assertEqual(self.orphan_origins(), [
            ('test_tkinter.py', line, 'test_configure_command_line',
             'python')])

    def test_bind_line(self):
        f = tkinter.Frame(self.root)
        line = sys._getframe().f_lineno + 1
        f.bind('<Enter>', marker_handler)
        f.bind('<Enter>', marker_handler)
        self.assertEqual(self.orphan_origins(), [
            ('test_tkinter.py', line, 'test_bind_line', 'python')])

    def test_old_menu_delete_line(self):
        m = tkinter.Menu(self.root, tearoff=0)
        line = sys._getframe().f_lineno + 1
        m.add_command(label='Window 1', command=marker_wakeup)
        self.root.tk.call(m._w, 'delete', 0)
        self.assertEqual(self.orphan_origins(), [
            ('test_tkinter.py', line, 'test_old_menu_delete_line',
             'python')])

    def created_frame(self, name):
        tk = self.root.tk
        o = tk.call('tkleak::origin', name)
        d = dict(zip(*[iter(tk.splitlist(o))] * 2))
        return self.app_frame(d['created'])

    def test_after_created_line(self):
        line = sys._getframe().f_lineno + 1
        ident = self.root.after(600000, marker_wakeup)
        try:
            self.assertEqual(self.created_frame(ident), (
                'test_tkinter.py', line, 'test_after_created_line',
                'python'))
        finally:
            self.root.after_cancel(ident)

    def test_binding_created_line(self):
        f = tkinter.Frame(self.root)
        line = sys._getframe().f_lineno + 1
        f.bind('<1>', marker_handler)
        # The census spells the sequence as Tk lists it; either spelling
        # finds the binding.
        for seq in ('<Button-1>', '<1>'):
            self.assertEqual(self.created_frame((f._w, seq)), (
                'test_tkinter.py', line, 'test_binding_created_line',
                'python'))

    def test_no_python_frames_reachable(self):
        # A Tcl thread of its own inside this Python process has no Python
        # thread state: origins there have Tcl frames only, and work.
        tk = self.root.tk
        tk.call('package', 'require', 'Thread')
        tid = tk.call('thread::create')
        script = (
            '%s\n'
            'package require tkleak\n'
            'tkleak::record on\n'
            'proc ::cb {} {}\n'
            'proc attach {} {after 100000 ::cb}\n'
            'attach\n'
            'set langs {}\n'
            'foreach {ref stack} [dict get [tkleak::origin ::cb] attached] {\n'
            '    foreach f $stack {lappend langs [dict get $f lang]}\n'
            '}\n'
            'lsort -unique $langs\n'
        ) % tk.eval('list set auto_path $auto_path')
        langs = tk.call('thread::send', tid, script)
        tk.call('thread::release', tid)
        self.assertEqual(str(langs), 'tcl')

    def test_lib_frames_marked(self):
        b = tkinter.Button(self.root)
        b.configure(command=marker_wakeup)
        name = self.root.tk.call(b._w, 'cget', '-command')
        o = self.root.tk.call('tkleak::origin', name)
        d = dict(zip(*[iter(self.root.tk.splitlist(o))] * 2))
        attached = self.root.tk.splitlist(d['attached'])
        first = dict(zip(*[iter(self.root.tk.splitlist(
            self.root.tk.splitlist(attached[1])[0]))] * 2))
        self.assertTrue(str(first['file']).endswith('tkinter/__init__.py'))
        self.assertEqual(str(first['lib']), '1')

    def test_fold_inside_a_hook_keeps_the_stack_being_logged(self):
        # Each call comes from a function of its own, so each stack is new
        # and held by nothing but the entry being logged; the log fills
        # and is folded, dropping the stacks of the dead, inside the hook.
        f = tkinter.Frame(self.root)
        ns = {'f': f, 'marker_handler': marker_handler}
        for i in range(30000):
            exec('def marker_site%d():\n'
                 '    f.bind("<Key-F9>", "set ::marker_v %d")\n' % (i, i),
                 ns)
            ns['marker_site%d' % i]()
            del ns['marker_site%d' % i]
            self.root.after_idle(marker_wakeup)
            if i % 1000 == 0:
                self.root.update()
        self.assertEqual(self.created_frame((f._w, '<Key-F9>')), (
            '<string>', 2, 'marker_site29999', 'python'))


if __name__ == '__main__':
    unittest.main(verbosity=2)
