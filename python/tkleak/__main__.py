"""python -m tkleak check [options] app.py 'expr' [-- app args]

The leak test of a tkinter app, for CI: imports app.py as a module from
its directory (it must create its tkinter root when imported; a
mainloop call during the import returns at once), then repeats the
Python expression EXPR, evaluated with the module bound to its name
(``'app.open_close()'``), with tkleak.leaktest. Exit status: 0 when
nothing leaks ("no leak" on stdout), 1 on a leak (the growth table,
Tcl and Python types, and the orphans with their Python callables), 2
on a usage error, an app that cannot be imported or an action that
raises (the traceback on stderr).
"""

import argparse
import importlib
import os
import sys
import traceback

import tkinter

import tkleak


def _parser():
    p = argparse.ArgumentParser(
        prog='python -m tkleak',
        description='Leak tests for tkinter apps.')
    sub = p.add_subparsers(dest='command')
    c = sub.add_parser('check', help='repeat an action and say whether it'
                       ' leaks (exit 0 clean, 1 leaking, 2 error)')
    c.add_argument('app', help='the app, a .py file that creates its root'
                   ' when imported')
    c.add_argument('expr', help="the action, a Python expression"
                   " ('app.open_close()')")
    c.add_argument('--iterations', type=int, default=10)
    c.add_argument('--warmup', type=int, default=2)
    c.add_argument('--heap', action='store_true',
                   help='also judge the heap')
    return p


def _import_app(path, args):
    path = os.path.abspath(path)
    name = os.path.splitext(os.path.basename(path))[0]
    sys.path.insert(0, os.path.dirname(path))
    sys.argv = [path] + list(args)
    loops = tkinter.Misc.mainloop, tkinter.mainloop
    tkinter.Misc.mainloop = lambda self, n=0: None
    tkinter.mainloop = lambda n=0: None
    try:
        module = importlib.import_module(name)
    finally:
        tkinter.Misc.mainloop, tkinter.mainloop = loops
    return name, module


def _find_root(module):
    root = getattr(tkinter, '_default_root', None)
    if root is not None:
        return root
    for v in vars(module).values():
        if isinstance(v, tkinter.Tk):
            return v
    return None


def main(argv=None):
    argv = list(sys.argv[1:] if argv is None else argv)
    extra = []
    if '--' in argv:
        k = argv.index('--')
        argv, extra = argv[:k], argv[k + 1:]
    try:
        opts = _parser().parse_args(argv)
    except SystemExit as e:
        return 2 if e.code else 0
    if opts.command != 'check':
        _parser().print_usage(sys.stderr)
        return 2
    try:
        name, module = _import_app(opts.app, extra)
    except BaseException:
        traceback.print_exc()
        return 2
    root = _find_root(module)
    if root is None:
        sys.stderr.write('tkleak: %s made no tkinter root when imported\n'
                         % opts.app)
        return 2
    try:
        code = compile(opts.expr, '<action>', 'eval')
    except SyntaxError:
        traceback.print_exc()
        return 2
    env = {name: module}

    def action():
        eval(code, env)

    try:
        result = tkleak.leaktest(action, root, iterations=opts.iterations,
                                 warmup=opts.warmup, heap=opts.heap)
    except BaseException:
        traceback.print_exc()
        return 2
    sys.stdout.write(tkleak.format_leak(result) + '\n')
    return 1 if result.leaking else 0


if __name__ == '__main__':
    sys.exit(main())
