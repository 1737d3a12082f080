# error: 6:38: exceptions must derive from BaseException; raise ... from got str
def main() -> None:
    try:
        print(1)
    except ValueError:
        raise RuntimeError("x") from "why"
