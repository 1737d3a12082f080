"""traceback.format_exception: a caught exception's report as a str,
the same text an uncaught one prints (compiled: the runtime's report
written into a str, pythos/rt/obj/traceback_module.py).  The file names
(CPython's are absolute) and CPython's ^^^ markers are left out here."""

import traceback


class Oops(ValueError):
    pass


def inner(n: int) -> int:
    if n > 2:
        raise Oops(f"n is {n}")
    return [1, 2][n]


def outer(n: int) -> int:
    return inner(n) + 1


def show(text: str) -> None:
    for line in text.splitlines():
        if line.strip("^~ ") == "":
            continue
        if line.startswith("  File "):
            line = "  File ..." + line[line.index(", line"):]
        print(line)


def main() -> None:
    for n in [5, 1, 7]:
        try:
            print(outer(n))
        except Exception as e:
            lines = traceback.format_exception(e)
            show("".join(lines))
    try:
        try:
            outer(9)
        except Oops:
            d: dict[str, int] = {}
            print(d["x"])
    except Exception as e:
        show("".join(traceback.format_exception(e)))
    try:
        outer(3)
    except Oops as e:
        try:
            raise RuntimeError("while handling") from e
        except RuntimeError as chained:
            show("".join(traceback.format_exception(chained)))
    # A lazily recorded error (IndexError) is made into an object when bound.
    try:
        print([1][int("4")])
    except IndexError as e:
        show("".join(traceback.format_exception(e)))
    print("done")


if __name__ == "__main__":
    main()
