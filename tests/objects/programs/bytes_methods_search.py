"""bytes methods with their optional arguments, on ASCII and on bytes
0x80 and above (UTF-8 of non-ASCII text): strip, split, join, find,
index, count, replace, case, the is...() tests, hex, fromhex, bytes()."""


def main() -> None:
    text = "  na\u00efve caf\u00e9, \u00fcber  ".encode()
    print(text.strip(), text.lstrip(), text.rstrip(), b"xxhixx".strip(b"x"),
          b"\xff\xfeab\xff".strip(b"\xff"), b"abc".strip(None))
    print(text.split(), text.split(b","), text.rsplit(None, 1), text.split(b"\xc3", 1),
          b"a,b,,c".split(b","), b"a,b,,c".rsplit(b",", 1), b"".split(), b"".split(b","))
    print(text.find(b"caf"), text.rfind(b"\xc3"), text.find(b"\xc3", 5, 9), text.find(b"q"),
          text.count(b"\xc3"), text.count(b""), text.index(b"\xa9"), text.rindex(b" "))
    print(text.startswith(b"  na"), text.endswith(b"  "), text.startswith(b"na", 2),
          text.endswith(b"ve", 0, 8), text.startswith(b""), b"ab".startswith(b"abc"))
    print(text.replace(b"\xc3\xa9", b"e"), text.replace(b" ", b"", 2), b"abc".replace(b"", b"-"),
          b"aaa".replace(b"a", b"bb", 0), b"aaaa".replace(b"aa", b"X"))
    print(text.upper(), b"MiXeD \xc3\x89".lower(), text.hex(), b"".hex())
    print(b"123".isdigit(), b"12a".isdigit(), b"abC".isalpha(), b"\xc3\xa9".isalpha(),
          b" \t\n\x0b\x0c\r".isspace(), b"".isspace(), b"".isalpha())
    print(b"-".join([b"a", text.strip(), b"c"]), b"".join([]), b"+".join((b"p", b"q")),
          b", ".join(text.split()))
    print(bytes.fromhex("de ad BE ef"), bytes.fromhex(""), bytes(3), bytes([65, 66, 255]),
          bytes((1, 2)), bytes(), bytes(text) == text, bytes(0))
    print(text.decode(), bytes.fromhex(text.hex()) == text)
    for call in ("index", "fromhex", "ints", "zeros", "split"):
        try:
            if call == "index":
                print(text.index(b"zzz"))
            elif call == "fromhex":
                print(bytes.fromhex("01 0g"))
            elif call == "ints":
                print(bytes([1, 256]))
            elif call == "zeros":
                print(bytes(-1))
            else:
                print(text.split(b""))
        except ValueError as e:
            print(call, "ValueError", e)


if __name__ == "__main__":
    main()
