"""str() and repr() of ints, bools, None and containers."""


def main() -> None:
    print(str(5), str(-5), str(True), str(None), repr(5), repr("5"))
    print(str([1, 2]), repr(["a", "b"]), str({"k": "v"}), str((1, "x")), repr({3}))
    print(len(str([1, 2, 3])), str("already") == "already")


if __name__ == "__main__":
    main()
