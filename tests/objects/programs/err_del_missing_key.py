"""del of a missing key: KeyError with the key's repr."""


def main() -> None:
    d = {"k": 1, "é": 2}
    del d["é"]
    print(d)
    del d["é"]


if __name__ == "__main__":
    main()
