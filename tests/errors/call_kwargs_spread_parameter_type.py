# error: 8:20: **d may give repeat()'s parameter 'times' a "str", and it takes "i64"
def repeat(text: str = "x", times: int = 1) -> str:
    return text * times


def main() -> None:
    d = {"text": "ab"}
    print(repeat(**d))


main()
