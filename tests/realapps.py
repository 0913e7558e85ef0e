"""realapps.py -- what the Python real-application tests share
(test_realapps_*.py): loading tkleak into an app's interpreter with
Python's collector registered, and a leak test of one user action
returned as plain Python values. Not a test file itself."""

import gc

ITERATIONS = 5


def load(root):
    """Load tkleak into ROOT's interpreter and register Python's
    collector, as tkleak-check --python and the tkleak module do."""
    root.tk.call('package', 'require', 'tkleak')
    root.tk.createcommand('::tkleak::PythonCollect', gc.collect)


def leaktest(root, action):
    """tkleak::leaktest of ACTION (a Python callable: one user action),
    ITERATIONS runs after two warm-up runs: (leaking, {type: objects per
    iteration}, [(name, type, reason) of each orphan])."""
    tk = root.tk
    tk.createcommand('::marker_action', action)
    try:
        r = tk.call('tkleak::leaktest', '::marker_action',
                    '-iterations', ITERATIONS, '-warmup', 2)
    finally:
        tk.deletecommand('::marker_action')
    d = dict(zip(*[iter(tk.splitlist(r))] * 2))
    g = tk.splitlist(d['growth'])
    growth = {str(g[i]): float(g[i + 1]) for i in range(0, len(g), 2)}
    orphans = []
    for o in tk.splitlist(d['orphans']):
        od = dict(zip(*[iter(tk.splitlist(o))] * 2))
        orphans.append((str(od['name']), str(od['type']), str(od['reason'])))
    return bool(int(d['leaking'])), growth, orphans
