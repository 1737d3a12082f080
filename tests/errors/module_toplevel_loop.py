# error: 4:1: only definitions, imports and global variables may appear at module level
total = 0

for i in range(3):
    total += i


def main() -> None:
    print(total)


if __name__ == "__main__":
    main()
