"""Recursive functions over lists: permutations and subsets."""


def perms(xs: list[int]) -> list[list[int]]:
    if len(xs) <= 1:
        return [xs[:]]
    out: list[list[int]] = []
    for i in range(len(xs)):
        for p in perms(xs[:i] + xs[i + 1:]):
            out.append([xs[i]] + p)
    return out


def subsets(xs: list[str]) -> list[list[str]]:
    if not xs:
        return [[]]
    rest = subsets(xs[1:])
    return rest + [[xs[0]] + s for s in rest]


def main() -> None:
    print(perms([1, 2, 3]), len(perms([1, 2, 3, 4, 5])))
    print(subsets(["a", "b", "c"]))


if __name__ == "__main__":
    main()
