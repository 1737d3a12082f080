"""| & - ^ and their method forms; subset, superset, disjoint."""


def main() -> None:
    a = {1, 2, 3, 4}
    b = {3, 4, 5}
    print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(b - a), sorted(a ^ b))
    print(sorted(a.union(b)), sorted(a.intersection(b)), sorted(a.difference(b)),
          sorted(a.symmetric_difference(b)))
    print({3, 4}.issubset(a), a.issuperset({1, 2}), a.isdisjoint({9}), a.isdisjoint(b))
    print({1, 2} == {2, 1}, {1} != {1, 2}, a.issubset(a), a.issuperset(b))


if __name__ == "__main__":
    main()
