"""`main()` written at module level, without the `__main__` guard: it runs
once, where CPython runs it, after the statements above it and with the
globals they built."""
NAMES: list[str] = []
for n in ("a", "b"):
    NAMES.append(n * 2)
print("before main")


def main() -> None:
    print("main sees", NAMES)


main()
