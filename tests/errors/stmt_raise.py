# error: 4:9: 'raise' is not supported; use panic(message)
def check(n: int) -> None:
    if n < 0:
        raise ValueError("negative")


def main() -> None:
    check(3)


if __name__ == "__main__":
    main()
