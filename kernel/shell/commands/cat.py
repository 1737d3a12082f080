"""``cat FILE``: a file of the ramdisk, decoded as UTF-8 (kernel/fs/initrd.py).

A file that does not end with a newline gets one, so the prompt starts
on a line of its own.  Tab completes the file names.
"""

from kernel.fs import initrd
from kernel.fs.ustar import Entry
from kernel.shell.output import Output
from kernel.shell.registry import FAILED, OK, command


@command("cat", args="FILE", help="show a file of the ramdisk", choices=initrd.file_names)
def cat(out: Output, words: list[str]) -> int:
    entry = Entry()
    if not initrd.find_named(words[0], entry):
        out.line(f"cat: {words[0]}: no such file (ls lists them)")
        return FAILED
    text = initrd.text_of(entry.data)
    out.write(text)
    if text != "" and not text.endswith("\n"):
        out.write("\n")
    return OK
