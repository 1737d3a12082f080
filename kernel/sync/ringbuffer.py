"""A lock-free single-producer, single-consumer ring buffer of bytes.

An interrupt handler (the keyboard's, the serial port's) must hand bytes
to normal kernel code without ever waiting: it cannot take a lock that the
code it interrupted might hold, and it must not stall the machine when
nobody reads.  This buffer needs no lock because each counter has exactly
one writer:

* the **producer** (the interrupt handler) writes ``head`` and
  ``dropped``, and the slot ``data[head % CAPACITY]``;
* the **consumer** (normal code) writes ``tail``.

``head`` and ``tail`` count bytes ever written and ever read.  They are
``u64`` and are never reduced modulo the capacity; they wrap at 2**64,
and because the capacity is a power of two (dividing 2**64), the slot of
count ``n`` is always ``n & MASK`` and the number of bytes stored is
always ``head - tail`` in wrapping arithmetic, even across the wrap::

    data:  [ . . . x x x x x . . . . . . . . ]     CAPACITY slots
                   ^         ^
         tail & MASK         head & MASK          length = head - tail

Full means ``head - tail == CAPACITY``; a byte pushed then is not stored
but counted in ``dropped``, so a flood of input loses its newest bytes
and the kernel carries on.  (Dropping the oldest instead would need the
producer to move ``tail``, breaking the one-writer rule.)

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

from pythos.lang import Array, addr_of, atomic_load, atomic_xchg, i32, struct, u8, u64

# A power of two, so that slot indexes survive the counters' wrap-around.
CAPACITY: Final = u64(256)
MASK: Final = u64(255)  # CAPACITY - 1
# What ``pop`` returns when there is nothing to read.
EMPTY: Final = i32(-1)


@struct
class RingBuffer:
    """A byte queue for one producer and one consumer.  ``RingBuffer()`` is empty."""

    # Bytes ever pushed, modulo 2**64.  Written only by the producer.
    head: Array[u64, 1]
    # Bytes ever popped, modulo 2**64.  Written only by the consumer.
    tail: Array[u64, 1]
    # Bytes refused because the buffer was full.  Written only by the producer.
    dropped: Array[u64, 1]
    # CAPACITY slots (an array length must be a literal).
    data: Array[u8, 256]

    def length(self) -> u64:
        """How many bytes are waiting (a snapshot, exact for the consumer)."""
        return atomic_load(addr_of(self.head)) - atomic_load(addr_of(self.tail))

    def is_empty(self) -> bool:
        """Whether nothing is waiting."""
        return self.length() == 0

    def is_full(self) -> bool:
        """Whether a push would be refused now."""
        return self.length() == CAPACITY

    def push(self, byte: u8) -> bool:
        """Append ``byte``; False (and one more dropped byte) when full.

        Producer side only.  Never blocks.
        """
        head = atomic_load(addr_of(self.head))
        if head - atomic_load(addr_of(self.tail)) == CAPACITY:
            atomic_xchg(addr_of(self.dropped), atomic_load(addr_of(self.dropped)) + 1)
            return False
        self.data[head & MASK] = byte
        atomic_xchg(addr_of(self.head), head + 1)
        return True

    def pop(self) -> i32:
        """Remove and return the oldest byte, or ``EMPTY`` (-1).

        Consumer side only.  Never blocks.
        """
        tail = atomic_load(addr_of(self.tail))
        if atomic_load(addr_of(self.head)) == tail:
            return EMPTY
        byte = self.data[tail & MASK]
        atomic_xchg(addr_of(self.tail), tail + 1)
        return i32(byte)

    def dropped_count(self) -> u64:
        """How many bytes were refused so far."""
        return atomic_load(addr_of(self.dropped))

    def clear(self) -> None:
        """Discard everything waiting.  Consumer side only."""
        atomic_xchg(addr_of(self.tail), atomic_load(addr_of(self.head)))
