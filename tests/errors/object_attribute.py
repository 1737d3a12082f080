# error: 3:11: "object" has no attribute "real"; narrow 'x' with isinstance() first (to a class, int, str, bool or bytes)
def show(x: object) -> None:
    print(x.real)


def main() -> None:
    show(3)


if __name__ == "__main__":
    main()
