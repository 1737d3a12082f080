"""Swapping list items with tuple assignment: bubble sort and rotate."""


def bubble(xs: list[int]) -> int:
    swaps = 0
    for i in range(len(xs)):
        for j in range(len(xs) - 1 - i):
            if xs[j] > xs[j + 1]:
                xs[j], xs[j + 1] = xs[j + 1], xs[j]
                swaps += 1
    return swaps


def main() -> None:
    xs = [5, 1, 4, 2, 8, 0]
    print(bubble(xs), xs)
    a, b, c = xs[0], xs[1], xs[2]
    xs[0], xs[1], xs[2] = c, a, b
    print(xs)


if __name__ == "__main__":
    main()
