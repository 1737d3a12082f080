"""Iterator objects: iter() of a list, tuple, str, dict, dict.keys(),
dict.values() and set, resumed by next() and by for loops (which go on
where next() stopped), a class whose __iter__ returns iter(self.items),
iterators kept in a list, an exhausted iterator that stays exhausted,
and the StopIteration report of next() past the end."""
from collections.abc import Iterator


class Playlist:
    def __init__(self) -> None:
        self.songs: list[str] = []

    def add(self, song: str) -> "Playlist":
        self.songs.append(song)
        return self

    def __iter__(self) -> Iterator[str]:
        return iter(self.songs)


def firsts(its: list[Iterator[int]]) -> list[int]:
    return [next(it) for it in its]


def main() -> None:
    it = iter([10, 20, 30])
    print(next(it), next(it))
    for rest in it:
        print("rest", rest)
    for again in it:
        print("never", again)
    chars = iter("añb")
    print(next(chars), next(chars), next(chars))
    d = {"x": 1, "y": 2}
    keys = iter(d)
    print(next(keys), next(keys))
    vals = iter(d.values())
    print(next(vals))
    ks = iter(d.keys())
    print([k + "!" for k in ks])
    t = iter((7, 8, 9))
    print(next(t), [x * 2 for x in t])
    s = iter({5})
    print(next(s))
    p = Playlist()
    p.add("intro").add("verse").add("chorus")
    for song in p:
        print(song)
    print([len(song) for song in p], {len(song) for song in p if song != "verse"})
    its = [iter([1, 2]), iter([3]), iter(range_list(4))]
    print(firsts(its), firsts(its[:1]))
    same = iter(it)
    for x in same:
        print("never", x)
    words = iter([f"w{i}" for i in range(3)])
    print(next(words))
    for n, w in enumerate(words):
        print(n, w)
    empty = iter(["only"])
    print(next(empty))
    print(next(empty))


def range_list(n: int) -> list[int]:
    return [i * i for i in range(n)]


if __name__ == "__main__":
    main()
