# error: 4:8: the starred name would get items of different types of the tuple, and a list needs one item type
def main() -> None:
    row = ("ann", 90, "ok")
    a, *rest = row
    print(a, rest)


if __name__ == "__main__":
    main()
