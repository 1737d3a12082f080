# error: 5:14: a tuple is sliced with constant bounds (the result's type depends on them)
def main() -> None:
    t = (1, "a", True)
    n = len("xy")
    print(t[:n])
