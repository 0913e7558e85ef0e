"""cyclic.py -- a tkinter app that keeps nothing, though Python frees
what it made only when its cyclic collector runs: each action makes a
settings object in a reference cycle (it points to itself) holding a
tkinter StringVar and a PhotoImage, and drops it. The app has turned
Python's automatic collection off, as some apps do for speed, so only a
full collection frees them. The action: cyclic.open_close()."""

import gc
import tkinter

root = tkinter.Tk()
root.withdraw()
gc.disable()


class Settings:

    def __init__(self):
        self.name = tkinter.StringVar(root, value='untitled')
        self.icon = tkinter.PhotoImage(master=root, width=8, height=8)
        self.me = self


def open_close():
    Settings()


if __name__ == '__main__':
    root.mainloop()
