def big(n: int) -> int:
    x = 1
    for _ in range(n):
        x = x * 3
    return x


def main() -> None:
    print(big(39))
    try:
        print(big(40))
    except OverflowError as e:
        print("caught", e)
    y = 2 ** 62
    try:
        print(y + y)
    except OverflowError as e:
        print("add", e)
    m = -(2 ** 63 - 1) - 1
    try:
        print(-m)
    except OverflowError as e:
        print("neg", e)
    try:
        print(m // -1)
    except OverflowError as e:
        print("div", e)
    for k in (62, 63, 64, 70):
        try:
            print(1 << k)
        except OverflowError as e:
            print("shl", k, e)
    t = 3
    try:
        print(t ** 40)
    except OverflowError as e:
        print("pow", e)
    t3 = 3
    print(t3 ** 39, (-2) ** 62)
    print(big(20) - big(21))


main()
