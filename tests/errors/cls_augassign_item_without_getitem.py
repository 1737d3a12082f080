# error: 16:5: value of type "Sink" is not indexable (it has no __getitem__)
class Sink:
    def __init__(self) -> None:
        self.last = 0

    def __setitem__(self, i: int, v: int) -> None:
        self.last = v


def main() -> None:
    s = Sink()
    s[0] = 1
    print(s.last)
    s[0] = 2
    print(s.last)
    s[0] += 1


if __name__ == "__main__":
    main()
