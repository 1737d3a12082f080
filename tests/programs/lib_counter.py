"""Helper module for the mod_* programs: module-level state."""

from typing import Final

from pythos.lang import u8, u32, u64, Array

LIMIT: Final = 5
NAME: Final = "counter"

count = 0
total = u64(0)
events = Array[u32, 5]()
wrap = u8(250)


def hit(weight: u32) -> bool:
    global count, total
    if count >= LIMIT:
        return False
    events[count] = weight
    count += 1
    total += u64(weight)
    return True


def tick8() -> u8:
    global wrap
    wrap += 3
    return wrap


def reset() -> None:
    global count, total
    count = 0
    total = u64(0)
    for i in range(LIMIT):
        events[i] = 0


def describe() -> None:
    print(f"{NAME}: count={count} total={total}")
