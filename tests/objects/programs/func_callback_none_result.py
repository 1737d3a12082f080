"""Callables returning None, stored in a list and run in order."""
from collections.abc import Callable


def main() -> None:
    log: list[str] = []

    def say(msg: str) -> Callable[[], None]:
        def run() -> None:
            log.append(msg)
        return run

    actions = [say("a"), say("b"), say("a")]
    for act in actions:
        act()
    again = actions[1]
    again()
    print(log)


if __name__ == "__main__":
    main()
