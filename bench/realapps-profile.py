"""realapps-profile.py -- IDLE with EDITORS editors and tkleak loaded, for
profiling one call at a time under callgrind (issue 14): opens the
editors as bench/realapps-idle.py does, then evaluates each SCRIPT
argument in order in IDLE's interpreter; a Tcl command "oc" opens and
closes one more editor. Instruction counts are repeatable where the
wall clock is not (a shared, loaded machine).

Usage (the real python3, not a pyenv shim, so that valgrind follows it):
  TCLLIBPATH=$PWD/build xvfb-run -a valgrind --tool=callgrind \
      --collect-atstart=no --toggle-collect=TkleakOrphansObjCmd \
      $(python3 -c 'import sys; print(sys.executable)') \
      bench/realapps-profile.py 10 'tkleak::refs .' 'tkleak::orphans'
"""

import os
import sys

from idleapp import start              # First: HOME, before idlelib.

n = int(sys.argv[1])
idle = start(n)
root, flist, files = idle.root, idle.flist, idle.files
root.tk.call('package', 'require', 'tkleak')


def open_close():
    ed = flist.open(files[n])
    root.update()
    ed.close()
    root.update()


root.tk.createcommand('oc', open_close)
for script in sys.argv[2:]:
    root.tk.eval(script)
os._exit(0)                             # IDLE's window list would warn at destroy.
