"""``bench=keys``: instructions from a key's IRQ 1 to its character on screen.

The shell task (``shell/prompt.py``) waits for input while the executor
halts; a key press raises IRQ 1, whose handler moves the scancode into
the keyboard's ring buffer and wakes the task, and the halt ends.  The
executor polls the task (that wake and poll is ``bench=tasks``'s round
trip, wakebench.py, and is not counted again here), which takes the key
(``consolekeys.next_event``: the scancode decoded into a key event), gives
it to the line editor (``Editor.feed``), and draws the editor's actions:
first as text for the terminal on COM1 (``AnsiRenderer``), then into the
VGA screen's cell array and on to video memory (``textrender.render``,
``vga.flush_locked``, which also moves the hardware cursor).  The last of
those writes the character's cell.  This module replays that path with
the same functions, on a prompt of its own, for each character of
``TYPED``::

    interrupts off; the 8042 asked to deliver the scancode (pending at the PIC)
    start  = rdtsc()
    sti; hlt                     the pending IRQ 1 ends the halt at once:
                                 its handler runs, iretq
    irq    = rdtsc()
    event  = next_event()        decode
    decoded = rdtsc()
    editor.feed(event), take_actions()
    edited = rdtsc()
    serial.write_str(renderer.render(actions))
    echoed = rdtsc()
    textrender.render(vga.screen, actions); vga.flush_locked()
    shown  = rdtsc()             the cell is in video memory

The timer's IRQ 0 is masked at the PIC while a key is measured, so a
tick cannot slip into the window (it is taken, late by a few
microseconds, once the mask is lifted).  Under QEMU's ``-icount``
(bench/kernel.py) every difference is an exact count of guest
instructions, the empty window's two ``rdtsc`` taken off the whole and
half of it off each part.  The key's release (its break code) is
delivered and consumed after each measurement, unmeasured.
"""

from typing import Final

import kernel.arch.x86_64.irqcost as irqcost
import kernel.arch.x86_64.irqflags as irqflags
import kernel.arch.x86_64.pic as pic
import kernel.drivers.keyboard as keyboard
import kernel.drivers.serial as serial
import kernel.drivers.vga as vga
from kernel.shell import keys, textrender
from kernel.shell.ansi import AnsiRenderer
from kernel.shell.consolekeys import next_event
from kernel.shell.editor import Editor
from kernel.shell.prompt import PROMPT
from pythos.lang import Array, i64, rdtsc, u8, u64

# What is typed: its scancodes (set 1 make codes, US layout) below.
TYPED: Final = "echo pythos"
SCANCODES: Final = [0x12, 0x2E, 0x23, 0x18, 0x39, 0x19, 0x15, 0x14, 0x23, 0x18, 0x1F]
# The PIT's line, masked during a measurement.
TIMER_IRQ: Final = u8(0)
# Status polls to wait for the injected byte to be pending.
PENDING_POLLS: Final = 100000
# The parts of a key's path, in order.
PARTS: Final = ["irq", "decode", "edit", "serial echo", "screen"]


class PathCosts:
    """Per part, the total and the largest over the keys measured."""

    def __init__(self) -> None:
        self.totals: list[int] = [0, 0, 0, 0, 0]
        self.whole_min = u64(0xFFFFFFFFFFFFFFFF)
        self.whole_max = u64(0)
        self.whole_total = u64(0)
        self.keys = 0
        self.missed = 0

    def add(self, stamps: Array[u64, 6], window: u64) -> None:
        whole = stamps[5] - stamps[0] - window
        for i in range(5):
            self.totals[i] += int(i64(stamps[i + 1] - stamps[i] - window // u64(2)))
        self.whole_total += whole
        if whole < self.whole_min:
            self.whole_min = whole
        if whole > self.whole_max:
            self.whole_max = whole
        self.keys += 1

    def report(self) -> None:
        print(f"bench: key to screen keys {self.keys}")
        print(f"bench: key to screen missed {self.missed}")
        if self.keys == 0:
            return
        count = u64(self.keys)
        print(f"bench: key to screen min {self.whole_min}")
        print(f"bench: key to screen mean {self.whole_total // count}")
        print(f"bench: key to screen max {self.whole_max}")
        for i in range(5):
            print(f"bench: key to screen part {PARTS[i]} {self.totals[i] // self.keys}")


def pending(code: u8) -> bool:
    """Have the controller deliver ``code``; whether it is waiting (interrupts off)."""
    if not keyboard.inject_scancode(code):
        return False
    polls = 0
    while not keyboard.output_pending() and polls < PENDING_POLLS:
        polls += 1
    return keyboard.output_pending()


def release(code: u8) -> None:
    """Deliver and consume the key's break code (interrupts off, unmeasured)."""
    if pending(code | u8(0x80)):
        irqflags.enable_and_halt()
        irqflags.disable()
    while next_event() != keys.NO_EVENT:
        pass


def type_key(code: u8, shell: Editor, renderer: AnsiRenderer, costs: PathCosts,
             window: u64) -> None:
    """One key press, from IRQ 1 to its cell on screen, timed part by part."""
    stamps = Array[u64, 6]()
    flags = irqflags.save_and_disable()
    pic.mask(TIMER_IRQ)
    if not pending(code):
        costs.missed += 1
        pic.unmask(TIMER_IRQ)
        irqflags.restore(flags)
        return
    stamps[0] = rdtsc()
    irqflags.enable_and_halt()
    irqflags.disable()
    stamps[1] = rdtsc()
    event = next_event()
    stamps[2] = rdtsc()
    shell.feed(event)
    actions = shell.take_actions()
    stamps[3] = rdtsc()
    serial.write_str(renderer.render(actions))
    stamps[4] = rdtsc()
    with vga.lock:
        textrender.render(vga.screen, actions)
        vga.flush_locked()
    stamps[5] = rdtsc()
    pic.unmask(TIMER_IRQ)
    if event == keys.NO_EVENT or len(actions) == 0:
        costs.missed += 1
    else:
        costs.add(stamps, window)
    release(code)
    irqflags.restore(flags)


def run() -> None:
    """Type ``TYPED`` at a prompt of this module's own and print the costs."""
    shell = Editor(PROMPT)
    renderer = AnsiRenderer(80)
    costs = PathCosts()
    window = irqcost.rdtsc_overhead()
    shell.start()
    actions = shell.take_actions()
    serial.write_str(renderer.render(actions))
    with vga.lock:
        textrender.render(vga.screen, actions)
        vga.flush_locked()
    for code in SCANCODES:
        type_key(u8(code), shell, renderer, costs, window)
    print()
    print(f"bench: key to screen line right {1 if shell.text() == TYPED else 0}")
    costs.report()
