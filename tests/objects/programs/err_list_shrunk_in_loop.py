"""A loop shaped like an insertion sort, but its body shortens the list
(`pop`): the relation `j + 1 <= i < len(a)` it established no longer
holds, so `a[j + 1] = a[j]` must still be checked (IndexError)."""


def shift(a: list[int]) -> None:
    for i in range(1, len(a)):
        x = a[i]
        j = i - 1
        while j >= 0 and a[j] > x:
            if j == 2:
                print("pop", a.pop())
            a[j + 1] = a[j]
            j -= 1
        a[j + 1] = x
        print(a)


def main() -> None:
    shift([int(5), int(6), int(7), int(1)])


if __name__ == "__main__":
    main()
