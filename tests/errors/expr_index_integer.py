# error: 6:11: u32 cannot be indexed
from pythos.lang import u32

def main() -> None:
    x = u32(7)
    print(x[0])


if __name__ == "__main__":
    main()
