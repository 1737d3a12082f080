"""`f(**d)` where a key of d may give a parameter the call leaves to its
default (taken out of the keywords **kwargs receives), and into functions
without **kwargs, with CPython's TypeErrors for keys no parameter takes."""


def show(text: str, sep: str = " ", end: str = "!", **extra: str) -> str:
    return text + sep + end + str(extra)


def area(width: int = 1, height: int = 1) -> int:
    return width * height


class Shape:
    def __init__(self, name: str, sides: int = 0, *, color: str = "none") -> None:
        self.desc = f"{name}/{sides}/{color}"


def main() -> None:
    d = {"end": "?", "x": "y"}
    print(show("a", **d))
    print(show("a", "-", **d))
    print(show("a", **{"sep": "+"}, **{"z": "w"}))
    e: dict[str, str] = {}
    print(show("b", **e))
    print(area(**{"height": 3}), area(**{"width": 2, "height": 5}))
    sizes = {"height": 4}
    print(area(2, **sizes))
    print(Shape("sq", 4, **{"color": "red"}).desc)
    for bad in [{"depth": 1}, {"height": 2, "depth": 3}, {"width": 9}]:
        try:
            print(area(1, **bad))
        except TypeError as ex:
            print("TypeError:", ex)
    settings = {"sep": ": ", "end": ".", "tag": "t1"}
    for text in ["one", "two"]:
        dims = {("width" if k == "sep" else "height"): len(v) + len(text)
                for k, v in settings.items() if k != "tag"}
        print(show(text, **settings), area(**dims), dims)
    try:
        print(show("a", "b", **{"sep": "c"}))
    except TypeError as ex:
        print("TypeError:", ex)


main()
