# error: 4:5: "bytearray" has no attribute "sort"
def main() -> None:
    buf = bytearray(b"ba")
    buf.sort()
    print(buf)


if __name__ == "__main__":
    main()
