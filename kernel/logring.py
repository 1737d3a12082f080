"""The kernel log ring: the last messages, kept in memory for ``log`` and ``dmesg``.

Every ``log.*`` message, and every line printed to the console, is
copied into a fixed ring of ``CAPACITY`` entries with its level and the
uptime in milliseconds.  When the ring is full the oldest entry is
overwritten, and ``dropped()`` counts how many were lost that way, so a
listing can say "12 older messages dropped" instead of silently starting
late.  Each entry is numbered (``sequence``: 0 for the first message since
boot), so the listing's first number also says how many went before.

Why a fixed ring of fixed entries, and not a list of str: messages come
from everywhere, interrupt handlers included, and code an interrupt
handler can reach may not allocate or touch a reference count
(docs/language.md, "Interrupt safety").  Recording a message only copies
bytes into a slot that exists from boot: no allocation, nothing that can
fail.  A message longer than ``TEXT_BYTES`` is cut at the last whole UTF-8
character that fits and marked ``truncated``.  Memory is bounded
(``CAPACITY`` x ``sizeof(LogEntry)``, about 36 KiB, in the kernel's data).

The ring is shared between normal code and interrupt handlers, so it is
guarded by an ``IrqLock`` (interrupts off while it is held).  Writers use
``try_lock``: on one CPU the lock can only be busy if we are already
inside the ring's own code (a panic there reports through the console,
which records the report), and waiting would then never end; such a
message is counted in ``lost`` instead.  Readers copy one entry at a time
under the lock into a local ``LogEntry``, and build the ``LogRecord``
objects (which allocate) with the lock released, so a message logged
meanwhile, even by the allocator, is never blocked by a reader.

Lines printed to the console arrive in pieces (``print`` writes a line
in one or more chunks), so they are assembled in ``console_line`` until
their newline, then recorded at INFO (a panic report,
fd 2, at ERROR).
"""

from dataclasses import dataclass
from typing import Final

import kernel.clock as clock
import kernel.log as log
from kernel.sync.irqlock import IrqLock
from kernel.utf8 import Utf8Decoder
from pythos.lang import Array, Ptr, i64, str_bytes, struct, u8, u64

CAPACITY: Final = 256
TEXT_BYTES: Final = 120
NEWLINE: Final = u8(0x0A)
CARRIAGE_RETURN: Final = u8(0x0D)


@struct
class LogEntry:
    """One message: its number, time and level, and up to TEXT_BYTES of UTF-8."""

    sequence: u64
    timestamp_ms: u64
    level: u8
    # A line printed on the console, rather than a log.* message.
    from_console: bool
    truncated: bool
    length: u8
    text: Array[u8, TEXT_BYTES]

    def start(self, sequence: u64, level: u8, timestamp_ms: u64) -> None:
        """Begin an empty message."""
        self.sequence = sequence
        self.timestamp_ms = timestamp_ms
        self.level = level
        self.from_console = False
        self.truncated = False
        self.length = u8(0)

    def add(self, byte: u8) -> None:
        """Append a byte, or mark the message truncated when it is full."""
        if self.length >= TEXT_BYTES:
            self.truncated = True
            return
        self.text[self.length] = byte
        self.length += 1

    def finish(self) -> None:
        """If the message was cut, drop the part of a character the cut left."""
        if self.truncated:
            self.length = u8(whole_characters(self.text, u64(self.length)))

    def copy_from(self, other: "LogEntry") -> None:
        """Make this entry equal to ``other``."""
        self.start(other.sequence, other.level, other.timestamp_ms)
        self.from_console = other.from_console
        self.truncated = other.truncated
        self.length = other.length
        for i in range(u64(other.length)):
            self.text[i] = other.text[i]


def whole_characters(text: Array[u8, TEXT_BYTES], length: u64) -> u64:
    """How many of the first ``length`` bytes form whole UTF-8 characters:
    ``length``, less an incomplete sequence at the end."""
    start = length
    # Back over at most three continuation bytes to the last lead byte.
    while start > 0 and length - start < 4 and (text[start - 1] & 0xC0) == 0x80:
        start -= 1
    if start == 0:
        return length
    lead = text[start - 1]
    needed = u64(1)
    if lead >= 0xF0:
        needed = u64(4)
    elif lead >= 0xE0:
        needed = u64(3)
    elif lead >= 0xC0:
        needed = u64(2)
    if length - (start - 1) < needed:
        return start - 1
    return length


@dataclass
class LogRecord:
    """A message copied out of the ring, as objects, for listing."""

    sequence: int
    timestamp_ms: int
    level: int
    text: str
    truncated: bool
    from_console: bool


@struct
class LogRing:
    """``CAPACITY`` entries, oldest overwritten first.  Guarded by ``lock``."""

    entries: Array[LogEntry, CAPACITY]
    # Messages recorded since boot; entry ``n`` is in slot ``n % CAPACITY``.
    written: u64
    # Messages not recorded because the ring was busy (re-entry; see above).
    lost: u64
    lock: IrqLock

    def push(self, level: u8, timestamp_ms: u64, text: str) -> None:
        """Record ``text`` (interrupt-safe: copies bytes, allocates nothing)."""
        if not self.lock.try_lock():
            self.lost += 1
            return
        entry = self.entries[self.written % CAPACITY]
        entry.start(self.written, level, timestamp_ms)
        for b in str_bytes(text):
            entry.add(u8(b))
        entry.finish()
        self.written += 1
        self.lock.unlock()

    def push_entry(self, line: LogEntry) -> None:
        """Record an entry assembled elsewhere (a console line), numbering it."""
        if not self.lock.try_lock():
            self.lost += 1
            return
        entry = self.entries[self.written % CAPACITY]
        entry.copy_from(line)
        entry.sequence = self.written
        self.written += 1
        self.lock.unlock()

    def dropped(self) -> u64:
        """Messages overwritten by newer ones, plus those never recorded."""
        overwritten = u64(0)
        if self.written > CAPACITY:
            overwritten = self.written - CAPACITY
        return overwritten + self.lost

    def first_kept(self) -> u64:
        """The sequence number of the oldest message still in the ring."""
        if self.written > CAPACITY:
            return self.written - CAPACITY
        return u64(0)

    def copy_entry(self, sequence: u64, out: LogEntry) -> bool:
        """Copy message ``sequence`` into ``out``; False if it is gone (or
        not written yet)."""
        self.lock.lock()
        kept = self.first_kept() <= sequence < self.written
        if kept:
            out.copy_from(self.entries[sequence % CAPACITY])
        self.lock.unlock()
        return kept

    def records(self, min_level: u8) -> list[LogRecord]:
        """The messages at ``min_level`` or above, oldest first."""
        found: list[LogRecord] = []
        entry = LogEntry()
        sequence = self.first_kept()
        while sequence < self.written:
            if self.copy_entry(sequence, entry) and entry.level >= min_level:
                found.append(LogRecord(int(i64(entry.sequence)), int(i64(entry.timestamp_ms)),
                                       int(entry.level), text_of(entry), entry.truncated,
                                       entry.from_console))
            sequence += 1
        return found


def text_of(entry: LogEntry) -> str:
    """The entry's bytes as a str (malformed UTF-8 replaced)."""
    decoder = Utf8Decoder()
    pieces: list[str] = []
    for i in range(u64(entry.length)):
        for k in range(decoder.feed(entry.text[i])):
            pieces.append(chr(decoder.out[k]))
    for k in range(decoder.flush()):
        pieces.append(chr(decoder.out[k]))
    return "".join(pieces)


# The kernel's ring, and the console line being assembled (written only
# by the console, under its own serialisation: see kernel/console.py).
ring = LogRing()
console_line = LogEntry()
console_line_open: bool = False


def now_ms() -> u64:
    """The uptime to stamp a message with (0 until the clock runs)."""
    if not clock.is_running():
        return u64(0)
    return clock.uptime_ms()


def record(level: u8, text: str) -> None:
    """Keep a log message (kernel/log.py calls this for every message)."""
    ring.push(level, now_ms(), text)


def record_console(error: bool, data: Ptr[u8], length: u64) -> None:
    """Keep console output, a line per entry (at ERROR for a panic report).

    Safety: ``data`` must point at ``length`` readable bytes.
    """
    global console_line_open
    for i in range(length):
        byte = data[i]
        if not console_line_open:
            console_line.start(u64(0), log.ERROR if error else log.INFO, now_ms())
            console_line.from_console = True
            console_line_open = True
        if byte == NEWLINE:
            console_line.finish()
            ring.push_entry(console_line)
            console_line_open = False
        elif byte != CARRIAGE_RETURN:
            console_line.add(byte)


def records(min_level: u8) -> list[LogRecord]:
    """The kernel's messages at ``min_level`` or above, oldest first."""
    return ring.records(min_level)


def dropped() -> u64:
    """How many messages the ring no longer holds (or never got)."""
    return ring.dropped()


def format_record(record: LogRecord) -> str:
    """A kept message as ``dmesg`` shows it: the uptime as the console's
    prompt shows it, the level for a log message (a console line has
    none), the text, and ``[...]`` if it was cut."""
    seconds = record.timestamp_ms // 1000
    line = f"[{seconds:5d}.{record.timestamp_ms % 1000:03d}] "
    if not record.from_console:
        line += log.level_name(u8(record.level)) + ": "
    line += record.text
    if record.truncated:
        line += " [...]"
    return line


def listing(min_level: u8) -> list[str]:
    """What ``log [level]`` and ``dmesg`` print: the kept messages at
    ``min_level`` or above, oldest first, after a line saying how many
    older ones the ring no longer holds, if any."""
    lines: list[str] = []
    gone = ring.dropped()
    if gone > 0:
        lines.append(f"({gone} older messages dropped)")
    for record in ring.records(min_level):
        lines.append(format_record(record))
    return lines
