# error: 2:1: function 'sign' can reach its end without a return, but it must return i64
def sign(x: int) -> int:
    if x < 0:
        return -1
    elif x > 0:
        return 1


def main() -> None:
    print(sign(3))


if __name__ == "__main__":
    main()
