"""Slices with negative and out-of-range bounds, and steps."""


def main() -> None:
    xs = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
    print(xs[-3:], xs[:-3], xs[-100:2], xs[7:100], xs[100:], xs[-1:-5])
    print(xs[::3], xs[1::2], xs[::-1], xs[::-3], xs[8:2:-2], xs[-2:-8:-1])
    print(xs[5:5], xs[6:3], xs[-100:100:4], xs[100:-100:-4])
    n = 3
    print(xs[n:-n], xs[-n:n], xs[n::n])


if __name__ == "__main__":
    main()
