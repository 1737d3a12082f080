"""The object runtime: what every compiled Python object is made of.

`object.py` is the contract between the compiler and the rest of the
runtime: the object header, type descriptors, item kinds, reference
counting and the non-recursive release, error reporting.  The other modules
implement one kind of object each (list, tuple, str, dict, set) and the
cycle collector; docs/objects.md explains the design.
"""
