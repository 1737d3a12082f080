"""Strings built at run time with +, +=, * and join."""


def main() -> None:
    s = ""
    for i in range(5):
        s += str(i)
    print(s, len(s))
    line = "-" * 10
    print(line + "|" + "ab" * 3)
    parts = [str(i * i) for i in range(6)]
    print(",".join(parts), "".join(list(reversed(parts))))
    t = "x"
    t = t + t
    t = t + t
    print(t, t * 0 == "")


if __name__ == "__main__":
    main()
