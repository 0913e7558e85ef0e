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

from idleapp import start              # First: HOME, before idlelib.

editors = int(sys.argv[1])
n = int(sys.argv[2]) if len(sys.argv) > 2 else 5

here = os.path.dirname(os.path.abspath(__file__))
root = start(editors).root
root.tk.call('package', 'require', 'tkleak')
root.tk.call('source', os.path.join(here, 'panel-realapps.tcl'))
root.tk.call('::bench::panelsteps::run', 'IDLE, %d editors' % editors, str(n))
sys.stdout.flush()
os._exit(0)
