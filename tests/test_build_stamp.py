"""A kernel build is skipped when nothing it reads has changed
(pythos/kernel_tools/kernel_cli.py: `build_inputs_digest`, `up_to_date`).

These check the rule without compiling a kernel: tests/qemu/test_cli.py
runs `pythos run` twice in one directory and sees the second find the
kernel up to date."""

from __future__ import annotations

from pathlib import Path

import pytest

from pythos.diagnostics import CompileError
from pythos.kernel_tools import kernel_cli
from pythos.kernel_tools.build import kernel64_path
from pythos.kernel_tools.initrd import initrd_path
from pythos.kernel_tools.kernel_cli import (build_inputs_digest, build_kernel, inputs_path,
                                            up_to_date)


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A source tree of three inputs, in place of the repository."""
    for top, name in (("pythos", "rt.py"), ("kernel", "kmain.py"), ("user", "hello.py")):
        (tmp_path / top).mkdir()
        (tmp_path / top / name).write_text(f"# {top}\n")
    monkeypatch.setattr(kernel_cli, "PACKAGE_ROOT", tmp_path)
    return tmp_path


def built(out: Path, digest: str) -> Path:
    """The files of a finished build of `digest`'s inputs at `out`."""
    out.parent.mkdir(parents=True, exist_ok=True)
    for f in (out, kernel64_path(out), initrd_path(out)):
        f.write_bytes(b"image")
    inputs_path(out).write_text(digest + "\n")
    return out


def test_every_input_and_option_changes_the_digest(tree: Path) -> None:
    base = build_inputs_digest(2, None, None, True)
    assert build_inputs_digest(2, None, None, True) == base
    others = {build_inputs_digest(0, None, None, True), build_inputs_digest(2, "buddy", None, True),
              build_inputs_digest(2, None, "list", True), build_inputs_digest(2, None, None, False)}
    assert base not in others and len(others) == 4
    for top in ("pythos", "kernel", "user"):
        f = next((tree / top).iterdir())
        text = f.read_text()
        f.write_text(text + "# edited\n")
        assert build_inputs_digest(2, None, None, True) != base, top
        f.write_text(text)
    (tree / "kernel" / "new.py").write_text("")
    assert build_inputs_digest(2, None, None, True) != base
    # Compiled bytecode is not an input: Python writes it as it pleases.
    (tree / "kernel" / "new.py").unlink()
    (tree / "kernel" / "__pycache__").mkdir()
    (tree / "kernel" / "__pycache__" / "kmain.cpython-311.pyc").write_bytes(b"\0")
    assert build_inputs_digest(2, None, None, True) == base


def test_up_to_date_needs_the_stamp_and_every_file(tree: Path, tmp_path: Path) -> None:
    digest = build_inputs_digest(2, None, None, True)
    out = built(tmp_path / "build" / "kernel.elf", digest)
    assert up_to_date(out, digest)
    assert not up_to_date(out, build_inputs_digest(0, None, None, True))
    for f in (kernel64_path(out), initrd_path(out), out):
        data = f.read_bytes()
        f.unlink()
        assert not up_to_date(out, digest), f.name
        f.write_bytes(data)
    inputs_path(out).write_text("0" * 64 + "\n")
    assert not up_to_date(out, digest)
    inputs_path(out).unlink()
    assert not up_to_date(out, digest)


def test_an_up_to_date_kernel_is_not_built(tree: Path, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    out = built(tmp_path / "build" / "kernel.elf", build_inputs_digest(2, None, None, True))
    assert build_kernel(out) == (out, False)
    assert "is up to date" in capsys.readouterr().err
    assert out.read_bytes() == b"image"


def test_a_stale_stamp_is_removed_before_building(tree: Path, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    # This kmain does not compile, so the build fails: by then the stamp
    # must be gone, or the next run would trust a half-built image.
    kmain = tree / "kernel" / "kmain.py"
    kmain.write_text("def kmain() -> None:\n    undefined_name()\n")
    monkeypatch.setattr(kernel_cli, "KMAIN", kmain)
    out = built(tmp_path / "build" / "kernel.elf", "0" * 64)
    with pytest.raises(CompileError):
        build_kernel(out)
    assert not inputs_path(out).exists()
