"""editor.py -- the tkleak demo for tkinter.

A small editor with a Windows menu that leaks the way IDLE did under
Python 2.4, and a second leak that Python 3.11 still has:

* OldMenu.delete removes menu entries but not their callback commands,
  as Tkinter.Menu.delete did before Python 2.5: every closed window
  leaves its "wakeup" wrapper behind;
* the main window's "Raise last window" button is reconfigured for each
  new window (configure(command=)), which leaves the previous wrapper
  registered for as long as the button lives.

Run it with TKLEAK_DEMO_AUTO=1 (as doc/tutorial.md does) to play the
story without a user and print what tkleak says.
"""

import os
import tkinter


class OldMenu(tkinter.Menu):
    """A Menu whose delete() behaves like Python 2.4's."""

    def delete(self, index1, index2=None):
        self.tk.call(self._w, 'delete', index1, index2)


class Editor:

    def __init__(self, root):
        self.root = root
        self.count = 0
        self.menubar = tkinter.Menu(root)
        root.configure(menu=self.menubar)
        filemenu = tkinter.Menu(self.menubar, tearoff=0)
        filemenu.add_command(label='New Window', command=self.new_window)
        self.menubar.add_cascade(label='File', menu=filemenu)
        self.windows = OldMenu(self.menubar, tearoff=0)
        self.menubar.add_cascade(label='Windows', menu=self.windows)
        self.raise_last = tkinter.Button(root, text='Raise last window')
        self.raise_last.pack()

    def new_window(self):
        self.count += 1
        top = tkinter.Toplevel(self.root)
        top.title('Untitled %d' % self.count)
        tkinter.Text(top, width=40, height=10).pack()
        tkinter.Button(top, text='Close',
                       command=lambda: self.close_window(top)).pack()

        def wakeup():
            top.lift()
        self.windows.add_command(label=top.title(), command=wakeup)

        def raise_last():
            if top.winfo_exists():
                top.lift()
        self.raise_last.configure(command=raise_last)
        return top

    def close_window(self, top):
        title = top.title()
        last = self.windows.index('end')
        for i in range(0 if last is None else last + 1):
            if self.windows.entrycget(i, 'label') == title:
                self.windows.delete(i)
                break
        top.destroy()


def auto(root, editor):
    """Calibrate, open and close three windows, then ask the three
    questions, and what the leaked wrappers keep alive."""
    import tkleak
    tr = tkleak.Tracker(root)
    root.update()
    tr.calibrate()
    with tr.recording():
        for _ in range(3):
            editor.close_window(editor.new_window())
            root.update()
    print('Is there a leak? What objects leak?')
    tr.print_diff()
    print('\nWhere do they leak? (tr.orphans())')
    orphans = tr.orphans(keeps_alive=True)
    for o in orphans:
        print('%-32s %-16s %-9s %s' % (o.name, o.type, o.reason,
                                       ' '.join(o.last) if o.last else '-'))
        for f in o.origin:
            if not f.lib:
                print('    attached at %s:%d (%s)' % (
                    os.path.basename(f.file), f.line, f.function))
                break
        if o.python:
            print('    calls %s' % (o.python,))
        if o.keeps_alive:
            print('    keeps alive %s' % (o.keeps_alive,))
    print('\nWhat do they keep alive? (tr.keeps_alive(orphans))')
    print(tkleak.format_retained(tr.keeps_alive(orphans), len(orphans)))
    root.destroy()


def main():
    root = tkinter.Tk()
    root.title('tkleak demo editor (tkinter)')
    try:
        import tkleak
        tkleak.load(root)
    except ImportError:
        root.tk.call('package', 'require', 'tkleak')
    editor = Editor(root)
    if os.environ.get('TKLEAK_DEMO_AUTO'):
        auto(root, editor)
        return
    if root.tk.call('info', 'commands', '::tkleak::menu'):
        root.tk.call('tkleak::menu', editor.menubar)
    root.mainloop()


if __name__ == '__main__':
    main()
