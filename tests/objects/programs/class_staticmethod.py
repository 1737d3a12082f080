"""@staticmethod: called through the class and through an instance."""


class Temperature:
    def __init__(self, celsius: int) -> None:
        self.celsius = celsius

    @staticmethod
    def from_fahrenheit(f: int) -> "Temperature":
        return Temperature((f - 32) * 5 // 9)

    @staticmethod
    def clamp(x: int, lo: int, hi: int) -> int:
        return max(lo, min(x, hi))

    def fahrenheit(self) -> int:
        return self.celsius * 9 // 5 + 32


def main() -> None:
    t = Temperature.from_fahrenheit(212)
    print(t.celsius, t.fahrenheit())
    print(Temperature.clamp(150, 0, 100), t.clamp(-5, 0, 100))


if __name__ == "__main__":
    main()
