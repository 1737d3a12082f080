"""An exception's arguments may be `object` values (issue 11): their
text, kept when the exception is made, is CPython's str() and repr()."""


def fail(why: object, code: object) -> None:
    raise ValueError(why, code)


def main() -> None:
    reasons: list[object] = ["bad", 3, None, True, b"raw"]
    for r in reasons:
        try:
            fail(r, r)
        except ValueError as e:
            print(e, repr(e))
        try:
            raise KeyError(r)
        except KeyError as e:
            print(str(e), repr(e))
        try:
            raise RuntimeError(r)
        except RuntimeError as e:
            print(f"{e}")
    raise IndexError(reasons[1])


if __name__ == "__main__":
    main()
