"""In-kernel tests of the devices and state the shell's commands read: the real-time
clock, PCI configuration space, the PC speaker, the log ring and the
memory statistics.

Each test checks what holds on any machine (a real date, a host bridge at
00:00.0, ...) and prints what it read, one line each with a fixed prefix
(``rtc: ``, ``lspci: ``, ...): tests/qemu/test_devices.py boots these
tests under chosen QEMU settings (``-rtc base=...``, ``-machine q35``)
and compares those lines with what QEMU says it emulates.  The PCI test
comes before the clock's 2.5 s wait, during which the host asks QEMU's
monitor for its own list (with the firmware's bus numbers in place).
"""

import kernel.clock as clock
import kernel.drivers.pci as pci
import kernel.drivers.pit as pit
import kernel.drivers.rtc as rtc
import kernel.drivers.speaker as speaker
import kernel.log as log
import kernel.logring as logring
import kernel.mm.heap as heap
import kernel.memstats as memstats
from kernel.drivers.rtc import RtcRegisters
from pythos.lang import InterruptFrame, Ptr, interrupt, u8, u16, u32, u64
from pythos.rt.alloc import obj_stats, obj_trim


def test_rtc_decodes_as_on_the_host() -> None:
    # 2024-02-29 11:59:58 PM in BCD, 12-hour mode (status B = 0).
    raw = RtcRegisters(u8(0x58), u8(0x59), u8(0x91), u8(0x29), u8(0x02), u8(0x24), u8(0x20),
                       u8(0))
    moment = rtc.decode(raw)
    assert moment.is_valid()
    assert moment.format() == "2024-02-29 23:59:58"
    later = rtc.DateTime(2024, 3, 1, 0, 0, 1)
    assert later.seconds_since(moment) == 3


def test_pci_finds_the_host_bridge_first() -> None:
    lines = pci.lspci_lines()
    for line in lines:
        print(f"lspci: {line}")
    assert len(lines) >= 2, "a PC has at least a host bridge and an ISA bridge"
    assert lines[0].startswith("00:00.0 Host bridge: Intel Corporation")
    found = pci.enumerate_all()
    assert len(found) == len(lines)
    for i in range(1, len(found)):
        assert pci.sort_key(found[i - 1]) < pci.sort_key(found[i]), "sorted, each once"


def test_rtc_reads_a_date_that_moves_on() -> None:
    first = rtc.now()
    assert first is not None, "the real-time clock gives no valid date"
    print(f"rtc: {first.format()}")
    clock.sleep_ms(u64(2500))
    second = rtc.now()
    assert second is not None, "the real-time clock gives no valid date the second time"
    print(f"rtc: {second.format()}")
    elapsed = second.seconds_since(first)
    assert 1 <= elapsed <= 30, "the clock should move on about 2.5 s in 2.5 s"


def test_speaker_plays_a_square_wave_on_channel_2() -> None:
    divisor = speaker.start(u32(440))
    assert speaker.is_playing(), "gate and speaker bits set in port 0x61"
    status = speaker.channel2_status()
    assert (status >> 1) & 7 == 3, "channel 2 in mode 3 (square wave)"
    assert (status >> 4) & 3 == 3, "low byte then high byte"
    smallest = divisor
    largest = u16(0)
    high_seen = False
    low_seen = False
    deadline = clock.uptime_ms() + 50
    while clock.uptime_ms() < deadline:
        count = pit.read_channel2()
        smallest = min(smallest, count)
        largest = max(largest, count)
        if speaker.output_high():
            high_seen = True
        else:
            low_seen = True
    print(f"speaker: divisor {divisor}, status {status:#04x}, counts {smallest}..{largest}, "
          f"output high {high_seen} low {low_seen}")
    speaker.stop()
    assert not speaker.is_playing(), "stop clears the gate and speaker bits"
    assert largest <= divisor and smallest < largest, "channel 2 counts within its divisor"
    assert high_seen and low_seen, "the output toggles in 50 ms of a 440 Hz tone"


def check_log_ring() -> None:
    everything = logring.records(log.DEBUG)
    assert len(everything) > 5, "the boot's console lines and messages are in the ring"
    first = everything[0]
    if logring.dropped() == 0:
        assert first.sequence == 0 and first.text.startswith("Pythos"), "the banner comes first"
        assert first.from_console, "the banner was printed, not logged"
    log.warn("log ring: a warning from the in-kernel test")
    log.debug("log ring: a debug message below the serial level")
    warnings = logring.records(log.WARN)
    assert len(warnings) >= 1
    last = warnings[len(warnings) - 1]
    assert last.text == "log ring: a warning from the in-kernel test"
    assert last.level == int(log.WARN)
    assert last.timestamp_ms > 0, "stamped with the uptime"
    kept = logring.records(log.DEBUG)
    assert kept[len(kept) - 1].text == "log ring: a debug message below the serial level"
    for i in range(1, len(kept)):
        assert kept[i - 1].sequence < kept[i].sequence, "oldest first"
        assert kept[i - 1].timestamp_ms <= kept[i].timestamp_ms, "time never goes back"
    assert not last.from_console
    shown = logring.listing(log.WARN)
    assert shown[len(shown) - 1].endswith("] warn: log ring: a warning from the in-kernel test")
    print(f"logring: {len(kept)} kept, {logring.dropped()} dropped, last {last.text}")


def test_log_ring_keeps_the_boot_and_gives_back_its_memory() -> None:
    obj_trim()
    live = obj_stats().live
    used = heap.stats().bytes_used
    check_log_ring()
    obj_trim()
    assert obj_stats().live == live, "every record and str was freed"
    assert heap.stats().bytes_used == used, "the kernel heap is back at its baseline"


def check_memory_stats() -> None:
    before = memstats.gather()
    assert 0 < before.frames_free <= before.frames_total
    assert before.heap_used <= before.heap_peak and before.heap_used <= before.heap_mapped
    assert before.objects_live > 0, "module-level objects are live"
    squares = [n * n for n in range(2000)]
    during = memstats.gather()
    assert during.objects_live > before.objects_live
    assert during.object_bytes >= before.object_bytes + 2000 * 8, "the list's items"
    assert during.heap_used >= before.heap_used
    for line in memstats.report(during):
        print(f"mem: {line}")
    assert squares[1999] == 1999 * 1999


def test_memory_stats_follow_an_allocation() -> None:
    obj_trim()
    live = obj_stats().live
    check_memory_stats()
    obj_trim()
    assert obj_stats().live == live, "the list and the statistics were freed"


@interrupt
def log_from_an_interrupt(frame: Ptr[InterruptFrame]) -> None:
    """Never installed: compiling it is the test.  The compiler's interrupt
    rule rejects a handler that can reach an allocation or a reference
    count, so this builds only while logging is interrupt-safe."""
    log.warn("a message from an interrupt handler")
    logring.record(log.ERROR, "straight into the ring")
