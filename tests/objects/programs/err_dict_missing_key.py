"""A missing dict key stops the program with KeyError."""


def main() -> None:
    ages = {"ann": 31, "bob": 25}
    for name in ["ann", "bob"]:
        print(name, ages[name])
    print(ages["cy"])
    print("not reached")


if __name__ == "__main__":
    main()
