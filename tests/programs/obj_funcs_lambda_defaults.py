"""Lambdas with default parameters: the defaults are evaluated where the
lambda is made, and each lambda made keeps its own (`lambda x, i=i: x + i`
in a loop).  mypy --strict cannot infer these lambdas' types, so the
program is here and not in the object corpus."""

from typing import Callable


def make_adders() -> list[Callable[[int], int]]:
    out: list[Callable[[int], int]] = []
    for i in range(3):
        out.append(lambda x, i=i: x + i)
    return out


def tagger(names: list[str]) -> list[Callable[[], str]]:
    fs: list[Callable[[], str]] = []
    for n in names:
        fs.append(lambda n=n: n.upper() + "!")
    return fs


def main() -> None:
    print([f(10) for f in make_adders()])
    print([f() for f in tagger(["a", "bc", "déf"])])
    scale = 3
    g: Callable[[int], int] = lambda v, s=scale * 2: v * s
    scale = 100
    print(g(5), scale)
    h: Callable[[int, int], int] = lambda a, b=7: a - b
    print(h(1, 2))
    words = ["pear", "fig", "apple"]
    print(sorted(words, key=lambda w, k=-1: k * len(w)))


if __name__ == "__main__":
    main()
