# error: 4:5: slice assignment to a bytearray is not compiled yet (issue 11)
def main() -> None:
    buf = bytearray(4)
    buf[0:2] = b"HI"
    print(bytes(buf))


if __name__ == "__main__":
    main()
