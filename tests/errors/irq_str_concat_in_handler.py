# error: 9:12: on_irq1 -> describe -> '+' of str allocates in interrupt context (an interrupt
# target: freestanding
from pythos.lang import InterruptFrame, Ptr, interrupt

NAME = "kbd"


def describe() -> str:
    return NAME + "!"


@interrupt
def on_irq1(frame: Ptr[InterruptFrame]) -> None:
    describe()
