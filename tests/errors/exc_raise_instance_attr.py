# error: 6:15: "ValueError" has no attribute "code"
def main() -> None:
    try:
        raise ValueError("x")
    except ValueError as e:
        print(e.code)
