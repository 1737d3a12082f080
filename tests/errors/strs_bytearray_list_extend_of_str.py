# error: 4:16: bytearray.extend() takes bytes, a bytearray, or a list or tuple of integers
def main() -> None:
    buf = bytearray()
    buf.extend(["a"])
    print(buf)


if __name__ == "__main__":
    main()
