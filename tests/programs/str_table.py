from typing import Final

from pythos.lang import u8, u32

SEP: Final = "+--------+-------+------+"
HEADER: Final = "name"


def row(name: str, value: u32, ok: bool) -> None:
    flag = "yes" if ok else "no"
    print(f"|{name:<8}|{value:>7}|{flag:^6}|")


def centered(text: str, width: int) -> None:
    # pad manually using chr(32) one character at a time
    pad = width - len(text)
    left = pad // 2
    for i in range(left):
        print(chr(32), end="")
    print(text, end="")
    for i in range(pad - left):
        print(chr(46), end="")
    print("|")


def main() -> None:
    print(SEP)
    print(f"|{HEADER:^8}|{'value':^7}|{'ok':^6}|")
    print(SEP)
    row("alpha", u32(1), True)
    row("beta", u32(22), False)
    row("gamma", u32(333), True)
    row("delta", u32(4444444), False)
    row("", u32(0), True)
    print(SEP)
    centered("x", 9)
    centered("abcd", 9)
    centered("abcdefghi", 9)
    centered("", 4)
    # a printable ASCII chart from bytes values
    for r in range(2, 8):
        print(f"{r * 16:3}:", end=" ")
        for c in range(16):
            v = u8(r * 16 + c)
            if v == 127:
                print(".", end="")
            else:
                print(chr(v), end="")
        print()


if __name__ == "__main__":
    main()
