"""mainloop.py -- a tkinter app that starts its main loop when imported
(no __main__ guard): tkleak-check must still come back from the import.
Each refresh leaks a photo image. The action: mainloop.refresh()."""

import tkinter

root = tkinter.Tk()
root.withdraw()
label = tkinter.Label(root)
label.pack()
images = []


def refresh():
    image = tkinter.PhotoImage(width=4, height=4)
    images.append(image)
    label.configure(image=image)


root.mainloop()
