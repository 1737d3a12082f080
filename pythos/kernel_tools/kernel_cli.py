"""The kernel commands of the `pythos` command line: build, iso and run.

    pythos build [-O N] [-o build/kernel.elf] [--heap=bump|list|fixed|buddy]
                 [--frames=bitmap|list] [--no-debug]
                                                  compile and link the kernel
    pythos iso   [-O N] [-o build/pythos.iso] [--append CMDLINE]
                                                  ... and make a GRUB ISO
    pythos run   [--memory 128M] [--serial] [--gdb] [--append CMDLINE] [--iso]
                                                  ... and boot it in QEMU

`build` compiles `kernel/kmain.py` (and everything it imports, the boot
stub included) for the freestanding target into one object file,
`build/kernel.o`, and links it with the kernel linker script into
`build/kernel.elf` (ELF32, what QEMU's `-kernel` and GRUB load) and
`build/kernel64.elf` (the same image as ELF64, for gdb).  Kernel builds
carry DWARF debug information (pythos/lower/debuginfo.py) in
`build/kernel64.elf` unless `--no-debug` is given; the ELF32 copy that
QEMU and GRUB load is stripped of it, since no loader reads it.

A build whose inputs have not changed is not done again, as `make` would
not: next to the image, `build/kernel.inputs` holds a SHA-256 over every
file the build reads (the compiler and runtime under `pythos/`, the
kernel under `kernel/`, the user programs under `user/`), the options
(`-O`, `--heap`, `--frames`, `--no-debug`) and the versions of llvmlite
and `ld`.  When it matches, and the images and the ramdisk are there,
`build`, `iso` and `run` use them as they are; `--rebuild` builds anyway.
The stamp is removed before a build starts and written after it has
finished, so an interrupted or failed build never leaves a stamp that
vouches for a half-written image.

`--heap` (on `build`, `iso`, `run` and `test`) picks the kernel heap's
design: the compiler compiles `kernel/mm/heaps/<name>.py` in place of
`kernel.mm.heap_allocator` (a module alias), so the kernel itself has no
switch.  Without it the kernel gets the default named in
`kernel/mm/heap_allocator.py`.  `--frames=bitmap|list` does the same for
the frame allocator (`kernel/mm/frame_allocators/<name>.py`).

`run` starts QEMU in the foreground and first says, on standard error, how
to quit.  On a terminal it shows the VGA screen in the terminal itself
(`-display curses`, behind the relay in `pythos/kernel_tools/terminal.py`: Ctrl-A X
quits, and a status line on the last row says so) and logs the serial port
to `build/serial.log`; without a terminal, or with `--serial`, the serial
port is standard output (Ctrl-A X quits there too, QEMU's own escape).
With `--gdb` the debugger command is printed before QEMU starts and kept
in the status line: it loads tools/gdb/pythos.gdb and the symbols of
`build/kernel64.elf`, and connects (docs/debugging.md).  When the kernel
panics, QEMU exits at once through the isa-debug-exit device, so `run`
repeats the panic report from the serial log after the screen is gone,
with the CPU exception report (CR2, the decoded cause) that came before it.

Every failure is reported as `pythos: error: ...` with exit status 1 (a
compile error in the kernel prints the usual diagnostic); none produces a
Python traceback.
"""

from __future__ import annotations

import argparse
import hashlib
import subprocess
import sys
from pathlib import Path

from ..gcpause import paused_gc
from ..parse import PACKAGE_ROOT
from .build import BuildError, kernel64_path, link_kernel, make_iso
from .initrd import initrd_path, make_initrd
from .qemu import QemuConfig, QemuError, decode_exit_status, gdb_command, resolve_display
from .qemu import run as run_qemu
from .terminal import QUIT_HINT

__all__ = ["HEAPS", "KMAIN", "add_kernel_commands", "build_kernel", "heap_aliases",
           "run_kernel_command"]

KMAIN = PACKAGE_ROOT / "kernel" / "kmain.py"
DEFAULT_ELF = Path("build") / "kernel.elf"
DEFAULT_ISO = Path("build") / "pythos.iso"
# The heap designs `--heap` accepts: kernel/mm/heaps/<name>.py each.
HEAPS = ("bump", "list", "fixed", "buddy")
HEAP_DIR = PACKAGE_ROOT / "kernel" / "mm" / "heaps"


# The frame allocators `--frames` accepts: kernel/mm/frame_allocators/<name>.py each.
FRAME_ALLOCATORS = ("bitmap", "list")
FRAME_ALLOCATOR_DIR = PACKAGE_ROOT / "kernel" / "mm" / "frame_allocators"


def heap_aliases(heap: str | None, frames: str | None = None) -> dict[str, Path]:
    """The module aliases that build the kernel with heap design `heap` and
    frame allocator `frames` (None: the default)."""
    aliases = {}
    if heap is not None:
        if heap not in HEAPS:
            raise BuildError(f"unknown heap design '{heap}'; expected one of {', '.join(HEAPS)}")
        aliases["kernel.mm.heap_allocator"] = HEAP_DIR / f"{heap}.py"
    if frames is not None:
        if frames not in FRAME_ALLOCATORS:
            raise BuildError(f"unknown frame allocator '{frames}'; expected one of "
                             f"{', '.join(FRAME_ALLOCATORS)}")
        aliases["kernel.mm.frame_allocator"] = FRAME_ALLOCATOR_DIR / f"{frames}.py"
    return aliases


def add_heap_option(p: argparse.ArgumentParser) -> None:
    """`--heap=NAME`: build the kernel with another heap design."""
    p.add_argument("--heap", choices=HEAPS, default=None,
                   help="kernel heap design (default: kernel/mm/heap_allocator.py's)")
    p.add_argument("--frames", choices=FRAME_ALLOCATORS, default=None,
                   help="frame allocator (default: kernel/mm/frame_allocator.py's)")

# What the kernel writes to the isa-debug-exit port (kernel/drivers/debug_exit.py).
EXIT_SUCCESS = 0x10
EXIT_FAILURE = 0x11
EXIT_PANIC = 101


def add_kernel_commands(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add `build`, `iso` and `run` to the `pythos` command line."""

    def optimisation(p: argparse.ArgumentParser) -> None:
        # The shared driver code reads args.target before dispatching here.
        p.set_defaults(target="freestanding")
        p.add_argument("-O", dest="opt", type=int, default=2, choices=[0, 1, 2, 3],
                       help="optimisation level (default 2)")
        add_heap_option(p)
        p.add_argument("--no-debug", dest="debug", action="store_false",
                       help="leave out the DWARF debug information (faster to build)")
        p.add_argument("--rebuild", action="store_true",
                       help="build even when the image was built from the same inputs")

    p = subparsers.add_parser("build", help="compile and link the kernel (build/kernel.elf)")
    optimisation(p)
    p.add_argument("-o", dest="output", type=Path, default=DEFAULT_ELF,
                   help=f"kernel image to write (default {DEFAULT_ELF})")

    p = subparsers.add_parser("iso", help="build the kernel and a GRUB ISO (build/pythos.iso)")
    optimisation(p)
    p.add_argument("-o", dest="output", type=Path, default=DEFAULT_ISO,
                   help=f"ISO image to write (default {DEFAULT_ISO})")
    p.add_argument("--append", default="", metavar="CMDLINE",
                   help="kernel command line, written into grub.cfg")

    p = subparsers.add_parser("run", help="build the kernel and boot it in QEMU")
    optimisation(p)
    p.add_argument("--memory", "-m", default="128M", help="guest RAM (default 128M)")
    p.add_argument("--serial", action="store_true",
                   help="serial console on standard output instead of the screen")
    p.add_argument("--gdb", action="store_true",
                   help="wait for gdb on localhost:1234 before running")
    p.add_argument("--gdb-port", type=int, default=None, metavar="PORT",
                   help="with --gdb: wait for gdb on this TCP port instead")
    p.add_argument("--append", default="", metavar="CMDLINE", help="kernel command line")
    p.add_argument("--iso", action="store_true", help="boot from the GRUB ISO (-cdrom)")
    p.add_argument("--display", default="auto",
                   help="QEMU display: auto (curses on a terminal, else none), "
                        "curses, gtk, sdl, none")


# What a kernel build reads, besides the tools (pythos/kernel_tools/build.py
# links with the script under kernel/arch, and initrd.py packs user/).
BUILD_INPUTS = ("pythos", "kernel", "user")


def inputs_path(kernel_elf: Path) -> Path:
    """The stamp of what built `kernel_elf` (`build/kernel.inputs`)."""
    return Path(kernel_elf).with_suffix(".inputs")


def build_inputs_digest(opt_level: int, heap: str | None, frames: str | None,
                        debug: bool) -> str:
    """SHA-256 over everything that decides a kernel build's output."""
    import llvmlite

    h = hashlib.sha256()
    options = [f"-O{opt_level}", f"heap={heap}", f"frames={frames}", f"debug={debug}",
               f"llvmlite={llvmlite.__version__}"]
    try:
        ld = subprocess.run(["ld", "--version"], capture_output=True, text=True, timeout=30)
        options.append(ld.stdout.partition("\n")[0])
    except OSError:
        options.append("no ld")  # the link will say what is wrong
    h.update("\0".join(options).encode() + b"\0")
    for top in BUILD_INPUTS:
        for f in sorted((PACKAGE_ROOT / top).rglob("*")):
            if f.is_file() and "__pycache__" not in f.parts:
                h.update(str(f.relative_to(PACKAGE_ROOT)).encode() + b"\0")
                h.update(f.read_bytes() + b"\0")
    return h.hexdigest()


def up_to_date(output: Path, digest: str) -> bool:
    """Whether `output` and what goes with it were built from `digest`'s inputs."""
    stamp = inputs_path(output)
    try:
        if stamp.read_text(encoding="ascii").strip() != digest:
            return False
    except (OSError, UnicodeDecodeError):
        return False
    return all(p.is_file() for p in (output, kernel64_path(output), initrd_path(output)))


def build_kernel(output: Path = DEFAULT_ELF, opt_level: int = 2,
                 heap: str | None = None, frames: str | None = None,
                 debug: bool = True, rebuild: bool = False) -> tuple[Path, bool]:
    """Compile and link the kernel; return the path of the ELF32 image, and
    whether it was built (False: it was up to date, see `up_to_date`, and
    `rebuild` was not asked for).

    Raises `CompileError` for errors in the kernel source and `BuildError`
    when a tool fails.
    """
    from ..driver import compile_file
    from ..target import get_target

    output = Path(output)
    if output.suffix != ".elf":
        raise BuildError(f"the kernel image should end in .elf, not '{output.name}'")
    digest = build_inputs_digest(opt_level, heap, frames, debug)
    if not rebuild and up_to_date(output, digest):
        print(f"pythos: {output} is up to date (built from the same sources and "
              "options; --rebuild builds it anyway)", file=sys.stderr)
        return output, False
    inputs_path(output).unlink(missing_ok=True)
    # Compiling and linking run with the collector paused, as one stretch:
    # resumed in between, its first collection would walk all that the
    # compiler made (pythos/gcpause.py).
    with paused_gc():
        result = compile_file(KMAIN, get_target("freestanding"), opt_level,
                              aliases=heap_aliases(heap, frames), debug=debug)
        obj = output.with_suffix(".o")
        try:
            obj.parent.mkdir(parents=True, exist_ok=True)
            obj.write_bytes(result.obj)
        except OSError as error:
            raise BuildError(f"cannot write {obj}: {error.strerror or error}") from None
        elf = link_kernel([obj], output, interrupt_handlers=result.interrupt_handlers)
    make_initrd(initrd_path(elf))  # the user programs, loaded as a Multiboot module
    try:
        inputs_path(elf).write_text(digest + "\n", encoding="ascii")
    except OSError as error:
        raise BuildError(f"cannot write {inputs_path(elf)}: {error.strerror or error}") from None
    return elf, True


def run_kernel_command(args: argparse.Namespace) -> int:
    """Run `build`, `iso` or `run`; return the exit status."""
    try:
        if args.command == "build":
            elf, built = build_kernel(args.output, args.opt, args.heap, args.frames,
                                      args.debug, args.rebuild)
            if not built:
                return 0
            print(f"wrote {elf} (and {kernel64_path(elf).name} for gdb, "
                  f"{initrd_path(elf).name} with the user programs)")
            return 0
        if args.command == "iso":
            elf, _ = build_kernel(DEFAULT_ELF, args.opt, args.heap, args.frames, args.debug,
                                  args.rebuild)
            iso = make_iso(elf, args.output, cmdline=args.append, initrd=initrd_path(elf))
            print(f"wrote {iso}")
            return 0
        if args.command == "run":
            return run_command(args)
    except (QemuError, OSError) as error:
        print(f"pythos: error: {error}", file=sys.stderr)
        return 1
    print(f"pythos: error: unknown kernel command {args.command!r}", file=sys.stderr)
    return 1


def run_command(args: argparse.Namespace) -> int:
    elf, _ = build_kernel(DEFAULT_ELF, args.opt, args.heap, args.frames, args.debug,
                          args.rebuild)
    config = QemuConfig(memory=args.memory, display=args.display, serial_stdio=args.serial,
                        gdb=args.gdb, gdb_port=args.gdb_port)
    if args.iso:
        config.iso = make_iso(elf, DEFAULT_ISO, cmdline=args.append, initrd=initrd_path(elf))
    else:
        config.kernel = elf
        config.cmdline = args.append
        config.initrd = initrd_path(elf)
    terminal = sys.stdout.isatty()
    display = resolve_display(config, terminal)
    if display != "none":
        config.serial_log = DEFAULT_ELF.parent / "serial.log"
        config.serial_log.unlink(missing_ok=True)
    gdb_hint = gdb_command(kernel64_path(elf), args.gdb_port)
    for line in start_hints(display, terminal, config.serial_log, gdb_hint if args.gdb else ""):
        print(f"pythos: {line}", file=sys.stderr)
    sys.stderr.flush()
    sys.stdout.flush()
    status = QUIT_HINT + (f" | QEMU waits for gdb: {gdb_hint}" if args.gdb else "")
    exit_status = run_qemu(config, status=status)
    if args.gdb and display == "curses":
        print(f"pythos: (the debugger command was: {gdb_hint})", file=sys.stderr)
    return report_exit(exit_status, config.serial_log)


def start_hints(display: str, terminal: bool, serial_log: Path | None, gdb_hint: str) -> list[str]:
    """What `pythos run` says before QEMU starts: how to quit, where the
    serial output goes, and how to attach gdb."""
    hints = []
    if display == "curses":
        hints.append(f"the screen is drawn in this terminal; {QUIT_HINT} "
                     "(Ctrl-A Ctrl-A types Ctrl-A)")
    elif display == "none" and terminal:
        hints.append("serial console; Ctrl-A X quits QEMU, Ctrl-A C opens its monitor")
    elif display != "none":
        hints.append("close QEMU's window to quit")
    if serial_log is not None:
        hints.append(f"serial output goes to {serial_log}")
    if gdb_hint:
        hints.append(f"QEMU waits for gdb; in another terminal: {gdb_hint}")
    return hints


def report_exit(status: int, serial_log: Path | None) -> int:
    """Explain how QEMU ended; return `pythos run`'s exit status."""
    value = decode_exit_status(status)
    if value == EXIT_SUCCESS or status == 0:
        return 0
    if value == EXIT_PANIC:
        print("pythos: the kernel panicked", file=sys.stderr)
        if serial_log is not None:
            for line in panic_lines(serial_log):
                print(f"  {line}", file=sys.stderr)
        return 1
    if status == 1:
        # Also what the guest would get by writing 0, which Pythos never does.
        print("pythos: error: QEMU failed to start (see its message above)", file=sys.stderr)
    elif value is not None:
        print(f"pythos: the kernel exited with code {value:#x}", file=sys.stderr)
    else:
        print(f"pythos: QEMU exited with status {status}", file=sys.stderr)
    return 1


def panic_lines(serial_log: Path) -> list[str]:
    """The panic report from a serial log: the CPU exception report that led
    to it, if any (`CPU exception 14 #PF: ...` and its indented lines:
    registers, CR2 and the decoded cause), the `file:line: panic: ...`
    line, and its backtrace (`backtrace:` and the frames)."""
    try:
        text = serial_log.read_text(errors="replace")
    except OSError:
        return []
    lines: list[str] = []
    exception: list[str] = []
    in_backtrace = False
    for line in text.splitlines():
        if line.startswith("CPU exception "):
            exception = [line]
            in_backtrace = False
        elif exception and line.startswith("  "):
            exception.append(line)
        elif ": panic: " in line:
            # A report without a panic after it (a breakpoint) is dropped.
            lines += exception
            lines.append(line)
            exception = []
            in_backtrace = False
        elif lines and line == "backtrace:":
            lines.append(line)
            in_backtrace = True
        elif in_backtrace and line.startswith(("  #", "  (", "  ... ")):  # frames, folds
            lines.append(line)
        else:
            exception = []
            in_backtrace = False
    return lines
