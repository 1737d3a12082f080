# error: 8:16: the extra arguments are a "tuple[i64, ...]", but *words takes "tuple[str, ...]"
def join(*words: str) -> str:
    return " ".join(words)


def main() -> None:
    nums = [1, 2]
    print(join(*nums))


main()
