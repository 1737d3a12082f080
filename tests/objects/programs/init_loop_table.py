"""A table filled by module-level loops and item stores at import time,
with an `if` choosing an entry, then read by functions."""

KEYWORDS: dict[str, int] = {}
for i, word in enumerate(["def", "class", "return", "if"]):
    KEYWORDS[word] = i
KEYWORDS["while"] = len(KEYWORDS)
POWERS: list[int] = []
p = 1
while p < 100:
    POWERS.append(p)
    p *= 3
if len(POWERS) > 3:
    KEYWORDS["many"] = len(POWERS)
else:
    KEYWORDS["few"] = len(POWERS)


def lookup(word: str) -> int:
    return KEYWORDS.get(word, -1)


def main() -> None:
    print(KEYWORDS)
    print(POWERS, lookup("class"), lookup("lambda"))


if __name__ == "__main__":
    main()
