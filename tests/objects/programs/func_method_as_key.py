"""Bound methods and str methods as key functions."""


class Ranker:
    def __init__(self, order: str) -> None:
        self.order = order

    def rank(self, ch: str) -> int:
        i = self.order.find(ch)
        return i if i >= 0 else len(self.order)


def main() -> None:
    r = Ranker("zyx")
    print(sorted("xyzabc", key=r.rank))
    print(sorted(["B", "a", "C"], key=lambda s: s.lower()), sorted(["B", "a", "C"]))


if __name__ == "__main__":
    main()
