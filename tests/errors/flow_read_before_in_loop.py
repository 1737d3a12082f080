# error: 9:23: 'previous' is used before it is assigned
from pythos.lang import u32


def main() -> None:
    first = True
    for i in range(u32(4)):
        if not first:
            print(i - previous)  # correct at run time, but no path analysis can tell
        previous = i
        first = False


if __name__ == "__main__":
    main()
