# error: 8:15: argument 1 to "len" has incompatible type "list[str] | None"
def words(s: str) -> list[str] | None:
    return s.split() if s else None


def main() -> None:
    ws = words("a b")
    print(len(ws))
