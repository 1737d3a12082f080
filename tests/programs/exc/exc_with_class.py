"""A class used in a with block: __exit__ runs on the way out of an exception too."""


class Transaction:
    def __init__(self, name: str) -> None:
        self.name = name
        self.log: list[str] = []

    def __enter__(self) -> "Transaction":
        self.log.append("begin " + self.name)
        return self

    def __exit__(self, *exc: object) -> None:
        self.log.append("end " + self.name)


def work(t: Transaction, fail: bool) -> None:
    with t as tx:
        tx.log.append("work")
        if fail:
            raise RuntimeError("failed in " + tx.name)
    t.log.append("after")


def main() -> None:
    t = Transaction("a")
    work(t, False)
    try:
        work(t, True)
    except RuntimeError as e:
        t.log.append(str(e))
    print(t.log)


main()
