# error: 17:15: assigning 'spare' to the global 'current' would copy it into the struct already there
from pythos.lang import struct, u32


@struct
class Config:
    level: u32


current = Config()
spare = Config()


def main() -> None:
    global current
    spare.level = u32(1)
    current = spare
    spare.level = u32(2)
    print(current.level)  # CPython prints 2


if __name__ == "__main__":
    main()
