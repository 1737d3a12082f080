"""Indexing and slicing by code point, negative and out-of-range bounds."""


def main() -> None:
    s = "añb€c😀d"
    print(len(s), s[1], s[3], s[5], s[-1], s[-2])
    print(s[1:4], s[-3:], s[:100], s[100:], s[-100:2], s[::2], s[::-1], s[5:1:-2])
    for i in range(len(s)):
        print(i, s[i], s[i:i + 2])


if __name__ == "__main__":
    main()
