"""An exception through five frames: each frame's finally runs, innermost first."""


class Trail:
    def __init__(self) -> None:
        self.events: list[str] = []

    def note(self, what: str) -> None:
        self.events.append(what)


def level(trail: Trail, n: int) -> int:
    try:
        if n == 0:
            raise ValueError("bottom reached")
        return level(trail, n - 1) + 1
    finally:
        trail.note(f"cleanup {n}")


def main() -> None:
    trail = Trail()
    try:
        level(trail, 4)
    except ValueError as e:
        trail.note(f"caught: {e}")
    print("\n".join(trail.events))
    names = ["a", "b"]
    scores: dict[str, int] = {"a": 1}
    for n in names:
        try:
            print(n, scores[n])
        except KeyError as e:
            print("missing", e)
    try:
        print(names[7])
    except IndexError as e:
        print("index:", e)
    try:
        int("12x")
    except ValueError as e:
        print("int:", e)


if __name__ == "__main__":
    main()
