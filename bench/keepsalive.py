"""keepsalive.py -- how long tkleak's Python side takes on a big process.

1,000 leaked tkinter wrappers (a Menu.delete-style leak, each callback a
bound method of an object holding 20 objects of its own) in a process
with at least 100,000 objects the cycle collector tracks; times, best
of 3, of Tracker.orphans() (which names every wrapper's callable),
orphans(keeps_alive=True) and keeps_alive() of the whole group.
Target (issue 13): keeps_alive at most 1 s.

    PYTHONPATH=build/python xvfb-run -a python3 bench/keepsalive.py
"""

import gc
import sys
import time
import tkinter

import tkleak

WRAPPERS = 1000
PROCESS = 100000


class Payload:
    pass


class Holder:
    def __init__(self):
        self.data = [Payload() for _ in range(20)]

    def wakeup(self):
        pass


def best(f, n=3):
    times = []
    for _ in range(n):
        t = time.perf_counter()
        r = f()
        times.append(time.perf_counter() - t)
    return min(times), r


def main():
    root = tkinter.Tk()
    root.withdraw()
    tr = tkleak.Tracker(root)
    ballast = [[i] for i in range(PROCESS)]
    menu = tkinter.Menu(root, tearoff=0)
    tr.calibrate()
    with tr.recording():
        for _ in range(WRAPPERS):
            menu.add_command(label='x', command=Holder().wakeup)
            menu.tk.call(menu._w, 'delete', 0)
    gc.collect()
    print('python %s, %d objects tracked, %d leaked wrappers'
          % (sys.version.split()[0], len(gc.get_objects()), WRAPPERS))
    t, orphans = best(tr.orphans)
    print('orphans():                  %.3f s (%d orphans)'
          % (t, len(orphans)))
    t, o2 = best(lambda: tr.orphans(keeps_alive=True))
    print('orphans(keeps_alive=True):  %.3f s' % t)
    t, k = best(lambda: tr.keeps_alive(orphans))
    print('keeps_alive(1000 orphans):  %.3f s (target 1 s): %s'
          % (t, tkleak.format_retained(k, len(orphans))))
    del ballast
    root.destroy()


if __name__ == '__main__':
    main()
