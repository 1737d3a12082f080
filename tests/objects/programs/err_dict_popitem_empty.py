def drain(d: dict[str, int]) -> int:
    total = 0
    for _ in range(len(d) + 1):
        k, v = d.popitem()
        print(k, v)
        total += v
    return total


def main() -> None:
    print(drain({"a": 1, "b": 2}))


if __name__ == "__main__":
    main()
