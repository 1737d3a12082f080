"""PCI enumeration over a fake configuration space, and lspci's names."""

from __future__ import annotations

import struct

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kernel.arch.x86_64.pci_config as pci_config
import kernel.drivers.pci as pci
from kernel.drivers.pci import PciFunction
from pythos.lang import u8

from .fake_hardware import FakePorts

Address = tuple[int, int, int]


def header(vendor: int, device: int, class_code: int, subclass: int, *, prog_if: int = 0,
           revision: int = 0, header_type: int = 0, secondary: int = 0) -> bytes:
    """The first 32 bytes of a configuration header."""
    data = bytearray(32)
    struct.pack_into("<HH", data, 0, vendor, device)
    data[8:12] = bytes([revision, prog_if, subclass, class_code])
    data[0x0E] = header_type
    if header_type & 0x7F == 1:
        data[0x18:0x1B] = bytes([0, secondary, secondary])
    return bytes(data)


class FakePciBus:
    """Configuration mechanism #1 over a dict of headers; absent functions
    and offsets past the header read as all ones."""

    def __init__(self, ports: FakePorts, functions: dict[Address, bytes]) -> None:
        self.functions = functions
        self.selected = 0
        self.reads: list[Address] = []
        ports.attach([0xCF8], write=self.select)
        ports.attach([0xCFC], read=self.read)

    def select(self, port: int, value: int) -> None:
        self.selected = value

    def read(self, port: int) -> int:
        value = self.selected
        assert value & 0x80000000 and value & 3 == 0
        address = ((value >> 16) & 0xFF, (value >> 11) & 0x1F, (value >> 8) & 7)
        self.reads.append(address)
        data = self.functions.get(address)
        offset = value & 0xFC
        if data is None or offset + 4 > len(data):
            return 0xFFFFFFFF
        return int(struct.unpack_from("<I", data, offset)[0])


def test_config_address_layout() -> None:
    assert pci_config.address(u8(0), u8(1), u8(1), u8(0x0E)) == 0x8000_090C
    assert pci_config.address(u8(0xAB), u8(31), u8(7), u8(0xFF)) == 0x80AB_FFFC


def test_narrow_reads_cut_the_dword(ports: FakePorts) -> None:
    FakePciBus(ports, {(0, 3, 0): header(0x8086, 0x100E, 2, 0, revision=3, header_type=0x80)})
    assert pci_config.read16(u8(0), u8(3), u8(0), u8(2)) == 0x100E
    assert pci_config.read8(u8(0), u8(3), u8(0), u8(0x0B)) == 2
    assert pci_config.read8(u8(0), u8(3), u8(0), u8(0x0E)) == 0x80
    assert ports.writes_to(0xCF8)[-1] == (0xCF8, 0x8000_180C)


QEMU_PC: dict[Address, bytes] = {
    (0, 0, 0): header(0x8086, 0x1237, 6, 0, revision=2),
    (0, 1, 0): header(0x8086, 0x7000, 6, 1, header_type=0x80),
    (0, 1, 1): header(0x8086, 0x7010, 1, 1, prog_if=0x80),
    (0, 1, 3): header(0x8086, 0x7113, 6, 0x80, revision=3),
    (0, 2, 0): header(0x1234, 0x1111, 3, 0, revision=2),
    (0, 3, 0): header(0x8086, 0x100E, 2, 0, revision=3),
}


def test_lspci_of_qemus_pc_machine(ports: FakePorts) -> None:
    FakePciBus(ports, QEMU_PC)
    assert pci.lspci_lines() == [
        "00:00.0 Host bridge: Intel Corporation 440FX - 82441FX PMC [Natoma] [8086:1237] (rev 02)",
        "00:01.0 ISA bridge: Intel Corporation 82371SB PIIX3 ISA [Natoma/Triton II] [8086:7000]",
        "00:01.1 IDE interface: Intel Corporation 82371SB PIIX3 IDE [Natoma/Triton II] "
        "[8086:7010]",
        "00:01.3 Bridge: Intel Corporation 82371AB/EB/MB PIIX4 ACPI [8086:7113] (rev 03)",
        "00:02.0 VGA compatible controller: QEMU/Bochs Standard VGA [1234:1111] (rev 02)",
        "00:03.0 Ethernet controller: Intel Corporation 82540EM Gigabit Ethernet Controller "
        "[8086:100e] (rev 03)",
    ]


def test_unknown_devices_are_shown_by_number() -> None:
    unknown = PciFunction(2, 0x1F, 7, 0xABCD, 0x1234, 0x42, 0x07, 0, 0, 0, 0)
    assert pci.describe(unknown) == "02:1f.7 Class [4207]: Vendor abcd Device 1234 [abcd:1234]"
    intel = PciFunction(0, 4, 0, 0x8086, 0xFFF0, 0x02, 0x80, 0, 0, 0, 0)
    assert pci.describe(intel) == ("00:04.0 Network controller: Intel Corporation Device fff0 "
                                   "[8086:fff0]")


def test_single_function_devices_are_not_probed_past_function_0(ports: FakePorts) -> None:
    # A device that (wrongly) answers at every function number: only
    # function 0 counts, since its header does not say multi-function.
    echo = header(0x1AF4, 0x1005, 0, 0xFF)
    bus = FakePciBus(ports, {(0, 5, f): echo for f in range(8)})
    assert [f.address() for f in pci.enumerate_all()] == ["00:05.0"]
    assert (0, 5, 1) not in bus.reads


def test_bridges_lead_to_their_secondary_buses(ports: FakePorts) -> None:
    FakePciBus(ports, {
        (0, 0, 0): header(0x8086, 0x29C0, 6, 0),
        (0, 4, 0): header(0x1B36, 0x000C, 6, 4, header_type=1, secondary=1),
        (1, 0, 0): header(0x1B36, 0x0001, 6, 4, header_type=1, secondary=2),
        (2, 3, 0): header(0x1AF4, 0x1044, 0, 0xFF, revision=1),
        # A bridge pointing back at bus 0 must not make the scan loop.
        (2, 4, 0): header(0x1B36, 0x0001, 6, 4, header_type=1, secondary=0),
        (5, 0, 0): header(0x8086, 0x100E, 2, 0),  # behind no bridge: never seen
    })
    assert [f.address() for f in pci.enumerate_all()] == [
        "00:00.0", "00:04.0", "01:00.0", "02:03.0", "02:04.0"]


@st.composite
def topologies(draw: st.DrawFn) -> dict[Address, bytes]:
    """Random buses of devices, some multi-function, some bridges."""
    functions: dict[Address, bytes] = {}
    next_bus = 1
    buses = [0]
    while buses:
        bus = buses.pop(0)
        for device in draw(st.sets(st.integers(0, 31), max_size=6)):
            multi = draw(st.booleans())
            numbers = {0} | (draw(st.sets(st.integers(1, 7), max_size=4)) if multi else set())
            for function in numbers:
                if draw(st.integers(0, 5)) == 0 and next_bus < 8:
                    secondary, next_bus = next_bus, next_bus + 1
                    buses.append(secondary)
                    data = header(0x1B36, 1, 6, 4, header_type=1 | (0x80 if multi else 0),
                                  secondary=secondary)
                else:
                    data = header(draw(st.integers(0, 0xFFFE)), draw(st.integers(0, 0xFFFF)),
                                  draw(st.integers(0, 0xFF)), draw(st.integers(0, 0xFF)),
                                  revision=draw(st.integers(0, 0xFF)),
                                  header_type=0x80 if multi else 0)
                functions[(bus, device, function)] = data
    return functions


@settings(max_examples=60)
@given(topologies())
def test_enumeration_finds_exactly_the_functions_present(functions: dict[Address, bytes]) -> None:
    fake = FakePorts()
    with pytest.MonkeyPatch.context() as mp:
        for name in ("read32", "write32"):
            mp.setattr(pci_config.port, name, getattr(fake, name))
        FakePciBus(fake, functions)
        found = pci.enumerate_all()
    assert [(f.bus, f.device, f.function) for f in found] == sorted(functions)
    for f in found:
        data = functions[(f.bus, f.device, f.function)]
        assert (f.vendor_id, f.device_id) == struct.unpack_from("<HH", data, 0)
        assert (f.revision, f.prog_if, f.subclass, f.class_code) == tuple(data[8:12])
        assert pci.describe(f).endswith(f"[{f.vendor_id:04x}:{f.device_id:04x}]"
                                        + (f" (rev {f.revision:02x})" if f.revision else ""))
