# error: 4:5: unsupported target for indexed assignment ("tuple[i64, ...]"): tuples are immutable
def main() -> None:
    t: tuple[int, ...] = (1, 2)
    t[0] = 3
    print(t)


if __name__ == "__main__":
    main()
