"""The 8253/8254 Programmable Interval Timer: channel 0 ticks, channel 2 measures.

The PIT counts down a 16-bit counter at 1.193182 MHz (a third of the
original PC's 3.579545 MHz colour-burst crystal, divided by four).  In
mode 2, the *rate generator*, channel 0 reloads the counter with the
programmed divisor each time it reaches 1 and pulses its output, which is
wired to IRQ 0: one interrupt every ``divisor`` input clocks.  The
interrupt rate is therefore 1193182 / divisor Hz, exact only when the
divisor divides evenly.  At 1 kHz the divisor is 1193 (the nearest
integer to 1193.182) and the real rate 1000.15 Hz, so a tick is
0.99985 ms; ``clock.py`` converts ticks to milliseconds with the exact
ratio instead of assuming 1 ms.

Channel 0 is programmed through the mode/command register (port 0x43),
then the divisor's low and high bytes go to channel 0's data port (0x40)::

      7    6    5    4    3    2    1    0
    +---------+---------+--------------+-----+
    | channel |  access |  mode        | BCD |
    +---------+---------+--------------+-----+
    channel 00 = 0;  access 11 = low byte then high byte;
    mode 010 = rate generator (011 = square wave, 000 = one shot);  BCD 0 = binary

    0x34 = channel 0, low/high, mode 2, binary
    0x30 = channel 0, low/high, mode 0, binary
    0xB4 = channel 2, low/high, mode 2, binary
    0x80 = channel 2, access 00: latch the count for reading

Mode 2 rather than mode 3 (square wave): both interrupt once per period,
and mode 2 counts the period exactly for odd divisors like 1193, where
mode 3 splits it into unequal halves.  A divisor of 0 means 65536 (18.2 Hz,
the BIOS default).

Mode 0, *interrupt on terminal count*, is the one-shot of the tickless
idle (kernel/tickless.py).  Writing the command takes the output low and
stops the count; writing the count starts it; when it reaches zero,
``count`` input clocks later (one more on a real 8254, which loads the
count on the next clock), the output goes high and stays high: one rising
edge, so one IRQ 0, until the channel is programmed again.  QEMU emulates
it the same way, and once the edge is past it keeps no timer running for
the channel, so a stopped tick costs the host nothing, where mode 2 costs
a host timer event every period whether the guest takes the interrupts or
not.  The longest one-shot is 65535 clocks, 54.9 ms.

Channel 2, the PC speaker's, is the one channel whose gate software
controls (bit 0 of port 0x61; bit 1 connects its output to the speaker,
which stays off here).  ``clock.py`` runs it free, in mode 2 with a
divisor of 65536, and reads its count back by polling to measure the
time-stamp counter's frequency: no interrupt is involved, so none can be
late or lost.  A read first *latches* the count (command 0x80), so the two
byte reads that follow see one consistent 16-bit value even though the
counter moves on in between.  The count runs 65536 (read as 0), 65535,
..., 1 and starts again, one step per 1/1193182 s, so the steps between
two reads are their difference modulo 65536, as long as reads are less
than 54.9 ms apart.
"""

from typing import Final

import kernel.arch.x86_64.port as port
from pythos.lang import u8, u16, u32, u64

# Input clock of every channel, in Hz.
INPUT_FREQUENCY: Final = u64(1193182)
CHANNEL0_DATA: Final = u16(0x40)
CHANNEL2_DATA: Final = u16(0x42)
COMMAND: Final = u16(0x43)
# Bit 0: channel 2's gate; bit 1: its output drives the speaker.
SPEAKER_CONTROL: Final = u16(0x61)
GATE2: Final = u8(0x01)
SPEAKER_ON: Final = u8(0x02)

CHANNEL_0: Final = u8(0)
CHANNEL_2: Final = u8(2)
ACCESS_LATCH: Final = u8(0)
ACCESS_LOW_THEN_HIGH: Final = u8(3)
MODE_RATE_GENERATOR: Final = u8(2)
MODE_SQUARE_WAVE: Final = u8(3)
MODE_ONE_SHOT: Final = u8(0)
# The longest one-shot ``start_one_shot`` takes: 65535 clocks, 54.9 ms.
MAX_ONE_SHOT: Final = u16(0xFFFF)


def command_byte(channel: u8, access: u8, mode: u8) -> u8:
    """The mode/command register value (binary counting)."""
    return ((channel & 3) << 6) | ((access & 3) << 4) | ((mode & 7) << 1)


def divisor_for(frequency: u32) -> u16:
    """The divisor for ``frequency`` Hz: 1193182 / ``frequency`` rounded, clamped to 1..65535.

    Frequencies below 19 Hz would need a divisor above 65535 and get the
    slowest rate instead.
    """
    if frequency == 0:
        return u16(0xFFFF)
    hz = u64(frequency)
    divisor = (INPUT_FREQUENCY + hz // 2) // hz
    if divisor < 1:
        return u16(1)
    if divisor > 0xFFFF:
        return u16(0xFFFF)
    return u16(divisor)


def start_periodic(frequency: u32) -> u16:
    """Make channel 0 interrupt (IRQ 0) about ``frequency`` times a second.

    Returns the divisor used, from which the exact rate follows.  Safety:
    the caller owns the PIT; IRQ 0 should be masked or handled.
    """
    divisor = divisor_for(frequency)
    port.write8(COMMAND, command_byte(CHANNEL_0, ACCESS_LOW_THEN_HIGH, MODE_RATE_GENERATOR))
    port.write8(CHANNEL0_DATA, u8(divisor))
    port.write8(CHANNEL0_DATA, u8(divisor >> 8))
    return divisor


def start_one_shot(count: u16) -> None:
    """Make channel 0 interrupt (IRQ 0) once, ``count`` input clocks from
    now (1..65535), and then not again until it is programmed anew.  This
    replaces the periodic tick (``start_periodic`` brings it back).

    Safety: as for ``start_periodic``.
    """
    port.write8(COMMAND, command_byte(CHANNEL_0, ACCESS_LOW_THEN_HIGH, MODE_ONE_SHOT))
    port.write8(CHANNEL0_DATA, u8(count))
    port.write8(CHANNEL0_DATA, u8(count >> 8))


def start_channel2() -> None:
    """Start channel 2 counting freely (mode 2, divisor 65536), speaker off.

    The gate is taken low while the channel is programmed and then high:
    the rising edge starts the count from the top.  Safety: the caller
    owns channel 2 (nothing else uses the PC speaker).
    """
    control = port.read8(SPEAKER_CONTROL) & ~(GATE2 | SPEAKER_ON)
    port.write8(SPEAKER_CONTROL, control)
    port.write8(COMMAND, command_byte(CHANNEL_2, ACCESS_LOW_THEN_HIGH, MODE_RATE_GENERATOR))
    port.write8(CHANNEL2_DATA, u8(0))
    port.write8(CHANNEL2_DATA, u8(0))
    port.write8(SPEAKER_CONTROL, control | GATE2)


def read_channel2() -> u16:
    """Channel 2's current count (latched, then low and high byte)."""
    port.write8(COMMAND, command_byte(CHANNEL_2, ACCESS_LATCH, u8(0)))
    low = port.read8(CHANNEL2_DATA)
    high = port.read8(CHANNEL2_DATA)
    return (u16(high) << 8) | u16(low)


def stop_channel2() -> None:
    """Take channel 2's gate low again (the speaker stays off)."""
    port.write8(SPEAKER_CONTROL, port.read8(SPEAKER_CONTROL) & ~(GATE2 | SPEAKER_ON))
