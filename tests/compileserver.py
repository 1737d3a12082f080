"""`python -m pythos ...` for the tests, without starting Python each time.

The suite runs the compiler's command line some 1,500 times (every corpus
program at -O0 and -O2, every differential program).  Each of those
commands used to be a new interpreter, which first imports the compiler
and llvmlite and then reads the runtime's modules before it reaches the
program: about a second of CPU, more than the whole -O0 compile of a
small program.  None of that depends on the program.

So each test process starts one server, once: a Python process that
imports the compiler, compiles a small program to warm its caches (the
runtime's parsed modules, the precompiled runtime's cache entry, the
compiler's digest), and then waits.  For each command it *forks*: the
child changes to the command's directory and environment, points its
standard output and error at files, runs the command line's `main`, and
exits with its status.  A child is a copy of the warm server, so nothing
one compile does (a global it sets, a cache it fills) reaches the next
one: every command starts from the same state, as a new process would,
only without the start-up.

    test ──request (JSON line)──▶ server ──fork──▶ child: chdir, env, dup2,
         ◀──{"pid"}, {"status"}──        ◀─exit─   cli.main(argv), _exit

What a fresh interpreter would do differently, and how it is handled:
- `PYTHONHASHSEED` and `PYTHONPATH` are read when Python starts, so a
  server serves only commands with the values it was started with: a
  test process keeps one server for each pair it meets.
- `python -m pythos` pauses the cyclic collector for the command
  (pythos/gcpause.py); the child does the same.  The server freezes what
  the warm-up made, so no child's collection walks it.
- A command that runs too long is killed, as `subprocess.run` would, and
  `subprocess.TimeoutExpired` raised.  The child leads a process group
  of its own and the whole group is killed, so a program that `pythos
  exec` started goes too.

tests/test_compileserver.py checks that a served command gives the same
output, diagnostics, status and executable (byte for byte) as a new
process.  `PYTHOS_TEST_SERVER=off` runs every command as a subprocess.
"""

from __future__ import annotations

import contextlib
import json
import os
import select
import signal
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SWITCH = "PYTHOS_TEST_SERVER"
# The warm-up: a program with objects, so that the object runtime is read too.
WARM_UP = '''class Box:
    def __init__(self, items: list[str]) -> None:
        self.items = items


def main() -> None:
    box = Box(["a", "b"])
    print(len(box.items), {"k": 1}, f"{box.items[0]}")


if __name__ == "__main__":
    main()
'''


# ---------------------------------------------------------------- server side

def serve() -> None:
    """The server's loop: one JSON request a line on stdin, answered with
    the child's pid and then its exit status, each a JSON line on stdout."""
    from pythos.cli import main
    from pythos.gcpause import pause_for_command

    protocol = os.fdopen(os.dup(1), "w", buffering=1)
    devnull = os.open(os.devnull, os.O_RDWR)
    os.dup2(devnull, 1)       # nothing the warm-up prints may reach the protocol
    with tempfile.TemporaryDirectory(prefix="pythos-server-") as tmp:
        program = Path(tmp) / "warm_up.py"
        program.write_text(WARM_UP)
        for opt in ("-O0", "-O2"):
            main(["compile", opt, str(program), "-o", str(Path(tmp) / "warm_up")])
    import gc
    gc.collect()
    gc.freeze()
    for line in sys.stdin:
        request = json.loads(line)
        pid = os.fork()
        if pid == 0:
            run_child(main, pause_for_command, request)
        protocol.write(json.dumps({"pid": pid}) + "\n")
        _, status = os.waitpid(pid, 0)
        protocol.write(json.dumps({"status": os.waitstatus_to_exitcode(status)}) + "\n")


def run_child(main, pause, request: dict) -> None:  # type: ignore[no-untyped-def]
    status = 2
    try:
        # A group of its own, so that a timeout kills what it started too
        # (`pythos exec` runs the program it compiled).
        os.setpgid(0, 0)
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        for fd, path in ((1, request["stdout"]), (2, request["stderr"])):
            out = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            os.dup2(out, fd)
            os.close(out)
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)
        sys.argv = [sys.executable, *request["argv"]]
        pause()
        status = main(request["argv"])
    except SystemExit as e:
        status = e.code if isinstance(e.code, int) else 1
    except BaseException:                       # noqa: BLE001 - reported like Python would
        import traceback
        traceback.print_exc()
        status = 1
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(status)


# ---------------------------------------------------------------- client side

LAUNCH = ("import os\n"
          "if os.fork():\n"
          "    os._exit(0)\n"
          "os.setsid()\n"
          "from tests.compileserver import serve\n"
          "serve()\n")

class Server:
    """One server process and the pipe to it."""

    def __init__(self, env: dict[str, str]) -> None:
        self.key = server_key(env)
        # The server is started by a process that forks it and exits at
        # once, so that it is not a child of the test process: a test that
        # waits for any child (`os.waitpid(-1)`, tests/user's `wait(-1)`)
        # must find none of ours.  It ends when its stdin closes.
        self.proc = subprocess.Popen(
            [sys.executable, "-c", LAUNCH], cwd=ROOT, env=env, stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        self.proc.wait()
        self.dead = False
        self.lock = threading.Lock()

    def alive(self) -> bool:
        return not self.dead

    def reply(self, timeout: float | None) -> dict | None:  # type: ignore[type-arg]
        assert self.proc.stdout is not None
        ready, _, _ = select.select([self.proc.stdout], [], [], timeout)
        if not ready:
            return None
        line = self.proc.stdout.readline()
        if not line:
            self.dead = True
            raise OSError("the compile server ended")
        return json.loads(line)  # type: ignore[no-any-return]

    def run(self, argv: list[str], cwd: Path, env: dict[str, str],
            timeout: float) -> tuple[int, bytes, bytes]:
        assert self.proc.stdin is not None
        with self.lock, tempfile.TemporaryDirectory(prefix="pythos-cmd-") as tmp:
            out, err = Path(tmp) / "stdout", Path(tmp) / "stderr"
            try:
                self.proc.stdin.write(json.dumps({"argv": argv, "cwd": str(cwd), "env": env,
                                                  "stdout": str(out), "stderr": str(err)})
                                      + "\n")
                self.proc.stdin.flush()
            except (OSError, ValueError):
                self.dead = True
                raise OSError("the compile server ended") from None
            started = self.reply(60)
            if started is None:
                raise OSError("the compile server did not answer")
            done = self.reply(timeout)
            if done is None:
                with contextlib.suppress(OSError):
                    os.killpg(started["pid"], signal.SIGKILL)
                self.reply(60)
                raise subprocess.TimeoutExpired(argv, timeout)
            return done["status"], read(out), read(err)


def read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b""


def server_key(env: dict[str, str]) -> tuple[str | None, str | None]:
    return env.get("PYTHONHASHSEED"), env.get("PYTHONPATH")


_servers: dict[tuple[str | None, str | None], Server] = {}


def server_for(env: dict[str, str]) -> Server | None:
    """A server for `env`'s hash seed and module path, started on first
    use (one per pair: tests build their environments differently)."""
    if os.environ.get(SWITCH, "").lower() in ("off", "0", "no"):
        return None
    key = server_key(env)
    server = _servers.get(key)
    if server is None or not server.alive():
        server = _servers[key] = Server(env)
    return server


def run_process(args: list[str], cwd: Path, env: dict[str, str], timeout: float,
                text: bool) -> subprocess.CompletedProcess:  # type: ignore[type-arg]
    """`subprocess.run` with its output captured, in a session of its own,
    so that a timeout kills what the command started too (`pythos exec`
    runs the program it compiled)."""
    with subprocess.Popen(args, cwd=cwd, env=env, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=text, start_new_session=True) as proc:
        try:
            out, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(OSError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            raise
    return subprocess.CompletedProcess(args, proc.returncode, out, err)


def pythos(argv: list[str], cwd: Path, env: dict[str, str], timeout: float = 300,
           text: bool = False) -> subprocess.CompletedProcess:  # type: ignore[type-arg]
    """What `subprocess.run([python, "-m", "pythos", *argv], cwd=cwd,
    env=env, capture_output=True, timeout=timeout, text=text)` gives, from
    the server when it can serve `env`."""
    args = [sys.executable, "-m", "pythos", *argv]
    server = server_for(env)
    if server is None:
        return run_process(args, cwd, env, timeout, text)
    try:
        status, out, err = server.run(argv, cwd, env, timeout)
    except OSError:
        # The server died (or never started): the command as a process.
        return run_process(args, cwd, env, timeout, text)
    if text:
        return subprocess.CompletedProcess(args, status, out.decode(errors="replace"),
                                           err.decode(errors="replace"))
    return subprocess.CompletedProcess(args, status, out, err)
