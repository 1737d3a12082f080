# error: 4:9: not enough values to unpack (3 expected, 2 provided)
def main() -> None:
    d = {"a": 1}
    for k, v, extra in d.items():
        print(k, v, extra)
