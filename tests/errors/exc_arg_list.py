# error: 3:22: an exception's argument is kept as text; a list[i64] has no text Pythos can keep
def main() -> None:
    raise ValueError([1, 2])
