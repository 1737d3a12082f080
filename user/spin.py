"""spin: a program that never ends and never makes a system call.

It says it has started, then counts forever.  Only the timer interrupt
takes the CPU back from it, so it shows that a runaway program cannot
freeze the machine: with a scheduler, the others keep running beside it.
"""


def main() -> None:
    print("spin: counting forever")
    n = 0
    while True:
        n += 1


if __name__ == "__main__":
    main()
