# error: 10:16: class KeyEvent inherits from dataclass Event; make it a @dataclass too
from dataclasses import dataclass


@dataclass
class Event:
    at: int


class KeyEvent(Event):
    def key(self) -> str:
        return "a"


def main() -> None:
    print(KeyEvent(1).key())
