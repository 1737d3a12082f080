"""Pythos: an x86-64 operating system written in Python, and its compiler."""

__version__ = "0.1.0"
