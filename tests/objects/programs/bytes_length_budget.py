"""Truncating text to a byte budget without splitting a character."""


def truncate(s: str, budget: int) -> str:
    out = ""
    used = 0
    for ch in s:
        n = len(ch.encode())
        if used + n > budget:
            break
        out += ch
        used += n
    return out


def main() -> None:
    s = "añ€😀z"
    for budget in range(0, 12):
        t = truncate(s, budget)
        print(budget, t, len(t.encode()))


if __name__ == "__main__":
    main()
