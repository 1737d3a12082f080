# error: 6:5: __del__ is not supported: Pythos collects reference cycles, and a finali
class File:
    def __init__(self, name: str) -> None:
        self.name = name

    def __del__(self) -> None:
        print("closing", self.name)


def main() -> None:
    File("a")


if __name__ == "__main__":
    main()
