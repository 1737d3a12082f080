"""Typed wrappers for the CPU instructions the kernel core needs.

These are the single instructions that stop or pace the processor.  They
are collected here, with the port wrappers, so that privileged
instructions appear only under ``kernel/arch/x86_64/``.

No interrupt descriptor table exists yet, so the kernel runs with
interrupts disabled from the boot stub onwards: an interrupt now would
find no handler and triple-fault the machine.  ``hlt`` with interrupts
disabled therefore stops the CPU for good (only an NMI or SMI can wake it,
and the loops below go straight back to sleep).
"""

from typing import Final

from pythos.lang import asm, cli, hlt, pause, rdmsr, rdtsc, u32, u64

# The extended feature enable register and its no-execute enable bit.
MSR_EFER: Final = u32(0xC0000080)
EFER_NXE: Final = u64(1 << 11)
# CPUID leaf 0x80000001: EDX bit 26 says the MMU takes 1 GiB pages.
CPUID_EXTENDED_FEATURES: Final = u32(0x80000001)
FEATURE_GIB_PAGES: Final = u32(1 << 26)


def timestamp() -> u64:
    """The time-stamp counter (``rdtsc``).

    Under QEMU with ``-icount shift=0,sleep=off`` it counts the guest
    instructions retired since reset, exactly and identically on every run,
    which is what the benchmarks measure with.
    """
    return rdtsc()


def halt_forever() -> None:
    """Disable interrupts and stop the CPU; never returns.

    ``cli`` sits inside the loop because an NMI handler (once there is one)
    returns with ``iret``, which could restore an interrupt flag that
    was set.
    """
    while True:
        cli()
        hlt()


def idle_forever() -> None:
    """Sleep between interrupts forever; never returns.

    With interrupts still disabled this is ``halt_forever`` in spirit; once
    the kernel has an IDT and enables interrupts, each ``hlt`` returns after
    the handler runs and the loop sleeps again.
    """
    while True:
        hlt()


def spin_hint() -> None:
    """Tell the CPU it is in a spin-wait loop (``pause``).

    It saves power, and on hyper-threaded cores lets the sibling thread
    run; it also avoids the memory-order mis-speculation penalty when the
    awaited value finally changes.
    """
    pause()


def frame_pointer() -> u64:
    """The frame pointer (``rbp``) of the function this is called from, or inlined into.

    Every kernel function keeps one (``"frame-pointer"="all"`` in
    ``pythos/target.py``): ``[rbp]`` holds the caller's ``rbp`` and
    ``[rbp + 8]`` the return address, which is how ``kernel/backtrace.py``
    walks the stack.  (If this function is not inlined, the value is its
    own frame, whose return address leads into the caller: the walk comes
    out the same.)
    """
    return asm("movq %rbp, $0", "=r", result=u64)


def no_execute_enabled() -> bool:
    """Whether EFER.NXE is on, so that bit 63 of a page table entry means
    no-execute (otherwise it is reserved, and setting it makes the entry fault).

    The boot stub turns NXE on exactly when CPUID says the CPU has NX; the
    register, not CPUID, is what the MMU obeys, so this reads the register.
    """
    return rdmsr(MSR_EFER) & EFER_NXE != 0


def extended_features() -> u32:
    """EDX of CPUID leaf 0x80000001: NX (bit 20), 1 GiB pages (26), long mode (29).

    The boot stub checked that the leaf exists before it entered long mode.
    """
    return asm("cpuid", "={edx},{eax},~{ebx},~{ecx}", CPUID_EXTENDED_FEATURES, result=u32)


def has_gib_pages() -> bool:
    """Whether a PDPT entry may map a 1 GiB page (the "pdpe1gb" feature)."""
    return extended_features() & FEATURE_GIB_PAGES != 0
