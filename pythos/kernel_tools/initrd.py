"""The initial ramdisk: the programs under ``user/``, packed as a USTAR archive.

``pythos build`` writes ``initrd.tar`` next to the kernel image; ``pythos
run`` hands it to QEMU with ``-initrd`` and ``pythos iso`` puts it in the
ISO with a GRUB ``module`` line.  Either way the kernel receives it as the
first Multiboot module and reads it with ``kernel/fs/ustar.py``.

A program is one file under ``user/``, named after it without the suffix:
``user/hello.py`` becomes ``hello`` in the archive.  A ``.py`` program is
compiled by ``pythos`` for the ``user`` target; a ``.s`` program is
assembled with GNU as.  Both are linked by ``link_user``: entry ``_start``,
segments from 0x400000 in the user half, code and data on pages of their
own (W^X).  Two files with the same name and different suffixes would
both be ``hello``; the build refuses that.  A ``.txt`` file is data, not a
program, and goes in as it is, under its whole name (``motd.txt``), for
``cat`` to show.

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
from .build import BuildError, _run, link_user

__all__ = ["USER_DIR", "build_programs", "data_files", "initrd_path", "make_initrd",
           "program_sources"]

USER_DIR = PACKAGE_ROOT / "user"
# The kernel's reader refuses names longer than the header's name field.
MAX_NAME = 100


def initrd_path(kernel_elf: Path) -> Path:
    """Where ``pythos build`` puts the ramdisk for the kernel image ``kernel_elf``."""
    return Path(kernel_elf).with_name("initrd.tar")


def program_sources(sources: Path = USER_DIR) -> list[Path]:
    """The programs' source files in ``sources``: ``*.py`` and ``*.s``, sorted."""
    return sorted([*sources.glob("*.py"), *sources.glob("*.s")])


def data_files(sources: Path = USER_DIR) -> list[Path]:
    """The text files that go into the archive unchanged."""
    return sorted(sources.glob("*.txt"))


def call_number_symbols() -> list[str]:
    """``--defsym`` options that give an assembly program every system call
    number (``SYS_READ`` and so on) from the one table, pythos/rt/sysabi.py."""
    from ..rt import sysabi
    return [f"--defsym={name}={int(value)}" for name, value in vars(sysabi).items()
            if name.startswith("SYS_")]


def build_programs(out_dir: Path, sources: Path = USER_DIR, opt_level: int = 2) -> list[Path]:
    """Build every ``*.py`` and ``*.s`` program in ``sources`` into ``out_dir``."""
    from ..driver import compile_file
    from ..target import USER
    programs = []
    seen: dict[str, Path] = {}
    for source in program_sources(sources):
        if len(source.stem) > MAX_NAME:
            raise BuildError(f"user program name longer than {MAX_NAME} bytes: {source.name}")
        if source.stem in seen:
            raise BuildError(f"two user programs would be called {source.stem}: "
                             f"{seen[source.stem].name} and {source.name}")
        seen[source.stem] = source
        obj = out_dir / f"{source.stem}.o"
        if source.suffix == ".py":
            obj.write_bytes(compile_file(source, USER, opt_level).obj)
        else:
            # -I: programs share helpers with `.include "syscalls.inc"`.
            _run(["as", "--64", "-I", str(sources), *call_number_symbols(),
                  "-o", str(obj), str(source)], f"assembling {source.name}")
        programs.append(link_user([obj], out_dir / source.stem))
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
        archive = pack(build_programs(Path(tmp), sources) + data_files(sources))
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(archive)
    except OSError as error:
        raise BuildError(f"cannot write {out}: {error.strerror or error}") from None
    return out
