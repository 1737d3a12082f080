"""The initial ramdisk: the programs under ``user/``, packed as a USTAR archive.

``pythos build`` writes ``initrd.tar`` next to the kernel image; ``pythos
run`` hands it to QEMU with ``-initrd`` and ``pythos iso`` puts it in the
ISO with a GRUB ``module`` line.  Either way the kernel receives it as the
first Multiboot module and reads it with ``kernel/fs/ustar.py``.

A program is one file under ``user/``, named after it without the suffix:
``user/hello.s`` becomes ``hello`` in the archive.  Until the compiler has
a user target (docs/userspace.md), programs are assembly, assembled with
GNU as and linked like a static Linux program (``link_linux``): entry
``_start`` and segments at 0x400000, in the user half.

The archive is deterministic: members sorted by name, owner 0, time 0,
mode 0755, the POSIX ``ustar`` format with no pax or GNU extensions, which
is all the kernel's reader accepts.
"""

from __future__ import annotations

import io
import tarfile
import tempfile
from pathlib import Path

from ..parse import PACKAGE_ROOT
from .build import BuildError, _run, link_linux

__all__ = ["USER_DIR", "build_programs", "initrd_path", "make_initrd"]

USER_DIR = PACKAGE_ROOT / "user"
# The kernel's reader refuses names longer than the header's name field.
MAX_NAME = 100


def initrd_path(kernel_elf: Path) -> Path:
    """Where ``pythos build`` puts the ramdisk for the kernel image ``kernel_elf``."""
    return Path(kernel_elf).with_name("initrd.tar")


def build_programs(out_dir: Path, sources: Path = USER_DIR) -> list[Path]:
    """Assemble and link every ``*.s`` program in ``sources`` into ``out_dir``."""
    programs = []
    for source in sorted(sources.glob("*.s")):
        if len(source.stem) > MAX_NAME:
            raise BuildError(f"user program name longer than {MAX_NAME} bytes: {source.name}")
        obj = out_dir / f"{source.stem}.o"
        # -I: programs share helpers with `.include "syscalls.inc"`.
        _run(["as", "--64", "-I", str(sources), "-o", str(obj), str(source)],
             f"assembling {source.name}")
        programs.append(link_linux([obj], out_dir / source.stem))
    return programs


def pack(files: list[Path]) -> bytes:
    """A USTAR archive of ``files``, each stored under its own name."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.USTAR_FORMAT) as tar:
        for path in sorted(files, key=lambda p: p.name):
            data = path.read_bytes()
            info = tarfile.TarInfo(path.name)
            info.size = len(data)
            info.mode = 0o755
            info.mtime = 0
            tar.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def make_initrd(out: Path, sources: Path = USER_DIR) -> Path:
    """Build the programs in ``sources`` and write their archive to ``out``."""
    out = Path(out)
    with tempfile.TemporaryDirectory(prefix="pythos-user-") as tmp:
        archive = pack(build_programs(Path(tmp), sources))
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(archive)
    except OSError as error:
        raise BuildError(f"cannot write {out}: {error.strerror or error}") from None
    return out
