"""An object that refers to itself, and a ring of three."""
import gc


class Loop:
    def __init__(self) -> None:
        self.me: Loop | None = None


def work() -> None:
    a = Loop()
    a.me = a
    print(a.me is a)
    ring = [Loop(), Loop(), Loop()]
    for i in range(3):
        ring[i].me = ring[(i + 1) % 3]
    print(ring[2].me is ring[0])


def main() -> None:
    for _ in range(3):
        work()
        print(gc.collect() >= 0)


if __name__ == "__main__":
    main()
