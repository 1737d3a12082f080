"""The devices the shell's commands read, on QEMU's PC and Q35 machines:
the real-time clock against ``-rtc base=``, PCI enumeration against the
monitor's ``info pci``, and the PC speaker with an audio backend.

A test kernel is built with the in-kernel tests of
kernel/tests/test_devices.py only, and booted with ``test=all`` under each
machine configuration; those tests print what they read (``rtc: ...``,
``lspci: ...``, ``speaker: ...``) and check what holds on any machine,
and the checks here compare it with what QEMU was told or says.
"""

from __future__ import annotations

import datetime
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pythos.kernel_tools.ktest import EXIT_SUCCESS
from pythos.kernel_tools.qemu import QemuSession

REPO = Path(__file__).resolve().parents[2]
RTC_BASE = datetime.datetime(2024, 2, 29, 23, 59, 58)
AUDIO = ("-audiodev", "none,id=snd0")
# A PCIe root port and a PCI-PCI bridge, each with a device behind it.
BRIDGES = ("-device", "pcie-root-port,id=rp1,chassis=1", "-device", "virtio-rng-pci,bus=rp1",
           "-device", "pci-bridge,id=br1,chassis_nr=2", "-device", "virtio-net-pci,bus=br1,addr=3")
INFO_PCI = re.compile(r"Bus\s+(\d+), device\s+(\d+), function (\d+):\r?\n\s+(.*?): "
                      r"PCI device ([0-9a-f]{4}):([0-9a-f]{4})")
LSPCI = re.compile(r"lspci: ([0-9a-f]{2}):([0-9a-f]{2})\.([0-7]) (.*?): (.*) "
                   r"\[([0-9a-f]{4}):([0-9a-f]{4})\]( \(rev [0-9a-f]{2}\))?\r?$", re.M)

BUILD_SCRIPT = """
import sys
from pathlib import Path
from pythos.kernel_tools import ktest
tests = [t for t in ktest.discover() if t.module == "kernel.tests.test_devices"]
assert tests, "no device tests found"
print(ktest.build_test_kernel(Path(sys.argv[1]), tests=tests))
"""


@pytest.fixture(scope="module")
def device_kernel(kernel_image: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A test kernel with only the device tests (``kernel_image`` makes the
    module skip where QEMU is missing)."""
    build = tmp_path_factory.mktemp("devices")
    result = subprocess.run([sys.executable, "-c", BUILD_SCRIPT, str(build)], cwd=REPO,
                            capture_output=True, text=True, timeout=300)
    if result.returncode != 0:
        pytest.fail(f"building the device test kernel failed:\n{result.stderr}")
    return Path(result.stdout.strip().splitlines()[-1])


def boot(image: Path, *extra: str) -> tuple[str, str, float, float]:
    """Run the device tests; (serial, info pci, host time at start, at exit)."""
    started = time.time()
    with QemuSession(image, cmdline="test=all", timeout=60, extra_args=extra) as vm:
        # Asked once the firmware has numbered the buses behind bridges,
        # with the machine paused (the kernel then waits 2.5 s anyway).
        vm.wait_for_serial("lspci: 00:00.0", 60)
        vm.qmp("stop")
        info_pci = vm.hmp("info pci")
        vm.qmp("cont")
        vm.wait_for_exit(60)
        ended = time.time()
        serial = vm.serial_text
        assert vm.exit_code == EXIT_SUCCESS, f"the device tests failed:\n{serial}"
    return serial, info_pci, started, ended


def qemu_devices(info_pci: str) -> dict[str, tuple[str, str]]:
    """``bb:dd.f`` -> (QEMU's class name, ``vvvv:dddd``), from ``info pci``."""
    return {f"{int(b):02x}:{int(d):02x}.{f}": (kind, f"{v}:{i}")
            for b, d, f, kind, v, i in INFO_PCI.findall(info_pci)}


def kernel_devices(serial: str) -> dict[str, tuple[str, str]]:
    """``bb:dd.f`` -> (class name, ``vvvv:dddd``), from the kernel's lspci lines."""
    return {f"{b}:{d}.{f}": (kind, f"{v}:{i}")
            for b, d, f, kind, _name, v, i, _rev in LSPCI.findall(serial)}


def test_pc_machine(device_kernel: Path) -> None:
    serial, info_pci, started, ended = boot(
        device_kernel, "-machine", "pc,pcspk-audiodev=snd0", *AUDIO,
        "-rtc", f"base={RTC_BASE.isoformat()}")
    # The clock: both readings lie between the base and the base plus the
    # time QEMU ran, and the second is 1-30 s after the first.
    readings = [datetime.datetime.fromisoformat(text)
                for text in re.findall(r"rtc: (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)\r?$", serial, re.M)]
    assert len(readings) == 2, serial
    latest = RTC_BASE + datetime.timedelta(seconds=ended - started + 1)
    for reading in readings:
        assert RTC_BASE <= reading <= latest, (reading, serial)
    assert 1 <= (readings[1] - readings[0]).total_seconds() <= 30
    # PCI: the same functions, with the same IDs, as QEMU reports.
    assert kernel_devices(serial).keys() == qemu_devices(info_pci).keys()
    for address, (_kind, ids) in kernel_devices(serial).items():
        assert ids == qemu_devices(info_pci)[address][1], address
    assert ("lspci: 00:01.1 IDE interface: Intel Corporation 82371SB PIIX3 IDE "
            "[Natoma/Triton II] [8086:7010]") in serial
    assert "lspci: 00:02.0 VGA compatible controller: QEMU/Bochs Standard VGA [1234:1111]" in serial
    # The speaker test printed what it read back while the tone played.
    assert re.search(r"speaker: divisor 2712, status 0x[0-9a-f]{2}, counts \d+\.\.\d+, "
                     r"output high True low True", serial, re.M), serial
    # mem's report: 128 MiB of RAM, most of it free frames.
    frames = re.search(r"mem: frames:  (\d+) of (\d+) free", serial)
    assert frames and 28000 < int(frames.group(2)) < 32768, serial
    assert 0 < int(frames.group(1)) <= int(frames.group(2))
    assert re.search(r"mem: heap: .* used, .* free, .* mapped, peak .*; \d+ allocations", serial)
    assert re.search(r"mem: objects: \d+ live, .* in use, .* held", serial)


def test_q35_machine_with_bridges(device_kernel: Path) -> None:
    serial, info_pci, _, _ = boot(device_kernel, "-machine", "q35", *BRIDGES)
    kernel, qemu = kernel_devices(serial), qemu_devices(info_pci)
    assert kernel.keys() == qemu.keys(), (sorted(kernel), sorted(qemu))
    assert all(kernel[a][1] == qemu[a][1] for a in kernel)
    # Behind the root port and the bridge: buses 1 and 2, as the firmware numbered them.
    assert {a for a in kernel if not a.startswith("00:")} == {"01:00.0", "02:03.0"}
    assert kernel["00:1f.2"] == ("SATA controller", "8086:2922")
    assert kernel["00:03.0"] == ("PCI bridge", "1b36:000c")
    assert kernel["02:03.0"] == ("Ethernet controller", "1af4:1000")
    assert ("lspci: 00:1f.2 SATA controller: Intel Corporation 82801IR/IO/IH (ICH9R/DO/DH) "
            "6 port SATA Controller [AHCI mode] [8086:2922]") in serial


def test_boot_log_shows_the_date(kernel_image: Path) -> None:
    started = time.time()
    with QemuSession(kernel_image, timeout=30,
                     extra_args=("-rtc", f"base={RTC_BASE.isoformat()}")) as vm:
        vm.wait_for_serial("Pythos is up.")
        ended = time.time()
        screen = "\n".join(vm.read_vga_text())
        serial = vm.serial_text
    match = re.search(r"^date: (\S+ \S+) UTC\r?$", serial, re.M)
    assert match, serial
    shown = datetime.datetime.fromisoformat(match.group(1))
    assert RTC_BASE <= shown <= RTC_BASE + datetime.timedelta(seconds=ended - started + 1)
    assert match.group(0).strip() in screen, "the date is on the screen too"
