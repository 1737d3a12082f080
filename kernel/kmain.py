"""``kmain``: the first Python function to run, and the boot order.

The boot stub (arch/x86_64/boot.py) has switched to 64-bit long mode,
mapped the kernel at 0xFFFFFFFF80000000 and taken the kernel stack; it
calls ``kmain`` with the Multiboot magic and the *physical* address of the
Multiboot information structure.  ``kmain`` then brings the machine up in
the order below, one step per line, and each step only relies on the ones
before it.  Interrupts are enabled once the IDT, the PIC and the clock
are set up (docs/interrupts.md).

The Multiboot information, and the command line in it, is read first,
before any output: it lies inside the boot stub's 1 GiB mapping from the
start, so options such as ``loglevel=`` hold for the whole boot.  Console
output starts at the banner; everything after it appears on the serial
port and on the screen.  Any failure is a panic: a red report with
the Python source line, then a halt (never a reset).
"""

from typing import Final

import kernel.apps.gamebench as gamebench
import kernel.arch.x86_64.boot  # noqa: F401 - links in the boot stub
import kernel.arch.x86_64.cpu as cpu
import kernel.arch.x86_64.gdt as gdt
import kernel.arch.x86_64.idt as idt
import kernel.arch.x86_64.irqflags as irqflags
import kernel.arch.x86_64.layout as layout
import kernel.arch.x86_64.pic as pic
import kernel.arch.x86_64.syscall as syscall
import kernel.arch.x86_64.vectors as vectors
import kernel.backtrace as backtrace  # noqa: F401 - exports pythos_backtrace for panics
import kernel.bench.bootbench as bootbench
import kernel.bench.options as bench_options
import kernel.clock as clock
import kernel.cmdline as cmdline
import kernel.console as console
import kernel.crashtest as crashtest
import kernel.drivers.keyboard as keyboard
import kernel.drivers.rtc as rtc
import kernel.drivers.serial as serial
import kernel.drivers.serial_input as serial_input
import kernel.drivers.vga as vga
import kernel.echo as echo
import kernel.fs.initrd as initrd
import kernel.irqbench as irqbench
import kernel.log as log
import kernel.memmap as memmap
import kernel.mm.heap as heap
import kernel.mm.heapbench as heapbench
import kernel.mm.memory as memory
import kernel.multiboot as multiboot
import kernel.options as options
import kernel.proc.kstack as kstack
import kernel.proc.preempt as preempt
import kernel.proc.process as process
import kernel.proc.scheduler as scheduler
import kernel.proc.syscalls as syscalls  # noqa: F401 - exports the system call table
import kernel.shell.prompt as shell_prompt
import kernel.task.executor as executor
import kernel.task.share as share
import kernel.testing as testing
import kernel.tickless as tickless
import kernel.version as version
import pythos.rt.obj.runtime as objects
from kernel.bytespan import ByteSpan
from kernel.drivers.vga import Color
from kernel.mm.addr import PhysAddr
from kernel.multiboot import BootInfo, MemoryRegion
from pythos.lang import Array, export, panic, u8, u32, u64

# What the loader told us, filled in by read_boot_info.
boot = BootInfo()
# The memory map, copied out of the loader's memory.
regions = Array[MemoryRegion, 32]()
region_count = u32(0)
# The time-stamp counter at kmain's first line (see record_entry_time).
kmain_entered_at: u64 = u64(0)
# Whether read_boot_info found the Multiboot information in the boot window.
boot_info_read = False
# Whether loglevel= had a value apply_early_options did not know (warned later).
loglevel_rejected = False
# How many lost options report_cut_cmdline names, and how much of each.
LOST_WORDS_SHOWN: Final = 8
LOST_WORD_CHARS: Final = u64(40)


@export("kmain")
def kmain(magic: u32, info: u64) -> None:
    """Bring the kernel up; never returns."""
    record_entry_time()              # instructions since reset, for make bench
    read_boot_info(magic, info)      # loader info and command line, mapped from the start
    apply_early_options()            # halt=, loglevel=: before anything is printed
    serial_ok = serial.init()        # COM1 first: it works even without a screen
    vga.init()                       # clear the screen, show the cursor
    print_banner()                   # name and version, on serial and screen
    report_serial(serial_ok)         # say so on screen if COM1 is missing
    check_magic(magic)               # stop unless a Multiboot loader started us
    report_boot_info(info)           # loader, command line (and what was cut), memory
    gdt.init()                       # kernel/user segments, TSS with the IST stacks
    vectors.install()                # a handler for each of the 32 CPU exceptions
    idt.load()                       # from here on a fault is reported, not a reset
    pic.init()                       # IRQ 0-15 to vectors 32-47, all masked
    syscall.init()                   # syscall/sysret for user programs: STAR, LSTAR, SFMASK
    clock.init()                     # TSC calibrated on the PIT; PIT ticks at 1 kHz on IRQ 0
    tickless.init(tick_may_stop())   # the tick may stop while the executor idles (not tickless=0)
    init_keyboard()                  # PS/2 controller, scancodes on IRQ 1
    serial_input.init()              # COM1 received bytes on IRQ 4
    irqflags.enable()                # take interrupts: the clock starts ticking
    read_memory_map()                # copy the memory map, for the frame allocator
    memory.init(regions, region_count, PhysAddr(info), boot)  # frames, physical window
    heap.init()                      # the kernel heap, growing on demand
    objects.init_all()               # the object runtime: str, containers, the collector
    objects.init_modules()           # module-level code: globals built by code, in import order
    report_memory_map()              # the memory map, as a list of regions, and its total
    rtc.report()                     # today's date and time, from the CMOS clock
    initrd.init(boot)                # the user programs' ramdisk, checked and listed
    scheduler.init()                 # the task table: only the kernel task, running
    kstack.init()                    # the region for processes' kernel stacks
    preempt.init()                   # timer ticks drive the scheduler from here on
    warn_unknown_options()           # the options as a dict: say which ones nothing reads
    apply_options()                  # panic=, bench=, run=, start=, test=: once everything is up
    gamebench.run(boot.cmdline)      # bench=games: the games on screen, their frame costs
    bench_options.run(boot.cmdline)  # bench=tasks, bench=keys: a wake's and a key's costs
    log.info("boot complete")
    run_echo_if_asked()              # echo=1: the old echo loop instead of the shell
    bootbench.at_prompt(boot.cmdline, kmain_entered_at)  # bench=boot: the time to here
    share.start(clock.uptime_ms)     # the executor, sharing the CPU with processes
    executor.spawn(shell_prompt.run(), "shell")  # the shell, on both consoles
    executor.run_forever()           # poll tasks, idle when none is ready; never returns


def record_entry_time() -> None:
    """Remember when kmain started: under QEMU's -icount, the number of
    instructions from reset (firmware and boot loader included) to here."""
    global kmain_entered_at
    kmain_entered_at = cpu.timestamp()


def print_banner() -> None:
    """The first line on both consoles: who we are."""
    console.set_color(Color.LIGHT_CYAN)
    print(f"{version.NAME} {version.VERSION}", end="")
    console.reset_color()
    print(" - an x86-64 kernel written in Python")


def report_serial(serial_ok: bool) -> None:
    """Explain on screen why the serial log will stay empty, if it will."""
    if not serial_ok:
        print("serial: no 16550 UART at COM1 (loopback check failed); screen only")
    else:
        log.debug("serial: COM1 passed the loopback check")


def init_keyboard() -> None:
    """Start the keyboard, or say why typing will not work."""
    if not keyboard.init():
        log.warn("keyboard: no working PS/2 controller; input from serial only")


def check_magic(magic: u32) -> None:
    """Panic unless ``magic`` says a Multiboot 1 loader started the kernel.

    The boot stub checks this too, before it touches anything; this check
    keeps ``kmain`` honest if someone calls it another way.
    """
    if magic != multiboot.BOOTLOADER_MAGIC:
        panic(f"not started by a Multiboot loader: magic {magic:#x}, expected 0x2badb002")


def read_boot_info(magic: u32, info: u64) -> None:
    """Read the Multiboot information, before any output.

    It is in memory from the start, inside the boot stub's 1 GiB window,
    so the options can shape the whole boot, the first messages included.
    Nothing is printed here: the console is not up yet.
    """
    global boot_info_read
    if magic == multiboot.BOOTLOADER_MAGIC:
        boot_info_read = multiboot.read_info(layout.boot_window(), PhysAddr(info), boot)


def apply_early_options() -> None:
    """Act on the options that change how the kernel reports (see cmdline.py)."""
    global loglevel_rejected
    value = ByteSpan()
    if cmdline.find_option(boot.cmdline, "halt", value) and value.equals("wait"):
        console.set_exit_on_halt(False)
    if cmdline.find_option(boot.cmdline, "loglevel", value):
        lvl = log.parse_level(value)
        if lvl < 0:
            loglevel_rejected = True
        else:
            log.set_level(u8(lvl))


def report_boot_info(info: u64) -> None:
    """Print what the loader said, and warn about options that were not taken."""
    if not boot_info_read:
        panic(f"Multiboot information at {info:#x} is outside the 1 GiB boot window")
    if boot.has(multiboot.FLAG_LOADER_NAME):
        print("boot loader: ", end="")
        console.write_span(boot.loader_name)
        print()
    if boot.has(multiboot.FLAG_CMDLINE):
        print("command line: ", end="")
        console.write_span(boot.cmdline)
        print()
        report_cut_cmdline()
    if loglevel_rejected:
        log.warn("unknown loglevel=; expected debug, info, warn or error")
    if boot.has(multiboot.FLAG_MEMORY):
        print(f"memory: {boot.mem_lower_kib} KiB low, {boot.mem_upper_kib} KiB upper")


def report_cut_cmdline() -> None:
    """Warn, on both consoles, when the command line was too long, and name
    the options that were lost (the words past the cut)."""
    if not multiboot.cmdline_was_cut(boot):
        return
    full = boot.cmdline_full.length
    at_least = "at least " if full >= multiboot.MAX_SCAN else ""
    console.set_color(Color.YELLOW)
    print(f"warning: the command line is {at_least}{full} bytes, longer than the "
          f"{multiboot.MAX_STRING} the kernel reads")
    print("options lost:", end="")
    word = ByteSpan()
    offset = cmdline.next_word(boot.cmdline_full, boot.cmdline.length, word)
    shown = 0
    hidden = 0
    while word.length > 0:
        if shown < LOST_WORDS_SHOWN:
            print(" ", end="")
            write_word(word)
            shown += 1
        else:
            hidden += 1
        offset = cmdline.next_word(boot.cmdline_full, offset, word)
    if hidden > 0:
        print(f" and {hidden} more", end="")
    print()
    console.reset_color()


def write_word(word: ByteSpan) -> None:
    """Print a command-line word, shortened to LOST_WORD_CHARS bytes."""
    if word.length <= LOST_WORD_CHARS:
        console.write_span(word)
        return
    short = ByteSpan()
    short.set(word.data, LOST_WORD_CHARS)
    console.write_span(short)
    print("...", end="")


def apply_options() -> None:
    """Act on the options that run something once the kernel is up (see cmdline.py)."""
    value = ByteSpan()
    if cmdline.find_option(boot.cmdline, "panic", value):
        crashtest.run(value)
    if cmdline.find_option(boot.cmdline, "bench", value) and value.equals("irq"):
        irqbench.run(kmain_entered_at)  # interrupt costs for bench/kernel.py
    if cmdline.find_option(boot.cmdline, "bench", value) and value.equals("heap"):
        heapbench.run()  # heap allocator costs for bench/kernel.py
    if cmdline.find_option(boot.cmdline, "run", value):
        process.run_list(value)  # run=PROG[,PROG...]: user programs, one after another
    if cmdline.find_option(boot.cmdline, "start", value):
        process.start_list(value)  # start=PROG[,PROG...]: side by side with the kernel
    if cmdline.find_option(boot.cmdline, "test", value):
        testing.run(value)  # run the selected tests (a test build), then exit


def tick_may_stop() -> bool:
    """Whether the idle executor may stop the timer tick: yes, unless the
    command line says ``tickless=0`` (kernel/tickless.py)."""
    value = ByteSpan()
    return not (cmdline.find_option(boot.cmdline, "tickless", value) and value.equals("0"))


def run_echo_if_asked() -> None:
    """With ``echo=1``, run the console's echo loop (echo.py), which never
    returns, in place of the shell: the console tests that look at input
    byte by byte use it."""
    value = ByteSpan()
    if cmdline.find_option(boot.cmdline, "echo", value) and value.equals("1"):
        print("Pythos is up. Type on the keyboard or the serial port; it echoes here.")
        echo.run()


def warn_unknown_options() -> None:
    """Warn about each option the kernel does not act on, from the command
    line read as a dict (options.py), so that a mistyped one is noticed."""
    for word in options.unknown(options.parse(options.text(boot.cmdline))):
        log.warn(f"unknown option {word}")


def read_memory_map() -> None:
    """Copy the memory map out of the loader's memory (memory.init needs it
    before there is a heap; report_memory_map prints it later)."""
    global region_count
    region_count = multiboot.read_memory_map(layout.boot_window(), boot, regions)
    if region_count == 0:
        log.warn("the boot loader gave no memory map")


def report_memory_map() -> None:
    """Print the memory map, one line per region, then the total (memmap.py)."""
    if region_count > 0:
        memmap.report(memmap.regions(regions, region_count))
