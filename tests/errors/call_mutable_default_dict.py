# error: 2:47: a mutable default (a dict) is created once and shared by every call; use None
def remember(key: str, seen: dict[str, int] = {}) -> int:
    seen[key] = seen.get(key, 0) + 1
    return seen[key]


def main() -> None:
    print(remember("a"), remember("a"))
