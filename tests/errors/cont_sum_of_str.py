# error: 4:15: sum() adds integers, got items of type "str"
def main() -> None:
    words = ["a", "b"]
    print(sum(words))
