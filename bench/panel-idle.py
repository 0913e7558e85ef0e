"""panel-idle.py -- the panel's auto refresh on IDLE (issue 14).

Starts IDLE from the standard library of the python3 that runs it, opens
EDITORS editor windows on idlelib's largest modules (as
bench/realapps-idle.py does), loads tkleak and times the panel's refresh
steps through bench/panel-realapps.tcl.

Usage: TCLLIBPATH=build xvfb-run -a python3 bench/panel-idle.py \
           EDITORS ?REFRESHES?
"""

import os
import sys
import tempfile

editors = int(sys.argv[1])
n = int(sys.argv[2]) if len(sys.argv) > 2 else 5
os.environ['HOME'] = tempfile.mkdtemp(prefix='tkleak-bench-home')

import tkinter
import idlelib
from idlelib import pyshell

here = os.path.dirname(os.path.abspath(__file__))
lib = os.path.dirname(idlelib.__file__)
files = sorted(os.path.join(lib, f) for f in os.listdir(lib)
               if f.endswith('.py') and not f.startswith('__'))
files.sort(key=lambda f: (-os.path.getsize(f), f))

root = tkinter.Tk()
root.withdraw()
flist = pyshell.PyShellFileList(root)
pyshell.flist = flist
for f in files[:editors]:
    flist.open(f)
    root.update()
root.tk.call('package', 'require', 'tkleak')
root.tk.call('source', os.path.join(here, 'panel-realapps.tcl'))
root.tk.call('::bench::panelsteps::run', 'IDLE, %d editors' % editors, str(n))
sys.stdout.flush()
os._exit(0)
