"""Without __eq__, == is identity, and instances hash by identity: two
equal-looking objects are two dict keys."""


class Token:
    def __init__(self, text: str) -> None:
        self.text = text


def main() -> None:
    a = Token("x")
    b = Token("x")
    print(a == a, a == b, a != b)
    d = {a: 1, b: 2}
    print(len(d), d[a], d[b])
    s = {a, a, b}
    print(len(s), a in s, Token("x") in s)


if __name__ == "__main__":
    main()
