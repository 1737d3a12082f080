# error: 18:15: assigning 'Config(u32(3))' to the global 'current' would copy it into the struct already there
from pythos.lang import struct, u32


@struct
class Config:
    level: u32


current = Config()


def show(c: Config) -> None:
    # CPython: `c` is still the old Config after reset(); compiled, the
    # new value was copied into the storage `c` points at.
    global current
    print(c.level)
    current = Config(u32(3))
    print(c.level)


def main() -> None:
    show(current)


if __name__ == "__main__":
    main()
