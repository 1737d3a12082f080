# error: 8:11: Timeout() is missing the argument 'seconds'
class Timeout(Exception):
    def __init__(self, seconds: int) -> None:
        super().__init__(f"timed out after {seconds} s")


def main() -> None:
    raise Timeout()
