# error: 14:5: incompatible types in augmented assignment (result of __iadd__ "i64", target "Tally")
class Tally:
    def __init__(self) -> None:
        self.n = 0

    def __iadd__(self, k: int) -> int:
        self.n += k
        return self.n


def main() -> None:
    t = Tally()
    print(t.n)
    t += 1


if __name__ == "__main__":
    main()
