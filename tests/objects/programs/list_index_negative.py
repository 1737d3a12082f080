"""Negative indexes for reading, writing and pop."""


def main() -> None:
    xs = ["a", "b", "c", "d"]
    print(xs[-1], xs[-4], xs[-2])
    xs[-1] = "z"
    xs[-4] += "!"
    print(xs, xs.pop(-3), xs)
    print(xs[len(xs) - 1] == xs[-1])


if __name__ == "__main__":
    main()
