# error: 4:14: dict() takes a dict or pairs (key, value), got items of type "tuple[i64, i64, i64]"
def main() -> None:
    rows = [(1, 2, 3)]
    d = dict(rows)
    print(d)
