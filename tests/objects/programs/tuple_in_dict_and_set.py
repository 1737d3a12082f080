"""Tuples as dict keys and set elements, including nested ones."""


def main() -> None:
    dist: dict[tuple[str, str], int] = {("a", "b"): 5, ("b", "c"): 3}
    dist[("a", "c")] = dist[("a", "b")] + dist[("b", "c")]
    print(dist, ("c", "a") in dist)
    seen = {((0, 0), "start"), ((1, 2), "mid")}
    seen.add(((0, 0), "start"))
    print(len(seen), sorted(seen))


if __name__ == "__main__":
    main()
