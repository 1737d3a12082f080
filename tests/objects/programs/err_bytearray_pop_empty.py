"""pop() of a bytearray emptied by another name for it: IndexError."""


def main() -> None:
    ba = bytearray(b"\xff")
    alias = ba
    print(alias.pop())
    try:
        ba.pop(5)
    except IndexError as e:
        print("caught:", e)
    ba.pop()


if __name__ == "__main__":
    main()
