# error: 5:18: unknown format code 'x' for a string
def main() -> None:
    n = 5
    # !r makes the field the str repr(n), which has no hex form.
    print(f"{n!r:x}")


if __name__ == "__main__":
    main()
