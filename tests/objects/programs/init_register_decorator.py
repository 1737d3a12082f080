"""A decorator that registers functions by name at import time, as a
shell's command table does (`@command("help")`)."""
from collections.abc import Callable

COMMANDS: dict[str, Callable[[list[str]], str]] = {}


def command(name: str) -> Callable[[Callable[[list[str]], str]], Callable[[list[str]], str]]:
    def register(f: Callable[[list[str]], str]) -> Callable[[list[str]], str]:
        COMMANDS[name] = f
        return f
    return register


@command("echo")
def echo(args: list[str]) -> str:
    return " ".join(args)


@command("count")
def count(args: list[str]) -> str:
    return str(len(args))


def run(line: str) -> str:
    words = line.split()
    f = COMMANDS.get(words[0])
    if f is None:
        return "unknown command: " + words[0]
    return f(words[1:])


def main() -> None:
    print(sorted(COMMANDS))
    for line in ["echo hello wörld", "count a b c", "nope x"]:
        print(run(line))


if __name__ == "__main__":
    main()
