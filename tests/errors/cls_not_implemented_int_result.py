# error: 8:20: __add__ returns NotImplemented, so its result must be an instance of a class (Pythos passes NotImplemented as a marker object where an instance goes), not "i64"
class Meter:
    def __init__(self, n: int) -> None:
        self.n = n

    def __add__(self, other: object) -> int:
        if not isinstance(other, Meter):
            return NotImplemented
        return self.n + other.n


def main() -> None:
    print(Meter(1) + Meter(2))


if __name__ == "__main__":
    main()
