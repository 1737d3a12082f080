# error: 4:27: the default has type "str", the items "i64"
def main() -> None:
    xs = [1, 2]
    print(min(xs, default="none"))
