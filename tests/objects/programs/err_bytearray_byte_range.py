"""Storing an integer that is no byte into a bytearray: ValueError,
checked before the index (so not IndexError here)."""


def main() -> None:
    ba = bytearray(2)
    ba[1] = 255
    ba.append(0)
    ba.insert(0, 128)
    print(ba)
    ba[7] = 256


if __name__ == "__main__":
    main()
