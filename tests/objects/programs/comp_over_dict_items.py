"""Comprehensions over dict items, keys and values."""


def main() -> None:
    prices = {"tea": 3, "cake": 5, "bun": 2, "pie": 6}
    cheap = [k for k, v in prices.items() if v < 4]
    doubled = {k: v * 2 for k, v in prices.items()}
    print(cheap, doubled, sorted(v for v in prices.values()), [k.upper() for k in prices])
    print(sum(v for k, v in prices.items() if "e" in k))


if __name__ == "__main__":
    main()
