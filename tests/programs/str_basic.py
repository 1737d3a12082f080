from typing import Final

from pythos.lang import u8, u32

OS_NAME: Final = "Pythos"
VERSION: Final[str] = "0.1"
EMPTY: Final = ""
BANNER: Final = "== boot =="


def greet(name: str, times: int) -> None:
    for i in range(times):
        print("hello,", name)


def pick(n: int) -> str:
    if n == 0:
        return "zero"
    elif n == 1:
        return "one"
    elif n == 2:
        return "two"
    return "many"


def same(a: str, b: str) -> bool:
    return a == b


def main() -> None:
    print(BANNER)
    print(OS_NAME, VERSION)
    print("name length", len(OS_NAME), "empty length", len(EMPTY), "version length", len(VERSION))
    greet(OS_NAME, 2)
    greet("kernel", 1)
    for n in range(4):
        w = pick(n)
        print(n, w, len(w))
    print("eq", same("abc", "abc"), same("abc", "abd"), same("", EMPTY), same(OS_NAME, "Pythos"))
    print("eq2", "a" == "a", "ab" == "a", pick(3) == "many", pick(1) == pick(1), pick(0) == pick(2))
    s = "local string"
    t = s
    print(t, len(t), t == s)
    print('single quotes', "and \"escaped\" quotes", 'it\'s')
    print("tab\tseparated", "back\\slash")
    print("multi", "args", "joined", sep="-")
    print("no newline", end="")
    print(" <- continued", end="!\n")
    label = "yes" if len(OS_NAME) > 3 else "no"
    print("long name?", label)
    # chr of integer values builds one-character strings for printing
    for c in range(65, 75):
        print(chr(c), end="")
    print()
    for c in range(10):
        print(chr(48 + c), end=" ")
    print()
    b = u8(122)
    print(chr(b), chr(u32(0x41)), chr(126), f"[{chr(32)}]", f"{chr(b - 25)}{chr(b - 24)}")


if __name__ == "__main__":
    main()
