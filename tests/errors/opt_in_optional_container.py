# error: 6:16: unsupported right operand type for in ("set[i64] | None")
def main() -> None:
    seen: set[int] | None = None
    if len("x") == 1:
        seen = {1}
    print(3 in seen)
