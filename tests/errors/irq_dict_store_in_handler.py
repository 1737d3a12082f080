# error: 10:5: on_irq0 -> 'COUNTS' touches a reference count in interrupt context (an
# target: freestanding
from pythos.lang import InterruptFrame, Ptr, interrupt

COUNTS: dict[str, int] = {}


@interrupt
def on_irq0(frame: Ptr[InterruptFrame]) -> None:
    COUNTS["timer"] = 1
