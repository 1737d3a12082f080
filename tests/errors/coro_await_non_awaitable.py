# error: 8:15: object Box can't be used in 'await' expression
class Box:
    def __init__(self) -> None:
        self.n = 1


async def use(b: Box) -> int:
    n = await b
    return n


def main() -> None:
    use(Box()).close()


if __name__ == "__main__":
    main()
