"""An override may add parameters with defaults and widen a parameter."""


class Logger:
    def log(self, msg: str) -> str:
        return msg


class Prefixed(Logger):
    def log(self, msg: str, prefix: str = "> ") -> str:
        return prefix + msg


class Loud(Prefixed):
    def log(self, msg: str, prefix: str = ">> ", times: int = 2) -> str:
        return (super().log(msg, prefix) + " ") * times


def main() -> None:
    loggers: list[Logger] = [Logger(), Prefixed(), Loud()]
    for lg in loggers:
        print(repr(lg.log("hi")))
    print(Loud().log("x", "# ", 3))


if __name__ == "__main__":
    main()
