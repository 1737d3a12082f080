"""extend() with an integer that is no byte leaves the bytearray as it
was, then ValueError."""


def main() -> None:
    ba = bytearray(b"ok")
    try:
        ba.extend([1, 2, 300])
    except ValueError as e:
        print("caught:", e, ba)
    ba.append(-1)


if __name__ == "__main__":
    main()
