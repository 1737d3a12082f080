"""try/except/else/finally: clauses in order, tuples, `as`, else and finally."""


class AppError(Exception):
    pass


class ParseError(AppError):
    pass


class Overflow(AppError):
    pass


def parse(text: str) -> int:
    if text == "":
        raise ParseError("empty input")
    if len(text) > 4:
        raise Overflow(f"too long: {len(text)} chars")
    return int(text)


def describe(text: str) -> str:
    try:
        value = parse(text)
    except ParseError as e:
        return f"parse error: {e}"
    except (Overflow, KeyError) as e:
        return f"overflow or key: {e!r}"
    except ValueError as e:
        return f"value error: {e}"
    else:
        return f"value {value}"
    finally:
        print("  (finally for", repr(text) + ")")


def main() -> None:
    for text in ["12", "", "123456", "x1", "-7"]:
        print(describe(text))
    try:
        parse("")
    except AppError as e:
        print("caught as AppError:", isinstance(e, ParseError), e)
    try:
        parse("y")
    except Exception as e:
        print("caught as Exception:", e)
    try:
        raise RuntimeError
    except RuntimeError as e:
        print("bare class:", repr(e), str(e) == "")
    try:
        raise ValueError("a", 1, True)
    except ValueError as e:
        print("several args:", e, repr(e))
    try:
        raise KeyError("k")
    except LookupError as e:
        print("key error str and repr:", e, repr(e))


if __name__ == "__main__":
    main()
