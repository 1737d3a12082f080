# error: 7:13: on_irq12 -> pending -> a list literal allocates in interrupt context (an
# target: freestanding
from pythos.lang import InterruptFrame, Ptr, interrupt


def pending() -> int:
    codes = [1, 2, 3]
    return len(codes)


@interrupt
def on_irq12(frame: Ptr[InterruptFrame]) -> None:
    pending()
