# error: 3:12: list item 0 has type "i64", but the items before it have type "str"; a list
def main() -> None:
    row = [1, "two", 3]
    print(row)
