"""Where a command's output goes.

A command writes through an ``Output``, never to the console directly, so
the same command runs in the kernel (the console's ``Output``, which
draws on VGA and sends to the serial port) and in a host test (a
``Capture``, which keeps the text).  Colours and clearing the screen are
requests to the output: each console carries them out its own way (a VGA
attribute byte, an ANSI escape sequence), and a capture records them as
text a test can read.
"""


class Output:
    """The interface commands write to.  This base class discards everything."""

    def write(self, text: str) -> None:
        """Show ``text`` (which may hold newlines)."""

    def clear(self) -> None:
        """Clear the screen; the cursor goes to the top left."""

    def set_color(self, foreground: int, background: int) -> None:
        """Use VGA colour numbers (0-15) from now on."""

    def line(self, text: str) -> None:
        """Write ``text`` and a newline."""
        self.write(text + "\n")


class Capture(Output):
    """An output that keeps everything, for tests: the text, with
    ``<clear>`` and ``<color FG BG>`` marks where those were asked for."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def write(self, text: str) -> None:
        self.parts.append(text)

    def clear(self) -> None:
        self.parts.append("<clear>")

    def set_color(self, foreground: int, background: int) -> None:
        self.parts.append(f"<color {foreground} {background}>")

    def text(self) -> str:
        """Everything written so far."""
        return "".join(self.parts)

    def reset(self) -> None:
        self.parts = []
