# error: 6:9: this call returns nothing; it has no value to use
def log(x: int) -> None:
    print(x)

def main() -> None:
    y = log(1)
    print(y)


if __name__ == "__main__":
    main()
