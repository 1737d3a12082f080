from pythos.lang import call_addr, func_addr, u64


def add3(a: u64, b: u64, c: u64) -> u64:
    return a + b * c


def hello() -> u64:
    print("hello from an address")
    return u64(7)


def main() -> None:
    f = func_addr(add3)
    print(call_addr(f, u64(1), u64(2), u64(3)))
    print(call_addr(func_addr(hello)))


if __name__ == "__main__":
    main()
