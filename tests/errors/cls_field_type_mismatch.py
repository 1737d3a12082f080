# error: 4:29: expected i64, got str
class Account:
    def __init__(self) -> None:
        self.balance: int = "zero"


def main() -> None:
    print(Account().balance)


if __name__ == "__main__":
    main()
