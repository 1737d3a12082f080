"""raise ... from ...: the report shows the cause first."""


class ConfigError(Exception):
    pass


def load(key: str) -> int:
    table = {"a": 1}
    try:
        return table[key]
    except KeyError as e:
        raise ConfigError(f"no setting {key!r}") from e


def main() -> None:
    print(load("a"))
    try:
        load("b")
    except ConfigError as e:
        print("caught:", e)
    load("c")


main()
