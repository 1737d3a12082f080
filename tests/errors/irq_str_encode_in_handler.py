# error: 7:16: on_irq1 -> key_length -> str.encode allocates in interrupt context
# target: freestanding
from pythos.lang import InterruptFrame, Ptr, interrupt


def key_length() -> int:
    return len("é".encode())


@interrupt
def on_irq1(frame: Ptr[InterruptFrame]) -> None:
    key_length()
