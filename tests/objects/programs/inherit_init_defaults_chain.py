"""Constructors with defaults at three levels, each passing on to the
next with super().__init__."""


class Widget:
    def __init__(self, name: str, width: int = 10) -> None:
        self.name = name
        self.width = width

    def __repr__(self) -> str:
        return f"{type_name(self)}({self.name}, {self.width})"


class Button(Widget):
    def __init__(self, name: str, label: str = "OK", width: int = 8) -> None:
        super().__init__(name, width)
        self.label = label


class IconButton(Button):
    def __init__(self, name: str, icon: str = "*") -> None:
        super().__init__(name, label=icon + " go")
        self.icon = icon


def type_name(w: Widget) -> str:
    if isinstance(w, IconButton):
        return "IconButton"
    if isinstance(w, Button):
        return "Button"
    return "Widget"


def main() -> None:
    ws = [Widget("w"), Widget("v", 3), Button("b"), Button("c", "Cancel", 12), IconButton("i"), IconButton("j", "♥")]
    print(ws)
    print([w.label for w in ws if isinstance(w, Button)])


if __name__ == "__main__":
    main()
