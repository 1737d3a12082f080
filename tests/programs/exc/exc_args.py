"""e.args: the constructor's arguments as a tuple[object, ...], as CPython
keeps them: built-in classes with several, one and no arguments, the
errors the runtime raises (IndexError, KeyError of a str and of an int
key, ValueError of int()), raised lazily and bound with `as`, user classes
calling super().__init__(...) and ones that do not, iterated and compared."""

class ParseError(ValueError):
    def __init__(self, line: int, text: str) -> None:
        super().__init__(f"line {line}: {text}")
        self.line = line


class Plain(Exception):
    pass


class Coded(Exception):
    def __init__(self, code: int) -> None:
        self.code = code


def main() -> None:
    e = ValueError("x", 3)
    print(e.args, e.args == ("x", 3), repr(e), str(e), len(e.args))
    print(ValueError().args, ValueError().args == (), repr(ValueError()))
    k = KeyError("k")
    print(k.args, repr(k), str(k))
    try:
        print([1][5])
    except IndexError as err:
        print(err.args, repr(err))
    try:
        d: dict[str, int] = {}
        print(d["missing"])
    except KeyError as err:
        print(err.args, repr(err), str(err), err.args[0] == "missing")
    try:
        di: dict[int, int] = {}
        print(di[42])
    except KeyError as err:
        print(err.args, repr(err), err.args == (42,))
    try:
        raise ValueError("bad value")
    except ValueError as err:
        print(err.args, repr(err))
    try:
        raise ValueError
    except ValueError as err:
        print(err.args, repr(err))
    p = ParseError(3, "oops")
    print(p.args, repr(p), p.line)
    print(Plain(1, "two", False).args, repr(Plain(True)))
    c = Coded(7)
    print(c.args, repr(c), c.code)
    try:
        int("x")
    except ValueError as err:
        print(err.args)
    for arg in ValueError(1, 2, 3).args:
        print(arg)
    args: tuple[object, ...] = RuntimeError("r").args
    print(args, "r" in args)


if __name__ == "__main__":
    main()
