"""``pythos.syscalls`` under CPython: the host's equivalents, or a clear error.

A user program runs under CPython too.  There each call that has a host
equivalent must behave like it (results, or -errno as on Pythos), and a
call that only makes sense on Pythos must say so instead of doing
something else.  Compiled for Linux, only the calls Linux shares are
importable.
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pythos import syscalls
from pythos.lang import Array, HostUnsupported, addr_of, u8

# Imported here, at collection, when `pythos.rt.platform` is the real one:
# tests of the runtime under CPython (tests/rt) put a simulated platform
# under that name while they run, and an import of user_syscalls inside
# a test that a worker runs after one of them was seen (once, in a
# fresh-clone run) to pick the simulated one up.
from pythos.rt import sysabi, user_syscalls

REPO = Path(__file__).resolve().parents[2]


def test_getpid_is_the_hosts() -> None:
    assert syscalls.getpid() == os.getpid()


def test_write_sends_the_buffer_after_what_print_buffered(capfd) -> None:
    text = Array[u8, 3]()
    for i, b in enumerate(b"ok\n"):
        text[i] = u8(b)
    print("first, ", end="")
    assert syscalls.write(1, addr_of(text), 3) == 3
    assert capfd.readouterr().out == "first, ok\n"


def test_errors_are_negative_errno_values(tmp_path: Path) -> None:
    assert syscalls.open(str(tmp_path / "missing")) == -errno.ENOENT
    assert syscalls.close(987654) == -errno.EBADF
    assert syscalls.write(987654, addr_of(Array[u8, 1]()), 1) == -errno.EBADF


def test_open_read_close(tmp_path: Path) -> None:
    (tmp_path / "motd").write_bytes(b"welcome\n")
    fd = syscalls.open(str(tmp_path / "motd"))
    assert fd >= 0
    buffer = Array[u8, 16]()
    assert syscalls.read(fd, addr_of(buffer), 16) == 8
    assert bytes(int(buffer[i]) for i in range(8)) == b"welcome\n"
    assert syscalls.read(fd, addr_of(buffer), 16) == 0
    assert syscalls.close(fd) == 0


def test_time_calls() -> None:
    before = syscalls.uptime_ms()
    assert syscalls.sleep_ms(20) == 0
    assert syscalls.uptime_ms() - before >= 20
    assert syscalls.sched_yield() == 0


def test_exit_ends_the_program() -> None:
    with pytest.raises(SystemExit) as ended:
        syscalls.exit(3)
    assert ended.value.code == 3


def test_brk_is_a_pythos_only_call_and_says_so() -> None:
    with pytest.raises(HostUnsupported, match="Pythos system call .* --target user"):
        syscalls.brk(0)


def test_spawn_runs_a_program_next_to_this_one_and_wait_gets_its_status(
        tmp_path: Path, monkeypatch, capfd) -> None:
    """On the host the "ramdisk" is the running program's directory."""
    (tmp_path / "child.py").write_text(
        "import sys\nfrom pythos.syscalls import args_line\n"
        "from pythos.lang import Array, addr_of, u8\n"
        "b = Array[u8, 64]()\nn = args_line(addr_of(b), 64)\n"
        "print('child got', bytes(int(b[i]) for i in range(n)))\nsys.exit(n)\n")
    (tmp_path / "forever.py").write_text("import time\ntime.sleep(60)\n")
    monkeypatch.setattr(sys, "argv", [str(tmp_path / "parent.py")])
    monkeypatch.setenv("PYTHONPATH", str(REPO))
    pid = syscalls.spawn("child", "a  bc")
    assert pid > 0
    assert syscalls.wait(pid) == 4
    assert "child got b'a bc'" in capfd.readouterr().out
    name, line = Array[u8, 8](), Array[u8, 8]()
    for i, b in enumerate(b"child"):
        name[i] = u8(b)
    assert syscalls.wait(syscalls.spawn_bytes(addr_of(name), 5, addr_of(line), 0)) == 0
    assert syscalls.spawn("nothere", "") == -errno.ENOENT
    assert syscalls.spawn("../child", "") == -errno.ENOENT
    assert syscalls.wait(-1) == -errno.ECHILD
    pid = syscalls.spawn("forever", "")
    assert syscalls.kill(pid) == 0
    assert syscalls.wait(-1) == 256  # killed, as on Pythos
    assert syscalls.kill(pid) == -errno.ESRCH


def test_the_two_files_declare_the_same_calls() -> None:
    """pythos/syscalls.py (CPython) and pythos/rt/user_syscalls.py (the user
    target) must offer the same functions with the same annotations."""
    import ast

    def signatures(path: Path) -> dict[str, str]:
        tree = ast.parse(path.read_text())
        return {node.name: ast.unparse(node.args) + " -> " + ast.unparse(node.returns)
                for node in tree.body
                if isinstance(node, ast.FunctionDef) and not node.name.startswith("_")
                and node.name != "copy_string"}

    host_file = REPO / "pythos" / "syscalls.py"
    compiled_file = REPO / "pythos" / "rt" / "user_syscalls.py"
    assert signatures(host_file) == signatures(compiled_file)
    errors = {name for name in syscalls.__all__ if name.startswith("E")}
    assert set(signatures(host_file)) | errors == set(syscalls.__all__)


def test_error_numbers_come_from_the_one_table() -> None:
    """Both files offer the error numbers of pythos/rt/sysabi.py, the table
    the kernel's system calls return them from."""
    for name in syscalls.__all__:
        if name.startswith("E"):
            assert getattr(syscalls, name) == getattr(sysabi, name), name
            assert getattr(user_syscalls, name) == getattr(sysabi, name), name


SYSCALL_FILES = ["kernel/proc/*.py", "pythos/syscalls.py", "pythos/rt/*.py", "user/*.s",
                 "user/*.inc"]


def test_call_and_error_numbers_are_written_once() -> None:
    """A Pythos call number or errno value is defined only in
    pythos/rt/sysabi.py; every other file of the kernel's system calls and
    the user side imports it (or, in assembly, gets it from the build)."""
    import re

    from pythos.rt import sysabi
    names = [name for name in vars(sysabi) if re.fullmatch(r"SYS_\w+|E[A-Z0-9]+", name)]
    either = "|".join(names)
    definition = re.compile(rf"^(?:({either})\s*(?::\s*Final\b|=)|\s*\.set\s+({either})\s*,)",
                            re.MULTILINE)
    again = []
    for pattern in SYSCALL_FILES:
        for path in sorted(REPO.glob(pattern)):
            if path.name == "sysabi.py":
                continue
            again += [f"{path.relative_to(REPO)}: {m.group(1) or m.group(2)}"
                      for m in definition.finditer(path.read_text())]
    assert not again, "defined again outside pythos/rt/sysabi.py:\n" + "\n".join(again)


def test_assembly_programs_get_every_call_number() -> None:
    from pythos.kernel_tools.initrd import call_number_symbols
    from pythos.rt import sysabi
    symbols = call_number_symbols()
    assert "--defsym=SYS_WRITE=1" in symbols and "--defsym=SYS_SPAWN=500" in symbols
    assert len(symbols) == len([name for name in vars(sysabi) if name.startswith("SYS_")])


def pythos_exec(source: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "pythos", "exec", str(source)], cwd=REPO,
                          env=env, capture_output=True, text=True, timeout=120)


def test_linux_programs_get_the_calls_linux_shares(tmp_path: Path) -> None:
    source = tmp_path / "p.py"
    source.write_text("from pythos.syscalls import ENOSYS, getpid, sched_yield\n\n"
                      "def main() -> None:\n    print(getpid() > 1, sched_yield(), ENOSYS)\n")
    result = pythos_exec(source)
    assert (result.returncode, result.stdout) == (0, "True 0 38\n"), result.stderr
    source.write_text("from pythos.syscalls import spawn\n\n"
                      "def main() -> None:\n    print(spawn('a', 'b'))\n")
    result = pythos_exec(source)
    assert result.returncode == 1
    assert "p.py:1:1: error: cannot import name 'spawn' from 'pythos.syscalls'" in result.stderr


PROMPT = """\
from pythos.lang import Array, addr_of, u8
from pythos.syscalls import read


def main() -> None:
    print("name? ", end="")
    line = Array[u8, 16]()
    n = read(0, addr_of(line), 16)
    print("read", n)
"""


def test_read_shows_the_prompt_before_it_waits(tmp_path: Path) -> None:
    """A Linux program buffers print's output until exit; read must send
    it first, or the user would answer a question not yet asked."""
    import select
    source = tmp_path / "prompt.py"
    source.write_text(PROMPT)
    exe = tmp_path / "prompt"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    subprocess.run([sys.executable, "-m", "pythos", "compile", str(source), "-o", str(exe)],
                   cwd=REPO, env=env, check=True, timeout=120)
    with subprocess.Popen([str(exe)], stdin=subprocess.PIPE, stdout=subprocess.PIPE) as program:
        assert program.stdin is not None and program.stdout is not None
        ready, _, _ = select.select([program.stdout], [], [], 10)
        assert ready, "no prompt before read"
        assert os.read(program.stdout.fileno(), 100) == b"name? "
        program.stdin.write(b"ada\n")
        program.stdin.close()
        assert program.stdout.read() == b"read 4\n"
    assert program.returncode == 0
