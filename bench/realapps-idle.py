"""realapps-idle.py -- the real-application benchmark on IDLE (issue 14).

Starts IDLE from the standard library of the python3 that runs it (the
one the tkinter tests use), opens EDITORS editor windows on idlelib's own
modules the way File > Open does (PyShellFileList.open), loads tkleak and
times, through bench/realapps.tcl, the calls a user makes: census,
calibrate, orphans, refs, record on, with recording off and on, and one
more editor opened and closed through its own File > Close entry.

Usage: TCLLIBPATH=build xvfb-run -a python3 bench/realapps-idle.py \
           EDITORS ?RUNS?
"""

import os
import sys

from idleapp import modules, start     # First: HOME, before idlelib.

editors = int(sys.argv[1])
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5

try:
    import tkinter
    import idlelib
    from idlelib import pyshell
except ImportError as e:
    print("\n### IDLE, %d editors\n\nskipped: %s (python3 %s has no idlelib)"
          % (editors, e, sys.version.split()[0]))
    sys.exit(0)

here = os.path.dirname(os.path.abspath(__file__))
if len(modules()) < editors + 1:
    sys.exit("realapps-idle.py: only %d modules in idlelib"
             % len(modules()))
# The largest modules, the way a user has big files open; the one opened
# and closed again is the next one.
idle = start(editors)
root, flist = idle.root, idle.flist
first, extra = idle.editors[0], idle.files[editors]


def close_entry(ed):
    """The index of the entry of ED's File menu a user clicks to close it
    (its label differs between IDLE versions)."""
    m = ed.menudict['file']
    for i in range(m.index('end') + 1):
        if m.type(i) == 'command' and \
                m.entrycget(i, 'label') in ('Close', 'Close Window'):
            return m, i
    raise LookupError('no Close entry in the File menu')


def open_close():
    ed = flist.open(extra)
    root.update()
    m, i = close_entry(ed)
    m.invoke(i)
    root.update()


root.tk.call('package', 'require', 'tkleak')
root.tk.createcommand('::bench_open_close', open_close)
root.tk.call('source', os.path.join(here, 'realapps.tcl'))
print("\n(IDLE of Python %s, Tk %s)" % (sys.version.split()[0],
                                         root.tk.call('info', 'patchlevel')))
root.tk.call('::bench::realapps::run',
             'IDLE, %d editors' % editors, str(first.menubar), '::bench_open_close',
             runs)
sys.stdout.flush()
os._exit(0)                             # IDLE's window list would warn at destroy.
