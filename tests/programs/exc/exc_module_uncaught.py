"""An exception in module-level code: the traceback's frame is <module>."""


def settings(text: str) -> dict[str, int]:
    out: dict[str, int] = {}
    for part in text.split(","):
        key, _, value = part.partition("=")
        out[key] = int(value)
    return out


print("loading")
GOOD = settings("a=1,b=2")
print(GOOD)
BAD = settings("a=1,b=two")


def main() -> None:
    print("never reached", BAD)


if __name__ == "__main__":
    main()
