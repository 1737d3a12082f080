"""Readers of the tables the build links into the kernel for its own panic
reports: the functions' names (symtab.py) and the Python lines (linetable.py)."""
