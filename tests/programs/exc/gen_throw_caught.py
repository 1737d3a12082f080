"""throw(): caught at the yield, the generator yields again; then one that escapes."""
from collections.abc import Generator


class Retry(Exception):
    pass


def counter(limit: int) -> Generator[int, None, str]:
    n = 0
    while n < limit:
        try:
            yield n
            n += 1
        except Retry as e:
            print("retrying after", e)
        except ValueError:
            print("value error: back to 0")
            n = 0
    return "counted"


def names() -> Generator[str, None, None]:
    for name in ["ann", "bob"]:
        yield name.upper()


def main() -> None:
    c = counter(3)
    print(next(c))
    print(next(c))
    print(c.throw(Retry("r1")))
    print(c.throw(ValueError("v")))
    print(next(c), next(c))
    print(c.throw(Retry("again")))
    try:
        c.throw(Retry("last"))
    except StopIteration:
        print("stopped after the last throw")
    try:
        c.throw(KeyError("finished"))
    except KeyError as e:
        print("a finished generator raises it directly:", e)
    fresh = counter(5)
    try:
        fresh.throw(Retry("too early"))
    except Retry as e:
        print("just started:", e)
    print(list(fresh))
    n = names()
    print(next(n))
    n.throw(IndexError("escapes"))


if __name__ == "__main__":
    main()
