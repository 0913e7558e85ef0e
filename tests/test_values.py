"""test_values.py -- tkleak leaves a tkinter app's values as it found them.

Covers: every public tkleak command (snapshot, summary, objects, calibrate,
diff, new, gone, format_diff, print_diff, heap, orphans, refs, origin,
record on and off, leaktest, assertNoLeak), on the private and the public
walk. tkinter turns a Tcl value into a Python str or a tuple by its Tcl
type, so a command that made an after script a Tcl list broke
after_cancel ("deletecommand() argument must be str, not tuple", IDLE's
Hide Code Context after Calibrate). After each command, after_cancel is
called on an event made before it, and cget, entrycget and getvar must
still give str.
"""

import tkinter
import unittest

import tkleaktest


def marker_tick():
    pass


def marker_press():
    pass


def marker_open():
    pass


COMMANDS = [
    ('tkleak::snapshot', 'marker_a'),
    ('tkleak::summary',),
    ('tkleak::objects', 'after'),
    ('tkleak::orphans',),
    ('tkleak::calibrate',),
    ('tkleak::snapshot', 'marker_b'),
    ('tkleak::diff', 'marker_a'),
    ('tkleak::diff', 'marker_a', 'marker_b', '-by', 'origin'),
    ('tkleak::new', 'after', 'marker_a'),
    ('tkleak::gone', 'after', 'marker_a'),
    ('tkleak::format_diff', 'marker_a'),
    ('tkleak::print_diff', 'NULL'),
    ('tkleak::heap',),
    ('tkleak::refs', 'AFTER_COMMAND'),
    ('tkleak::origin', 'AFTER_ID'),
    ('tkleak::record', 'off'),
    ('tkleak::orphans',),
    ('tkleak::record', 'on'),
    ('tkleak::orphans',),
    ('tkleak::leaktest', 'set ::marker_x 1', '-iterations', '3',
     '-warmup', '0'),
    ('tkleak::assertNoLeak', 'set ::marker_x 1', '-iterations', '3',
     '-warmup', '0'),
]


class ValuesTest(tkleaktest.TkleakTestCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.null = cls.root.tk.call('open', '/dev/null', 'w')

    @classmethod
    def tearDownClass(cls):
        cls.root.tk.call('close', cls.null)
        super().tearDownClass()

    def setUp(self):
        self.call('tkleak::record', 'on')
        self.button = tkinter.Button(self.root, text='Press me',
                                     command=marker_press)
        self.menu = tkinter.Menu(self.root, tearoff=0)
        self.menu.add_command(label='Open file', command=marker_open)
        self.var = tkinter.StringVar(self.root, value='a b {c d}')

    def tearDown(self):
        self.call('tkleak::record', 'off')
        self.button.destroy()
        self.menu.destroy()
        for name in self.root.tk.splitlist(self.call('tkleak::snapshots')):
            self.call('tkleak::forget', name)
        self.call('tkleak::configure', '-walk', 'private')

    def check_each_command(self):
        for command in COMMANDS:
            after_id = self.root.after(1000000, marker_tick)
            script = self.root.tk.splitlist(
                self.call('after', 'info', after_id))[0]
            words = [{'NULL': self.null, 'AFTER_ID': after_id,
                      'AFTER_COMMAND': script}.get(w, w) for w in command]
            self.call(*words)
            with self.subTest(command=command):
                info = self.root.tk.splitlist(
                    self.call('after', 'info', after_id))
                self.assertIsInstance(info[0], str)
                self.assertEqual(info[0], script)
                # after_cancel deletes the callback through its script:
                # no TypeError, and the event and its command are gone.
                self.root.after_cancel(after_id)
                self.assertNotIn(after_id, self.root.tk.splitlist(
                    self.call('after', 'info')))
                self.assertEqual(self.call('info', 'commands', script), '')
                self.assertIsInstance(self.button.cget('command'), str)
                self.assertIsInstance(self.button.cget('text'), str)
                self.assertIsInstance(self.menu.entrycget(0, 'command'), str)
                self.assertIsInstance(self.menu.entrycget(0, 'label'), str)
                self.assertEqual(self.var.get(), 'a b {c d}')
                self.assertIsInstance(self.root.getvar(str(self.var)), str)

    def test_private_walk(self):
        self.check_each_command()

    def test_public_walk(self):
        self.call('tkleak::configure', '-walk', 'public')
        self.check_each_command()


if __name__ == '__main__':
    unittest.main()
