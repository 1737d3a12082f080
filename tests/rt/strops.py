"""Driving tests/rt/obj/str_ops.py, the compiled interpreter of str and
bytes operations, and computing what CPython's own str and bytes give for
the same operations, in the interpreter's output framing.

An operation is a name and its arguments (str, bytes, int, bool or None);
`expect` runs it on CPython's types, `encode` turns a list of them into
the interpreter's input, and `run` executes the compiled binary and
splits its output back into one record per operation.
"""

from __future__ import annotations

import struct
import subprocess
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from pythos.check.fmtspec import parse_format_spec
from pythos.lower.instructions import str_hash
from tests.compiler.conftest import compile_program

PROGRAM = Path(__file__).parent / "obj" / "str_ops.py"

# Error kinds (pythos/rt/obj/object.py ERR_*) of the CPython exceptions.
ERRORS = {IndexError: 1, KeyError: 2, ValueError: 3, TypeError: 4, OverflowError: 6,
          UnicodeDecodeError: 14, UnicodeEncodeError: 15}

I64_MIN = -(1 << 63)
I64_MAX = (1 << 63) - 1


def _int_spec_fields(value: int, spec: str) -> list[Any]:
    s = parse_format_spec(spec, "int")
    return [value & ((1 << 64) - 1), int(value < 0), ord(s.fill), ord(s.align or "\0"),
            ord(s.sign) if s.sign != "-" else 45, int(s.alt), s.width,
            ord(s.grouping or "\0"), ord(s.type or "d")]


def _slice(s: Any, start: int | None, stop: int | None, step: int | None) -> Any:
    return s[start:stop:step]


def _to_int(s: str, base: int) -> int:
    value = int(s, base)
    if not I64_MIN <= value <= I64_MAX:
        raise OverflowError("Python int too large to convert to C long")
    return value


def _hash_ok(s: Any) -> bool:
    return True


def hash_model(data: bytes) -> int:
    """The runtime's str and bytes hash (utf8.py, hash_bytes), in Python: what
    a compiler computes to give a static string its hash in advance (the
    compiler's own copy, which tests/compiler/test_str_literal_hash.py holds
    to the runtime's)."""
    return str_hash(data)


def _static_hash(s: str) -> int:
    return hash_model(_utf8(s))


def _join(sep: str, *items: str) -> str:
    return sep.join(items)


def _str_spec(s: str, spec: str) -> str:
    return format(s, spec)


# name -> (op number, CPython function, output kind)
OPS: dict[str, tuple[int, Callable[..., Any], str]] = {
    "len": (1, len, "I"),
    "eq": (2, lambda a, b: a == b, "B"),
    "lt": (3, lambda a, b: a < b, "B"),
    "le": (4, lambda a, b: a <= b, "B"),
    "hash": (5, _hash_ok, "B"),
    "concat": (6, lambda a, b: a + b, "S"),
    "repeat": (7, lambda a, n: a * n, "S"),
    "getitem": (8, lambda a, i: a[i], "S"),
    "slice": (9, _slice, "S"),
    "contains": (10, lambda a, b: b in a, "B"),
    "repr": (11, repr, "S"),
    "from_i64": (12, str, "S"),
    "from_u64": (13, str, "S"),
    "to_int": (15, _to_int, "I"),
    "static_hash": (19, _static_hash, "I"),
    "ord": (16, ord, "I"),
    "chr": (17, chr, "S"),
    "split": (20, lambda s, sep=None, n=-1: s.split(sep, n), "L"),
    "rsplit": (21, lambda s, sep=None, n=-1: s.rsplit(sep, n), "L"),
    "join": (22, _join, "S"),
    "strip": (23, lambda s, c=None: s.strip(c), "S"),
    "lstrip": (24, lambda s, c=None: s.lstrip(c), "S"),
    "rstrip": (25, lambda s, c=None: s.rstrip(c), "S"),
    "startswith": (26, lambda s, p, a=None, b=None: s.startswith(p, a, b), "B"),
    "endswith": (27, lambda s, p, a=None, b=None: s.endswith(p, a, b), "B"),
    "find": (28, lambda s, p, a=None, b=None: s.find(p, a, b), "I"),
    "rfind": (29, lambda s, p, a=None, b=None: s.rfind(p, a, b), "I"),
    "index": (30, lambda s, p, a=None, b=None: s.index(p, a, b), "I"),
    "rindex": (31, lambda s, p, a=None, b=None: s.rindex(p, a, b), "I"),
    "replace": (32, lambda s, a, b, n=-1: s.replace(a, b, n), "S"),
    "upper": (33, str.upper, "S"),
    "lower": (34, str.lower, "S"),
    "isdigit": (35, str.isdigit, "B"),
    "isalpha": (36, str.isalpha, "B"),
    "isspace": (37, str.isspace, "B"),
    "isalnum": (38, str.isalnum, "B"),
    "isupper": (39, str.isupper, "B"),
    "islower": (40, str.islower, "B"),
    "isdecimal": (41, str.isdecimal, "B"),
    "isnumeric": (42, str.isnumeric, "B"),
    "isprintable": (43, str.isprintable, "B"),
    "ljust": (44, lambda s, w, f=None: s.ljust(w) if f is None else s.ljust(w, f), "S"),
    "rjust": (45, lambda s, w, f=None: s.rjust(w) if f is None else s.rjust(w, f), "S"),
    "center": (46, lambda s, w, f=None: s.center(w) if f is None else s.center(w, f), "S"),
    "zfill": (47, str.zfill, "S"),
    "count": (48, lambda s, p, a=None, b=None: s.count(p, a, b), "I"),
    "partition": (49, str.partition, "T"),
    "rpartition": (50, str.rpartition, "T"),
    "splitlines": (51, lambda s, keep: s.splitlines(keep), "L"),
    "iterate": (52, list, "L"),
    "title": (55, str.title, "S"),
    "capitalize": (56, str.capitalize, "S"),
    "swapcase": (57, str.swapcase, "S"),
    "casefold": (58, str.casefold, "S"),
    "item_text": (53, lambda s: f"{s!r} {s}", "S"),
    "item_compare": (54, lambda a, b: (str(int(a == b)), str(int(a < b)), "1"), "T"),
    "encode": (60, lambda s: s.encode(), "Y"),
    "decode": (61, lambda b: b.decode(), "S"),
    "blen": (62, len, "I"),
    "bgetitem": (63, lambda b, i: b[i], "I"),
    "bslice": (64, _slice, "Y"),
    "bconcat": (65, lambda a, b: a + b, "Y"),
    "beq": (66, lambda a, b: a == b, "B"),
    "bhash": (67, _hash_ok, "B"),
    "brepr": (68, repr, "S"),
    "hex": (69, bytes.hex, "S"),
    "bstartswith": (70, lambda s, p, a=None, b=None: s.startswith(p, a, b), "B"),
    "bfind": (71, lambda s, p, a=None, b=None: s.find(p, a, b), "I"),
    "bcount": (72, lambda s, p, a=None, b=None: s.count(p, a, b), "I"),
    "brfind": (73, lambda s, p, a=None, b=None: s.rfind(p, a, b), "I"),
    "bcontains": (74, lambda a, b: b in a, "B"),
    "blt": (75, lambda a, b: a < b, "B"),
    "bitem_text": (76, lambda b: f"{b!r} {b!s}", "S"),
}
# Operations whose arguments the interpreter gets in another form.
FORMAT_INT = 14
FORMAT_STR = 18


def _utf8(s: str) -> bytes:
    return s.encode("utf-8", "surrogatepass")


def _arg(value: Any) -> bytes:
    if value is None:
        return b"n"
    if isinstance(value, str):
        data = _utf8(value)
        return b"s" + struct.pack("<I", len(data)) + data
    if isinstance(value, bytes):
        return b"b" + struct.pack("<I", len(value)) + value
    return b"i" + struct.pack("<Q", int(value) & ((1 << 64) - 1))


def _wire(name: str, args: Sequence[Any]) -> tuple[int, list[Any]]:
    if name == "format_int":
        return FORMAT_INT, _int_spec_fields(args[0], args[1])
    if name == "format_str":
        spec = parse_format_spec(args[1], "str")
        return FORMAT_STR, [args[0], ord(spec.fill), ord(spec.align or "\0"), spec.width]
    if name in ("split", "rsplit"):
        return OPS[name][0], [args[0], args[1] if len(args) > 1 else None,
                              args[2] if len(args) > 2 else -1]
    return OPS[name][0], list(args)


def encode(ops: Sequence[tuple[Any, ...]]) -> bytes:
    out = bytearray()
    for name, *args in ops:
        number, wire = _wire(name, args)
        out += bytes([number, len(wire)])
        for a in wire:
            out += _arg(a)
    return bytes(out)


def _str_record(s: str) -> bytes:
    data = _utf8(s)
    return f"S{len(s)},{len(data)}:".encode() + data + b"\n"


def expect(name: str, args: Sequence[Any]) -> bytes:
    """The record the interpreter must print for one operation."""
    if name == "format_int":
        fn: Callable[..., Any] = lambda v, spec: format(v, spec)  # noqa: E731
        kind = "S"
    elif name == "format_str":
        fn, kind = _str_spec, "S"
    else:
        _, fn, kind = OPS[name]
    try:
        result = fn(*args)
    except (IndexError, KeyError, ValueError, TypeError, OverflowError) as e:
        return f"E{ERRORS.get(type(e), 3)}:".encode() + \
            _utf8(str(e)) + b"\n"
    if kind == "S":
        return _str_record(result)
    if kind == "Y":
        return f"Y{len(result)}:".encode() + result + b"\n"
    if kind == "I":
        return f"I{result}\n".encode()
    if kind == "B":
        return f"B{int(bool(result))}\n".encode()
    return f"{kind}{len(result)}\n".encode() + b"".join(_str_record(x) for x in result)


def build(tmp: Path, opt: int) -> Path:
    exe = tmp / f"str_ops.O{opt}"
    built = compile_program(PROGRAM, exe, opt)
    assert built.returncode == 0, built.stderr.decode()
    return exe


def run(exe: Path, ops: Sequence[tuple[Any, ...]]) -> list[bytes]:
    """Run the operations; the output records, one per operation, then
    the live-object line."""
    done = subprocess.run([str(exe)], input=encode(ops), capture_output=True, timeout=60)
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    return split_records(done.stdout, len(ops))


def split_records(out: bytes, count: int) -> list[bytes]:
    records: list[bytes] = []
    at = 0
    for _ in range(count):
        records.append(out[at:(at := _record_end(out, at))])
    records.append(out[at:])
    return records


def _record_end(out: bytes, at: int) -> int:
    tag = out[at:at + 1]
    if tag == b"S":
        comma = out.index(b",", at)
        colon = out.index(b":", comma)
        return colon + 1 + int(out[comma + 1:colon]) + 1
    if tag == b"Y":
        colon = out.index(b":", at)
        return colon + 1 + int(out[at + 1:colon]) + 1
    if tag in (b"L", b"T"):
        newline = out.index(b"\n", at)
        end = newline + 1
        for _ in range(int(out[at + 1:newline])):
            end = _record_end(out, end)
        return end
    return out.index(b"\n", at) + 1


def check(exe: Path, ops: Sequence[tuple[Any, ...]]) -> None:
    """Run the operations compiled and assert each result is CPython's,
    and that no object is left alive."""
    records = run(exe, ops)
    for (name, *args), got in zip(ops, records, strict=False):
        want = expect(name, args)
        assert got == want, f"{name}{tuple(args)!r}: got {got!r}, CPython {want!r}"
    assert records[-1] == b"live 0\n", records[-1]
