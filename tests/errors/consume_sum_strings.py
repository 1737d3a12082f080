# error: 4:15: sum() can't sum strings [use ''.join(seq) instead]
def main() -> None:
    words = ["a", "b"]
    print(sum(words, ""))
