"""Integer fields and dict values that may be None: narrowed by an
assignment in one branch, updated in place, printed and compared."""


class Stats:
    def __init__(self) -> None:
        self.best: int | None = None
        self.count: int | None = None

    def add(self, score: int) -> None:
        if self.count is None:
            self.count = 0
        self.count += 1
        if self.best is None or score > self.best:
            self.best = score


def main() -> None:
    s = Stats()
    print(s.best, s.count, s.best == s.count)
    for score in [3, 9, 4]:
        s.add(score)
    print(s.best, s.count, s.best == 9, f"{s.best}/{s.count}")
    limits: dict[str, int | None] = {"cpu": 4, "mem": None}
    limits["disk"] = 0
    for name in ["cpu", "mem", "disk", "net"]:
        v = limits.get(name)
        print(name, v, "set" if v is not None else "unset", "truthy" if v else "falsy")
    print(limits, [limits.get("cpu"), None])


if __name__ == "__main__":
    main()
