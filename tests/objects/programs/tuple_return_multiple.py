"""Functions returning tuples of mixed types: divmod by hand, parse."""


def div_mod(a: int, b: int) -> tuple[int, int]:
    return a // b, a % b


def parse_kv(s: str) -> tuple[str, int, bool]:
    k, _, v = s.partition("=")
    ok = v.isdigit()
    return k.strip(), int(v) if ok else 0, ok


def main() -> None:
    for a, b in [(7, 2), (-7, 2), (7, -2), (-7, -2)]:
        q, r = div_mod(a, b)
        print(a, b, q, r)
    print(parse_kv("x = 42"), parse_kv("y=z"), parse_kv("n=7")[1] + 1)


if __name__ == "__main__":
    main()
