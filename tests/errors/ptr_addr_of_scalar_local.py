# error: 7:17: local variable 'count' has no address
from pythos.lang import addr_of, u32


def main() -> None:
    count = u32(0)
    p = addr_of(count)
    p.store(u32(5))
    print(count)


if __name__ == "__main__":
    main()
