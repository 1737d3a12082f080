"""PCI: finding every device on the buses, and naming it as ``lspci`` does.

Every PCI device answers at an address ``bus:device.function`` (256 buses,
32 devices on each, up to 8 functions per device) with a configuration
header read through ``kernel/arch/x86_64/pci_config.py``.  The fields we
use are in its first 16 bytes, the same for every header type::

    offset  0x00        0x02        0x08      0x09     0x0A      0x0B   0x0E
           +-----------+-----------+---------+--------+---------+------+--------+
           | vendor ID | device ID | revision| prog IF| subclass| class| header |
           +-----------+-----------+---------+--------+---------+------+--------+
    header type: bits 0-6 = layout (0 device, 1 PCI-to-PCI bridge),
                 bit 7 = the device has more than one function

and for a bridge (layout 1), the bus numbers at 0x18-0x1A: the bus it
sits on, the *secondary* bus right behind it, and the highest bus below.

**Enumeration** is the "recursive scan" of the PCI literature.  Scan bus
0: for each of its 32 devices read function 0's vendor ID; 0xFFFF means
nothing is there (an absent device never answers, and the host bridge
returns all ones).  A device whose header type has bit 7 set has more
functions, 1 to 7, each checked the same way; otherwise functions 1-7 are
not probed, since some single-function devices answer at every function
number.  Each bridge found adds its secondary bus to the scan.  The
firmware numbered the buses at boot (SeaBIOS does under QEMU), so we only
follow its numbers; a bus is scanned at most once, so a misconfigured
bridge that points back at an earlier bus cannot make us loop.  The
result is in the order ``lspci`` shows: by bus, device and function.

**Naming** is a lookup in three small tables: vendors, devices (keyed by
vendor and device ID together) and classes (class and subclass, with the
class alone as a fallback: ``06/80`` is just "Bridge").  They hold the
devices QEMU's PC and Q35 machines and common virtual hardware present,
worded after the PCI ID database; anything else is shown by its numbers,
so an unknown device is still listed, not hidden.  ``describe`` returns
the line ``lspci -nn`` would print::

    00:01.1 IDE interface: Intel Corporation 82371SB PIIX3 IDE [8086:7010]
"""

from dataclasses import dataclass
from typing import Final

import kernel.arch.x86_64.pci_config as pci_config
from pythos.lang import u8

VENDOR_ID: Final = u8(0x00)
DEVICE_ID: Final = u8(0x02)
CLASS_REVISION: Final = u8(0x08)
HEADER_TYPE: Final = u8(0x0E)
BRIDGE_BUSES: Final = u8(0x18)

NO_DEVICE: Final = 0xFFFF
MULTI_FUNCTION: Final = 0x80
HEADER_LAYOUT: Final = 0x7F
LAYOUT_BRIDGE: Final = 1
DEVICES_PER_BUS: Final = 32
FUNCTIONS_PER_DEVICE: Final = 8
BUS_COUNT: Final = 256


@dataclass
class PciFunction:
    """One function's address and identity, as read from its header."""

    bus: int
    device: int
    function: int
    vendor_id: int
    device_id: int
    class_code: int
    subclass: int
    prog_if: int
    revision: int
    header_type: int
    # For a bridge, the bus behind it (0 for other functions).
    secondary_bus: int

    def is_bridge(self) -> bool:
        """Whether this is a PCI-to-PCI bridge, with a bus behind it."""
        return self.header_type & HEADER_LAYOUT == LAYOUT_BRIDGE

    def address(self) -> str:
        """``bus:device.function`` as lspci writes it (``00:1f.2``)."""
        return f"{self.bus:02x}:{self.device:02x}.{self.function:x}"


VENDORS: dict[int, str] = {
    0x1013: "Cirrus Logic",
    0x1022: "Advanced Micro Devices, Inc. [AMD]",
    0x10EC: "Realtek Semiconductor Co., Ltd.",
    0x1234: "QEMU/Bochs",
    0x1274: "Ensoniq",
    0x15AD: "VMware",
    0x1AF4: "Red Hat, Inc.",
    0x1B36: "Red Hat, Inc.",
    0x80EE: "InnoTek Systemberatung GmbH",
    0x8086: "Intel Corporation",
}

# Keyed by vendor ID << 16 | device ID.
DEVICES: dict[int, str] = {
    0x101300B8: "GD 5446",
    0x10222000: "79c970 [PCnet32 LANCE]",
    0x10EC8139: "RTL-8100/8101L/8139 PCI Fast Ethernet Adapter",
    0x12341111: "Standard VGA",
    0x12745000: "ES1370 [AudioPCI]",
    0x15AD0405: "SVGA II Adapter",
    0x1AF41000: "Virtio network device",
    0x1AF41001: "Virtio block device",
    0x1AF41002: "Virtio memory balloon",
    0x1AF41003: "Virtio console",
    0x1AF41004: "Virtio SCSI",
    0x1AF41005: "Virtio RNG",
    0x1AF41041: "Virtio 1.0 network device",
    0x1AF41042: "Virtio 1.0 block device",
    0x1AF41043: "Virtio 1.0 console",
    0x1AF41044: "Virtio 1.0 RNG",
    0x1AF41045: "Virtio 1.0 balloon",
    0x1AF41048: "Virtio 1.0 SCSI",
    0x1AF41050: "Virtio 1.0 GPU",
    0x1AF41052: "Virtio 1.0 input",
    0x1B360001: "QEMU PCI-PCI bridge",
    0x1B360008: "QEMU PCIe Host bridge",
    0x1B36000C: "QEMU PCIe Root port",
    0x1B36000D: "QEMU XHCI Host Controller",
    0x1B360100: "QXL paravirtual graphic card",
    0x80EEBEEF: "VirtualBox Graphics Adapter",
    0x80EECAFE: "VirtualBox Guest Service",
    0x8086100E: "82540EM Gigabit Ethernet Controller",
    0x808610D3: "82574L Gigabit Network Connection",
    0x80861237: "440FX - 82441FX PMC [Natoma]",
    0x80862415: "82801AA AC'97 Audio Controller",
    0x80862668: "82801FB/FBM/FR/FW/FRW (ICH6 Family) High Definition Audio Controller",
    0x80862918: "82801IB (ICH9) LPC Interface Controller",
    0x80862922: "82801IR/IO/IH (ICH9R/DO/DH) 6 port SATA Controller [AHCI mode]",
    0x80862930: "82801I (ICH9 Family) SMBus Controller",
    0x80862934: "82801I (ICH9 Family) USB UHCI Controller #1",
    0x8086293A: "82801I (ICH9 Family) USB2 EHCI Controller #1",
    0x8086293E: "82801I (ICH9 Family) HD Audio Controller",
    0x808629C0: "82G33/G31/P35/P31 Express DRAM Controller",
    0x80867000: "82371SB PIIX3 ISA [Natoma/Triton II]",
    0x80867010: "82371SB PIIX3 IDE [Natoma/Triton II]",
    0x80867020: "82371SB PIIX3 USB [Natoma/Triton II]",
    0x80867113: "82371AB/EB/MB PIIX4 ACPI",
}

# Keyed by class << 8 | subclass.
SUBCLASSES: dict[int, str] = {
    0x0000: "Non-VGA unclassified device",
    0x0001: "VGA compatible unclassified device",
    0x0100: "SCSI storage controller",
    0x0101: "IDE interface",
    0x0105: "ATA controller",
    0x0106: "SATA controller",
    0x0107: "Serial Attached SCSI controller",
    0x0108: "Non-Volatile memory controller",
    0x0200: "Ethernet controller",
    0x0300: "VGA compatible controller",
    0x0302: "3D controller",
    0x0401: "Multimedia audio controller",
    0x0403: "Audio device",
    0x0500: "RAM memory",
    0x0600: "Host bridge",
    0x0601: "ISA bridge",
    0x0604: "PCI bridge",
    0x0700: "Serial controller",
    0x0900: "Keyboard controller",
    0x0C03: "USB controller",
    0x0C05: "SMBus",
}

CLASSES: dict[int, str] = {
    0x00: "Unclassified device",
    0x01: "Mass storage controller",
    0x02: "Network controller",
    0x03: "Display controller",
    0x04: "Multimedia controller",
    0x05: "Memory controller",
    0x06: "Bridge",
    0x07: "Communication controller",
    0x08: "Generic system peripheral",
    0x09: "Input device controller",
    0x0C: "Serial bus controller",
    0x0D: "Wireless controller",
    0xFF: "Unassigned class",
}


def class_name(class_code: int, subclass: int) -> str:
    """``IDE interface``; the class alone when the subclass is not in the
    table; ``Class [ccss]`` when neither is."""
    name = SUBCLASSES.get(class_code << 8 | subclass)
    if name is not None:
        return name
    general = CLASSES.get(class_code)
    if general is not None:
        return general
    return f"Class [{class_code:02x}{subclass:02x}]"


def device_name(vendor_id: int, device_id: int) -> str:
    """``Intel Corporation 82371SB PIIX3 IDE [Natoma/Triton II]``, with
    ``Device dddd`` for an unknown device and ``Vendor vvvv`` for an
    unknown vendor."""
    vendor = VENDORS.get(vendor_id)
    if vendor is None:
        vendor = f"Vendor {vendor_id:04x}"
    name = DEVICES.get(vendor_id << 16 | device_id)
    if name is None:
        name = f"Device {device_id:04x}"
    return f"{vendor} {name}"


def describe(found: PciFunction) -> str:
    """The line ``lspci -nn`` prints for ``found``."""
    line = (f"{found.address()} {class_name(found.class_code, found.subclass)}: "
            f"{device_name(found.vendor_id, found.device_id)} "
            f"[{found.vendor_id:04x}:{found.device_id:04x}]")
    if found.revision != 0:
        line += f" (rev {found.revision:02x})"
    return line


def read_function(bus: int, device: int, function: int) -> PciFunction | None:
    """The function at this address, or None if nothing answers there."""
    b, d, f = u8(bus), u8(device), u8(function)
    vendor = int(pci_config.read16(b, d, f, VENDOR_ID))
    if vendor == NO_DEVICE:
        return None
    class_revision = pci_config.read32(b, d, f, CLASS_REVISION)
    header_type = int(pci_config.read8(b, d, f, HEADER_TYPE))
    secondary = 0
    if header_type & HEADER_LAYOUT == LAYOUT_BRIDGE:
        secondary = int(pci_config.read8(b, d, f, BRIDGE_BUSES + 1))
    return PciFunction(bus, device, function, vendor,
                       int(pci_config.read16(b, d, f, DEVICE_ID)),
                       int(class_revision >> 24), int((class_revision >> 16) & 0xFF),
                       int((class_revision >> 8) & 0xFF), int(class_revision & 0xFF),
                       header_type, secondary)


def scan_bus(bus: int, found: list[PciFunction], pending: list[int]) -> None:
    """Append every function on ``bus`` to ``found``, and the secondary bus
    of each bridge among them to ``pending``."""
    for device in range(DEVICES_PER_BUS):
        first = read_function(bus, device, 0)
        if first is None:
            continue
        functions = FUNCTIONS_PER_DEVICE if first.header_type & MULTI_FUNCTION else 1
        for function in range(functions):
            current = first if function == 0 else read_function(bus, device, function)
            if current is None:
                continue
            found.append(current)
            if current.is_bridge():
                pending.append(current.secondary_bus)


def enumerate_all() -> list[PciFunction]:
    """Every function on bus 0 and the buses behind its bridges, sorted by
    address; each bus scanned once."""
    found: list[PciFunction] = []
    scanned = [False] * BUS_COUNT
    pending = [0]
    while len(pending) > 0:
        bus = pending.pop()
        if bus >= BUS_COUNT or scanned[bus]:
            continue
        scanned[bus] = True
        scan_bus(bus, found, pending)
    return sorted(found, key=sort_key)


def sort_key(found: PciFunction) -> int:
    """Bus, then device, then function."""
    return found.bus << 8 | found.device << 3 | found.function


def lspci_lines() -> list[str]:
    """What the shell's ``lspci`` prints: one line per function."""
    return [describe(found) for found in enumerate_all()]
