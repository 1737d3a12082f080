# error: 9:11: unsupported operand types for + ("int" and "Coin"): sum() adds each item to the total, which starts at 0
class Coin:
    def __init__(self, cents: int) -> None:
        self.cents = cents


def main() -> None:
    coins = [Coin(5), Coin(10)]
    print(sum(c for c in coins))
