"""`a and b` checks b knowing a is true; a conditional expression narrows
each branch."""


class Cfg:
    def __init__(self, port: int | None, host: str | None) -> None:
        self.port = port
        self.host = host


def address(c: Cfg) -> str:
    host = c.host if c.host is not None else "localhost"
    port = c.port if c.port is not None else 80
    return f"{host}:{port}"


def secure(c: Cfg) -> bool:
    return c.port is not None and c.port == 443


def main() -> None:
    for c in [Cfg(None, None), Cfg(443, "a.org"), Cfg(8080, None)]:
        print(address(c), secure(c))


if __name__ == "__main__":
    main()
