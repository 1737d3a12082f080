"""The PC speaker: a square wave from PIT channel 2, switched by port 0x61.

The speaker is a one-bit device.  PIT channel 2 (``pit.py``) generates
the tone: in mode 3, the *square wave generator*, its output stays high
for half the divisor's count and low for the other half, so a divisor of
``1193182 / hz`` gives a square wave of ``hz``.  Two bits of the system
control port 0x61 connect it to the speaker::

    port 0x61   7 .. 6   5            4         3 .. 2   1           0
              +--------+------------+---------+--------+-----------+---------+
              |  ...   | channel 2  | refresh |  ...   | speaker   | channel |
              |        | output (r) | (r)     |        | data on   | 2 gate  |
              +--------+------------+---------+--------+-----------+---------+

Bit 0 (the gate) lets channel 2 count; bit 1 lets its output through to
the speaker.  A tone is: program channel 2 (command 0xB6: channel 2,
low byte then high, mode 3), write the divisor, then set both bits; silence
is clearing them.  The other bits of 0x61 belong to other hardware (on
old machines, parity checks and the keyboard), so we change ours with a
read-modify-write and leave the rest as they were.

``start`` and ``stop`` are the interface; ``beep`` plays a tone for a
duration by sleeping in between.  When the kernel has timers (the
executor), ``beep`` becomes ``start``, an awaited sleep, and ``stop``,
and the caller no longer waits.  Channel 2 is also the clock's
calibration counter (``clock.py``), used once at boot before anything can
beep; the speaker owns it afterwards.

The human ear hears about 20 Hz to 20 kHz; ``divisor_for`` keeps a tone
inside that range, where the PIT's 16-bit divisor (18.2 Hz to 1.19 MHz)
can always reach it.  The divisor is an integer, so the tone is the
nearest the PIT can make: ``frequency_of`` gives the one that plays.
"""

from typing import Final

import kernel.arch.x86_64.port as port
import kernel.clock as clock
import kernel.drivers.pit as pit
from pythos.lang import u8, u16, u32, u64

LOWEST_HZ: Final = u32(20)
HIGHEST_HZ: Final = u32(20000)
DEFAULT_HZ: Final = u32(880)
DEFAULT_MS: Final = u32(200)
# Port 0x61: the gate and the speaker-data bit (written), channel 2's output (read).
GATE_AND_DATA: Final = pit.GATE2 | pit.SPEAKER_ON
OUTPUT2: Final = u8(0x20)
# Read-back command: latch channel 2's status (bit 5 = 1: not its count).
READ_BACK_STATUS2: Final = u8(0xE8)


def clamp_frequency(hz: u32) -> u32:
    """``hz`` brought inside the audible range."""
    if hz < LOWEST_HZ:
        return LOWEST_HZ
    if hz > HIGHEST_HZ:
        return HIGHEST_HZ
    return hz


def divisor_for(hz: u32) -> u16:
    """Channel 2's divisor for the tone nearest ``hz`` (clamped to 20 Hz-20 kHz).

    Not simply ``1193182 / hz`` rounded, which is the nearest *period*
    (what ``pit.divisor_for`` wants for the tick): the tone is 1193182 / d,
    and near 18 kHz, d = 65 is nearer the ideal 65.5 but d = 66 sounds
    nearer.  With d = floor(1193182 / hz), the tone lies between
    1193182 / (d + 1) and 1193182 / d; the errors compare, without
    division, as ``(F - hz*d) * (d+1)`` against ``(hz*(d+1) - F) * d``.
    """
    wanted = u64(clamp_frequency(hz))
    # 59..59659 for 20 Hz..20 kHz, so d + 1 fits in 16 bits.
    d = pit.INPUT_FREQUENCY // wanted
    # Each error times d * (d + 1): the tone of d is at or above ``wanted``,
    # the tone of d + 1 below it.
    higher_tone_error = (pit.INPUT_FREQUENCY - wanted * d) * (d + 1)
    lower_tone_error = (wanted * (d + 1) - pit.INPUT_FREQUENCY) * d
    if lower_tone_error < higher_tone_error:
        return u16(d + 1)
    return u16(d)


def frequency_of(divisor: u16) -> u32:
    """The tone a divisor plays, rounded to the nearest Hz."""
    if divisor == 0:
        return u32((pit.INPUT_FREQUENCY + 32768) // 65536)
    d = u64(divisor)
    return u32((pit.INPUT_FREQUENCY + d // 2) // d)


def start(hz: u32) -> u16:
    """Start a tone of about ``hz`` and leave it playing; the divisor used.

    Safety: the caller owns PIT channel 2 (see the module docstring).
    """
    divisor = divisor_for(hz)
    port.write8(pit.COMMAND, pit.command_byte(pit.CHANNEL_2, pit.ACCESS_LOW_THEN_HIGH,
                                              pit.MODE_SQUARE_WAVE))
    port.write8(pit.CHANNEL2_DATA, u8(divisor))
    port.write8(pit.CHANNEL2_DATA, u8(divisor >> 8))
    control = port.read8(pit.SPEAKER_CONTROL)
    port.write8(pit.SPEAKER_CONTROL, control | GATE_AND_DATA)
    return divisor


def stop() -> None:
    """Silence the speaker and stop channel 2 counting."""
    control = port.read8(pit.SPEAKER_CONTROL)
    port.write8(pit.SPEAKER_CONTROL, control & ~GATE_AND_DATA)


def is_playing() -> bool:
    """Whether the gate and the speaker bit are both on (a tone is playing)."""
    return (port.read8(pit.SPEAKER_CONTROL) & GATE_AND_DATA) == GATE_AND_DATA


def output_high() -> bool:
    """Channel 2's output level now (bit 5 of port 0x61): it alternates at
    the tone's frequency while one plays."""
    return (port.read8(pit.SPEAKER_CONTROL) & OUTPUT2) != 0


def channel2_status() -> u8:
    """Channel 2's status byte, by the read-back command (8254 only)::

        7        6           5 .. 4    3 .. 1   0
        output   null count  access    mode     BCD
    """
    port.write8(pit.COMMAND, READ_BACK_STATUS2)
    return port.read8(pit.CHANNEL2_DATA)


def beep(hz: u32, ms: u32) -> None:
    """Play about ``hz`` for ``ms`` milliseconds, then stop (the caller waits)."""
    start(hz)
    clock.sleep_ms(u64(ms))
    stop()
