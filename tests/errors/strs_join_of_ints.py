# error: 4:20: argument "iterable" to "str.join" has incompatible type "list[i64]"; expected "Iterable[str]"
def main() -> None:
    xs: list[int] = [1, 2]
    print(",".join(xs))


if __name__ == "__main__":
    main()
