"""noroot.py -- a module that makes no tkinter root when imported, for
tkleak-check's exit code 2."""


def main():
    pass
