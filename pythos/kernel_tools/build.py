"""Linking and packaging: kernel images, bootable ISOs and Linux executables.

The compiler produces ELF64 object files; this module turns them into
something that runs, by calling GNU ld, objcopy and grub-mkrescue.

Kernel files (``link_kernel``):

* ``kernel64.elf`` -- the ELF64 image as GNU ld links it with
  ``kernel/arch/x86_64/linker.ld``.  It has every symbol at its real 64-bit
  address, so it is the file to give gdb (``symbol-file build/kernel64.elf``).
  It carries a table of its functions for the panic backtrace, made by
  linking twice (see ``pythos/kernel_tools/symtab.py``); the table's assembly is kept
  next to it as ``kernel.symbols.s``.
* ``kernel.elf`` -- the same image converted with ``objcopy -O elf32-i386``.
  QEMU's Multiboot loader refuses ELF64 files, but the conversion keeps the
  program headers' physical load addresses and the (low, physical) entry
  point, so ``qemu-system-x86_64 -kernel build/kernel.elf`` boots it.  GRUB
  boots the same file from the ISO.  (Higher-half virtual addresses are
  truncated to 32 bits in this copy; nothing that loads it uses them.)

Every tool failure is raised as ``BuildError`` carrying the command and the
tool's standard error, for the command line to print without a traceback.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path

from pythos.gcpause import paused_gc
from pythos.kernel_tools import inlinetable, linetable, symtab
from pythos.kernel_tools.bootstub import LINKER_SCRIPT_PATH

__all__ = [
    "LINKER_SCRIPT",
    "TOOL_TIMEOUT",
    "BuildError",
    "grub_cfg",
    "have_tool",
    "kernel64_path",
    "link_kernel",
    "link_linux",
    "link_user",
    "make_iso",
    "read_functions",
    "symbols_path",
]

LINKER_SCRIPT = LINKER_SCRIPT_PATH

# Linking a kernel takes well under a second; grub-mkrescue a few seconds.
# A tool that takes longer than this is stuck.
TOOL_TIMEOUT = 120.0

# Debian package that provides each tool, for error messages.
_PACKAGES = {
    "ld": "binutils",
    "objcopy": "binutils",
    "nm": "binutils",
    "as": "binutils",
    "grub-mkrescue": "grub-common grub-pc-bin xorriso mtools",
}


class BuildError(Exception):
    """A build step failed; ``str(error)`` is a complete message for the user."""

    def __init__(self, message: str, *, command: Sequence[str] = (), stderr: str = "") -> None:
        self.command = list(command)
        self.stderr = stderr
        full = message
        if stderr.strip():
            full += "\n" + stderr.rstrip()
        super().__init__(full)


def have_tool(name: str) -> bool:
    """Return True when the program ``name`` is on PATH."""
    return shutil.which(name) is not None


def _run(command: Sequence[str], what: str, timeout: float = TOOL_TIMEOUT) -> str:
    """Run a build tool; return its stdout or raise ``BuildError``."""
    tool = command[0]
    if not have_tool(tool):
        package = _PACKAGES.get(tool, tool)
        raise BuildError(
            f"{what}: '{tool}' was not found; install it (Debian: apt-get install {package})",
            command=command,
        )
    try:
        result = subprocess.run(
            list(command),
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise BuildError(
            f"{what}: '{tool}' did not finish within {timeout:g} s", command=command
        ) from None
    except OSError as error:
        raise BuildError(f"{what}: cannot run '{tool}': {error}", command=command) from None
    if result.returncode != 0:
        raise BuildError(
            f"{what} failed ({tool} exited with status {result.returncode}):\n  "
            + " ".join(str(part) for part in command),
            command=command,
            stderr=result.stderr or result.stdout,
        )
    return result.stdout


def _check_inputs(objects: Sequence[Path]) -> list[str]:
    if not objects:
        raise BuildError("nothing to link: no object files")
    missing = [str(obj) for obj in objects if not Path(obj).is_file()]
    if missing:
        raise BuildError("object file(s) not found: " + ", ".join(missing))
    return [str(obj) for obj in objects]


def kernel64_path(out_elf: Path) -> Path:
    """Return where ``link_kernel`` keeps the ELF64 image for ``out_elf``.

    ``build/kernel.elf`` gives ``build/kernel64.elf``.
    """
    out_elf = Path(out_elf)
    return out_elf.with_name(out_elf.stem + "64" + out_elf.suffix)


def symbols_path(out_elf: Path) -> Path:
    """Return where ``link_kernel`` keeps the symbol table's assembly for ``out_elf``.

    ``build/kernel.elf`` gives ``build/kernel.symbols.s``.
    """
    out_elf = Path(out_elf)
    return out_elf.with_name(out_elf.stem + ".symbols.s")


def read_functions(elf: Path,
                   interrupt_handlers: Mapping[str, bool] | None = None) -> list[symtab.Symbol]:
    """The functions of a linked image, from ``nm``."""
    listing = _run(["nm", "-n", "-S", "--defined-only", str(elf)],
                   "reading the kernel's symbols")
    return symtab.functions_from_nm(listing, interrupt_handlers)


def link_kernel(
    objects: list[Path],
    out_elf: Path,
    *,
    linker_script: Path = LINKER_SCRIPT,
    map_file: Path | None = None,
    interrupt_handlers: Mapping[str, bool] | None = None,
) -> Path:
    """Link kernel objects into a bootable Multiboot image with a symbol table.

    Writes ``out_elf`` (ELF32, what QEMU's ``-kernel`` and GRUB load) and,
    next to it, the ELF64 image for debuggers (see ``kernel64_path``) and
    the symbol table's assembly (``symbols_path``).  Returns ``out_elf``.
    ``interrupt_handlers`` names the interrupt handlers and whether each
    takes an error code (``Compilation.interrupt_handlers``), for the
    table's flags.

    The image is linked twice, first without the symbol table and then
    with it (see ``pythos/kernel_tools/symtab.py``); the build fails if a function
    moved in between.  The line table for the panic backtrace
    (``pythos/kernel_tools/linetable.py``, with the inlined calls that
    ``pythos/kernel_tools/inlinetable.py`` reads) is made from the first
    link's DWARF and linked in with the symbol table (empty when the
    objects carry no debug information).

    ``-n`` stops ld from padding the file to page boundaries (which could
    push the Multiboot header past the first 8 KiB), ``-z max-page-size``
    keeps segment alignment at 4 KiB, and ``--no-dynamic-linker`` /
    ``-static`` make sure no interpreter or dynamic section appears.
    """
    inputs = _check_inputs(objects)
    out_elf = Path(out_elf)
    out_elf.parent.mkdir(parents=True, exist_ok=True)
    elf64 = kernel64_path(out_elf)
    command = [
        "ld",
        "-n",
        "-nostdlib",
        "-static",
        "--no-dynamic-linker",
        "-z", "max-page-size=0x1000",
        "-z", "noexecstack",
        "--build-id=none",
        "-T", str(linker_script),
        "-o", str(elf64),
    ]
    if map_file is not None:
        command += ["-Map", str(map_file)]
    _run(command + inputs, "linking the kernel")
    functions = read_functions(elf64, interrupt_handlers)
    table_s = symbols_path(out_elf)
    table_o = table_s.with_suffix(".o")
    try:
        image = elf64.read_bytes()
        with paused_gc():
            lines = linetable.from_elf(image)
            inlines = inlinetable.from_elf(image) if lines else []
    except (linetable.LineTableError, IndexError, KeyError, ValueError, struct.error) as error:
        raise BuildError(f"reading the kernel's DWARF debug information: {error}") from None
    table_s.write_text(symtab.table_asm(functions)
                       + (linetable.table_asm(lines, inlines) if lines else ""))
    _run(["as", "--64", "-o", str(table_o), str(table_s)], "assembling the symbol table")
    _run(command + inputs + [str(table_o)], "linking the kernel with its symbol table")
    table_o.unlink()
    moved = symtab.check_unmoved(functions, read_functions(elf64, interrupt_handlers))
    if moved is not None:
        raise BuildError(f"linking the kernel: {moved}; the symbol table must come after "
                         f"all code (section {symtab.SECTION} in the linker script)")
    # The loaders need no debug information, so the ELF32 copy leaves it
    # out; gdb reads it from the ELF64 image.
    _run(["objcopy", "-O", "elf32-i386", "--strip-debug", str(elf64), str(out_elf)],
         "converting the kernel to ELF32 for Multiboot")
    _check_multiboot_header(out_elf)
    return out_elf


def _check_multiboot_header(image: Path) -> None:
    """Fail early if a Multiboot loader would not find the header.

    The header (magic, flags, checksum) must be 4-byte aligned within the
    first 8192 bytes of the file.
    """
    head = image.read_bytes()[:8192]
    magic = (0x1BADB002).to_bytes(4, "little")
    offset = head.find(magic)
    while offset != -1:
        if offset % 4 == 0 and offset + 12 <= len(head):
            flags = int.from_bytes(head[offset + 4:offset + 8], "little")
            checksum = int.from_bytes(head[offset + 8:offset + 12], "little")
            if (0x1BADB002 + flags + checksum) & 0xFFFFFFFF == 0:
                return
        offset = head.find(magic, offset + 1)
    raise BuildError(
        f"{image}: no valid Multiboot header in the first 8 KiB "
        "(is the boot stub linked in, and its .multiboot section first?)"
    )


def grub_cfg(kernel_name: str = "kernel.elf", cmdline: str = "", timeout: int = 0,
             module: str = "") -> str:
    """Return a grub.cfg that boots ``/boot/<kernel_name>`` with Multiboot 1,
    and loads ``/boot/<module>`` (the initrd) as its first module if given."""
    if any(ch in cmdline for ch in "\n\r"):
        raise BuildError("the kernel command line cannot contain a newline")
    args = f" {cmdline}" if cmdline else ""
    module_line = f"    module /boot/{module} {module}\n" if module else ""
    return (
        f"set timeout={timeout}\n"
        "set default=0\n"
        "\n"
        'menuentry "Pythos" {\n'
        f"    multiboot /boot/{kernel_name}{args}\n"
        f"{module_line}"
        "    boot\n"
        "}\n"
    )


def make_iso(kernel_elf: Path, out_iso: Path, *, cmdline: str = "", timeout: int = 0,
             initrd: Path | None = None) -> Path:
    """Build a BIOS-bootable ISO with GRUB that boots ``kernel_elf``.

    ``cmdline`` is the kernel command line, written into grub.cfg (QEMU's
    ``-append`` only works with ``-kernel``).  ``timeout`` is GRUB's menu
    timeout in seconds; ``initrd`` is loaded as a Multiboot module.  Returns
    ``out_iso``.
    """
    kernel_elf = Path(kernel_elf)
    out_iso = Path(out_iso)
    if not kernel_elf.is_file():
        raise BuildError(f"kernel image not found: {kernel_elf}")
    out_iso.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="pythos-iso-") as tmp:
        boot = Path(tmp) / "boot"
        (boot / "grub").mkdir(parents=True)
        shutil.copyfile(kernel_elf, boot / "kernel.elf")
        module = ""
        if initrd is not None:
            module = "initrd.tar"
            shutil.copyfile(initrd, boot / module)
        (boot / "grub" / "grub.cfg").write_text(grub_cfg("kernel.elf", cmdline, timeout, module))
        _run(["grub-mkrescue", "-o", str(out_iso), tmp], "making the ISO image")
    if not out_iso.is_file():
        raise BuildError(f"grub-mkrescue reported success but {out_iso} was not written")
    return out_iso


def link_linux(objects: list[Path], out: Path, *, entry: str = "_start") -> Path:
    """Link a static Linux x86-64 executable without libc.

    The program's own code provides ``entry`` (``_start``) and makes system
    calls directly.  Returns ``out``.
    """
    return _link_static(objects, out, entry, [])


# Where a Pythos user program's first segment goes: in the user half,
# above the never-mapped null page, the address ld uses for a static Linux
# program anyway (kernel/proc/elf.py checks every segment's range).
USER_IMAGE_BASE = 0x400000


def link_user(objects: list[Path], out: Path) -> Path:
    """Link a Pythos user program (the ``user`` target) for the kernel's loader.

    The image starts at ``USER_IMAGE_BASE``, and ``-z separate-code`` puts
    the code in segments of its own pages, so that every segment is
    read-only, read+execute or read+write (W^X) and no two share a page,
    which the loader insists on.  Both are ld's defaults on x86-64 Linux
    today; they are spelled out so that the result does not depend on how
    binutils was configured.
    """
    return _link_static(objects, out, "_start", [
        "-z", "separate-code",
        f"-Ttext-segment={USER_IMAGE_BASE:#x}",
    ])


def _link_static(objects: list[Path], out: Path, entry: str, options: list[str]) -> Path:
    inputs = _check_inputs(objects)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    _run(
        [
            "ld",
            "-static",
            "-nostdlib",
            "--no-dynamic-linker",
            "-z", "noexecstack",
            "--build-id=none",
            *options,
            "-e", entry,
            "-o", str(out),
            *inputs,
        ],
        "linking the program",
    )
    return out
