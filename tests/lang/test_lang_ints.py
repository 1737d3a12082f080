"""Fixed-width integers checked against an independent reference model.

The model computes the mathematical result of each operator with unbounded
Python ints, then reduces it modulo 2**bits and reinterprets it as two's
complement for signed types.  It shares no code with pythos.lang.ints.
"""

import operator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pythos.lang import INT_CLASSES, INT_TYPES, PythosInt, i8, i16, i32, i64, u8, u16, u32, u64

TYPES = [
    (u8, 8, False), (u16, 16, False), (u32, 32, False), (u64, 64, False),
    (i8, 8, True), (i16, 16, True), (i32, 32, True), (i64, 64, True),
]
TYPE_IDS = [kind.__name__ for kind, _, _ in TYPES]


def reference_wrap(value, bits, signed):
    value %= 2 ** bits
    if signed and value >= 2 ** (bits - 1):
        value -= 2 ** bits
    return value


def bounds(bits, signed):
    if signed:
        return -(2 ** (bits - 1)), 2 ** (bits - 1) - 1
    return 0, 2 ** bits - 1


def values_of(bits, signed):
    low, high = bounds(bits, signed)
    edges = sorted({low, high, 0, 1, high - 1, low + 1} | ({-1} if signed else set()))
    return st.one_of(st.sampled_from(edges), st.integers(low, high))


def reference_shift_left(value, count):
    # Multiplying by a power of two is the mathematical left shift; counts
    # beyond 200 shift every bit of every width out, so they give 0 directly.
    return 0 if count > 200 else value * 2 ** count


def reference_shift_right(value, count):
    if count > 200:
        return -1 if value < 0 else 0
    return value // 2 ** count


# Each entry: name, the operator applied to Pythos values, the mathematical
# reference on plain ints.  Division and modulo use Python's floor rule.
BINARY = [
    ("+", operator.add, lambda a, b: a + b),
    ("-", operator.sub, lambda a, b: a - b),
    ("*", operator.mul, lambda a, b: a * b),
    ("//", operator.floordiv, lambda a, b: (a - (a % b)) // b),
    ("%", operator.mod, lambda a, b: a - b * ((a - (a % b)) // b)),
    ("&", operator.and_, lambda a, b: a & b),
    ("|", operator.or_, lambda a, b: a | b),
    ("^", operator.xor, lambda a, b: a ^ b),
]


def test_int_types_table():
    assert INT_TYPES == {
        "u8": (8, False), "u16": (16, False), "u32": (32, False), "u64": (64, False),
        "i8": (8, True), "i16": (16, True), "i32": (32, True), "i64": (64, True),
    }
    for name, (bits, signed) in INT_TYPES.items():
        kind = INT_CLASSES[name]
        assert kind.__name__ == name and kind.BITS == bits and kind.SIGNED == signed
        assert (kind.MIN, kind.MAX) == bounds(bits, signed)
        assert issubclass(kind, int) and issubclass(kind, PythosInt)


@pytest.mark.parametrize("kind,bits,signed", TYPES, ids=TYPE_IDS)
@given(data=st.data())
@settings(max_examples=60, deadline=None)
def test_binary_operators_match_reference(kind, bits, signed, data):
    a = data.draw(values_of(bits, signed), label="a")
    b = data.draw(values_of(bits, signed), label="b")
    x, y = kind(a), kind(b)
    for name, op, reference in BINARY:
        if name in ("//", "%") and b == 0:
            with pytest.raises(ZeroDivisionError):
                op(x, y)
            with pytest.raises(ZeroDivisionError):
                op(a, y)
            continue
        expected = reference_wrap(reference(a, b), bits, signed)
        for result in (op(x, y), op(x, b), op(a, y)):
            assert type(result) is kind, name
            assert result == expected, (a, name, b)


@pytest.mark.parametrize("kind,bits,signed", TYPES, ids=TYPE_IDS)
@given(data=st.data())
@settings(max_examples=60, deadline=None)
def test_shifts_match_reference(kind, bits, signed, data):
    a = data.draw(values_of(bits, signed), label="a")
    count = data.draw(st.one_of(st.integers(0, bits + 2), st.integers(0, 10 ** 30)), label="count")
    x = kind(a)
    left = reference_wrap(reference_shift_left(a, count), bits, signed)
    right = reference_wrap(reference_shift_right(a, count), bits, signed)
    counts = [count] + [other(count) for other, obits, _ in TYPES if count < 2 ** (obits - 1)]
    for c in counts:
        assert x << c == left and type(x << c) is kind
        assert x >> c == right and type(x >> c) is kind
    if count < 2 ** (bits - 1):
        # A literal on the left takes the count's type, like other operators.
        assert (a << kind(count)) == left and type(a << kind(count)) is kind
        assert (a >> kind(count)) == right and type(a >> kind(count)) is kind


@pytest.mark.parametrize("kind,bits,signed", TYPES, ids=TYPE_IDS)
@given(data=st.data())
@settings(max_examples=40, deadline=None)
def test_power_matches_reference(kind, bits, signed, data):
    a = data.draw(values_of(bits, signed), label="a")
    e = data.draw(st.integers(0, min(bounds(bits, signed)[1], 300)), label="e")
    expected = reference_wrap(a ** e, bits, signed)
    for result in (kind(a) ** kind(e), kind(a) ** e, a ** kind(e)):
        assert result == expected and type(result) is kind


@pytest.mark.parametrize("kind,bits,signed", TYPES, ids=TYPE_IDS)
@given(data=st.data())
@settings(max_examples=40, deadline=None)
def test_unary_and_conversion(kind, bits, signed, data):
    a = data.draw(values_of(bits, signed), label="a")
    anything = data.draw(st.integers(-(2 ** 80), 2 ** 80), label="anything")
    x = kind(a)
    assert -x == reference_wrap(-a, bits, signed) and type(-x) is kind
    assert ~x == reference_wrap(-a - 1, bits, signed) and type(~x) is kind
    assert +x is x
    assert kind(anything) == reference_wrap(anything, bits, signed)
    for other, _, _ in TYPES:
        assert kind(other(anything)) == reference_wrap(reference_wrap(anything, other.BITS,
                                                                      other.SIGNED), bits, signed)


@pytest.mark.parametrize("kind,bits,signed", TYPES, ids=TYPE_IDS)
@given(data=st.data())
@settings(max_examples=40, deadline=None)
def test_comparisons(kind, bits, signed, data):
    a = data.draw(values_of(bits, signed), label="a")
    b = data.draw(values_of(bits, signed), label="b")
    x, y = kind(a), kind(b)
    for op in (operator.eq, operator.ne, operator.lt, operator.le, operator.gt, operator.ge):
        assert op(x, y) is op(a, b)
        assert op(x, b) is op(a, b)
        assert op(a, y) is op(a, b)
    assert hash(x) == hash(a)


@pytest.mark.parametrize("kind,bits,signed", TYPES, ids=TYPE_IDS)
@given(data=st.data())
@settings(max_examples=30, deadline=None)
def test_formatting_is_exactly_int(kind, bits, signed, data):
    a = data.draw(values_of(bits, signed), label="a")
    x = kind(a)
    assert repr(x) == repr(a) and str(x) == str(a) and f"{x}" == f"{a}"
    for spec in ("", "d", "x", "X", "#x", "#06x", "o", "b", "#b", ">10", "<8", "^9", "+", " ",
                 ",", "_", "_x", "020_b", "*>12d", "=+8"):
        assert format(x, spec) == format(a, spec), spec
    assert "%d %x" % (x, x) == "%d %x" % (a, a)  # noqa: UP031


def test_format_examples():
    assert f"{u8(5):#06x}" == "0x0005"
    assert repr(u8(5)) == "5"
    assert str(i8(-3)) == "-3"
    assert f"{u32(255):08b}" == "11111111".rjust(8, "0")


MIXED_OPS = [operator.add, operator.sub, operator.mul, operator.floordiv, operator.mod,
             operator.pow, operator.and_, operator.or_, operator.xor,
             operator.eq, operator.ne, operator.lt, operator.le, operator.gt, operator.ge]


@pytest.mark.parametrize("left", [kind for kind, _, _ in TYPES], ids=TYPE_IDS)
def test_mixed_types_raise(left):
    for right, _, _ in TYPES:
        if right is left:
            continue
        for op in MIXED_OPS:
            with pytest.raises(TypeError, match=f"mixed integer types {left.__name__} and "
                                                f"{right.__name__}"):
                op(left(1), right(1))
    for op in MIXED_OPS:
        with pytest.raises(TypeError, match=f"mixed integer types {left.__name__} and bool"):
            op(left(1), True)


def test_shift_count_may_be_any_integer_type():
    assert u8(1) << u64(3) == 8
    assert i64(-16) >> u8(2) == -4
    assert u64(1) << i8(63) == 2 ** 63
    with pytest.raises(TypeError):
        u8(1) << True


def test_shift_edge_cases():
    assert u8(0xFF) << 8 == 0
    assert u8(0xFF) >> 8 == 0
    assert i8(-128) >> 8 == -1 and i8(-128) >> 1000 == -1
    assert i8(127) >> 8 == 0
    assert i8(1) << 7 == -128
    assert u64(1) << (10 ** 100) == 0
    assert i64(-1) >> (10 ** 100) == -1
    for count in (-1, i8(-1), i64(-5)):
        with pytest.raises(ValueError, match="negative shift count"):
            u8(1) << count
        with pytest.raises(ValueError, match="negative shift count"):
            u8(1) >> count
    with pytest.raises(ValueError, match="negative shift count"):
        1 << i8(-1)


def test_floor_division_and_modulo_signs():
    assert i8(-128) // i8(-1) == -128
    assert i8(-128) % i8(-1) == 0
    assert i8(-7) // 2 == -4 and i8(-7) % 2 == 1
    assert i8(7) // -2 == -4 and i8(7) % -2 == -1
    assert i32(-7) % i32(-2) == -1
    assert u8(7) // 2 == 3 and u8(7) % 2 == 1
    assert divmod(i16(-7), 2) == (-4, 1)
    with pytest.raises(ZeroDivisionError):
        u8(1) // 0
    with pytest.raises(ZeroDivisionError):
        i8(1) % i8(0)
    with pytest.raises(ZeroDivisionError):
        5 // u8(0)


def test_true_division_rejected():
    with pytest.raises(TypeError, match="true division is not supported; use //"):
        u8(4) / u8(2)
    with pytest.raises(TypeError, match="true division is not supported; use //"):
        4 / u8(2)
    with pytest.raises(TypeError, match="true division is not supported; use //"):
        u8(4) / 2


def test_power_rules():
    with pytest.raises(ValueError):
        u8(2) ** -1
    with pytest.raises(ValueError):
        2 ** i8(-1)
    assert u64(3) ** (10 ** 12) == pow(3, 10 ** 12, 2 ** 64)
    assert i8(2) ** 7 == -128
    assert u8(0) ** 0 == 1


def test_construction():
    assert u8(True) == 1 and u8(False) == 0 and type(u8(True)) is u8
    assert u8(300) == 44 and i8(200) == -56 and u32(-1) == 2 ** 32 - 1
    assert u8() == 0
    with pytest.raises(TypeError):
        u8(1.5)
    with pytest.raises(TypeError):
        u8("1")


def test_non_integer_operands_are_not_accepted():
    with pytest.raises(TypeError):
        u8(1) + "a"
    with pytest.raises(TypeError):
        u8(1) + 1.5
    with pytest.raises(TypeError):
        divmod(u8(1), 1.5)
    assert (u8(1) == "a") is False
    assert (u8(1) == None) is False


def test_inplace_operators_keep_the_type():
    x = u8(250)
    x += 10
    assert x == 4 and type(x) is u8
    x <<= 7
    assert x == 0
    y = i16(1)
    y -= 2
    assert y == -1 and type(y) is i16


def test_int_behaviour_is_kept():
    assert int(u8(5)) == 5 and type(int(u8(5))) is int
    assert [10, 20, 30][u8(1)] == 20
    assert list(range(u8(3))) == [0, 1, 2]
    assert bool(u8(0)) is False and bool(i8(-1)) is True
    assert {u8(5): "a"}[5] == "a"
