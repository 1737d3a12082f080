"""`global` rebinding a module-level list and dict to new objects."""

HISTORY: list[int] = []
INDEX: dict[str, int] = {}


def record(x: int) -> None:
    global HISTORY
    HISTORY = HISTORY + [x]


def reset() -> None:
    global INDEX
    INDEX = {"fresh": len(HISTORY)}


def main() -> None:
    old = HISTORY
    record(1)
    record(2)
    print(HISTORY, old, old is HISTORY)
    INDEX["a"] = 1
    reset()
    print(INDEX)


if __name__ == "__main__":
    main()
