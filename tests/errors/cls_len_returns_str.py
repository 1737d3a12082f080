# error: 3:26: __len__ must return i64 (Python's __len__ protocol), not str
class Bag:
    def __len__(self) -> str:
        return "none"


def main() -> None:
    print(len(Bag()))


if __name__ == "__main__":
    main()
