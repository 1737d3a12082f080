"""Tuples whose items are all atoms (integers, bools, str, bytes, None)
cannot be part of a cycle, so the collector never tracks them; cycles
through objects that hold such tuples are still found and freed."""
import gc


class Entry:
    def __init__(self, key: tuple[str, int], note: tuple[bytes, str | None]) -> None:
        self.key = key
        self.note = note
        self.peer: Entry | None = None
        self.keys: list[tuple[int, str]] = []


def ranked(counts: dict[str, int]) -> list[tuple[str, int]]:
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def make_ring(n: int) -> None:
    """A ring of entries whose fields hold atom tuples, dropped on return."""
    first = Entry(("a", 1), (b"x", None))
    last = first
    for i in range(n):
        e = Entry((str(i), i), (bytes([65 + i % 26]), "n" + str(i)))
        e.keys.append((-i, str(i)))
        last.peer = e
        last = e
    last.peer = first
    print(last.key, last.note, last.keys, first.peer.key if first.peer else None)


def main() -> None:
    counts: dict[str, int] = {}
    for i in range(5000):
        word = "w" + str(i * 7919 % 613)
        counts[word] = counts.get(word, 0) + 1
    top = ranked(counts)
    print(len(top), top[:3], top[-2:])
    words: tuple[str, ...] = tuple([w for w, _ in top[:4]])
    print(words, words + ("",), words[1:3])
    maybe: list[tuple[str | None, bool]] = [(w if i % 2 else None, n > 8) for i, (w, n) in enumerate(top[-5:])]
    print(maybe)
    make_ring(2000)
    print(gc.collect() > 0)
    # Nested: a tuple holding a tuple of atoms, as a dict key and sorted.
    nested = {(("b", 2), "y"): 1, (("a", 2), "z"): 2, (("a", 1), "z"): 3}
    print(sorted(nested), sorted(nested.items(), key=lambda kv: (kv[1], kv[0][1])))
    edge = (-(2 ** 63), 2 ** 63 - 1, "", b"", None, True)
    same = (-(2 ** 63), 2 ** 63 - 1, "", b"", None, True)
    print(edge, edge[:3] < (-(2 ** 63), 2 ** 63 - 1, "a"), edge == same,
          hash(edge[:2]) == hash((-(2 ** 63), 2 ** 63 - 1)))


if __name__ == "__main__":
    main()
