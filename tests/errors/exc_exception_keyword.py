# error: 3:22: ValueError() takes no keyword arguments
def main() -> None:
    raise ValueError(msg="x")
