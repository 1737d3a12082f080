# error: 4:11: bytearray.split() is not compiled yet (issue 11)
def main() -> None:
    buf = bytearray(b"a b")
    print(buf.split())


if __name__ == "__main__":
    main()
