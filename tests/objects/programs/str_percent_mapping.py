"""printf-style formatting with mapping keys: `"%(name)s" % d` reads
d["name"] for each key (a key may repeat; a missing one is KeyError)."""

from typing import Final

TEXT: Final = "%(k)s=%(v)s"
calls: list[str] = []


class Item:
    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return f"Item({self.name!r})"


def make(tag: str) -> dict[str, int]:
    calls.append(tag)
    return {"x": len(calls), "y": 10 * len(calls)}


def row(fields: dict[str, str]) -> str:
    return "%(name)-8s|%(role)8s|%(name)r" % fields


def main() -> None:
    d = {"a": "x", "b": "yz"}
    print("%(a)s|%(b)5s|%(a)r|%(b)-4s|%%|" % d)
    n = {"count": 42, "neg": -7}
    print("%(count)d %(count)05d %(neg)+d %(count)x %(count)#o %(neg)-6d|" % n)
    objs: dict[str, object] = {"i": Item("q"), "n": None, "l": [1, 2]}
    print("%(i)s %(n)s %(l)s %(i)r" % objs)
    print("%(x)d-%(y)d-%(x)d" % make("first"), calls)
    print(row({"name": "ada", "role": "admin"}), row({"name": "grace", "role": "x"}))
    pairs = [TEXT % {"k": str(i), "v": "ü" * i} for i in range(4)]
    print(pairs)
    print("no keys: %s" % {"a": 1})
    try:
        print("%(missing)s" % d)
    except KeyError as e:
        print("KeyError:", e)
    sizes = {"small": 1, "large": 1000}
    for key in sizes:
        print("%(small)4d %(large)-6d|" % sizes, key)


main()
