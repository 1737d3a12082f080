"""min and max of several arguments with key=: a builtin key, lambdas, a
function that prints (each key computed once, in order, after every
argument), ties keeping the first argument, instances by a field."""
from dataclasses import dataclass


@dataclass
class P:
    name: str
    age: int


def noisy(w: str) -> int:
    print("key", w)
    return len(w) % 3


def arg(w: str) -> str:
    print("arg", w)
    return w


def main() -> None:
    print(min("apple", "fig", "banana", key=len), max("apple", "fig", "banana", key=len))
    print(max(3, -7, 5, key=lambda v: v * v), min(3, -7, 5, -3, key=lambda v: v * v))
    words = ["aa", "b", "cc"]
    print(max(words[0], words[1], words[2], key=lambda w: -len(w)))
    people = [P("ann", 30), P("bob", 25)]
    print(min(people[0], people[1], key=lambda p: p.age).name)
    print(max(P("x", 1), P("y", 1), key=lambda p: p.age))
    print(min("b", "a", key=str), max(P("q", 3), P("r", 9), key=lambda p: p.name))
    print(min(arg("abc"), arg("de"), arg("f"), key=noisy))
    print(max(arg("abc"), arg("xyz"), key=noisy))


if __name__ == "__main__":
    main()
