from pythos.lang import u32, i64


def show_range_1(n: int) -> None:
    print("range", n, ":", end="")
    for i in range(n):
        print("", i, end="")
    print()


def main() -> None:
    show_range_1(5)
    show_range_1(0)
    show_range_1(-3)
    for i in range(3, 8):
        print(i, end=" ")
    print()
    for i in range(8, 3):
        print("never", i)
    for i in range(0, 20, 4):
        print(i, end=" ")
    print()
    for i in range(10, 0, -3):
        print(i, end=" ")
    print()
    for i in range(-5, -15, -2):
        print(i, end=" ")
    print()
    for i in range(5, 5, -1):
        print("never", i)
    for i in range(-3, 4, 1):
        print(i * i, end=",")
    print()
    # variable bounds and step
    start = 100
    stop = 1
    step = -17
    n = 0
    for i in range(start, stop, step):
        n += i
    print("sum", n)
    # loop variable after loop keeps the last value
    last = -1
    for j in range(7):
        last = j
    print("last", last)
    # a range whose bound is computed from a typed value
    lim = u32(6)
    acc = u32(0)
    for i in range(int(lim)):
        acc += u32(i) * lim
    print("acc", acc)
    # big i64 bounds
    big = i64(1) << 40
    cnt = 0
    for i in range(int(big), int(big) + 3):
        cnt += 1
    print("cnt", cnt)
    # modifying the loop variable does not affect iteration
    for i in range(3):
        print("before", i, end=" ")
        i += 10
        print("after", i)


if __name__ == "__main__":
    main()
