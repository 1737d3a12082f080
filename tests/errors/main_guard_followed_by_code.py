# error: 11:1: this statement follows the `if __name__ == "__main__":` block
def main() -> None:
    print("main")


if __name__ == "__main__":
    main()


# CPython would print this after main's line; Pythos would print it first.
print("after")
