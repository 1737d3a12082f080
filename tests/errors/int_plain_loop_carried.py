# error: 9:13: 'v' has type u8, but the range() loop variable 'i' is a plain int under CPython; write u8(i)
from pythos.lang import u8


def main() -> None:
    i = u8(250)
    for round in range(2):
        # In the second round, i is the plain int the inner loop left.
        v = i
        print(v + 10)
        for i in range(u8(250), u8(252)):
            pass


if __name__ == "__main__":
    main()
