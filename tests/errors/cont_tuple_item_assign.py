# error: 4:5: unsupported target for indexed assignment ("tuple[i64, i64]"): tuples ar
def main() -> None:
    pair = (1, 2)
    pair[0] = 3


if __name__ == "__main__":
    main()
