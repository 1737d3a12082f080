# error: 6:9: 'x' has type u8, cannot assign bool
from pythos.lang import u8

def main() -> None:
    x = u8(1)
    x = True
    print(x)


if __name__ == "__main__":
    main()
