"""leaky.py -- a tkinter app for tkleak-check's tests with the leak of
configure(command=...): each refresh gives the Refresh button a new
callback, and tkinter keeps the old wrapper command registered. The
action: leaky.refresh()."""

import tkinter

root = tkinter.Tk()
root.withdraw()
button = tkinter.Button(root, text='Refresh')
button.pack()
refreshes = [0]


def on_click():
    pass


def refresh():
    refreshes[0] += 1
    button.configure(command=on_click)


def fail():
    raise ValueError('the refresh broke')


if __name__ == '__main__':
    root.mainloop()
