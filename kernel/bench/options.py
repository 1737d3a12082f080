"""``bench=tasks`` and ``bench=keys``: the measurements of this package.

``kmain`` hands the command line here (one line, beside ``bench=games``); the
option's value names the measurement, and anything else is left to the
other ``bench=`` values kmain knows (``irq``, ``heap``, ``games``).
"""

import kernel.cmdline as cmdline
from kernel.bench import keybench, wakebench
from kernel.bytespan import ByteSpan


def run(line: ByteSpan) -> None:
    """Run the measurement ``bench=`` names, if it is one of this package's."""
    value = ByteSpan()
    if not cmdline.find_option(line, "bench", value):
        return
    if value.equals("tasks"):
        wakebench.run()
    elif value.equals("keys"):
        keybench.run()
