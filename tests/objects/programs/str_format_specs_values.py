"""Format specs in f-string values: widths on non-ASCII text, fill and
alignment, signs, zero padding, thousands separators, hex and binary."""


def main() -> None:
    rows = [("naïve", 3), ("日本", -42), ("x", 1234567)]
    lines = [f"{name:<8}|{n:>10,}|{n:+d}|{n:08d}" for name, n in rows]
    for line in lines:
        print(line)
    v = 255
    s = f"{v:x} {v:X} {v:#x} {v:b} {v:o} {v:^9} {'é':*^7}"
    print(s, len(s))


if __name__ == "__main__":
    main()
