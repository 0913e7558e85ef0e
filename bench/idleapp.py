"""idleapp.py -- IDLE with editor windows open, for the benchmarks on IDLE
(realapps-idle.py, realapps-profile.py, panel-idle.py; issue 14).

Importing it gives the process a private HOME: IDLE reads and writes its
settings and recent-files list there, from the moment idlelib is
imported, so import this first. start(EDITORS) starts IDLE from the
standard library of the python3 that runs it and opens EDITORS editor
windows on idlelib's largest modules the way File > Open does
(PyShellFileList.open), events processed after each.
"""

import os
import tempfile

os.environ['HOME'] = tempfile.mkdtemp(prefix='tkleak-bench-home')


class Idle(object):
    """What start() made: ROOT (withdrawn), FLIST, the editors opened
    (EDITORS, in order), and FILES, every idlelib module largest first,
    the first len(EDITORS) of them open."""

    def __init__(self, root, flist, editors, files):
        self.root = root
        self.flist = flist
        self.editors = editors
        self.files = files


def modules():
    """idlelib's modules, largest first (then by name)."""
    import idlelib
    lib = os.path.dirname(idlelib.__file__)
    files = [os.path.join(lib, f) for f in os.listdir(lib)
             if f.endswith('.py') and not f.startswith('__')]
    files.sort(key=lambda f: (-os.path.getsize(f), f))
    return files


def start(editors):
    import tkinter
    from idlelib import pyshell
    files = modules()
    root = tkinter.Tk()
    root.withdraw()
    flist = pyshell.PyShellFileList(root)
    pyshell.flist = flist               # As IDLE's main() sets it.
    eds = []
    for f in files[:editors]:
        eds.append(flist.open(f))
        root.update()
    return Idle(root, flist, eds, files)
