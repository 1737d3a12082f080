"""Assigning a T to a `T | None` variable makes it a T until it is
assigned again."""


class Conn:
    def __init__(self, name: str) -> None:
        self.name = name
        self.sent = 0

    def send(self, n: int) -> None:
        self.sent += n


def main() -> None:
    conn: Conn | None = None
    print(conn is None)
    conn = Conn("tcp")
    conn.send(3)
    conn.send(4)
    print(conn.name, conn.sent)
    keep = conn
    conn = None
    print(conn is None, keep.sent)


if __name__ == "__main__":
    main()
