# error: 2:26: name 'LATER' is not defined here: its initialiser (line 3) has not run yet
FIRST: list[int] = [0] + LATER
LATER: list[int] = [2]


def main() -> None:
    print(FIRST, LATER)


if __name__ == "__main__":
    main()
