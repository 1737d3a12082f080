"""pop and insert in the middle move the other items; a Josephus circle."""


def josephus(n: int, k: int) -> list[int]:
    people = list(range(1, n + 1))
    out: list[int] = []
    i = 0
    while people:
        i = (i + k - 1) % len(people)
        out.append(people.pop(i))
    return out


def main() -> None:
    print(josephus(7, 3), josephus(1, 5), josephus(10, 1)[-1])
    xs = ["a", "b", "c", "d"]
    xs.insert(2, xs.pop(0))
    xs.insert(-1, "z")
    print(xs)


if __name__ == "__main__":
    main()
