"""spin: a program that never ends and never makes a system call.

It says it has started, then counts forever, in a `u64` that wraps: a
plain `int` would end the loop with OverflowError after 2**63 steps, and
the optimiser, which can count that far at compile time, makes it end at
once.  Only the timer interrupt
takes the CPU back from it, so it shows that a runaway program cannot
freeze the machine: with a scheduler, the others keep running beside it.
"""

from pythos.lang import u64


def main() -> None:
    print("spin: counting forever")
    n = u64(0)
    while True:
        n += u64(1)


if __name__ == "__main__":
    main()
