"""Functions receive references: mutating a parameter changes the
caller's object; rebinding the parameter does not."""


def grow(xs: list[int]) -> None:
    xs.append(len(xs))


def rebind(xs: list[int]) -> None:
    xs = [99]
    xs.append(100)


def fill(d: dict[str, int], keys: list[str]) -> dict[str, int]:
    for k in keys:
        d[k] = len(k)
    return d


def main() -> None:
    xs = [0]
    grow(xs)
    grow(xs)
    rebind(xs)
    print(xs)
    d: dict[str, int] = {}
    r = fill(d, ["ab", "c"])
    print(d, r is d)


if __name__ == "__main__":
    main()
