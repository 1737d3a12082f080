"""A bytearray where a bytes method takes bytes (typeshed's
ReadableBuffer): the search methods, startswith and endswith, replace,
split and the strips, on bytes and on bytearrays, with the argument a
bytearray that is changed between calls."""


def main() -> None:
    data = b"key=value; key=other"
    probe = bytearray(b"key")
    print(data.find(probe), data.rfind(probe), data.count(probe), data.index(probe, 1))
    print(data.startswith(probe), data.endswith(bytearray(b"other")))
    probe[0] = ord("v")
    print(data.find(probe), data.count(probe))
    sep = bytearray(b"; ")
    print(data.split(sep), data.rsplit(bytearray(b"="), 1))
    print(data.replace(bytearray(b"key"), bytearray(b"K")))
    print(b"xxhixx".strip(bytearray(b"x")), b"--a--".lstrip(bytearray(b"-")))
    ba = bytearray(data)
    print(ba.find(sep), ba.split(sep), ba.replace(sep, b"|"), ba.startswith(ba[:3]))
    print(ba.rstrip(bytearray(b"ehrot")), ba.count(bytearray()))
    try:
        ba.index(bytearray(b"absent"))
    except ValueError as e:
        print("ValueError:", e)


if __name__ == "__main__":
    main()
