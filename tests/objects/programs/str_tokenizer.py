"""A tokenizer for arithmetic: numbers, names and operators."""


def tokenize(src: str) -> list[tuple[str, str]]:
    toks: list[tuple[str, str]] = []
    i = 0
    while i < len(src):
        ch = src[i]
        if ch.isspace():
            i += 1
        elif ch.isdigit():
            j = i
            while j < len(src) and src[j].isdigit():
                j += 1
            toks.append(("num", src[i:j]))
            i = j
        elif ch.isalpha() or ch == "_":
            j = i
            while j < len(src) and (src[j].isalpha() or src[j].isdigit() or src[j] == "_"):
                j += 1
            toks.append(("name", src[i:j]))
            i = j
        else:
            toks.append(("op", ch))
            i += 1
    return toks


def main() -> None:
    for t in tokenize("x1 = (42 + ünï_2) * 7 - y"):
        print(t)


if __name__ == "__main__":
    main()
