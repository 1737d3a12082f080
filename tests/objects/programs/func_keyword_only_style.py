"""Keyword arguments with defaults, including Optional object defaults."""


class Style:
    def __init__(self, bold: bool = False, width: int = 10, fill: str = " ") -> None:
        self.bold = bold
        self.width = width
        self.fill = fill


def render(text: str, style: Style | None = None, upper: bool = False) -> str:
    st = style if style is not None else Style()
    t = text.upper() if upper else text
    t = t.center(st.width, st.fill)
    return f"*{t}*" if st.bold else t


def main() -> None:
    print("|" + render("hi") + "|")
    print(render("hi", Style(bold=True, fill="-")))
    print(render("né", upper=True, style=Style(width=6, fill="~")))


if __name__ == "__main__":
    main()
