# error: 4:19: expected i64, got str
def main() -> None:
    xs = [1, 2]
    print(sum(xs, "0"))
