# error: 4:12: bytearray is mutable
def main() -> None:
    buf = bytearray(b"k")
    seen = {buf: 1}
    print(seen)


if __name__ == "__main__":
    main()
