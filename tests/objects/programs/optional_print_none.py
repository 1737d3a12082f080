"""None itself printed, formatted and converted: a value the checker knows
is None prints as CPython prints it."""


def main() -> None:
    x: str | None = None
    print(None, x, f"[{x}]", str(None), repr(x))


if __name__ == "__main__":
    main()
