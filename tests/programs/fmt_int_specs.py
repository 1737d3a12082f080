from pythos.lang import u8, u16, u32, u64, i8, i32, i64


def main() -> None:
    x = i32(42)
    n = i32(-42)
    z = i32(0)
    # width and alignment
    print(f"[{x:5}] [{x:<5}] [{x:>5}] [{x:^5}] [{x:^6}] [{x:=5}]")
    print(f"[{n:5}] [{n:<5}] [{n:>5}] [{n:^5}] [{n:^6}] [{n:=6}]")
    # fill characters
    print(f"[{x:*<6}] [{x:*>6}] [{x:*^6}] [{n:*=6}] [{x:0>6}] [{n:#<7}]")
    # signs
    print(f"[{x:+}] [{n:+}] [{z:+}] [{x:-}] [{n:-}] [{x: }] [{n: }] [{z: }]")
    print(f"[{x:+6}] [{n:+6}] [{x: 6}] [{x:>+8d}] [{n:<+8d}] [{x:=+8d}]")
    # zero padding
    print(f"[{x:05}] [{n:05}] [{x:05d}] [{n:+06d}] [{z:03}] [{x:01}]")
    # radix types
    v = u32(48879)
    print(f"[{v:x}] [{v:X}] [{v:o}] [{v:b}] [{v:d}]")
    print(f"[{v:#x}] [{v:#X}] [{v:#o}] [{v:#b}]")
    print(f"[{v:#010x}] [{v:010x}] [{v:#10x}] [{v:<#10x}] [{v:^#12X}]")
    print(f"[{n:x}] [{n:#x}] [{n:#010x}] [{n:b}] [{n:o}] [{n:+#x}]")
    # grouping
    big = u64(12345678901234)
    print(f"[{big:,}] [{big:_}] [{big:,d}] [{big:_x}] [{big:_b}]")
    print(f"[{i64(-1234567):,}] [{i64(-1234567):_}] [{u8(255):_b}] [{u32(65535):#_x}] [{u32(8):_o}]")
    print(f"[{big:20,}] [{big:<20,}] [{big:^24,}] [{big:020,}] [{i32(-1234):08,}]")
    # combos
    w = u8(10)
    print(f"{w:#04x} {w:#06b} {w:+d} {w:>+4} {w: >4} {w:~^9b}")
    print(f"{u16(0xBEEF):#_X} {u16(0):#x} {u16(0):#b} {u16(0):#o} {i8(-1):#b}")
    # several fields and expressions in one f-string
    a = i32(17)
    b = i32(5)
    print(f"{a}+{b}={a + b} {a}*{b}={a * b:_} {a}//{b}={a // b} {a}%{b}={a % b} {a << 20:#x}")
    # bools print as words without a spec
    t = a > b
    print(f"{t} {a < b} {not t}")
    # literal braces
    print(f"{{}} {{{a}}} {{a}} }}{{")
    # a table of values in several bases
    for i in range(0, 260, 37):
        k = u16(i)
        print(f"{k:>4d} {k:#06x} {k:#011b} {k:>4o}")
    # extreme values
    print(f"{i64(-9223372036854775807) - 1:,} {~u64(0):#x} {~u64(0):,}")


if __name__ == "__main__":
    main()
