"""iter() and next() by hand: a header line taken with next(), the rest
of the lines with a for loop over the same iterator."""


def main() -> None:
    lines = iter(["name,qty", "tea,3", "jam,2"])
    header = next(lines)
    print(header.upper())
    total = 0
    for line in lines:
        qty = int(line[line.find(",") + 1:])
        total += qty
        print(line[:line.find(",")], qty)
    print(total)
    letters = iter("añb")
    print(next(letters), [c for c in letters])


if __name__ == "__main__":
    main()
