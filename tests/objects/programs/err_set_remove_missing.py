"""set.remove of an absent element: KeyError (discard would not fail)."""


def main() -> None:
    s = {1, 2}
    s.discard(5)
    s.remove(2)
    print(sorted(s))
    s.remove(2)


if __name__ == "__main__":
    main()
