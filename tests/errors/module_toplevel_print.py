# error: 2:1: only definitions, imports and global variables may appear at module level
print("hello from import time")


def main() -> None:
    print(1)


if __name__ == "__main__":
    main()
