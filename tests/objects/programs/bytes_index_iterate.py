"""Indexing and iterating bytes gives integers; a checksum over them."""


def checksum(data: bytes) -> int:
    total = 0
    for b in data:
        total = (total * 31 + int(b)) % 65521
    return total


def main() -> None:
    data = "Grüß Gott".encode()
    print(len(data), int(data[0]), int(data[2]), int(data[-1]))
    print(checksum(data), checksum(b""), checksum(b"abc"))
    high = [i for i in range(len(data)) if int(data[i]) >= 128]
    print(high)


if __name__ == "__main__":
    main()
