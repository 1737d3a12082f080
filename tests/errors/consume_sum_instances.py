# error: 9:14: sum() adds integers, got items of type "Coin"
class Coin:
    def __init__(self, cents: int) -> None:
        self.cents = cents


def main() -> None:
    coins = [Coin(5), Coin(10)]
    print(sum(c for c in coins))
