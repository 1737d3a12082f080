# error: 6:15: "ValueError" has no attribute "__cause__"; Pythos keeps an exception's cause, context and traceback for the report only
def main() -> None:
    try:
        int("x")
    except ValueError as e:
        print(e.__cause__)
