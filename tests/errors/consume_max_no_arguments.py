# error: 4:11: max expected at least 1 argument, got 0
def main() -> None:
    xs = [1]
    print(max(default=xs[0]))
