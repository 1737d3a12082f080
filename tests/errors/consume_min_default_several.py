# error: 3:29: Cannot specify a default for min() with multiple positional arguments
def main() -> None:
    print(min(3, 4, default=0))
