# error: 4:5: unsupported target for indexed assignment ("str"): strings are immutable
def main() -> None:
    s = "hello"
    s[0] = "j"


if __name__ == "__main__":
    main()
