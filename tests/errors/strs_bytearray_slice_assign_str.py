# error: 4:15: a bytearray slice of a str needs an encoding; write s.encode()
def main() -> None:
    buf = bytearray(4)
    buf[1:] = "HI"
    print(bytes(buf))


if __name__ == "__main__":
    main()
