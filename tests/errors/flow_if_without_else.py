# error: 8:12: 'x' may be read before it is assigned: on some path to here nothing has assigned it
from pythos.lang import u32


def pick(c: bool) -> u32:
    if c:
        x = u32(1)
    return x


def main() -> None:
    print(pick(True), pick(False))


if __name__ == "__main__":
    main()
