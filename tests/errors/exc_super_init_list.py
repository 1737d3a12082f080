# error: 4:26: an exception's argument is kept as text; a list[i64] has no text
class Batch(Exception):
    def __init__(self, ids: list[int]) -> None:
        super().__init__(ids)
        self.ids = ids


def main() -> None:
    raise Batch([1, 2])
