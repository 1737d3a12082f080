"""zip over three sequences of different lengths stops at the shortest;
tuples of three unpack in for."""


def main() -> None:
    names = ["ann", "bob", "cy", "dee"]
    ages = [31, 25, 40]
    towns = ["oslo", "rome", "lima", "bern", "kiev"]
    for n, a, t in zip(names, ages, towns):
        print(f"{n:<4}{a:>3} {t}")
    rows = list(zip(towns, names, ages))
    print(rows, len(rows))


if __name__ == "__main__":
    main()
