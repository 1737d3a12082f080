"""Generate kernel/arch/x86_64/vectors.py: one interrupt stub per CPU exception.

The CPU tells a handler which vector it is running for only by which
handler it calls, and whether an error code sits on the stack depends on
the vector too, so each of the 32 exception vectors needs its own
``@interrupt`` function with the right signature.  They differ only in
those two things, so they are written by this script (as xv6's
``vectors.pl`` writes its assembly stubs) from the single source of truth,
``kernel.arch.x86_64.exceptions`` (``has_error_code``, ``name``,
``ist_for``), which runs here under CPython.

    python3 tools/gen_vectors.py            rewrite the file
    python3 tools/gen_vectors.py --check    exit 1 if it is out of date

``tests/kernel/test_vectors.py`` runs the check.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kernel.arch.x86_64 import exceptions  # noqa: E402
from pythos.lang import u8  # noqa: E402

OUTPUT = ROOT / "kernel" / "arch" / "x86_64" / "vectors.py"

HEADER = '''"""Interrupt stubs for the 32 CPU exception vectors.  GENERATED, do not edit.

Written by ``tools/gen_vectors.py`` from ``exceptions.py``; run it again
after changing which vectors push an error code or which use an IST stack.

Each stub is an ``@interrupt`` function (the compiler saves every register
it uses and returns with ``iretq``) that passes its vector number, the
interrupt frame and the error code (0 when the CPU pushes none) to
``exceptions.handle``.  ``install`` points IDT vectors 0-31 at them;
``idt.load()`` makes the table live.
"""

import kernel.arch.x86_64.exceptions as exceptions
import kernel.arch.x86_64.idt as idt
from pythos.lang import InterruptFrame, Ptr, func_addr, interrupt, u8, u64
'''


def stub(vector: int) -> str:
    v = u8(vector)
    doc = f"{exceptions.mnemonic(v)} {exceptions.name(v)}".replace("- ", "")
    if exceptions.has_error_code(v):
        return (f"\n\n@interrupt\ndef vector{vector}(frame: Ptr[InterruptFrame], "
                f"error_code: u64) -> None:\n"
                f'    """Vector {vector}: {doc} (pushes an error code)."""\n'
                f"    exceptions.handle(u8({vector}), frame, error_code)\n")
    return (f"\n\n@interrupt\ndef vector{vector}(frame: Ptr[InterruptFrame]) -> None:\n"
            f'    """Vector {vector}: {doc}."""\n'
            f"    exceptions.handle(u8({vector}), frame, u64(0))\n")


def generate() -> str:
    parts = [HEADER]
    parts += [stub(v) for v in range(exceptions.EXCEPTION_VECTORS)]
    parts.append('\n\ndef install() -> None:\n'
                 '    """Point IDT vectors 0-31 at the stubs, with their IST stacks."""\n')
    for v in range(exceptions.EXCEPTION_VECTORS):
        ist = int(exceptions.ist_for(u8(v)))
        parts.append(f"    idt.set_handler(u8({v}), func_addr(vector{v}), u8({ist}))\n")
    return "".join(parts)


def main() -> int:
    text = generate()
    if "--check" in sys.argv[1:]:
        if not OUTPUT.exists() or OUTPUT.read_text() != text:
            print(f"{OUTPUT.relative_to(ROOT)} is out of date: run python3 tools/gen_vectors.py",
                  file=sys.stderr)
            return 1
        return 0
    OUTPUT.write_text(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
