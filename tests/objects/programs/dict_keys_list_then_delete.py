"""Deleting while iterating over a copy of the keys."""


def main() -> None:
    d = {n: n % 4 for n in range(12)}
    for k in list(d.keys()):
        if d[k] == 0:
            del d[k]
    print(d)
    for k, v in list(d.items()):
        if v == 1:
            d.pop(k)
            d[k * 100] = v
    print(d)


if __name__ == "__main__":
    main()
