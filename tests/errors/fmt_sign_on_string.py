# error: 4:23: sign not allowed in string format specifier
def main() -> None:
    s = "text"
    print(f"value: {s:+}")


if __name__ == "__main__":
    main()
