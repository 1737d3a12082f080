# error: 10:15: on_tick -> count -> OverflowError() allocates an exception in interrupt context
# target: freestanding
from pythos.lang import InterruptFrame, Ptr, interrupt, u64

ticks = u64(0)


def count() -> None:
    if ticks > 1000:
        raise OverflowError("too many ticks")


@interrupt
def on_tick(frame: Ptr[InterruptFrame]) -> None:
    global ticks
    ticks += 1
    count()
