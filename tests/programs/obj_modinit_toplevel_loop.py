"""A loop at module level runs once at start-up (it was rejected before)."""
total = 0

for i in range(3):
    total += i


def main() -> None:
    print(total)


if __name__ == "__main__":
    main()
