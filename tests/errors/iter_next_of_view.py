# error: 4:16: 'dict_keys' object is not an iterator (use iter() first)
def main() -> None:
    d = {"a": 1}
    print(next(d.keys()))
