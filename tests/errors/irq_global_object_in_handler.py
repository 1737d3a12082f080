# error: 19:5: on_serial -> 'BUF' touches a reference count in interrupt context (an interrupt
# target: freestanding
from pythos.lang import InterruptFrame, Ptr, interrupt, u8


class Buffer:
    def __init__(self) -> None:
        self.count = 0

    def put(self, b: u8) -> None:
        self.count += 1


BUF = Buffer()


@interrupt
def on_serial(frame: Ptr[InterruptFrame]) -> None:
    BUF.put(u8(65))
