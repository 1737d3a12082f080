"""A lock-free single-producer, single-consumer ring buffer of bytes.

An interrupt handler (the keyboard's, the serial port's) must hand bytes
to normal kernel code without ever waiting: it cannot take a lock that the
code it interrupted might hold, and it must not stall the machine when
nobody reads.  This buffer needs no lock because each counter has exactly
one writer:

* the **producer** (the interrupt handler) writes ``head`` and
  ``dropped``, and the slot ``data[head % capacity]``;
* the **consumer** (normal code) writes ``tail``.

``head`` and ``tail`` count bytes ever written and ever read.  They are
``u64`` and are never reduced modulo the capacity; they wrap at 2**64,
and because the capacity is a power of two (dividing 2**64), the slot of
count ``n`` is always ``n & mask`` and the number of bytes stored is
always ``head - tail`` in wrapping arithmetic, even across the wrap::

    data:  [ . . . x x x x x . . . . . . . . ]     capacity slots
                   ^         ^
         tail & mask         head & mask          length = head - tail

Full means ``head - tail == capacity``; a byte pushed then is not stored
but counted in ``dropped``, so a flood of input loses its newest bytes
and the kernel carries on.  (Dropping the oldest instead would need the
producer to move ``tail``, breaking the one-writer rule.)  Nobody is
told at that moment, from inside an interrupt handler; the input loop
reads ``dropped_count`` and reports it (``kernel/dropreport.py``).

Storage: each user gives its buffer an array of its own size, because
their needs differ by a factor of 32.  A PS/2 keyboard sends a few dozen
bytes per second, and 256 bytes are plenty (``keyboard.py``); a terminal
pasting into the serial port delivers bytes as fast as the kernel takes
them, far faster than the input loop can echo them, so the serial ring
holds a whole paste (see ``serial_input.py``).  The language has no
generic structs, so the buffer keeps a pointer to its storage and the
capacity; ``attach`` sets them once, before the producer starts.  A
buffer that was never attached has capacity 0: it stores nothing and
counts every push as dropped, which is safe if odd.

Ordering: the producer stores the byte *before* it publishes the new
``head``, and the consumer reads the byte *before* it publishes the new
``tail``; the publishing stores are atomic exchanges, which are full
barriers both for the compiler and the CPU, so the other side never sees a
counter that runs ahead of the data.  The counters live in one-element
arrays because ``addr_of`` of an array works both compiled and on the host
(see docs/language.md, "Differences from CPython").

On one CPU with the producer in an interrupt handler, the consumer may be
interrupted between any two instructions, which the rules above allow for.
Two consumers (or two producers) would need a lock between them.
"""

from typing import Final

from pythos.lang import Array, Ptr, addr_of, atomic_load, atomic_xchg, i32, panic, struct, u8, u64

# What ``pop`` returns when there is nothing to read.
EMPTY: Final = i32(-1)


@struct
class RingBuffer:
    """A byte queue for one producer and one consumer.

    ``RingBuffer()`` has no storage yet; ``attach`` gives it some.
    """

    # Bytes ever pushed, modulo 2**64.  Written only by the producer.
    head: Array[u64, 1]
    # Bytes ever popped, modulo 2**64.  Written only by the consumer.
    tail: Array[u64, 1]
    # Bytes refused because the buffer was full.  Written only by the producer.
    dropped: Array[u64, 1]
    # ``capacity`` slots, a power of two (0 until ``attach``).
    data: Ptr[u8]
    capacity: u64
    # capacity - 1: the slot of count n is ``n & mask``.
    mask: u64

    def attach(self, storage: Ptr[u8], capacity: u64) -> None:
        """Use ``capacity`` bytes at ``storage`` as the slots, emptying the buffer.

        Safety: ``storage`` must point at ``capacity`` writable bytes that
        nothing else uses and that live as long as the buffer; call before
        the producer and the consumer start.  ``capacity`` must be a power
        of two.
        """
        if capacity == 0 or capacity & (capacity - 1) != 0:
            panic(f"ring buffer capacity {capacity} is not a power of two")
        self.data = storage
        self.capacity = capacity
        self.mask = capacity - 1
        atomic_xchg(addr_of(self.tail), atomic_load(addr_of(self.head)))

    def length(self) -> u64:
        """How many bytes are waiting (a snapshot, exact for the consumer)."""
        return atomic_load(addr_of(self.head)) - atomic_load(addr_of(self.tail))

    def is_empty(self) -> bool:
        """Whether nothing is waiting."""
        return self.length() == 0

    def is_full(self) -> bool:
        """Whether a push would be refused now."""
        return self.length() == self.capacity

    def push(self, byte: u8) -> bool:
        """Append ``byte``; False (and one more dropped byte) when full.

        Producer side only.  Never blocks.
        """
        head = atomic_load(addr_of(self.head))
        if head - atomic_load(addr_of(self.tail)) == self.capacity:
            atomic_xchg(addr_of(self.dropped), atomic_load(addr_of(self.dropped)) + 1)
            return False
        self.data[head & self.mask] = byte
        atomic_xchg(addr_of(self.head), head + 1)
        return True

    def pop(self) -> i32:
        """Remove and return the oldest byte, or ``EMPTY`` (-1).

        Consumer side only.  Never blocks.
        """
        tail = atomic_load(addr_of(self.tail))
        if atomic_load(addr_of(self.head)) == tail:
            return EMPTY
        byte = self.data[tail & self.mask]
        atomic_xchg(addr_of(self.tail), tail + 1)
        return i32(byte)

    def dropped_count(self) -> u64:
        """How many bytes were refused so far."""
        return atomic_load(addr_of(self.dropped))

    def clear(self) -> None:
        """Discard everything waiting.  Consumer side only."""
        atomic_xchg(addr_of(self.tail), atomic_load(addr_of(self.head)))
