"""A bool in an f-string prints True/False with no spec, but CPython
formats it as the integer 0 or 1 under any non-empty spec, even one that
changes nothing (`{b:-}`)."""


def show(b: bool) -> None:
    print(f"[{b}] [{b:}] [{b:-}] [{b:+}] [{b: }] [{b:d}]")
    print(f"[{b:<3}] [{b:>3}] [{b:^5}] [{b:=4}] [{b:*<4}] [{b:_>4}] [{b:+=5}]")
    print(f"[{b:x}] [{b:#x}] [{b:#X}] [{b:o}] [{b:#o}] [{b:b}] [{b:#b}] [{b:08b}]")
    print(f"[{b:03}] [{b:,}] [{b:_}] [{b:-3}] [{b: 3}] [{b:+03}] [{b:#06x}]")
    print(b, f"{b}", f"{b:6}")


def main() -> None:
    show(True)
    show(False)


if __name__ == "__main__":
    main()
