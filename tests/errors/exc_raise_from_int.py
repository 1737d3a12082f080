# error: 5:36: exceptions must derive from BaseException; raise ... from got i64
def main() -> None:
    n = 5
    try:
        raise ValueError("x") from n
    except ValueError:
        pass
