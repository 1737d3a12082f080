"""key= returning tuples: sort by several fields, one of them reversed
by negation."""


def main() -> None:
    people = [("ann", 31, "paris"), ("bob", 25, "oslo"), ("cy", 31, "lima"), ("dee", 25, "bern")]
    print(sorted(people, key=lambda p: (-p[1], p[0])))
    print(sorted(people, key=lambda p: (p[2][-1], p[0])))
    print(min(people, key=lambda p: (p[1], p[2])), max(people, key=lambda p: len(p[2])))


if __name__ == "__main__":
    main()
