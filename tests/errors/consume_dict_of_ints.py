# error: 4:14: dict() takes a dict or pairs (key, value), got items of type "i64"
def main() -> None:
    xs = [1, 2]
    d = dict(xs)
    print(d)
