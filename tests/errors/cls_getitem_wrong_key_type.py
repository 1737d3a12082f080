# error: 12:13: invalid index type "str" for "Table"; expected type "i64"
class Table:
    def __init__(self) -> None:
        self.rows = ["a", "b"]

    def __getitem__(self, i: int) -> str:
        return self.rows[i]


def main() -> None:
    t = Table()
    print(t["0"])
