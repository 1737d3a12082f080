"""An item popped from a list and not used (`pipes.pop(0)` as a
statement), in functions whose indexes the bounds pass looks at (a list
item, an Array element): the item must still be released.  The pass
removes the pure ops nothing uses, and the cast that takes over the
popped item's reference is one of them; the leak check fails if it is
removed (docs/compiler.md, "Bounds checks")."""

from dataclasses import dataclass

from pythos.lang import Array, i64


@dataclass
class Pipe:
    x: int
    name: str


def scroll(pipes: list[Pipe], step: int) -> None:
    """Move every pipe left, drop the first once it has left the screen
    and bring in a new one behind the last (as the kernel's flappy bird
    does)."""
    for pipe in pipes:
        pipe.x -= step
    if pipes and pipes[0].x <= 0:
        pipes.pop(0)
    if not pipes:
        pipes.append(Pipe(30, "first"))
    elif pipes[len(pipes) - 1].x <= 20:
        pipes.append(Pipe(pipes[len(pipes) - 1].x + 10, f"p{len(pipes)}"))


def take(boxes: list[Pipe], a: Array[i64, 4], k: int) -> int:
    """No list index here, only an Array's."""
    boxes.pop()
    return int(a[k])


def main() -> None:
    pipes = [Pipe(10, "a"), Pipe(20, "b"), Pipe(30, "c")]
    for _ in range(25):
        scroll(pipes, 3)
    print([(p.x, p.name) for p in pipes])
    words = ["x", "y", "z"]
    while words:
        if words[-1] != "":
            words.pop()
    print(len(words))
    a = Array[i64, 4]()
    a[2] = i64(7)
    boxes = [Pipe(1, "one"), Pipe(2, "two")]
    print(take(boxes, a, 2), take(boxes, a, -1), len(boxes))


main()
