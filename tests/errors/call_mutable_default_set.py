# error: 2:34: a mutable default (a set) is created once and shared by every call; use None
def tags(t: str, acc: set[str] = set()) -> int:
    acc.add(t)
    return len(acc)


def main() -> None:
    print(tags("x"))
