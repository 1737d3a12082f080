# error: 3:12: this function returns None; it cannot return a value
def log(x: int) -> None:
    return x


def main() -> None:
    log(1)


if __name__ == "__main__":
    main()
