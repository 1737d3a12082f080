# error: 6:14: cannot iterate over u32 (use range(), bytes or an Array)
from pythos.lang import u32

def main() -> None:
    n = u32(7)
    for i in n:
        print(i)


if __name__ == "__main__":
    main()
