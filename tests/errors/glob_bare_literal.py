# error: 6:15: the global 'counter' has type u8, but a bare literal is a plain int under CPython
from pythos.lang import u8

# Under CPython `counter` would be a plain int 255 and `counter += 1` would
# give 256; compiled, it is a u8 and wraps to 0.
counter: u8 = 255


def main() -> None:
    global counter
    counter += 1
    print(counter)


if __name__ == "__main__":
    main()
