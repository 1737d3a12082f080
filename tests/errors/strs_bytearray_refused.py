# error: 3:11: bytearray is not compiled yet (issue 11)
def main() -> None:
    buf = bytearray(4)
    buf[0] = 72
    print(bytes(buf))


if __name__ == "__main__":
    main()
