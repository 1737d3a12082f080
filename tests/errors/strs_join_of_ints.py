# error: 4:20: argument 1 to "join" of "str" has incompatible type "list[i64]"; expected "Iterable[str]"
def main() -> None:
    xs: list[int] = [1, 2]
    print(",".join(xs))


if __name__ == "__main__":
    main()
