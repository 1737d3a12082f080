"""A tuple holding objects: the tuple cannot change, the objects can."""


class Acc:
    def __init__(self) -> None:
        self.n = 0

    def __repr__(self) -> str:
        return f"Acc({self.n})"


def main() -> None:
    a = Acc()
    pair = (a, [1, 2])
    pair[0].n += 5
    pair[1].append(3)
    print(pair, a)
    same = pair
    print(same is pair, same[0] is a)


if __name__ == "__main__":
    main()
