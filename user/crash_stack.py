"""crash_stack: a program whose recursion overflows its stack.

CPython stops it with RecursionError.  Compiled for Pythos, each call
takes stack until the guard page below the user stack is reached: a
page fault in ring 3, which the kernel reports on one line before ending
the program, and then it goes on.  The line printed first must come out
anyway, since Pythos flushes a program's output at every print.
"""


def depth(n: int) -> int:
    # Not a tail call, and not one LLVM can turn into a loop (the result
    # is combined with two operations), so every level keeps a frame.
    if n == 0:
        return 0
    return depth(n - 1) * 3 + n


def main() -> None:
    print("crash_stack: recursing until the stack runs out")
    print(depth(1_000_000_000))


if __name__ == "__main__":
    main()
