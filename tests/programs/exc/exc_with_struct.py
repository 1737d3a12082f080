"""A with block's __exit__ runs when an exception leaves the block."""
from pythos.lang import struct, u32


@struct
class Guard:
    depth: u32

    def __enter__(self) -> u32:
        self.depth += 1
        print("enter", self.depth)
        return self.depth

    def __exit__(self, *exc: object) -> None:
        print("exit", self.depth)
        self.depth -= 1


guard = Guard()


def risky(n: int) -> int:
    with guard as level:
        if n > 1:
            raise ValueError(f"too big at level {level}")
        return n


def main() -> None:
    print(risky(1))
    try:
        risky(5)
    except ValueError as e:
        print("caught:", e)
    print("depth now", guard.depth)
    for n in [0, 3, 1]:
        try:
            with guard:
                print("checked", risky(n))
            print("after the block", n)
        except ValueError as e:
            print("loop caught:", e)
    print("depth at the end", guard.depth)


main()
