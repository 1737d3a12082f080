"""Printing values that may be None, alone and inside containers."""


def parse(s: str) -> int | None:
    if s.isdigit():
        return int(s)
    return None


def main() -> None:
    vals = [parse(s) for s in ["12", "x", "7", ""]]
    print(vals)
    for v in vals:
        print(v, v is None)
    pair: tuple[int | None, str] = (None, "z")
    print(pair, str(vals[1]), f"{vals[0]}|{vals[1]}")


if __name__ == "__main__":
    main()
