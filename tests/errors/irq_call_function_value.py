# error: 22:5: on_timer -> calling the function value 'HOOK' runs a function the compiler cannot
# target: freestanding
"""A call through a function value in code an interrupt handler reaches:
the compiler cannot follow it to the function that runs, so it cannot
check that function for heap work."""
from collections.abc import Callable

from pythos.lang import InterruptFrame, Ptr, interrupt


def tick(n: int) -> int:
    return n + 1


HOOK: Callable[[int], int] = tick
COUNT = 0


@interrupt
def on_timer(frame: Ptr[InterruptFrame]) -> None:
    global COUNT
    HOOK(COUNT)
    COUNT += 1
