from pythos.lang import u8


def main() -> None:
    xs = [4, -2, 9, 0, 9, -7]
    print(min(xs), max(xs), sum(xs), sum(xs, 100))
    print(sorted(xs), sorted(xs, reverse=True), xs)
    copy = list(xs)
    copy.append(1)
    print(copy, xs)
    empty: list[int] = list()
    print(empty, sum(empty))
    print(min(3, 1, 2), max(3, 1, 2), min(5, 5))
    bs = [u8(200), u8(100)]
    print(sum(bs), max(bs))
    words = sorted(["b", "c", "a"])
    print(words)


if __name__ == "__main__":
    main()
