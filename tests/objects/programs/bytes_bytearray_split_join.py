"""bytearray's split, rsplit and join: the pieces are bytearrays (a
change to one leaves the others alone), join takes bytes or bytearrays
from a list, a tuple or a generator, and bytes.join takes bytearrays
too.  An empty separator is CPython's ValueError."""


def main() -> None:
    line = bytearray(b"  alpha beta\tgamma  ")
    words = line.split()
    print(words, len(words))
    words[0][0] = 65
    words[1].append(33)
    print(words, line)
    print(bytearray(b"a,b,,c").split(b","))
    print(bytearray(b"a,b,,c").split(b",", 1))
    print(bytearray(b"a,b,,c").rsplit(b",", 2))
    print(bytearray(b"one two three").rsplit(maxsplit=1))
    print(bytearray(b"").split(), bytearray(b"").split(b"x"))
    try:
        bytearray(b"abc").split(b"")
    except ValueError as e:
        print("ValueError:", e)
    sep = bytearray(b", ")
    joined = sep.join([b"x", b"y", b"z"])
    print(joined)
    print(sep.join(words), bytearray().join(()), sep.join([bytearray(b"solo")]))
    print(b"-".join(words), b"+".join(w for w in words if len(w) > 4))
    print(bytearray(b"/").join(bytes([c]) for c in [97, 98, 99]))
    pieces = bytearray(b"k=v;x=y").split(b";")
    pairs = [p.split(b"=") for p in pieces]
    print(pairs)


if __name__ == "__main__":
    main()
