"""``ByteSpan``: a borrowed run of bytes in memory (address and length).

Pythos ``str`` and ``bytes`` values are constants baked into the kernel
image; text that arrives at run time (the boot loader's command line, its
name) is just bytes somewhere in memory.  A ``ByteSpan`` names such a run
without copying it, and compares it with constant strings, which is all
the command-line parser needs.  Host tests point spans at ``Array``
storage.
"""

from pythos.lang import Ptr, panic, str_bytes, struct, u8, u64


@struct
class ByteSpan:
    """``length`` bytes at ``data``.  An empty span may have a null ``data``."""

    data: Ptr[u8]
    length: u64

    def at(self, index: u64) -> u8:
        """The byte at ``index``; panics when it is out of range."""
        if index >= self.length:
            panic("ByteSpan index out of range")
        return self.data[index]

    def equals(self, s: str) -> bool:
        """Whether the span holds exactly the bytes of ``s``."""
        expected = str_bytes(s)
        if u64(len(expected)) != self.length:
            return False
        for i in range(self.length):  # noqa: SIM110 - no generators in Pythos
            if self.data[i] != expected[i]:
                return False
        return True

    def starts_with(self, s: str) -> bool:
        """Whether the span begins with the bytes of ``s``."""
        expected = str_bytes(s)
        if u64(len(expected)) > self.length:
            return False
        for i in range(len(expected)):  # noqa: SIM110 - no generators in Pythos
            if self.data[i] != expected[i]:
                return False
        return True

    def set(self, data: Ptr[u8], length: u64) -> None:
        """Point the span at ``length`` bytes at ``data``."""
        self.data = data
        self.length = length

    def clear(self) -> None:
        """Make the span empty."""
        self.data = Ptr[u8](0)
        self.length = u64(0)
