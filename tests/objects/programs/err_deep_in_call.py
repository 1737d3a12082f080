"""A failing lookup deep in method calls stops the whole program."""


class Registry:
    def __init__(self) -> None:
        self.items: dict[str, list[int]] = {"a": [1, 2]}

    def first(self, key: str) -> int:
        return self.items[key][0]

    def report(self, keys: list[str]) -> None:
        for k in keys:
            print(k, self.first(k))


def main() -> None:
    Registry().report(["a", "b", "a"])


if __name__ == "__main__":
    main()
