"""upper and lower where the result changes length (ß, ŉ) or differs by
language-independent rules (Σ, İ)."""


def main() -> None:
    for s in ["straße", "ŉ", "ΣΑΣ", "İstanbul", "ǅ", "ﬁ", "MiXeD 123"]:
        print(s, s.upper(), s.lower(), len(s), len(s.upper()), len(s.lower()))


if __name__ == "__main__":
    main()
