"""The built-in exception classes, as a compiled program sees them.

Under CPython these names are Python's own.  The compiler loads this
module into a program that uses exceptions (`try`, `raise`, or one of
these names) and binds its classes where a module has no name of its
own, so `class ParseError(ValueError)` derives from the class here like
from any other: the class-id ranges make `except ValueError` one range
check (docs/objects.md).

Every exception object has the fields of BaseException at fixed offsets
(pythos/rt/obj/exc.py reads them: EXC_NAME...EXC_SUPPRESS), set by the
constructor the compiler generates for these classes: the arguments
are turned into text once, when the exception is made, because Pythos
has no `object`-typed values to keep them in (docs/language.md,
"Exceptions").  So `str(e)` and `repr(e)` are CPython's for the
arguments given, and `e.args` is not available.

`_make` turns an error the runtime recorded lazily (a kind and a
message, `obj_raise`) into an object, when a handler binds it
(`except KeyError as e`); exc.py calls it through its address.
"""

from pythos.lang import u32


class BaseException:
    _name: str  # the class's name, for repr
    _str: str  # str(e)
    _rargs: str  # the arguments as repr(e) shows them: 'x', 1
    _tb: list[int] | None  # the traceback (exc.py)
    _cause: BaseException | None  # raise ... from cause
    _context: BaseException | None  # the exception being handled when this was raised
    _suppress: bool  # `from` was given: the context is not shown

    def __str__(self) -> str:
        return self._str

    def __repr__(self) -> str:
        return self._name + "(" + self._rargs + ")"


class Exception(BaseException):
    pass


class GeneratorExit(BaseException):
    pass


class KeyboardInterrupt(BaseException):
    pass


class ArithmeticError(Exception):
    pass


class ZeroDivisionError(ArithmeticError):
    pass


class OverflowError(ArithmeticError):
    pass


class LookupError(Exception):
    pass


class IndexError(LookupError):
    pass


class KeyError(LookupError):
    pass


class ValueError(Exception):
    pass


class UnicodeError(ValueError):
    pass


class UnicodeDecodeError(UnicodeError):
    pass


class UnicodeEncodeError(UnicodeError):
    pass


class TypeError(Exception):
    pass


class AttributeError(Exception):
    pass


class MemoryError(Exception):
    pass


class RuntimeError(Exception):
    pass


class NotImplementedError(RuntimeError):
    pass


class RecursionError(RuntimeError):
    pass


class StopIteration(Exception):
    pass


class StopAsyncIteration(Exception):
    """The end of an `async for` (`__anext__` raises it), issue 12."""


class AssertionError(Exception):
    pass


def _make(kind: u32, message: str | None) -> BaseException:
    """The exception object for an error of `kind` (ERR_* in
    pythos/rt/obj/object.py) that the runtime recorded with `message`."""
    e = _bare(kind)
    if message is not None:
        e._str = message
        # A KeyError's message is already the repr of its key.
        e._rargs = message if kind == 2 else repr(message)
    return e


def _bare(kind: u32) -> BaseException:
    if kind == 1:
        return IndexError()
    if kind == 2:
        return KeyError()
    if kind == 3:
        return ValueError()
    if kind == 4:
        return TypeError()
    if kind == 5:
        return ZeroDivisionError()
    if kind == 6:
        return OverflowError()
    if kind == 7:
        return AttributeError()
    if kind == 8:
        return MemoryError()
    if kind == 9:
        return RuntimeError()
    if kind == 10:
        return StopIteration()
    if kind == 11:
        return AssertionError()
    if kind == 12:
        return NotImplementedError()
    if kind == 13:
        return LookupError()
    if kind == 14:
        return UnicodeDecodeError()
    if kind == 15:
        return UnicodeEncodeError()
    if kind == 17:  # GEN_EXIT_KIND: close() of a generator (pythos/rt/obj/generator.py)
        return GeneratorExit()
    return Exception()
