"""Iterating over a dict's keys, values and items, in insertion order,
after a deletion and a re-insertion."""


def main() -> None:
    stock = {"apples": 3, "pears": 0, "plums": 7}
    del stock["pears"]
    stock["pears"] = 2
    for key in stock:
        print(key)
    print(sum(stock.values()), max(stock.values()))
    for fruit, count in stock.items():
        print(f"{fruit}: {count}")
    print(sorted(stock.keys()))


if __name__ == "__main__":
    main()
