# Found by progfuzz (seed 38 of the CI set as generated at commit badc2cd),
# reduced automatically.
#
# Keyword arguments are evaluated in the order they are written, as in
# CPython, not in the order of the parameters. Here p1's argument (three
# nested calls that print 1) comes before p0's (which prints an empty line).
#   CPython:  1, 1, 1, then an empty line
#   compiled: the empty line first
# Fixed on branch conform by "Compiler: Evaluate keyword arguments in the
# order written".
from typing import Final

from pythos.lang import i16, i32, i64, struct, u64


@struct
class S1:
    f0: i64

    def m15(self, p0: i32, p1: u64) -> u64:
        print(1)
        return g10


K4: Final = 223
g10: u64 = u64(0)


def f11(p0: str, p1: i16) -> i32:
    print()
    return i32(K4)


def main() -> None:
    a42 = S1(-39)
    v44 = K4 ^ g10
    a42.m15(p1=a42.m15(i32(0), p1=a42.m15(i32(5), a42.m15(i32(K4), v44))),
            p0=f11(p0='ok b', p1=i16(25482)))


if __name__ == '__main__':
    main()
