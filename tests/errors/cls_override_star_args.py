# error: 8:5: signature of "log" incompatible with supertype "Logger": a method with *args or **kwargs overrides one with the same parameters, of the same kinds, in the same order
class Logger:
    def log(self, *parts: str) -> int:
        return len(parts)


class Quiet(Logger):
    def log(self, first: str, second: str) -> int:
        return 0


def main() -> None:
    print(Quiet().log("a", "b"))


main()
