def main() -> None:
    xs = [10, 20, 30]
    for i, x in enumerate(xs):
        print(i, x)
    for i, x in enumerate(xs, 1):
        print(i, x)
    for x in reversed(xs):
        print(x)
    names = ["a", "b"]
    for n, x in zip(names, xs):
        print(n, x)
    grow = [1, 2]
    for x in grow:
        if x < 4:
            grow.append(x + 2)
    print(grow)
    shrink = [1, 2, 3, 4, 5]
    for x in reversed(shrink):
        shrink.pop()
        shrink.pop()
        print(x, shrink)


if __name__ == "__main__":
    main()
