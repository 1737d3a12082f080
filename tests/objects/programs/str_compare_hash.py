"""Comparison is by code point; equal strings hash alike."""


def main() -> None:
    words = ["zebra", "Zebra", "apple", "Äpfel", "äpfel", "apple pie", "app", ""]
    print(sorted(words))
    print("a" < "b", "B" < "a", "abc" < "abd", "ab" < "abc", "é" > "z", "" < "a")
    a = "pyth" + "os"
    print(a == "pythos", a is not None, hash(a) == hash("pythos"), max(words), min(words))


if __name__ == "__main__":
    main()
