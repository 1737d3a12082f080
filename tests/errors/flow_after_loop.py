# error: 10:11: 'last' may be read before it is assigned
from pythos.lang import u32


def main() -> None:
    n = u32(0)
    while n < 3:
        last = n
        n += 1
    print(last)  # the loop might not have run at all


if __name__ == "__main__":
    main()
