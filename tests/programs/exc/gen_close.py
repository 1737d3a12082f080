"""close(): finally blocks run; a generator that yields on close is a RuntimeError."""
from collections.abc import Generator


def lines(name: str) -> Generator[str, None, None]:
    print("open", name)
    try:
        for i in range(3):
            yield f"{name}:{i}"
    finally:
        print("close", name)


def stubborn() -> Generator[int, None, None]:
    for _ in range(2):
        try:
            yield 1
        except GeneratorExit:
            print("ignoring GeneratorExit")


def rethrows() -> Generator[int, None, None]:
    try:
        yield 1
    except GeneratorExit:
        print("saw GeneratorExit, raising it again")
        raise


def complains() -> Generator[int, None, None]:
    try:
        yield 1
    except GeneratorExit:
        raise ValueError("cannot close now")


def returns() -> Generator[int, None, int]:
    try:
        yield 1
    except GeneratorExit:
        print("returning instead")
        return 5
    return 0


def dropped_at_return() -> None:
    f = lines("a")
    print(next(f))
    print("returning")


def closed_twice() -> None:
    gen = lines("b")
    print(next(gen), next(gen))
    gen.close()
    gen.close()
    print(list(gen))
    never = lines("c")
    never.close()
    print(list(never))


def ignored() -> None:
    s = stubborn()
    next(s)
    try:
        s.close()
    except RuntimeError as e:
        print("RuntimeError:", e)
    print("s is dropped now: it ignores GeneratorExit once more, then ends")


def ended_quietly() -> None:
    r = rethrows()
    next(r)
    r.close()
    t = returns()
    next(t)
    t.close()
    c = complains()
    next(c)
    try:
        c.close()
    except ValueError as e:
        print("close raised:", e)


def main() -> None:
    dropped_at_return()
    closed_twice()
    ignored()
    ended_quietly()
    for line in lines("d"):
        print(line)
        if line.endswith("1"):
            break
    print("end of main")


if __name__ == "__main__":
    main()
