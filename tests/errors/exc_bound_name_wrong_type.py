# error: 6:13: 'e' has type KeyError, cannot assign
def main() -> None:
    try:
        print({"a": 1}["b"])
    except KeyError as e:
        e = ValueError("x")
        print(e)
