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
import tempfile

editors = int(sys.argv[1])
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
# IDLE writes its recent-files list and settings under HOME: a private one.
os.environ['HOME'] = tempfile.mkdtemp(prefix='tkleak-bench-home')

try:
    import tkinter
    import idlelib
    from idlelib import pyshell
except ImportError as e:
    print("\n### IDLE, %d editors\n\nskipped: %s (python3 %s has no idlelib)"
          % (editors, e, sys.version.split()[0]))
    sys.exit(0)

here = os.path.dirname(os.path.abspath(__file__))
lib = os.path.dirname(idlelib.__file__)
files = sorted(os.path.join(lib, f) for f in os.listdir(lib)
               if f.endswith('.py') and not f.startswith('__'))
if len(files) < editors + 1:
    sys.exit("realapps-idle.py: only %d modules in %s" % (len(files), lib))
# The largest modules, the way a user has big files open; the one opened
# and closed again is the next one.
files.sort(key=lambda f: (-os.path.getsize(f), f))
opened, extra = files[:editors], files[editors]

root = tkinter.Tk()
root.withdraw()
flist = pyshell.PyShellFileList(root)
pyshell.flist = flist                   # As IDLE's main() sets it.
first = None
for f in opened:
    ed = flist.open(f)
    first = first or ed
    root.update()


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
