"""Many short-lived objects: each iteration's list, dict and instance
become garbage at once (reference counting frees them)."""


class Pair:
    def __init__(self, a: int, b: int) -> None:
        self.a = a
        self.b = b


def main() -> None:
    total = 0
    for i in range(20000):
        xs = [i, i + 1, i + 2]
        d = {"s": sum(xs)}
        p = Pair(d["s"], len(xs))
        total += p.a - p.b
    print(total)
    words: list[str] = []
    for i in range(1000):
        words = [str(i)] + words[:5]
    print(words)


if __name__ == "__main__":
    main()
