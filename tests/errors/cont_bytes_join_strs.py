# error: 4:22: argument 1 to "join" of "bytes" has incompatible type "list[str]"; expected "Iterable[bytes]"
def main() -> None:
    names = ["a", "b"]
    print(b", ".join(names))


if __name__ == "__main__":
    main()
