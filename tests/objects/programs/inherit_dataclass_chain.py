"""A dataclass subclass of a dataclass: the generated __init__ takes the
base's fields first."""
from dataclasses import dataclass


@dataclass
class Event:
    at: int
    name: str


@dataclass
class KeyEvent(Event):
    key: str
    shift: bool = False


def main() -> None:
    evs: list[Event] = [Event(1, "boot"), KeyEvent(2, "press", "a"), KeyEvent(3, "press", "b", True)]
    for e in evs:
        print(e)
        if isinstance(e, KeyEvent):
            print(" key", e.key.upper() if e.shift else e.key)
    print(KeyEvent(2, "press", "a") == evs[1])


if __name__ == "__main__":
    main()
