"""split with and without a separator, maxsplit, rsplit; join."""


def main() -> None:
    s = "  alpha  beta\tgamma\n delta  "
    print(s.split(), s.split(" "), s.split(maxsplit=1))
    csv = "a,b,,c,"
    print(csv.split(","), csv.split(",", 2), csv.rsplit(",", 2), csv.rsplit(","))
    print("".split(","), "".split(), "x".split("x"), "abcabc".split("bc"))
    print("-".join(["a"]), "-".join([]), ", ".join(s.split()))


if __name__ == "__main__":
    main()
