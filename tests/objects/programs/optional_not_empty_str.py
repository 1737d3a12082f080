"""`if not s:` on a `str | None` catches both None and ""."""


def shout(s: str | None) -> str:
    if not s:
        return "(nothing)"
    return s.upper() + "!"


def main() -> None:
    for s in ["hey", "", None, "ünï"]:
        print(shout(s))


if __name__ == "__main__":
    main()
