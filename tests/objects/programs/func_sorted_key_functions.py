"""sorted, min, max and list.sort with key= given by named functions,
lambdas, len and str."""


def last_char(s: str) -> str:
    return s[-1]


def main() -> None:
    words = ["kiwi", "apple", "fig", "banana", "cherry", "date"]
    print(sorted(words, key=last_char))
    print(sorted(words, key=len), sorted(words, key=len, reverse=True))
    print(min(words, key=last_char), max(words, key=lambda w: w.count("a")))
    nums = [5, 30, 200, 1000, 4]
    nums.sort(key=str)
    print(nums)


if __name__ == "__main__":
    main()
