# error: 4:16: list item 0 has incompatible type "str"; expected "i64"
def main() -> None:
    xs = [1, 2]
    xs.extend(["3"])
    print(xs)
