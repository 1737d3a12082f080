# error: 4:16: can assign only bytes, buffers, or iterables of ints in range(0, 256) to a bytearray slice
def main() -> None:
    buf = bytearray(4)
    buf[0:2] = 5
    print(bytes(buf))


if __name__ == "__main__":
    main()
