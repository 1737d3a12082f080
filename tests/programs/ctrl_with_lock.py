"""with statements on a struct: __exit__ runs however the block is left."""
from pythos.lang import struct, u32


@struct
class Lock:
    held: bool
    enters: u32
    exits: u32

    def __enter__(self) -> u32:
        assert not self.held
        self.held = True
        self.enters += 1
        return self.enters

    def __exit__(self, *exc: object) -> None:
        self.held = False
        self.exits += 1


LOCK = Lock()


def early(n: u32) -> u32:
    with LOCK as count:
        if n > 3:
            return n * 2 + count
        print("inside", n, LOCK.held)
    return n


def main() -> None:
    print(early(u32(1)), early(u32(5)), LOCK.held)
    for i in range(6):
        with LOCK:
            if i == 1:
                continue
            if i == 4:
                break
            print("loop", i, LOCK.held)
    print("after", LOCK.held, LOCK.enters, LOCK.exits)
    other = Lock()
    with LOCK, other:
        print("both", LOCK.held, other.held)
    print("released", LOCK.held, other.held)


if __name__ == "__main__":
    main()
