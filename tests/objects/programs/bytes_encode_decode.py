"""UTF-8 encode and decode: byte lengths versus code point lengths."""


def main() -> None:
    for s in ["abc", "é", "€", "😀", "naïve café", ""]:
        b = s.encode()
        print(repr(s), len(s), len(b), [int(x) for x in b], b.decode() == s)
    round_trip = "日本語".encode().decode()
    print(round_trip, len(round_trip))


if __name__ == "__main__":
    main()
