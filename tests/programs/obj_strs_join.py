"""str.join over a list, a tuple, a str, a dict (its keys), reversed()
and a list comprehension, with non-ASCII separators and pieces."""


def main() -> None:
    words = ["zéro", "un", "deux", "trois"]
    print("-".join(words), "".join(words), " ⇒ ".join(words), "|".join([]))
    print(", ".join(("α", "β", "γ")), "+".join(("solo",)), ".".join("abc"), "-".join(""))
    print(repr("".join(())), repr("-".join([])), "|".join(["", ""]))
    ages = {"ann": 7, "bob": 9, "çé": 3}
    print(",".join(ages), ";".join(ages.keys()), "/".join(reversed(words)))
    print(" ".join([w.upper() for w in words if len(w) > 2]))
    print("".join([str(i) for i in range(10)]), "\n".join(["a", "b"]))
    lines: list[str] = []
    for i in range(3):
        lines.append("row " + str(i))
    text = "\n".join(lines)
    print(text, len(text), text.split("\n") == lines)
    sep = "ü"
    print(sep.join(sep.join(["x", "y"]).split(sep)))


if __name__ == "__main__":
    main()
