"""The shell's commands, one module each.

Importing a command's module registers it (its ``@command`` runs at
import).  ``kernel.shell.commands.all`` imports every one, and the shell
imports that; to add a command, write a module here and import it in
all.py.  docs/shell.md walks through an example.  A program that wants
only some commands (the compiled shell session of the host tests, which
runs as a Linux program without the kernel's devices) imports just
those modules.
"""
