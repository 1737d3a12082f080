"""A call at module level runs at import time, before main."""
print("hello from import time")


def main() -> None:
    print(1)


if __name__ == "__main__":
    main()
