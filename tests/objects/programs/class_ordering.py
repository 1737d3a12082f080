"""__lt__ and friends: sorting, min and max of instances."""


class Version:
    def __init__(self, major: int, minor: int) -> None:
        self.major = major
        self.minor = minor

    def key(self) -> tuple[int, int]:
        return (self.major, self.minor)

    def __lt__(self, other: "Version") -> bool:
        return self.key() < other.key()

    def __le__(self, other: "Version") -> bool:
        return self.key() <= other.key()

    def __repr__(self) -> str:
        return f"v{self.major}.{self.minor}"


def main() -> None:
    vs = [Version(1, 10), Version(1, 2), Version(0, 9), Version(2, 0)]
    print(sorted(vs))
    print(min(vs), max(vs))
    print(Version(1, 2) < Version(1, 3), Version(1, 3) <= Version(1, 3), Version(2, 0) > Version(1, 9))
    vs.sort()
    print(vs[0], vs[-1])


if __name__ == "__main__":
    main()
