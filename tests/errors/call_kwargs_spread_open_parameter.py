# error: 8:18: **d would give show()'s parameter 'text', which has no default: not supported (pass 'text' explicitly)
def show(text: str, **extra: str) -> str:
    return text + str(extra)


def main() -> None:
    d = {"text": "a", "end": "!"}
    print(show(**d))


main()
