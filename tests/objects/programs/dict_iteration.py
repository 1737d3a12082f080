"""Iterating keys, values and items; unpacking items in for."""


def main() -> None:
    stock = {"apple": 3, "pear": 0, "fig": 12}
    for k in stock:
        print(k, stock[k])
    for v in stock.values():
        print(v * 2)
    for name, n in stock.items():
        print(f"{name}={n}")
    total = sum(n for _, n in stock.items())
    print(total, [k for k, v in stock.items() if v], sorted(stock.values()))


if __name__ == "__main__":
    main()
