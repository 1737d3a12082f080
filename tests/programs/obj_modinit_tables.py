"""Globals built by code at start-up: a table filled by a loop, a Final
dict, computed values, an object, and `global` rebinding of each kind."""
from typing import Final

OPCODES: dict[str, int] = {}
for code, name in enumerate(["nop", "push", "pop", "add", "jmp"]):
    OPCODES[name] = code * 2 + 1
OPCODES["halt"] = len(OPCODES)
NAMES: dict[int, str] = {}
for name, code in OPCODES.items():
    NAMES[code] = name
PRECEDENCE: Final = {"+": 1, "-": 1, "*": 2}
UNITS: Final = ("B", "KiB", "MiB")
LIMIT = 4 * 1024
HALF = LIMIT // 2
GREETING = "hello" + ", " + "world"
PARTS = [GREETING[:5], GREETING[7:]]
HISTORY: list[str] = []
if LIMIT > 1000:
    HISTORY.append("big limit")
else:
    HISTORY.append("small limit")
COUNT = 0
while COUNT < 3:
    COUNT += 1


class Counter:
    def __init__(self, start: int) -> None:
        self.value = start

    def bump(self) -> int:
        self.value += 1
        return self.value


COUNTER = Counter(COUNT)
FIRST_ID = COUNTER.bump()
LABEL = "id-" + str(FIRST_ID)


def record(event: str) -> None:
    global HISTORY, LABEL
    HISTORY = HISTORY + [event]
    LABEL = LABEL + "/" + event


def reset_counter() -> None:
    global COUNTER
    COUNTER = Counter(100)


def main() -> None:
    print(OPCODES, NAMES[7])
    print(PRECEDENCE["*"], UNITS[1], HALF, PARTS)
    old = HISTORY
    record("boot")
    record("mount")
    print(HISTORY, old, old is HISTORY, LABEL)
    print(COUNT, FIRST_ID, COUNTER.bump())
    reset_counter()
    print(COUNTER.bump(), COUNTER.value)


if __name__ == "__main__":
    main()
