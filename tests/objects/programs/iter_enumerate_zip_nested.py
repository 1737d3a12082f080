"""enumerate over zip with a nested unpacking target, and reversed()."""


def main() -> None:
    names = ["ada", "bob", "cy"]
    ages = [36, 41, 29]
    for i, (name, age) in enumerate(zip(names, ages), 1):
        print(i, name, age)
    for name in reversed(names):
        print(name.upper())
    print(list(enumerate("héllo")))


if __name__ == "__main__":
    main()
