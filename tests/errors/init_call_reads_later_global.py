# error: 7:8: size reads 'TABLE', but its initialiser (line 8) has not run yet
def size() -> int:
    return len(TABLE)



SIZE = size()
TABLE: list[int] = [1, 2]


def main() -> None:
    print(SIZE, TABLE)


if __name__ == "__main__":
    main()
