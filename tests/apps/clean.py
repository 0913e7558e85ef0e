"""clean.py -- the tkinter app of leaky.py done right: a dialog with a
button and a binding, opened and destroyed, which unregisters its
callbacks. The action: clean.open_close()."""

import tkinter

root = tkinter.Tk()
root.withdraw()


def on_ok(event=None):
    pass


def open_close():
    dialog = tkinter.Toplevel(root)
    ok = tkinter.Button(dialog, text='OK', command=on_ok)
    ok.bind('<Return>', on_ok)
    ok.pack()
    dialog.update_idletasks()
    dialog.destroy()


if __name__ == '__main__':
    root.mainloop()
