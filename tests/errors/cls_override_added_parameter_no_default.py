# error: 8:5: signature of "log" incompatible with supertype "Logger": it takes 2 parame
class Logger:
    def log(self, msg: str) -> str:
        return msg


class Prefixed(Logger):
    def log(self, msg: str, prefix: str) -> str:
        return prefix + msg


def main() -> None:
    lg: Logger = Prefixed()
    print(lg.log("hi"))


if __name__ == "__main__":
    main()
