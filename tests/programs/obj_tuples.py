def divmod_pair(a: int, b: int) -> tuple[int, int]:
    return (a // b, a % b)


def describe(name: str, age: int) -> tuple[str, int, bool]:
    return name, age, age >= 18


def main() -> None:
    t = (1, 2, 3)
    print(t, len(t), t[0], t[-1])
    q, r = divmod_pair(17, 5)
    print(q, r)
    person = describe("ada", 36)
    name, age, adult = person
    print(name, age, adult, person)
    print(person[0], person[1])
    pairs = [(1, "one"), (2, "two")]
    for p in pairs:
        n, word = p
        print(n, word)
    print(pairs)
    print((1, 2) == (1, 2), (1, 2) < (1, 3), (2, 0) > (1, 9), (1, 2) != (1, 2), (1, 0) <= (1, 0))
    print(2 in t, 5 in t, 5 not in t)
    empty: tuple[()] = ()
    print(empty, len(empty))
    if t:
        print("t is true")
    nested = ((1, 2), [3, 4])
    print(nested)
    a, b = 1, 2
    a, b = b, a
    print(a, b)
    x, y = t[0], t[2]
    print(x, y)


if __name__ == "__main__":
    main()
