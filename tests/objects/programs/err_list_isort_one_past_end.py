"""An insertion sort whose inner index starts one too high (`j = i`, not
`i - 1`): the last `a[j + 1] = x` writes one past the end, which the
bounds pass must not prove away (IndexError)."""


def bad_sort(a: list[int]) -> None:
    for i in range(1, len(a)):
        x = a[i]
        j = i
        while j >= 0 and a[j] > x:
            a[j + 1] = a[j]
            j -= 1
        print("insert", x, "at", j + 1)
        a[j + 1] = x


def main() -> None:
    a = [int(2), int(1), int(3)]
    bad_sort(a)
    print(a)


if __name__ == "__main__":
    main()
