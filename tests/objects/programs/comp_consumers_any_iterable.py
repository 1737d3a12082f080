"""The consumers take whatever a for loop takes: dict views, sets, str,
range, enumerate, zip, and generator expressions with several clauses."""


def main() -> None:
    stock = {"apple": 3, "pear": 0, "fig": 7}
    print(sum(stock.values()), max(stock), min(stock.values()), sorted(stock.items()))
    print(any(n == 0 for n in stock.values()), all(k.isalpha() for k in stock))
    print(dict((k, n) for k, n in stock.items() if n), set(len(k) for k in stock))
    letters = "mississippi"
    print(sorted(set(letters)), max(letters), list(enumerate(sorted(set(letters)))))
    print(sum(i * j for i in range(4) for j in range(i)), list(zip(["a", "b"], [0, 1])))
    print(dict(zip(["x", "y"], [1, 2])), min((len(w), w) for w in stock))


if __name__ == "__main__":
    main()
