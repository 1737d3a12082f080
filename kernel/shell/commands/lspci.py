"""``lspci``: the PCI functions found, vendor and class decoded (kernel/drivers/pci.py)."""

import kernel.drivers.pci as pci
from kernel.shell.output import Output
from kernel.shell.registry import OK, command
from kernel.shell.wrap import wrapped_line

# Continuation rows start under the device's description.
INDENT = len("00:00.0 ")


@command("lspci", help="list the PCI devices")
def lspci(out: Output, words: list[str]) -> int:
    lines = pci.lspci_lines()
    for line in lines:
        wrapped_line(out, line, INDENT)
    if len(lines) == 0:
        out.line("lspci: no PCI devices answered")
    return OK
