"""**kwargs parameters: the keywords no parameter takes, as a dict[str, V]
in the order written, and calls that spread a dict into them."""


class Tag:
    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return f"Tag({self.name!r})"


def options(**opts: int) -> str:
    return ", ".join(f"{k}={v}" for k, v in opts.items()) + f" [{len(opts)}]"


def render(tag: str, *children: str, indent: int = 0, **attrs: str) -> str:
    text = " " * indent + "<" + tag
    for key in attrs:
        text += f' {key}="{attrs[key]}"'
    return text + ">" + "".join(children) + f"</{tag}>"


def settings(name: str, **values: object) -> list[str]:
    out = [name]
    for k, v in values.items():
        out.append(f"{k}:{v}")
    out.append(str(values.get("missing", "none")))
    out.append(str(values.get("level", -1)))
    return out


def tagged(**tags: Tag) -> list[Tag]:
    return list(tags.values())


def merged(base: int, **extra: int) -> dict[str, int]:
    result = {"base": base}
    result.update(extra)
    return result


def relay(prefix: str, **kw: int) -> str:
    # kwargs handed on to another **kwargs function
    return prefix + options(**kw) + options(first=0, **kw)


class Config:
    def __init__(self, name: str, **values: int) -> None:
        self.name = name
        self.values = values

    def get(self, key: str, **fallbacks: int) -> int:
        if key in self.values:
            return self.values[key]
        return fallbacks.get(key, 0)


class StrictConfig(Config):
    def get(self, key: str, **fallbacks: int) -> int:
        return super().get(key, **fallbacks) * 2


def main() -> None:
    print(options())
    print(options(b=2, a=1, c=3))
    print(render("p"))
    print(render("a", "x", "y", href="/", id="top", indent=2))
    print(render("b", indent=1, cls="bold"))
    print(settings("s"))
    print(settings("s", level=3, text="hi", items=[1, 2], obj=None))
    ts = tagged(x=Tag("one"), y=Tag("two"))
    print(ts, len(ts))
    d = {"z": 26, "y": 25}
    print(options(**d))
    print(options(a=1, **d))
    print(options(**d, a=1))
    print(options(**d, **{"w": 23}))
    empty: dict[str, int] = {}
    print(options(**empty), options(**empty, e=5))
    print(merged(1), merged(1, two=2, three=3), merged(base=7, **d))
    print(relay("r:", q=1, r=2))
    attrs = {"class": "c", "lang": "en"}
    print(render("div", "t", indent=0, **attrs))
    cfg = Config("c", depth=3, width=80)
    print(cfg.name, cfg.values, cfg.get("depth"), cfg.get("height", height=5))
    strict: Config = StrictConfig("s", depth=4)
    print(strict.get("depth"), strict.get("other", other=9), strict.get("none"))
    # keys given twice: CPython's TypeError, at run time
    try:
        print(options(z=1, **d))
    except TypeError as e:
        print("TypeError:", e)
    try:
        print(options(**d, **{"y": 0}))
    except TypeError as e:
        print("TypeError:", e)
    try:
        print(merged(1, **{"base": 2}))
    except TypeError as e:
        print("TypeError:", e)
    try:
        print(cfg.get("k", **{"key": 1}))
    except TypeError as e:
        print("TypeError:", e)
    big = {f"k{i}": i for i in range(50)}
    print(len(merged(0, **big)), options(**big)[-20:])


main()
