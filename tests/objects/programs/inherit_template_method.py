"""A base method calls a hook that subclasses override (template method)."""


class Report:
    def header(self) -> str:
        return "REPORT"

    def rows(self) -> list[str]:
        return []

    def render(self) -> str:
        lines = [self.header()]
        for i, r in enumerate(self.rows()):
            lines.append(f"{i + 1}. {r}")
        return "\n".join(lines)


class Sales(Report):
    def rows(self) -> list[str]:
        return ["apples 3", "pears 5"]


class Audit(Sales):
    def header(self) -> str:
        return "AUDIT of " + super().header()

    def rows(self) -> list[str]:
        return super().rows() + ["checked"]


def main() -> None:
    for r in [Report(), Sales(), Audit()]:
        print(r.render())
        print("--")


if __name__ == "__main__":
    main()
