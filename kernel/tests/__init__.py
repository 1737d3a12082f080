"""In-kernel tests that belong to no single module (see pythos/kernel_tools/ktest.py)."""
