"""A name that is a range() loop variable (a plain int under CPython) in
one loop may hold sized values elsewhere: only a use that the loop's value
can reach, after the loop starts or in an enclosing loop's next iteration,
is treated as plain."""

from pythos.lang import u8


def twice(v: u8) -> u8:
    return v + v


def main() -> None:
    for step in range(3):
        slot = u8(100 + step * 60)
        print(twice(slot))
    for slot in range(u8(250), u8(253)):
        print(twice(u8(slot)), slot)
    slot = u8(7)
    print(slot)


if __name__ == "__main__":
    main()
