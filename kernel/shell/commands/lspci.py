"""``lspci``: the PCI functions found, vendor and class decoded (kernel/drivers/pci.py)."""

import kernel.drivers.pci as pci
from kernel.shell.output import Output
from kernel.shell.registry import OK, command


@command("lspci", help="list the PCI devices")
def lspci(out: Output, words: list[str]) -> int:
    lines = pci.lspci_lines()
    for line in lines:
        out.line(line)
    if len(lines) == 0:
        out.line("lspci: no PCI devices answered")
    return OK
