"""What the CPU promises about its time-stamp counter (``cpuid``).

``rdtsc`` itself is wrapped by ``cpu.timestamp``.  Whether its rate can be
trusted as a clock is a CPUID bit: leaf 0x80000007 ("advanced power
management"), EDX bit 8, *invariant TSC*.  A CPU that sets it runs the
counter at one constant rate in every P-, C- and T-state, so elapsed
cycles divided by a calibrated frequency is elapsed time.  Without it an
old CPU may slow the counter down with the core clock, or stop it in deep
sleep (``hlt`` alone, the only sleep Pythos uses, keeps it running on
nearly all of them).

QEMU's TCG emulator sets the bit only for ``-cpu max`` or ``+invtsc``,
although its counter follows the host's invariant one; the clock says at
boot which case it is in (``kernel/clock.py``).
"""

from typing import Final

from pythos.lang import asm, u32

EXTENDED_MAX_LEAF: Final = u32(0x80000000)
POWER_MANAGEMENT_LEAF: Final = u32(0x80000007)
INVARIANT_TSC_BIT: Final = u32(1 << 8)


# cpuid overwrites EAX, EBX, ECX and EDX.  The leaf goes in through any
# register and is moved to EAX inside the template, so that every register
# cpuid writes is either the result or declared clobbered.


def cpuid_eax(leaf: u32) -> u32:
    """EAX of ``cpuid`` for ``leaf`` (subleaf 0)."""
    return asm("movl $1, %eax; xorl %ecx, %ecx; cpuid", "={eax},r,~{ebx},~{ecx},~{edx}",
               leaf, result=u32)


def cpuid_edx(leaf: u32) -> u32:
    """EDX of ``cpuid`` for ``leaf`` (subleaf 0)."""
    return asm("movl $1, %eax; xorl %ecx, %ecx; cpuid", "={edx},r,~{eax},~{ebx},~{ecx}",
               leaf, result=u32)


def has_invariant_tsc() -> bool:
    """Whether the CPU promises a constant-rate time-stamp counter."""
    if cpuid_eax(EXTENDED_MAX_LEAF) < POWER_MANAGEMENT_LEAF:
        return False
    return cpuid_edx(POWER_MANAGEMENT_LEAF) & INVARIANT_TSC_BIT != 0
