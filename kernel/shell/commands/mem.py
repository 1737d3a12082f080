"""``mem``: physical frames, the kernel heap and the objects on it (kernel/memstats.py)."""

import kernel.memstats as memstats
from kernel.shell.output import Output
from kernel.shell.registry import OK, command
from kernel.shell.wrap import wrapped_line

# Continuation rows start under the numbers: ``objects: `` is the widest label.
INDENT = len("objects: ")


@command("mem", help="show memory use: frames, the kernel heap, objects")
def mem(out: Output, words: list[str]) -> int:
    for line in memstats.report(memstats.gather()):
        wrapped_line(out, line, INDENT)
    return OK
