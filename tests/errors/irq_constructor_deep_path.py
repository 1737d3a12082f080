# error: 12:5: on_irq1 -> dispatch -> queue -> make -> Event() allocates in interrupt context
# target: freestanding
from pythos.lang import InterruptFrame, Ptr, interrupt, u8


class Event:
    def __init__(self, code: u8) -> None:
        self.code = code


def make(code: u8) -> None:
    Event(code)


def queue(code: u8) -> None:
    make(code)


def dispatch(code: u8) -> None:
    queue(code)


@interrupt
def on_irq1(frame: Ptr[InterruptFrame]) -> None:
    dispatch(u8(30))
