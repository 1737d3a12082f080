"""A KeyError the runtime raises keeps the key itself as its argument:
set.pop() of an empty set, a None key, the text traceback.format_exception
gives, and the uncaught report (KeyError: 'zz')."""

import traceback


def main() -> None:
    s: set[int] = set()
    try:
        s.pop()
    except KeyError as e:
        print(e.args, repr(e), str(e))
    d: dict[str, int] = {}
    try:
        print(d["a b"])
    except KeyError as e:
        print("".join(traceback.format_exception(e)).splitlines()[-1])
    t: dict[int | None, int] = {1: 2}
    try:
        print(t[None])
    except KeyError as e:
        print(e.args, repr(e))
    print(d["zz"])


if __name__ == "__main__":
    main()
