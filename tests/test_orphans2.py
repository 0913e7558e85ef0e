"""test_orphans2.py -- tkleak::orphans on tkinter's variable traces.

Covers: a tkinter callback wrapper named in a variable trace, made with
Variable.trace_add or the old-style Variable.trace (Tcl's "trace
variable"), is referenced: tkleak::refs names the trace as its slot and
tkleak::leaktest (recording on) and tkleak::orphans without recording
both leave it out of the orphans, while the variables it keeps grow.
"""

import tkinter
import unittest
import warnings

import tkleaktest


class VariableTraceOrphansTest(tkleaktest.TkleakTestCase):

    def setUp(self):
        self.kept = []

    def tearDown(self):
        tk = self.root.tk
        for name in tk.splitlist(tk.call('tkleak::snapshots')):
            tk.call('tkleak::forget', name)
        self.kept = []

    def traced(self, old_style):
        var = tkinter.StringVar(self.root)
        with warnings.catch_warnings():
            warnings.simplefilter('ignore', DeprecationWarning)
            if old_style:
                cbname = var.trace('w', lambda *a: None)
            else:
                cbname = var.trace_add('write', lambda *a: None)
        self.kept.append(var)
        return str(var), cbname

    def check(self, old_style):
        tk = self.root.tk
        tk.createcommand('::marker_action', lambda: self.traced(old_style))
        try:
            r = tk.call('tkleak::leaktest', '::marker_action',
                        '-iterations', 4, '-warmup', 1)
        finally:
            tk.deletecommand('::marker_action')
        d = dict(zip(*[iter(tk.splitlist(r))] * 2))
        growth = tk.splitlist(d['growth'])
        growth = {str(growth[i]): float(growth[i + 1])
                  for i in range(0, len(growth), 2)}
        self.assertEqual(growth.get('command tkinter'), 1.0)
        self.maxDiff = None
        self.assertEqual([str(o) for o in tk.splitlist(d["orphans"])], [])

        tk.call('tkleak::snapshot', 'baseline')
        name, cbname = self.traced(old_style)
        refs = [tuple(str(x) for x in tk.splitlist(ref))
                for ref in tk.splitlist(tk.call('tkleak::refs', cbname))]
        self.assertEqual(refs, [('owner', 'trace', 'slot',
                                 'variable ::' + name)])
        self.assertEqual(tk.splitlist(tk.call('tkleak::orphans')), ())

    def test_trace_add_is_referenced(self):
        self.check(False)

    def test_old_style_trace_is_referenced(self):
        self.check(True)


if __name__ == '__main__':
    unittest.main()
