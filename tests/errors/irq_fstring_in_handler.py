# error: 9:12: on_timer -> label -> an f-string allocates a str in interrupt context (an
# target: freestanding
from pythos.lang import InterruptFrame, Ptr, interrupt, u64

TICKS: list[u64] = [u64(0)]


def label(n: u64) -> str:
    return f"tick {n}"


@interrupt
def on_timer(frame: Ptr[InterruptFrame]) -> None:
    label(u64(1))
