# error: 7:16: on_irq1 -> shout -> str.upper allocates in interrupt context (an interrupt
# target: freestanding
from pythos.lang import InterruptFrame, Ptr, interrupt


def shout() -> int:
    return len("key".upper())


@interrupt
def on_irq1(frame: Ptr[InterruptFrame]) -> None:
    shout()
