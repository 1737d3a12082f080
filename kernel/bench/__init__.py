"""Kernel-side measurements for ``make bench`` (bench/kernel.py), one module each."""
