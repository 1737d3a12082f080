# error: 9:9: 'count' may be read before it is assigned
from pythos.lang import u32


def main() -> None:
    for i in range(u32(3)):
        if i == 0:
            count = u32(0)
        count += 1
    print("done")


if __name__ == "__main__":
    main()
