# error: 9:5: on_irq1 -> push -> list.append allocates in interrupt context (an interr
# target: freestanding
from pythos.lang import InterruptFrame, Ptr, interrupt, u8

KEYS: list[u8] = []


def push(code: u8) -> None:
    KEYS.append(code)


@interrupt
def on_irq1(frame: Ptr[InterruptFrame]) -> None:
    push(u8(1))
