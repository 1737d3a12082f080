"""ord and chr convert between characters and code points, beyond ASCII."""


def rot13(s: str) -> str:
    out = ""
    for ch in s:
        if "a" <= ch <= "z":
            out += chr((ord(ch) - ord("a") + 13) % 26 + ord("a"))
        elif "A" <= ch <= "Z":
            out += chr((ord(ch) - ord("A") + 13) % 26 + ord("A"))
        else:
            out += ch
    return out


def main() -> None:
    print([ord(c) for c in "aZ é€😀"], chr(65) + chr(233) + chr(8364) + chr(128512))
    print(rot13("Hello, Wörld!"), rot13(rot13("Pythos")))


if __name__ == "__main__":
    main()
