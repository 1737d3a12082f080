"""Locals assigned on every path before they are read: the patterns the
definite-assignment check accepts (see pythos/check/flow.py)."""
from pythos.lang import panic, u32


def both_branches(c: bool) -> u32:
    if c:
        x = u32(1)
    else:
        x = u32(2)
    return x


def other_branch_panics(n: u32) -> u32:
    if n < 10:
        small = n * 2
    elif n < 100:
        small = n // 2
    else:
        panic("too big")
    return small


def found_by_break(limit: u32) -> u32:
    i = u32(0)
    while True:
        if i * i > limit:
            root = i
            break
        i += 1
    return root


def constant_range_runs() -> u32:
    for k in range(u32(3), u32(7)):
        last = u32(k) * 10
    return last + k  # the loop surely ran: k and last are set


def skipped_by_continue() -> u32:
    total = u32(0)
    for i in range(u32(6)):
        if i % 2 == 0:
            continue
        odd = u32(i)
        total += odd
    return total


def returns_early(c: bool) -> u32:
    if not c:
        return u32(0)
    else:
        value = u32(42)
    return value


def main() -> None:
    print(both_branches(True), both_branches(False))
    print(other_branch_panics(u32(4)), other_branch_panics(u32(50)))
    print(found_by_break(u32(50)))
    print(constant_range_runs())
    print(skipped_by_continue())
    print(returns_early(True), returns_early(False))


if __name__ == "__main__":
    main()
