"""A module-level instance (a singleton) used by several functions."""


class Log:
    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self.lines: list[str] = []

    def write(self, msg: str) -> None:
        self.lines.append(f"{self.prefix}{len(self.lines)}: {msg}")


LOG = Log("[k] ")


def boot() -> None:
    LOG.write("boot")


def mount(dev: str) -> None:
    LOG.write("mount " + dev)


def main() -> None:
    boot()
    mount("sda1")
    mount("sdb")
    for line in LOG.lines:
        print(line)


if __name__ == "__main__":
    main()
