"""Running Pythos in QEMU: the command line for ``pythos run``, and test sessions.

``build_command`` turns a ``QemuConfig`` into a ``qemu-system-x86_64``
command line: ``-no-reboot`` (a triple fault stops QEMU instead of looping
through resets), the ``isa-debug-exit`` device on port 0xF4, memory size,
the kernel command line (``-append``, only with ``-kernel``), gdb
(``-s -S``: wait for gdb on TCP port 1234, or ``-gdb tcp:...`` on
``gdb_port``), deterministic instruction counting (``-icount``), and the
display: the VGA screen drawn in the terminal with ``-display curses`` when
standard output is a terminal, otherwise no display and the serial port on
standard output.  ``run`` starts it in the foreground; the curses display
runs behind a small terminal relay (``pythos/kernel_tools/terminal.py``) that makes
Ctrl-A X quit and keeps a status line saying so.

``QemuSession`` runs QEMU headless for tests.  Before starting QEMU it
listens on two UNIX sockets in a private directory; QEMU connects to them
as a client while it initialises, before the guest runs, so no output is
lost and nothing polls for a socket to appear:

* the serial port (COM1), read by a background thread into a buffer that
  ``wait_for_serial`` watches, and written by ``send_serial``;
* a QMP monitor, used for ``send_key``, ``screendump``, ``read_vga_text``
  (``pmemsave`` of the text buffer at physical 0xB8000) and ``quit``.

A timer kills QEMU when the session's hard timeout expires, and ``close``
(also run by ``with``, and at interpreter exit as a last resort) always
reaps the process.

Exit status: the guest writes a value v to port 0xF4 and QEMU exits with
status (v << 1) | 1.  ``decode_exit_status`` undoes that; an even status
means QEMU stopped for another reason (0: ``quit``, or a triple fault under
``-no-reboot``).  Status 1 is ambiguous: v = 0, or a QEMU start-up error.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import weakref
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Self

__all__ = [
    "DEBUG_EXIT_PORT",
    "GDB_PORT",
    "GDB_SCRIPT",
    "QEMU",
    "QemuConfig",
    "QemuError",
    "QemuSession",
    "QemuTimeout",
    "build_command",
    "debug_exit_status",
    "decode_exit_status",
    "decode_vga_text",
    "gdb_args",
    "gdb_command",
    "resolve_display",
    "run",
]

QEMU = "qemu-system-x86_64"
DEBUG_EXIT_PORT = 0xF4
DEBUG_EXIT_DEVICE = f"isa-debug-exit,iobase={DEBUG_EXIT_PORT:#x},iosize=0x04"
# QEMU's `-s` listens for gdb here; tools/gdb/pythos.gdb sets gdb up.
GDB_PORT = 1234
GDB_SCRIPT = Path(__file__).resolve().parents[2] / "tools" / "gdb" / "pythos.gdb"
VGA_TEXT_ADDRESS = 0xB8000
VGA_COLUMNS, VGA_ROWS = 80, 25


class QemuError(Exception):
    """QEMU could not be started or stopped answering."""


class QemuTimeout(QemuError):
    """Something did not happen in time; the message includes the serial log."""


def debug_exit_status(value: int) -> int:
    """The QEMU exit status after the guest writes ``value`` to port 0xF4."""
    return ((value << 1) | 1) & 0xFF


def decode_exit_status(status: int) -> int | None:
    """The value the guest wrote to port 0xF4, or None if QEMU exited otherwise."""
    return status >> 1 if status > 0 and status & 1 else None


def decode_vga_text(memory: bytes) -> list[str]:
    """Decode an 80x25 VGA text buffer (character, attribute pairs) into lines.

    Characters are decoded with code page 437, the VGA font's; NUL cells
    (never written) read as spaces.  Trailing spaces are removed.
    """
    chars = bytes(memory[0:VGA_COLUMNS * VGA_ROWS * 2:2]).replace(b"\0", b" ")
    text = chars.decode("cp437")
    return [text[row * VGA_COLUMNS:(row + 1) * VGA_COLUMNS].rstrip() for row in range(VGA_ROWS)]


@dataclass
class QemuConfig:
    """What to boot and how; ``build_command`` turns it into arguments."""

    kernel: Path | None = None
    iso: Path | None = None
    memory: str = "128M"
    cmdline: str = ""
    # The initial ramdisk, a Multiboot module (``-initrd``, only with ``-kernel``).
    initrd: Path | None = None
    # "auto": curses on a terminal, else none.  Any QEMU -display value.
    display: str = "auto"
    # Serial on standard output (no VGA display); forced when display is none.
    serial_stdio: bool = False
    # With a display, also write the serial output to this file.
    serial_log: Path | None = None
    gdb: bool = False
    # The TCP port QEMU's gdb stub listens on, when not the usual 1234
    # (tests pick a free one: other QEMUs may be running).
    gdb_port: int | None = None
    icount: bool = False
    cpu: str | None = None
    extra_args: tuple[str, ...] = ()
    qemu: str = QEMU


def _boot_args(config: QemuConfig) -> list[str]:
    if (config.kernel is None) == (config.iso is None):
        raise QemuError("give exactly one of a kernel image and an ISO image")
    if config.kernel is not None:
        args = ["-kernel", str(config.kernel)]
        if config.cmdline:
            args += ["-append", config.cmdline]
        if config.initrd is not None:
            # QEMU splits -initrd at commas into several modules.
            if "," in str(config.initrd):
                raise QemuError(f"QEMU cannot load a module whose path has a comma: "
                                f"{config.initrd}")
            args += ["-initrd", str(config.initrd)]
        return args
    if config.initrd is not None:
        raise QemuError("an initrd cannot be passed to an ISO; build the ISO with it "
                        "instead (make_iso(..., initrd=...))")
    if config.cmdline:
        raise QemuError("a kernel command line cannot be passed to an ISO; build the "
                        "ISO with it instead (make_iso(..., cmdline=...))")
    return ["-cdrom", str(config.iso), "-boot", "d"]


def _common_args(config: QemuConfig) -> list[str]:
    args = [config.qemu, "-no-reboot", "-m", config.memory,
            "-device", DEBUG_EXIT_DEVICE]
    if config.cpu:
        args += ["-cpu", config.cpu]
    if config.icount:
        args += ["-icount", "shift=0,sleep=off"]
    args += _boot_args(config)
    return args


def build_command(config: QemuConfig, *, terminal: bool | None = None) -> list[str]:
    """Return the QEMU command line for an interactive run.

    ``terminal`` says whether standard output is a terminal (default: ask).
    """
    if terminal is None:
        terminal = sys.stdout.isatty()
    args = _common_args(config)
    display = resolve_display(config, terminal)
    if display == "none":
        # On a terminal, "mon:" multiplexes the monitor (Ctrl-A C) and lets
        # Ctrl-A X quit; a pipe gets the plain serial stream.
        args += ["-display", "none", "-serial", "mon:stdio" if terminal else "stdio"]
    else:
        args += ["-display", display]
        if config.serial_log is not None:
            args += ["-serial", f"file:{config.serial_log}"]
    if config.gdb:
        args += gdb_args(config)
    return args + list(config.extra_args)


def gdb_args(config: QemuConfig) -> list[str]:
    """Start the CPU stopped (``-S``) and wait for gdb on the configured port."""
    if config.gdb_port is None or config.gdb_port == GDB_PORT:
        return ["-s", "-S"]
    return ["-gdb", f"tcp:127.0.0.1:{config.gdb_port}", "-S"]


def gdb_command(kernel64: Path, port: int | None = None) -> str:
    """The one-line gdb command that loads the checked-in settings
    (tools/gdb/pythos.gdb), the kernel's symbols, and connects to QEMU."""
    return (f"gdb -q -x {_shown(GDB_SCRIPT)} {_shown(kernel64)} "
            f"-ex 'target remote :{port or GDB_PORT}'")


def _shown(path: Path) -> str:
    """`path` relative to the working directory when it lies below it."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(Path(path).resolve())


def resolve_display(config: QemuConfig, terminal: bool) -> str:
    """The display QEMU gets: "auto" is curses on a terminal, else none;
    a serial console on standard output means no display."""
    if config.serial_stdio:
        return "none"
    if config.display == "auto":
        return "curses" if terminal else "none"
    return config.display


def run(config: QemuConfig, *, timeout: float | None = None, status: str = "") -> int:
    """Run QEMU in the foreground and return its exit status.

    With the curses display on a terminal, QEMU runs behind the relay of
    ``pythos/kernel_tools/terminal.py``: Ctrl-A X quits, and ``status`` (default: how to
    quit) stays on the terminal's last row.
    """
    command = build_command(config)
    if shutil.which(command[0]) is None:
        raise QemuError(f"{command[0]} not found (Debian: apt-get install qemu-system-x86)")
    interactive = sys.stdin.isatty() and sys.stdout.isatty()
    if interactive and timeout is None and resolve_display(config, True) == "curses":
        from .terminal import QUIT_HINT, run_in_terminal
        return run_in_terminal(command, status or QUIT_HINT)
    try:
        return subprocess.run(command, timeout=timeout, check=False).returncode
    except subprocess.TimeoutExpired:
        raise QemuTimeout(f"QEMU did not exit within {timeout:g} s") from None


_live_sessions: weakref.WeakSet[QemuSession] = weakref.WeakSet()


@atexit.register
def _close_live_sessions() -> None:
    for session in list(_live_sessions):
        session.close()


class QemuSession:
    """A headless QEMU for tests, with serial and QMP on UNIX sockets.

    Use as a context manager (``start()`` then ``with`` works too)::

        with QemuSession(Path("build/kernel.elf"), memory="32M") as vm:
            vm.wait_for_serial("Pythos")
            lines = vm.read_vga_text()
    """

    def __init__(self, kernel: Path | None = None, *, iso: Path | None = None,
                 memory: str = "128M", cmdline: str = "", timeout: float = 10.0,
                 icount: bool = False, cpu: str | None = None,
                 extra_args: tuple[str, ...] = (), qemu: str = QEMU,
                 initrd: Path | None = None) -> None:
        self.config = QemuConfig(kernel=kernel, iso=iso, memory=memory, cmdline=cmdline,
                                 initrd=initrd, display="none", icount=icount, cpu=cpu,
                                 extra_args=tuple(extra_args), qemu=qemu)
        self.timeout = timeout
        self.timed_out = False
        self.events: list[dict[str, Any]] = []
        self._serial = bytearray()
        self._serial_cond = threading.Condition()
        self._serial_eof = False
        self._proc: subprocess.Popen[bytes] | None = None
        self._tmp: Path | None = None
        self._serial_sock: socket.socket | None = None
        self._qmp_sock: socket.socket | None = None
        self._qmp_file: BinaryIO | None = None
        self._qmp_lock = threading.Lock()
        self._killer: threading.Timer | None = None

    # -- life cycle -------------------------------------------------------

    def command(self, directory: Path) -> list[str]:
        """The QEMU command line, with the sockets in ``directory``."""
        return _common_args(self.config) + [
            "-display", "none",
            "-chardev", f"socket,id=pythos_serial,path={directory / 'serial.sock'}",
            "-serial", "chardev:pythos_serial",
            "-chardev", f"socket,id=pythos_qmp,path={directory / 'qmp.sock'}",
            "-mon", "chardev=pythos_qmp,mode=control",
            *self.config.extra_args,
        ]

    def start(self) -> Self:
        """Start QEMU and connect to its serial port and monitor."""
        if self._proc is not None:
            raise QemuError("this session has already been started")
        if shutil.which(self.config.qemu) is None:
            raise QemuError(f"{self.config.qemu} not found (Debian: apt-get install "
                            "qemu-system-x86)")
        self._tmp = Path(tempfile.mkdtemp(prefix="pythos-qemu-"))
        try:
            with contextlib.ExitStack() as stack:
                listeners = []
                for name in ("serial", "qmp"):
                    listener = stack.enter_context(socket.socket(socket.AF_UNIX))
                    listener.bind(str(self._tmp / f"{name}.sock"))
                    listener.listen(1)
                    listeners.append(listener)
                with open(self._tmp / "stderr.txt", "wb") as stderr:
                    self._proc = subprocess.Popen(self.command(self._tmp),
                                                  stdin=subprocess.DEVNULL,
                                                  stdout=stderr, stderr=stderr)
                _live_sessions.add(self)
                self._killer = threading.Timer(self.timeout, self._hard_timeout)
                self._killer.daemon = True
                self._killer.start()
                self._serial_sock = self._accept(listeners[0])
                self._qmp_sock = self._accept(listeners[1])
            threading.Thread(target=self._read_serial, daemon=True).start()
            self._qmp_file = self._qmp_sock.makefile("rb")
            self._qmp_read()  # the greeting
            self.qmp("qmp_capabilities")
        except BaseException:
            self.close()
            raise
        return self

    def _accept(self, listener: socket.socket) -> socket.socket:
        """Accept QEMU's connection, failing fast if QEMU exits instead."""
        listener.settimeout(0.05)
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                if self._proc is not None and self._proc.poll() is not None:
                    raise QemuError("QEMU exited during start-up:\n" + self.stderr) from None
                continue
            conn.settimeout(None)
            return conn
        raise QemuTimeout("QEMU did not connect its sockets in time")

    def _hard_timeout(self) -> None:
        if self._proc is not None and self._proc.poll() is None:
            self.timed_out = True
            self._proc.kill()

    def __enter__(self) -> Self:
        return self if self._proc is not None else self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop QEMU (through the monitor, else by force) and clean up."""
        proc = self._proc
        if proc is not None and proc.poll() is None:
            with contextlib.suppress(QemuError, OSError, ValueError):
                self.qmp("quit", timeout=1.0)
            try:
                proc.wait(timeout=2.0)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        if self._killer is not None:
            self._killer.cancel()
        for closable in (self._qmp_file, self._serial_sock, self._qmp_sock):
            if closable is not None:
                closable.close()
        _live_sessions.discard(self)
        if self._tmp is not None:
            shutil.rmtree(self._tmp, ignore_errors=True)

    # -- state ------------------------------------------------------------

    @property
    def stderr(self) -> str:
        """What QEMU printed (its stdout and stderr)."""
        try:
            return (self._tmp / "stderr.txt").read_text(errors="replace") if self._tmp else ""
        except OSError:
            return ""

    @property
    def serial_output(self) -> bytes:
        with self._serial_cond:
            return bytes(self._serial)

    @property
    def serial_text(self) -> str:
        return self.serial_output.decode("utf-8", errors="replace")

    @property
    def pid(self) -> int | None:
        """QEMU's process id (for its CPU time in /proc), or None before start."""
        return None if self._proc is None else self._proc.pid

    @property
    def exit_code(self) -> int | None:
        """QEMU's exit status, or None while it runs."""
        return None if self._proc is None else self._proc.poll()

    @property
    def debug_exit_value(self) -> int | None:
        """The value written to port 0xF4, once QEMU has exited through it."""
        code = self.exit_code
        return None if code is None else decode_exit_status(code)

    def wait_for_exit(self, timeout: float | None = None) -> int:
        """Wait for QEMU to exit and return its status."""
        if self._proc is None:
            raise QemuError("the session has not been started")
        try:
            code = self._proc.wait(timeout=self.timeout if timeout is None else timeout)
        except subprocess.TimeoutExpired:
            raise QemuTimeout(self._describe("QEMU did not exit")) from None
        with self._serial_cond:  # let the reader drain what QEMU wrote last
            self._serial_cond.wait_for(lambda: self._serial_eof, 1.0)
        if self.timed_out:
            raise QemuTimeout(self._describe(f"QEMU was killed after {self.timeout:g} s"))
        return code

    def _describe(self, what: str) -> str:
        message = f"{what}\n--- serial output ---\n{self.serial_text}"
        if self.stderr.strip():
            message += f"\n--- QEMU output ---\n{self.stderr}"
        return message

    # -- serial -----------------------------------------------------------

    def _read_serial(self) -> None:
        while True:
            data = self._receive_serial()
            with self._serial_cond:
                self._serial += data
                self._serial_eof = not data
                self._serial_cond.notify_all()
            if not data:
                return

    def _receive_serial(self) -> bytes:
        """The next bytes from the serial socket; empty once it is closed."""
        assert self._serial_sock is not None
        try:
            return self._serial_sock.recv(65536)
        except OSError:
            return b""

    def wait_for_serial(self, text: str | bytes, timeout: float | None = None) -> str:
        """Wait until ``text`` appears on the serial port; return all output so far."""
        needle = text.encode() if isinstance(text, str) else text
        deadline = time.monotonic() + (self.timeout if timeout is None else timeout)
        with self._serial_cond:
            while needle not in self._serial and not self._serial_eof:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    break
                self._serial_cond.wait(remaining)
            if needle in self._serial:
                return self._serial.decode("utf-8", errors="replace")
        why = "QEMU exited" if self._serial_eof else "timed out"
        raise QemuTimeout(self._describe(f"{why} before {text!r} appeared on serial"))

    def send_serial(self, data: bytes) -> None:
        """Send bytes to the guest's COM1."""
        if self._serial_sock is None:
            raise QemuError("the session has not been started")
        self._serial_sock.sendall(data)

    # -- monitor ----------------------------------------------------------

    def _qmp_read(self) -> dict[str, Any]:
        assert self._qmp_file is not None
        line = self._qmp_file.readline()
        if not line:
            raise QemuError(self._describe("QEMU closed the monitor connection"))
        reply: dict[str, Any] = json.loads(line)
        return reply

    def qmp(self, command: str, arguments: dict[str, Any] | None = None, *,
            timeout: float = 5.0) -> Any:
        """Run a QMP command and return its result (events go to ``events``)."""
        if self._qmp_sock is None:
            raise QemuError("the QMP monitor is not connected")
        request: dict[str, Any] = {"execute": command}
        if arguments:
            request["arguments"] = arguments
        with self._qmp_lock:
            self._qmp_sock.settimeout(timeout)
            try:
                self._qmp_sock.sendall(json.dumps(request).encode() + b"\n")
                while True:
                    reply = self._qmp_read()
                    if "event" in reply:
                        self.events.append(reply)
                    elif "error" in reply:
                        raise QemuError(f"QMP {command}: {reply['error'].get('desc')}")
                    elif "return" in reply:
                        return reply["return"]
            except TimeoutError:
                raise QemuTimeout(f"QMP {command} got no answer in {timeout:g} s") from None
            finally:
                if self._qmp_sock.fileno() != -1:
                    self._qmp_sock.settimeout(None)

    def hmp(self, command_line: str) -> str:
        """Run a human monitor command (as typed at the ``(qemu)`` prompt)."""
        return str(self.qmp("human-monitor-command", {"command-line": command_line}))

    def send_key(self, name: str) -> None:
        """Press and release a key by monitor name: "a", "ret", "ctrl-alt-delete"."""
        self.hmp(f"sendkey {name}")

    def screendump(self, path: Path) -> Path:
        """Save the screen as PNG (or PPM when ``path`` ends in .ppm)."""
        path = Path(path).resolve()
        fmt = "ppm" if path.suffix.lower() == ".ppm" else "png"
        self.qmp("screendump", {"filename": str(path), "format": fmt})
        return path

    def read_physical(self, address: int, size: int) -> bytes:
        """Read guest physical memory through the monitor (``pmemsave``)."""
        assert self._tmp is not None, "session not started"
        dump = self._tmp / "pmem.bin"
        self.qmp("pmemsave", {"val": address, "size": size, "filename": str(dump)})
        data = dump.read_bytes()
        dump.unlink()
        return data

    def read_vga_cells(self) -> bytes:
        """The raw 80x25 text buffer: 4000 bytes of (character, attribute)."""
        return self.read_physical(VGA_TEXT_ADDRESS, VGA_COLUMNS * VGA_ROWS * 2)

    def read_vga_text(self) -> list[str]:
        """The text on the VGA screen, as 25 lines without trailing spaces."""
        return decode_vga_text(self.read_vga_cells())
