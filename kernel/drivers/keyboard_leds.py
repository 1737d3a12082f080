"""The keyboard's lock LEDs: which bits to send, and the exchange that sends them.

A PS/2 keyboard lights its LEDs when the host sends command 0xED followed
by one data byte::

     7                  3      2      1       0
    +--------------------+------+------+--------+
    |         0          | Caps | Num  | Scroll |
    +--------------------+------+------+--------+

The keyboard answers each of the two bytes with 0xFA (acknowledge), or
with 0xFE (resend: it did not get the byte right).  Those answers come
back on the same wire as scancodes, so they arrive through IRQ 1 and the
ring buffer, in order with the keys typed meanwhile.  The interrupt
handler does not know a command is outstanding and must not wait for
anything, so it queues them like any other byte, and the consumer
(``keyboard.next_event``) gives them to ``LedUpdater.reply`` instead of
the decoder while an answer is expected.  (The decoder drops 0xFA and
0xFE anyway, since no set 1 key sends them; a late answer after a time-out
is harmless.)

``LedUpdater`` is the exchange as a pure state machine: its methods take
the current time in milliseconds (``clock.uptime_ms``) and return the
byte to write to the keyboard next, or ``NOTHING``.  The driver does the
port writes, the host tests drive it with model keyboards.  As the protocol requires, the LED byte
goes out only once the 0xED has been acknowledged::

                 set(bits) with bits != shown
      IDLE -------------------------------> send 0xED --> AWAIT_COMMAND_ACK
       ^                                                        | 0xFA
       |                                                        v
       +---- 0xFA: shown = bits <-- AWAIT_BITS_ACK <-- send the bits
                 (start again if the locks changed meanwhile)

    0xFE while awaiting:  send the same byte again, at most MAX_RESENDS times
    no answer in REPLY_TIMEOUT_MS, or too many 0xFE:  give up this attempt
                          (the LEDs are then unknown) and start over, at most
                          MAX_ATTEMPTS times for the same bits

Giving up for good matters on a machine whose keyboard never answers: the
updater then stays idle until the locks change again, instead of sending
0xED every few milliseconds forever.
"""

from typing import Final

from kernel.drivers.scancode import MOD_CAPS_LOCK, MOD_NUM_LOCK
from pythos.lang import i32, struct, u8, u32, u64

COMMAND_SET_LEDS: Final = u8(0xED)
ACK: Final = u8(0xFA)
RESEND: Final = u8(0xFE)

LED_SCROLL_LOCK: Final = u8(0x01)
LED_NUM_LOCK: Final = u8(0x02)
LED_CAPS_LOCK: Final = u8(0x04)
# ``shown`` when nobody knows what the LEDs show (an exchange failed half-way).
LEDS_UNKNOWN: Final = u8(0xFF)

# What the methods return when there is nothing to send.
NOTHING: Final = i32(-1)

# Steps of the exchange.
IDLE: Final = u8(0)
AWAIT_COMMAND_ACK: Final = u8(1)
AWAIT_BITS_ACK: Final = u8(2)

# A keyboard answers within a few milliseconds (IBM allowed it 20 ms).  In
# uptime milliseconds, not timer ticks: an idle kernel stops the tick
# (kernel/tickless.py).
REPLY_TIMEOUT_MS: Final = u64(50)
MAX_RESENDS: Final = u8(3)
MAX_ATTEMPTS: Final = u8(3)


def led_bits(modifiers: u8, scroll_lock: bool) -> u8:
    """The LED byte for the decoder's lock state (``MOD_*`` bits and Scroll Lock)."""
    bits = u8(0)
    if scroll_lock:
        bits |= LED_SCROLL_LOCK
    if modifiers & MOD_NUM_LOCK:
        bits |= LED_NUM_LOCK
    if modifiers & MOD_CAPS_LOCK:
        bits |= LED_CAPS_LOCK
    return bits


def is_answer(byte: u8) -> bool:
    """Whether ``byte`` is how a keyboard answers a command byte."""
    return byte == ACK or byte == RESEND  # noqa: SIM109 - no tuples in Pythos


@struct
class LedUpdater:
    """Keeps the keyboard's LEDs equal to ``wanted``.  ``LedUpdater()`` is idle, LEDs off.

    Consumer side only: the one caller of ``keyboard.next_event`` owns it.
    """

    # The LED bits the locks call for.
    wanted: u8
    # The LED bits the keyboard last acknowledged, or LEDS_UNKNOWN.
    shown: u8
    # IDLE, AWAIT_COMMAND_ACK or AWAIT_BITS_ACK.
    step: u8
    # The LED bits being sent in the current exchange.
    sending: u8
    # The byte most recently sent, for a resend.
    last_sent: u8
    # Resends of ``last_sent`` so far.
    resends: u8
    # Attempts at showing ``wanted`` that did not succeed (reset when it changes).
    attempts: u8
    # The uptime (ms) by which the keyboard must have answered ``last_sent``.
    deadline: u64
    # Exchanges given up, ever (for diagnostics).
    failures: u32

    def awaiting_answer(self) -> bool:
        """Whether a byte has been sent and its 0xFA or 0xFE has not arrived."""
        return self.step != IDLE

    def is_settled(self, bits: u8) -> bool:
        """Whether ``set(bits, now)`` would do nothing, whatever ``now``: no
        change, no exchange under way, nothing left to show.  (So a key
        that changes no lock need not read the clock.)"""
        return bits == self.wanted and self.step == IDLE and self.wanted == self.shown

    def set(self, bits: u8, now: u64) -> i32:
        """Ask for the LEDs to show ``bits``; the byte to send now, or NOTHING."""
        if bits != self.wanted:
            self.wanted = bits
            self.attempts = u8(0)
        return self.poll(now)

    def poll(self, now: u64) -> i32:
        """Check for a time-out and start an exchange if one is due."""
        if self.step != IDLE:
            if now < self.deadline:
                return NOTHING
            self.give_up()
        if self.wanted == self.shown or self.attempts >= MAX_ATTEMPTS:
            return NOTHING
        self.attempts += 1
        self.step = AWAIT_COMMAND_ACK
        return self.send(COMMAND_SET_LEDS, now)

    def answer(self, byte: u8, now: u64) -> i32:
        """Take the keyboard's answer (0xFA or 0xFE); the byte to send next, or NOTHING.

        Only valid while ``awaiting_answer()``.
        """
        if byte == RESEND:
            if self.resends >= MAX_RESENDS:
                self.give_up()
                return self.poll(now)
            self.resends += 1
            self.deadline = now + REPLY_TIMEOUT_MS
            return i32(self.last_sent)
        if self.step == AWAIT_COMMAND_ACK:
            self.step = AWAIT_BITS_ACK
            self.sending = self.wanted
            return self.send(self.sending, now)
        self.shown = self.sending
        self.step = IDLE
        self.attempts = u8(0)
        return self.poll(now)

    def send(self, byte: u8, now: u64) -> i32:
        """Record ``byte`` as sent and start waiting for its answer."""
        self.last_sent = byte
        self.resends = u8(0)
        self.deadline = now + REPLY_TIMEOUT_MS
        return i32(byte)

    def give_up(self) -> None:
        """Abandon the exchange; the keyboard may have taken some of it."""
        self.step = IDLE
        self.shown = LEDS_UNKNOWN
        self.failures += 1
