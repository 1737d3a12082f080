# error: 4:5: "frozenset[i64]" has no attribute "add"
def main() -> None:
    fs = frozenset([1, 2])
    fs.add(3)
    print(fs)


if __name__ == "__main__":
    main()
