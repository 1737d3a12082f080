"""A Caesar cipher over letters, built character by character."""


def shift(s: str, k: int) -> str:
    lower = "abcdefghijklmnopqrstuvwxyz"
    out = ""
    for ch in s:
        i = lower.find(ch.lower())
        if i < 0:
            out += ch
            continue
        c = lower[(i + k) % 26]
        out += c.upper() if ch != ch.lower() else c
    return out


def main() -> None:
    msg = "Hello, World! Ça va?"
    enc = shift(msg, 3)
    print(enc)
    print(shift(enc, -3), shift(enc, 23) == msg)


if __name__ == "__main__":
    main()
