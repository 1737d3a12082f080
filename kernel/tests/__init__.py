"""In-kernel tests that belong to no single module (see pythos/ktest.py)."""
