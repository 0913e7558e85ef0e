"""background.py -- a tkinter app that finishes loading in the background
(root.after) and takes its title from its command line. Its action reads
a global Tcl variable the way IDLE's About dialog does (getvar
tk_patchLevel), which works only when the action runs at global level.
The action: background.open_close(); ready when background.loaded."""

import sys
import tkinter

root = tkinter.Tk()
root.withdraw()
root.title('+'.join(sys.argv[1:]))
loaded = False


def finish():
    global loaded
    loaded = True


root.after(300, finish)


def open_close():
    if not loaded:
        raise RuntimeError('not loaded yet')
    if root.title() != 'alpha+beta':
        raise RuntimeError('arguments not passed: %s' % root.title())
    dialog = tkinter.Toplevel(root)
    tkinter.Label(dialog, text=root.getvar('tk_patchLevel')).pack()
    dialog.destroy()


if __name__ == '__main__':
    root.mainloop()
