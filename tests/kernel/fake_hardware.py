"""Stand-ins for the hardware that interrupt-related kernel modules touch.

Kernel modules reach ports only through ``kernel.arch.x86_64.port`` and the
interrupt flag only through ``kernel.arch.x86_64.irqflags``, so a test can
replace those few functions with Python models: the module's own logic
(command sequences, masks, timeouts) then runs unchanged on the host.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

import kernel.arch.x86_64.irqflags as irqflags
import kernel.arch.x86_64.port as port
from pythos.lang import u8, u16, u32, u64

PortRead = Callable[[int], int]
PortWrite = Callable[[int, int], None]


class FakePorts:
    """Records every port write; reads are answered by ``devices``.

    ``devices`` maps a port number to a ``(read, write)`` pair of callables,
    used for byte and dword accesses alike; a port without one reads as all
    ones, like an empty ISA bus.
    """

    def __init__(self) -> None:
        self.writes: list[tuple[int, int]] = []
        self.devices: dict[int, tuple[PortRead | None, PortWrite | None]] = {}

    def attach(self, ports: list[int], read: PortRead | None = None,
               write: PortWrite | None = None) -> None:
        for p in ports:
            self.devices[p] = (read, write)

    def read8(self, p: u16) -> u8:
        read = self.devices.get(int(p), (None, None))[0]
        return u8(read(int(p)) if read else 0xFF)

    def write8(self, p: u16, value: u8) -> None:
        self.writes.append((int(p), int(value)))
        write = self.devices.get(int(p), (None, None))[1]
        if write:
            write(int(p), int(value))

    def read32(self, p: u16) -> u32:
        read = self.devices.get(int(p), (None, None))[0]
        return u32(read(int(p)) if read else 0xFFFFFFFF)

    def write32(self, p: u16, value: u32) -> None:
        self.writes.append((int(p), int(value)))
        write = self.devices.get(int(p), (None, None))[1]
        if write:
            write(int(p), int(value))

    def io_wait(self) -> None:
        pass

    def writes_to(self, *ports: int) -> list[tuple[int, int]]:
        return [w for w in self.writes if w[0] in ports]


class FakeInterruptFlag:
    """RFLAGS.IF, plus a hook run at each ``sti; hlt`` (an interrupt arriving)."""

    def __init__(self) -> None:
        self.enabled = False
        self.on_halt: Callable[[], None] = lambda: None
        self.halts = 0

    def save_and_disable(self) -> u64:
        flags = u64(irqflags.RFLAGS_IF if self.enabled else 0)
        self.enabled = False
        return flags

    def restore(self, flags: u64) -> None:
        if flags & irqflags.RFLAGS_IF:
            self.enabled = True

    def enable(self) -> None:
        self.enabled = True

    def disable(self) -> None:
        self.enabled = False

    def enable_and_halt(self) -> None:
        self.enabled = True
        self.halts += 1
        self.on_halt()


@pytest.fixture
def ports(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakePorts]:
    fake = FakePorts()
    monkeypatch.setattr(port, "read8", fake.read8)
    monkeypatch.setattr(port, "write8", fake.write8)
    monkeypatch.setattr(port, "read32", fake.read32)
    monkeypatch.setattr(port, "write32", fake.write32)
    monkeypatch.setattr(port, "io_wait", fake.io_wait)
    yield fake


@pytest.fixture
def interrupt_flag(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeInterruptFlag]:
    fake = FakeInterruptFlag()
    for name in ("save_and_disable", "restore", "enable", "disable", "enable_and_halt"):
        monkeypatch.setattr(irqflags, name, getattr(fake, name))
    yield fake
