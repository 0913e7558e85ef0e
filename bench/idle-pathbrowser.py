"""idle-pathbrowser.py -- recording's memory in a real app (issue 11.6).

Opens and closes IDLE's Path Browser COUNT times in one Tk root and prints
the heap growth (tkleak::heap) from cycle 100 to the last, with recording
MODE off or on; with TOGGLE > 0, recording is turned off and on again
every TOGGLE cycles, as leaktest, the menu and the panel do.

Usage: TCLLIBPATH=build xvfb-run -a python3 bench/idle-pathbrowser.py \
           off|on COUNT TOGGLE
"""

import sys
import tkinter as tk
from idlelib.pathbrowser import PathBrowser

mode, count, toggle = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
root = tk.Tk()
root.withdraw()
root.tk.call('package', 'require', 'tkleak')


def heap():
    return int(root.tk.call('dict', 'get', root.tk.call('tkleak::heap'),
                            'heap'))


if mode == 'on':
    root.tk.call('tkleak::record', 'on')
h = {}
for c in range(1, count + 1):
    pb = PathBrowser(root, _htest=True)
    root.update()
    pb.close()
    root.update()
    if mode == 'on' and toggle and c % toggle == 0:
        root.tk.call('tkleak::record', 'off')
        root.tk.call('tkleak::record', 'on')
    if c in (100, count):
        h[c] = heap()
h1 = heap()
if mode == 'on':
    root.tk.call('tkleak::record', 'off')
h2 = heap()
print("IDLE Path Browser, recording %s%s, %d cycles: heap +%.1f KB from"
      " cycle 100, %.0f B a cycle; record off: %+.1f KB"
      % (mode, " toggled every %d" % toggle if mode == 'on' and toggle
         else "", count, (h[count] - h[100]) / 1024,
         (h[count] - h[100]) / (count - 100), (h2 - h1) / 1024))
