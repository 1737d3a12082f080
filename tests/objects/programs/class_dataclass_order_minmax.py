"""min, max and comparisons of @dataclass(order=True) instances, among
several arguments and over a list; the first of equal items is kept."""
from dataclasses import dataclass


@dataclass(order=True)
class Score:
    points: int
    player: str
    bonus: bool = False


def main() -> None:
    scores = [Score(10, "ann"), Score(12, "bob"), Score(10, "al"), Score(12, "bob", True)]
    print(min(scores), max(scores))
    print(max(Score(3, "x"), Score(3, "x", True), Score(2, "z")))
    print(sorted(scores)[1:3])
    a = Score(5, "eve")
    b = Score(5, "eve")
    print(a < b, a <= b, a > b, a >= b, a == b, a is b)
    ranked = sorted(scores, reverse=True)
    print([s.player for s in ranked])


if __name__ == "__main__":
    main()
