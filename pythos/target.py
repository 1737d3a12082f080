"""Compilation targets: every setting that depends on where code will run.

Pythos compiles for three targets:

* ``LINUX`` -- ordinary x86-64 Linux user space (static, no libc).  Host
  programs and compiler tests run here.
* ``USER`` -- user programs for Pythos itself: ring 3, a static executable
  the kernel's ELF loader maps, talking to the kernel only through its
  system calls (docs/userspace.md).
* ``FREESTANDING`` -- the kernel.  The code runs at ring 0 in the top 2 GiB
  of the address space (code model ``kernel``), must not touch SSE/MMX/x87
  state (interrupt handlers would have to save it), and must not use the
  System V red zone (an interrupt pushes its frame right below ``rsp`` and
  would overwrite it).

Everything the compiler needs to know about a target lives in the frozen
``Target`` dataclass, so no other module hard-codes a triple or a feature
string.  ``make_target_machine`` turns a ``Target`` into an llvmlite
``TargetMachine``; it also initialises LLVM (targets, assembly printers and
the x86 assembly parser, which module-level and inline assembly need) the
first time it is called.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

import llvmlite.binding as llvm

__all__ = [
    "FREESTANDING",
    "LINUX",
    "TARGETS",
    "USER",
    "Target",
    "get_target",
    "initialize_llvm",
    "make_target_machine",
]


@dataclass(frozen=True)
class Target:
    """One compilation target.

    ``features`` is an LLVM feature string ("+a,-b"); ``reloc`` and
    ``codemodel`` are llvmlite's names ("static", "pic", "default", "small",
    "kernel", ...).  ``function_attributes`` are the LLVM attributes every
    generated function must carry on this target.  ``platform`` names the
    runtime's platform module, ``pythos/rt/<platform>.py``, which moves
    bytes to the outside world and ends the program.
    """

    name: str
    platform: str
    triple: str
    cpu: str
    features: str
    reloc: str
    codemodel: str
    freestanding: bool
    function_attributes: tuple[str, ...] = ("nounwind",)
    # LLVM string attributes that llvmlite cannot add itself, which
    # ``emit.patch_ir`` writes onto every function definition.
    ir_function_attributes: tuple[str, ...] = ()

    @property
    def needs_noredzone(self) -> bool:
        """True when functions must not use the red zone below ``rsp``."""
        return "noredzone" in self.function_attributes


# Linux user space: the usual small code model, statically linked at a low
# address, with the normal x86-64 baseline (SSE2 is part of the ABI).
# ``noredzone`` is not required here, but it is harmless and keeps the code
# the compiler generates identical in shape on both targets.
LINUX = Target(
    name="linux",
    platform="linux",
    triple="x86_64-unknown-linux-gnu",
    cpu="x86-64",
    features="",
    reloc="static",
    codemodel="small",
    freestanding=False,
    function_attributes=("nounwind", "noredzone"),
)

# The kernel.  Disabling SSE also disables every extension built on it
# (SSE2...AVX-512) in LLVM's feature graph; SSE2 is listed anyway for
# readers.  ``+soft-float`` makes LLVM lower any floating-point operation to
# library calls instead of x87 instructions (the language has no floats, so
# in practice it only stops LLVM from choosing vector registers for memcpy).
# The ``kernel`` code model assumes every symbol lies in the top 2 GiB
# (0xFFFFFFFF80000000 and up), so absolute addresses fit in sign-extended
# 32-bit immediates.  Every function keeps a frame pointer
# (``"frame-pointer"="all"``: ``push %rbp; mov %rsp, %rbp`` on entry, rbp
# never used for anything else), so the chain of saved rbp values links
# all frames on the stack and a panic can print a backtrace without
# unwind tables.  It costs a register and two instructions per call.
FREESTANDING = Target(
    name="freestanding",
    platform="kernel",
    triple="x86_64-unknown-none-elf",
    cpu="x86-64",
    features="-mmx,-sse,-sse2,-avx,+soft-float",
    reloc="static",
    codemodel="kernel",
    freestanding=True,
    function_attributes=("nounwind", "noredzone"),
    ir_function_attributes=('"frame-pointer"="all"',),
)

# Pythos user programs.  They are ordinary user-space code, like Linux
# programs (the small code model, linked at 0x400000, a `main` and a
# runtime), but without SSE: the kernel never enables SSE (CR4.OSFXSR
# stays clear, which makes most SSE instructions invalid opcodes; under
# QEMU a program that used them printed nothing), and switching between
# processes will save only the general registers.  The feature string is
# the kernel's for that reason.  The red zone would be safe in ring 3 (an
# interrupt switches to the kernel stack first); `noredzone` is kept only
# so that code has the same shape on all three targets.
USER = Target(
    name="user",
    platform="user",
    triple="x86_64-unknown-none-elf",
    cpu="x86-64",
    features=FREESTANDING.features,
    reloc="static",
    codemodel="small",
    freestanding=False,
    function_attributes=("nounwind", "noredzone"),
)

TARGETS: dict[str, Target] = {t.name: t for t in (LINUX, USER, FREESTANDING)}


def get_target(name: str) -> Target:
    """Return the target called ``name`` ("linux", "user" or "freestanding")."""
    try:
        return TARGETS[name]
    except KeyError:
        known = ", ".join(sorted(TARGETS))
        raise ValueError(f"unknown target {name!r} (known targets: {known})") from None


_llvm_lock = threading.Lock()
_llvm_ready = False


def initialize_llvm() -> None:
    """Initialise the parts of LLVM Pythos uses; safe to call many times.

    llvmlite 0.50 initialises the LLVM core by itself (its old
    ``llvm.initialize()`` now raises), but targets, assembly printers and
    the assembly parser still have to be registered explicitly.  The
    native assembly parser is the x86 one, which parses ``module asm`` and
    inline ``asm`` for both targets.
    """
    global _llvm_ready
    with _llvm_lock:
        if _llvm_ready:
            return
        llvm.initialize_all_targets()
        llvm.initialize_all_asmprinters()
        llvm.initialize_native_asmparser()
        _llvm_ready = True


def make_target_machine(target: Target, opt_level: int = 2) -> llvm.TargetMachine:
    """Create an llvmlite ``TargetMachine`` for ``target``.

    ``opt_level`` is LLVM's code generation level, 0 to 3.  The module
    being compiled should use ``target.triple`` and the machine's
    ``target_data`` as its data layout.
    """
    if not 0 <= opt_level <= 3:
        raise ValueError(f"opt_level must be 0..3, not {opt_level}")
    initialize_llvm()
    llvm_target = llvm.Target.from_triple(target.triple)
    return llvm_target.create_target_machine(
        cpu=target.cpu,
        features=target.features,
        opt=opt_level,
        reloc=target.reloc,
        codemodel=target.codemodel,
    )
