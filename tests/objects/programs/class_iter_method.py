"""__iter__ returning an iterator makes an instance usable in for,
list(), sum() and comprehensions."""
from collections.abc import Iterator


class Playlist:
    def __init__(self) -> None:
        self.songs: list[str] = []

    def add(self, song: str) -> "Playlist":
        self.songs.append(song)
        return self

    def __iter__(self) -> Iterator[str]:
        return iter(self.songs)


def main() -> None:
    p = Playlist()
    p.add("intro").add("verse").add("chorus")
    for s in p:
        print(s)
    print(list(p), [len(s) for s in p], sum(len(s) for s in p))


if __name__ == "__main__":
    main()
