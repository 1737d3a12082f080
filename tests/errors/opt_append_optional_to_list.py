# error: 8:16: expected i64, got i64 | None
def lookup(d: dict[str, int], k: str) -> int | None:
    return d.get(k)


def main() -> None:
    out: list[int] = []
    out.append(lookup({"a": 1}, "a"))
    print(out)
