"""Wrapping words to a width, and justifying lines."""


def wrap(text: str, width: int) -> list[str]:
    lines: list[str] = []
    cur = ""
    for w in text.split():
        if cur and len(cur) + 1 + len(w) > width:
            lines.append(cur)
            cur = w
        else:
            cur = cur + " " + w if cur else w
    if cur:
        lines.append(cur)
    return lines


def main() -> None:
    text = "Pythos compiles ordinary typed Python into native code that boots on bare metal, naïvely fast."
    for line in wrap(text, 24):
        print("|" + line.ljust(24) + "|")
    for line in wrap(text, 10):
        print(line.center(12, "."))


if __name__ == "__main__":
    main()
