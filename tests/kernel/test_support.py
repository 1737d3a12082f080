"""Host tests of the small kernel helpers: sizes, log levels, layout, Mutex."""

from __future__ import annotations

import pytest

import pythos
from kernel import log, logring, sizes, version
from kernel.arch.x86_64 import layout
from kernel.arch.x86_64.layout import PhysAddr, PhysWindow
from kernel.sync.spinlock import Mutex
from pythos.lang import u8, u64

from .fake_hardware import FakeInterruptFlag
from .helpers import FakeMemory, span_of


@pytest.mark.parametrize(("n", "text"), [
    (0, "0 B"), (1, "1 B"), (1023, "1023 B"), (1024, "1 KiB"), (0x9FC00, "639 KiB"),
    (0x400, "1 KiB"), (0x7EE0000, "129920 KiB"), (0x8000000, "128 MiB"),
    (1 << 30, "1 GiB"), (3 << 40, "3 TiB"), (1 << 60, "1048576 TiB"), (1536, "1536 B"),
])
def test_sizes(n, text):
    assert f"{int(sizes.value(u64(n)))} {sizes.unit(u64(n))}" == text


def test_log_levels_round_trip():
    memory = FakeMemory(64)
    for lvl in (log.DEBUG, log.INFO, log.WARN, log.ERROR):
        span = span_of(memory, log.level_name(lvl).encode())
        assert int(log.parse_level(span)) == int(lvl)
    assert int(log.parse_level(span_of(memory, b"loud"))) == -1


def test_log_threshold(interrupt_flag: FakeInterruptFlag,
                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(logring, "ring", logring.LogRing())
    saved = log.level
    try:
        log.set_level(log.WARN)
        assert not log.enabled(log.INFO)
        assert log.enabled(log.WARN) and log.enabled(log.ERROR)
        # Filtered messages never reach the (host-unsupported) serial port,
        # but the log ring keeps them.
        log.info("not on serial")
    finally:
        log.set_level(u8(saved))
    assert [r.text for r in logring.records(log.DEBUG)] == ["not on serial"]


def test_phys_window_bounds():
    window = PhysWindow(u64(0x1000), u64(0x100))
    assert window.ptr(PhysAddr(u64(0)), u64(0x100)).addr == 0x1000
    assert window.ptr(PhysAddr(u64(0xFF)), u64(1)).addr == 0x10FF
    assert window.ptr(PhysAddr(u64(0xFF)), u64(2)).addr == 0
    assert window.ptr(PhysAddr(u64(0x101)), u64(0)).addr == 0
    # Huge values must not wrap around into the window.
    assert window.ptr(PhysAddr(u64(0x10)), u64(0xFFFFFFFFFFFFFFF8)).addr == 0
    assert window.ptr(PhysAddr(u64(0xFFFFFFFFFFFFFFFF)), u64(2)).addr == 0


def test_boot_window_and_phys_to_virt():
    window = layout.boot_window()
    assert int(window.base) == 0xFFFFFFFF80000000
    assert int(window.size) == 1 << 30
    assert int(layout.phys_to_virt(PhysAddr(u64(0xB8000)))) == 0xFFFFFFFF800B8000
    from pythos.lang import PanicError
    with pytest.raises(PanicError):
        layout.phys_to_virt(PhysAddr(u64(1 << 30)))


def test_mutex():
    mutex = Mutex()
    assert not mutex.is_locked()
    with mutex:
        assert mutex.is_locked()
        assert not mutex.try_lock()
    assert not mutex.is_locked()
    assert mutex.try_lock()
    mutex.unlock()
    mutex.lock()
    assert mutex.is_locked()


def test_version_matches_package():
    assert version.NAME == "Pythos"
    assert pythos.__version__ == version.VERSION


def test_bad_multiboot_magic_panics_readably():
    from kernel import kmain, multiboot
    from pythos.lang import PanicError, u32
    with pytest.raises(PanicError, match="not started by a Multiboot loader: magic 0x1234,"):
        kmain.check_magic(u32(0x1234))
    kmain.check_magic(multiboot.BOOTLOADER_MAGIC)
