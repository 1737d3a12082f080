# error: 4:21: argument "iterable" to "str.join" has incompatible type "list[i64]"; expected
def main() -> None:
    nums = [1, 2, 3]
    print(", ".join(nums))
