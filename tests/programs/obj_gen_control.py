"""Generators with control flow around their yields: continue, break and
a for-else in nested loops, a tokenizer that builds a str across
yields, slices yielded from a range loop, and a state machine driven by
send() that returns how many commands it took."""
from collections.abc import Iterator, Generator


def grid(n: int) -> Iterator[tuple[int, int]]:
    for i in range(n):
        if i == 1:
            continue
        for j in range(i, n):
            if j == 3:
                break
            yield (i, j)
        else:
            yield (i, -1)
    yield (-1, -1)


def tokens(text: str) -> Iterator[str]:
    word = ""
    for c in text:
        if c.isalnum():
            word += c
            continue
        if word:
            yield word
            word = ""
        if c != " ":
            yield c
    if word:
        yield word


def windows(xs: list[int], k: int) -> Iterator[list[int]]:
    for i in range(len(xs) - k + 1):
        yield xs[i:i + k]


def state_machine() -> Generator[str, str, int]:
    count = 0
    mode = "idle"
    while mode != "stop":
        cmd = yield mode
        count += 1
        if cmd == "go":
            mode = "run"
        elif cmd == "halt":
            mode = "stop"
        else:
            mode = "idle"
    return count


def main() -> None:
    print(list(grid(5)))
    print(list(tokens("x = foo(1, bar2) + 3;")))
    print(list(windows([1, 2, 3, 4, 5], 3)))
    sm = state_machine()
    print(next(sm), sm.send("go"), sm.send("wait"), sm.send("go"))
    print(sm.send("go"))
    print(next(state_machine()))


if __name__ == "__main__":
    main()
