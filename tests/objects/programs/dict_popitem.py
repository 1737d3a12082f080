class K:
    def __init__(self, n: int) -> None:
        self.n = n

    def __repr__(self) -> str:
        return f"K{self.n}"


def main() -> None:
    d = {"a": 1, "b": 2, "c": 3}
    print(d.popitem(), d)
    d["z"] = 9
    k, v = d.popitem()
    print(k, v, d)
    objs: dict[int, K] = {i: K(i) for i in range(4)}
    del objs[3]
    print(objs.popitem(), objs.popitem(), objs)
    objs[7] = K(7)
    print(objs.popitem(), objs.popitem(), objs)
    big: dict[str, list[int]] = {}
    for i in range(100):
        big[str(i)] = [i]
    total = 0
    while big:
        key, val = big.popitem()
        total += val[0] + len(key)
    print(total, len(big))
    try:
        big.popitem()
    except KeyError as e:
        print("KeyError", e)


if __name__ == "__main__":
    main()
