"""The built-in exception classes, as a compiled program sees them.

Under CPython these names are Python's own.  The compiler loads this
module into a program that uses exceptions (`try`, `raise`, or one of
these names) and binds its classes where a module has no name of its
own, so `class ParseError(ValueError)` derives from the class here like
from any other: the class-id ranges make `except ValueError` one range
check (docs/objects.md).

Every exception object has the fields of BaseException at fixed offsets
(pythos/rt/obj/exc.py reads them: EXC_NAME...EXC_SUPPRESS), set by the
constructor the compiler generates for these classes: `args` keeps the
arguments, as objects (`tuple[object, ...]`), and `str(e)` is made once,
when the exception is made (docs/language.md, "Exceptions"); `repr(e)`
is made from `args` when asked for.  A class whose own `__init__` starts
with `super().__init__(...)` gets its `args` there only (ir/build/
exceptions.py), so raising it builds one tuple.

`_make` turns an error the runtime recorded lazily (a kind and a
message, `obj_raise`) into an object, when a handler binds it
(`except KeyError as e`); exc.py calls it through its address.
"""

from pythos.lang import u32


class BaseException:
    _name: str  # the class's name, for repr
    _str: str  # str(e)
    args: tuple[object, ...]  # the constructor's arguments, as CPython keeps them
    _tb: list[int] | None  # the traceback (exc.py)
    _cause: BaseException | None  # raise ... from cause
    _context: BaseException | None  # the exception being handled when this was raised
    _suppress: bool  # `from` was given: the context is not shown

    def __str__(self) -> str:
        return self._str

    def __repr__(self) -> str:
        # CPython shows the arguments as the tuple shows them, without a
        # one-item tuple's comma: ValueError('x'), ValueError('x', 1).
        text = repr(self.args)
        if len(self.args) == 1:
            return self._name + text[:-2] + ")"
        return self._name + text


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


def _make(kind: u32, message: object) -> BaseException:
    """The exception object for an error of `kind` (ERR_* in
    pythos/rt/obj/object.py) that the runtime recorded with `message`: a
    str or None, or for a KeyError (kind 2) the missing key itself, which
    CPython keeps as the argument and shows by its repr."""
    e = _bare(kind)
    if kind == 2:
        e._str = repr(message)
        e.args = (message,)
    elif isinstance(message, str):
        e._str = message
        e.args = (message,)
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
