"""iter() and next() by hand over a list, a str and a dict."""


def main() -> None:
    it = iter([10, 20, 30])
    print(next(it), next(it))
    rest = list(it)
    print(rest, list(it))
    chars = iter("añb")
    print(next(chars), next(chars), next(chars))
    keys = iter({"x": 1, "y": 2})
    print(next(keys), next(keys))


if __name__ == "__main__":
    main()
