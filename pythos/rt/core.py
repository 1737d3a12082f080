"""Runtime core: buffered output, integer formatting and panics.

The compiler turns `print(...)`, f-strings and runtime checks into calls of
the functions here.  Everything is written in Pythos and compiled with the
program, so the kernel and Linux programs share one formatter.

Output is collected in `out_buf` and handed to the platform in large
writes: at exit (Linux), after every print (kernel), when the buffer fills,
and before a panic message.  Format specs were decoded by the compiler, so
`write_int` receives them as plain arguments and never parses text.
"""

from typing import Final

from pythos.lang import (
    Array,
    Ptr,
    addr_of,
    call_addr,
    func_addr,
    i32,
    i64,
    str_bytes,
    u8,
    u32,
    u64,
)
from pythos.rt.platform import (
    AUTO_FLUSH,
    platform_catch_faults,
    platform_exit,
    platform_panic_halt,
    platform_write,
)

BUF_SIZE: Final = 4096
out_buf = Array[u8, 4096]()
out_len: u64 = 0
out_fd: i32 = 1
# While an f-string is being built as a value, output goes to a function
# instead of a file (capture_start).
CAPTURE_FD: Final = i32(-1)
capture_sink: u64 = 0
# Scratch space for one formatted integer: at most 64 binary digits and
# their 15 group separators.  (Padding is written straight out.)
digits = Array[u8, 80]()


def flush() -> None:
    global out_len
    if out_len != 0:
        if out_fd == CAPTURE_FD:
            call_addr(capture_sink, addr_of(out_buf).addr, out_len)
        else:
            platform_write(out_fd, addr_of(out_buf), out_len)
        out_len = 0


def capture_start(sink: u64) -> i32:
    """Send what is written from now on to `sink(data, length)` instead of
    the output (an f-string built as a str: pythos/rt/obj/capture.py);
    what was written before goes out first.  Returns the output to give
    back to `capture_stop`."""
    global out_fd, capture_sink
    flush()
    previous = out_fd
    capture_sink = sink
    out_fd = CAPTURE_FD
    return previous


def capture_stop(previous: i32) -> None:
    global out_fd
    flush()
    out_fd = previous


def write_byte(b: u8) -> None:
    global out_len
    if out_len == BUF_SIZE:
        flush()
    out_buf[out_len] = b
    out_len += 1


def write_bytes(data: bytes) -> None:
    for b in data:
        write_byte(b)


def write_bytes_repr(data: bytes) -> None:
    """repr() of bytes, as CPython writes it: b'...' (in double quotes if
    the data has a ' and no "), printable ASCII as it is, a backslash, tab,
    newline and carriage return escaped by name, every other byte as a
    backslash, x and two hex digits.  Written straight out, so printing
    bytes needs no heap (print() and f-strings)."""
    quote = u8(39)  # '
    if bytes_has(data, u8(39)) and not bytes_has(data, u8(34)):
        quote = u8(34)  # "
    write_byte(u8(98))  # b
    write_byte(quote)
    for c in data:
        if c == quote or c == 92:  # the quote, or a backslash
            write_byte(u8(92))
            write_byte(c)
        elif c == 9:
            write_escape(u8(116))  # \t
        elif c == 10:
            write_escape(u8(110))  # \n
        elif c == 13:
            write_escape(u8(114))  # \r
        elif c < 32 or c >= 127:
            write_escape(u8(120))  # \x and two lowercase hex digits
            write_byte(hex_digit(c >> 4))
            write_byte(hex_digit(c & 15))
        else:
            write_byte(c)
    write_byte(quote)


def bytes_has(data: bytes, value: u8) -> bool:
    for c in data:
        if c == value:
            return True
    return False


def write_escape(letter: u8) -> None:
    write_byte(u8(92))
    write_byte(letter)


def hex_digit(v: u8) -> u8:
    return v + 48 if v < 10 else v + 87


def write_str(s: str) -> None:
    for b in str_bytes(s):
        write_byte(b)


def str_width(s: str) -> u64:
    """The number of code points in s: every byte that is not a UTF-8
    continuation byte starts one."""
    n: u64 = 0
    for b in str_bytes(s):
        if b & 0xC0 != 0x80:
            n += 1
    return n


def write_char(c: i64, file: str, line: u32) -> None:
    """chr(c), encoded as UTF-8."""
    if c < 0 or c > 0x10FFFF:
        panic_begin(file, line)
        write_str("chr() arg not in range(0x110000)")
        panic_end()
    v = u32(c)
    if v < 0x80:
        write_byte(u8(v))
    elif v < 0x800:
        write_byte(u8(0xC0 | (v >> 6)))
        write_byte(u8(0x80 | (v & 0x3F)))
    elif v < 0x10000:
        write_byte(u8(0xE0 | (v >> 12)))
        write_byte(u8(0x80 | ((v >> 6) & 0x3F)))
        write_byte(u8(0x80 | (v & 0x3F)))
    else:
        write_byte(u8(0xF0 | (v >> 18)))
        write_byte(u8(0x80 | ((v >> 12) & 0x3F)))
        write_byte(u8(0x80 | ((v >> 6) & 0x3F)))
        write_byte(u8(0x80 | (v & 0x3F)))


def write_fill(fill: u32, count: u64) -> None:
    for _ in range(count):
        write_char(i64(fill), "", 0)


def write_bool(b: bool) -> None:
    if b:
        write_str("True")
    else:
        write_str("False")


def write_u64(v: u64) -> None:
    write_int(v, False, 32, 0, 45, False, 0, 0, 100)


def write_i64(v: i64) -> None:
    if v < 0:
        write_int(u64(0) - u64(v), True, 32, 0, 45, False, 0, 0, 100)
    else:
        write_int(u64(v), False, 32, 0, 45, False, 0, 0, 100)


def write_i64_spec(v: i64, fill: u32, align: u8, sign: u8, alt: bool, width: u64,
                   grouping: u8, kind: u8) -> None:
    if v < 0:
        write_int(u64(0) - u64(v), True, fill, align, sign, alt, width, grouping, kind)
    else:
        write_int(u64(v), False, fill, align, sign, alt, width, grouping, kind)


def write_int(mag: u64, negative: bool, fill: u32, align: u8, sign: u8, alt: bool,
              width: u64, grouping: u8, kind: u8) -> None:
    """Write one integer.  `kind` is the format type's character (`d`, `x`,
    `X`, `o`, `b`); `align`, `sign` and `grouping` are characters too, or 0
    for the default.  The digits are produced backwards into `digits`."""
    base: u64 = 10
    group: u64 = 3
    if kind == 120 or kind == 88:  # x X
        base = 16
        group = 4
    elif kind == 111:  # o
        base = 8
        group = 4
    elif kind == 98:  # b
        base = 2
        group = 4
    n: u64 = 0
    ndigits: u64 = 0
    v = mag
    while True:
        if grouping != 0 and ndigits != 0 and ndigits % group == 0:
            digits[n] = grouping
            n += 1
        d = u8(v % base)
        if d < 10:
            digits[n] = 48 + d
        elif kind == 88:
            digits[n] = 55 + d
        else:
            digits[n] = 87 + d
        n += 1
        ndigits += 1
        v = v // base
        if v == 0:
            break
    sign_char: u8 = 0
    if negative:
        sign_char = 45
    elif sign == 43 or sign == 32:
        sign_char = sign
    prefix: u8 = 0
    if alt and kind != 100:
        prefix = kind
    head: u64 = 0
    if sign_char != 0:
        head += 1
    if prefix != 0:
        head += 2
    # Sign-aware zero padding goes between the sign and the digits, and
    # takes part in digit grouping, exactly as CPython does it: each added
    # zero continues the digit count, with a separator before it when the
    # count reaches a group.  The zeros are only counted here and written
    # below, most significant first, so any width fits (not just `digits`).
    zeros: u64 = 0
    if align == 61 and fill == 48 and width > head:
        length = n
        count = ndigits
        while length + head < width:
            if grouping != 0 and count % group == 0:
                length += 1
            length += 1
            count += 1
            zeros += 1
        n_padded = length
    else:
        n_padded = n
    pad: u64 = 0
    if width > n_padded + head:
        pad = width - n_padded - head
    left: u64 = 0
    right: u64 = 0
    if align == 60:  # <
        right = pad
    elif align == 94:  # ^
        left = pad // 2
        right = pad - left
    elif align != 61:  # > and the default
        left = pad
    write_fill(fill, left)
    if sign_char != 0:
        write_byte(sign_char)
    if prefix != 0:
        write_byte(48)
        write_byte(prefix)
    if align == 61:
        write_fill(fill, pad)
    while zeros > 0:
        zeros -= 1
        write_byte(48)
        if grouping != 0 and (ndigits + zeros) % group == 0:
            write_byte(grouping)
    while n > 0:
        n -= 1
        write_byte(digits[n])
    write_fill(fill, right)


def write_str_spec(s: str, fill: u32, align: u8, width: u64) -> None:
    n = str_width(s)
    pad: u64 = 0
    if width > n:
        pad = width - n
    left: u64 = 0
    right: u64 = 0
    if align == 62:  # >
        left = pad
    elif align == 94:  # ^
        left = pad // 2
        right = pad - left
    else:
        right = pad
    write_fill(fill, left)
    write_str(s)
    write_fill(fill, right)


def print_end() -> None:
    """Called after every print(): the kernel wants each line out at once,
    a Linux program only when its buffer fills or it exits."""
    if AUTO_FLUSH:
        flush()


def str_eq(a: str, b: str) -> bool:
    x = str_bytes(a)
    y = str_bytes(b)
    if len(x) != len(y):
        return False
    for i in range(len(x)):
        if x[i] != y[i]:
            return False
    return True


def bytes_eq(x: bytes, y: bytes) -> bool:
    if len(x) != len(y):
        return False
    for i in range(len(x)):
        if x[i] != y[i]:
            return False
    return True


def use_stderr() -> None:
    """Send what is printed from now on to standard error (after what was
    printed so far), as a report of the leak check does."""
    global out_fd
    flush()
    out_fd = 2


def panic_begin(file: str, line: u32) -> None:
    """Start a panic report: what the program printed so far goes out
    first, then the report, to standard error under Linux."""
    global out_fd
    flush()
    out_fd = 2
    write_str(file)
    write_str(":")
    write_u64(u64(line))
    write_str(": panic: ")


def panic_end() -> None:
    write_str("\n")
    flush()
    platform_panic_halt()


def panic_index(index: i64, length: u64, file: str, line: u32) -> None:
    panic_begin(file, line)
    write_str("index ")
    write_i64(index)
    write_str(" out of range for length ")
    write_u64(length)
    panic_end()


def panic_msg(message: str, file: str, line: u32) -> None:
    panic_begin(file, line)
    write_str(message)
    panic_end()


def catch_faults() -> None:
    """Have a memory fault reported as a panic (Linux programs; the kernel
    has its own page-fault handler).  The usual cause is a stack overflow
    from recursion too deep, where CPython would raise RecursionError; then
    what the program printed before must still come out."""
    platform_catch_faults(func_addr(on_fault))


def on_fault(signal: u64, info: Ptr[u64], context: u64) -> None:
    """The fault handler, running on a stack of its own.  `info` is the
    siginfo: the faulting address is its third word."""
    global out_fd
    flush()
    out_fd = 2
    write_str("panic: memory fault at ")
    write_int(info[2], False, 32, 62, 45, True, 0, 0, 120)
    write_str(": the stack overflowed (recursion too deep, where CPython raises "
              "RecursionError) or a Ptr pointed at unmapped memory")
    panic_end()


def exit_program() -> None:
    flush()
    platform_exit(0)


def bit_length(magnitude: u64) -> i64:
    """`n.bit_length()` of an integer whose absolute value is `magnitude`:
    the number of bits needed to write it (0 for 0)."""
    n = i64(0)
    while magnitude != 0:
        magnitude >>= u64(1)
        n += 1
    return n


def bit_count(magnitude: u64) -> i64:
    """`n.bit_count()`: the ones in the binary form of |n|."""
    n = i64(0)
    while magnitude != 0:
        magnitude &= magnitude - 1
        n += 1
    return n


# ----- pow(base, exp, mod) --------------------------------------------------------------
# The modular power of plain ints, CPython's three-argument pow(): the
# result has the sign of `mod` (it lies in [0, mod) or (mod, 0]), and a
# negative exponent raises the base's inverse modulo `mod` to -exp.  The
# arithmetic is on |mod| as a u64 (the most negative int's is 2**63), so
# nothing overflows: a product of two residues is formed by doubling and
# adding when |mod| is too wide for it to fit in 64 bits.

POW_MOD_NOT_INVERTIBLE: Final = i64(-0x8000000000000000)  # no result is this (see above)


def add_mod(a: u64, b: u64, m: u64) -> u64:
    """(a + b) % m, for a and b below m."""
    if a >= m - b:
        return a - (m - b)
    return a + b


def sub_mod(a: u64, b: u64, m: u64) -> u64:
    """(a - b) % m, for a and b below m."""
    if a >= b:
        return a - b
    return a + (m - b)


def mul_mod(a: u64, b: u64, m: u64) -> u64:
    """(a * b) % m, for a and b below m."""
    if m <= u64(0xFFFFFFFF):
        return a * b % m                 # both below 2**32: the product fits
    product = u64(0)
    while b != 0:
        if b & u64(1) != 0:
            product = add_mod(product, a, m)
        a = add_mod(a, a, m)
        b >>= u64(1)
    return product


def inverse_mod(a: u64, m: u64) -> u64:
    """x with a * x % m == 1 (x below m), or m when there is none
    (a and m share a factor).  Euclid's algorithm, extended, with the
    coefficients kept modulo m so that they never go negative."""
    if m == 1:
        return u64(0)                    # everything is 0 modulo 1
    old_r = a
    r = m
    old_x = u64(1)
    x = u64(0)
    while r != 0:
        q = old_r // r
        next_r = old_r - q * r
        old_r = r
        r = next_r
        next_x = sub_mod(old_x, mul_mod(q % m, x, m), m)
        old_x = x
        x = next_x
    if old_r != 1:
        return m
    return old_x


ROUND_OVERFLOW: Final = i64(-0x8000000000000000)  # no result of round_int is this


def round_int(x: i64, ndigits: i64) -> i64:
    """round(x, ndigits) of an int, as CPython's int.__round__: x itself
    for ndigits >= 0, else the nearest multiple of 10**-ndigits, a tie
    going to the even multiple (round(1250, -2) == 1200, round(1350, -2)
    == 1400, round(-1250, -2) == -1200).  ROUND_OVERFLOW when that
    multiple does not fit in 64 bits (the caller raises OverflowError)."""
    if ndigits >= 0:
        return x
    if ndigits < -19:
        return i64(0)  # |x| < 10**19 // 2 <= 10**-ndigits // 2
    if ndigits == -19:
        # 10**19 does not fit: x rounds to 0 unless past half of it.
        if x > i64(5000000000000000000) or x < i64(-5000000000000000000):
            return ROUND_OVERFLOW
        return i64(0)
    m = i64(1)
    for _ in range(-ndigits):
        m *= i64(10)
    q = x // m  # floored, so 0 <= r < m
    r = x - q * m
    if r * i64(2) > m or (r * i64(2) == m and q & i64(1) == i64(1)):
        q += i64(1)
    limit = i64(0x7FFFFFFFFFFFFFFF) // m
    if q > limit or q < -limit:
        return ROUND_OVERFLOW
    return q * m


def pow_mod(base: i64, exp: i64, mod: i64) -> i64:
    """pow(base, exp, mod) for a `mod` that is not 0 (the caller raises
    that ValueError); POW_MOD_NOT_INVERTIBLE for a negative `exp` whose
    base has no inverse modulo `mod`."""
    m = u64(mod) if mod > 0 else u64(0) - u64(mod)
    if base >= 0:
        b = u64(base) % m
    else:
        b = sub_mod(u64(0), (u64(0) - u64(base)) % m, m)
    e = u64(exp)
    if exp < 0:
        b = inverse_mod(b, m)
        if b == m:
            return POW_MOD_NOT_INVERTIBLE
        e = u64(0) - u64(exp)
    result = u64(1) % m
    while e != 0:
        if e & u64(1) != 0:
            result = mul_mod(result, b, m)
        b = mul_mod(b, b, m)
        e >>= u64(1)
    if mod < 0 and result != 0:
        return i64(result - m)           # in (mod, 0): wraps back into range
    return i64(result)
