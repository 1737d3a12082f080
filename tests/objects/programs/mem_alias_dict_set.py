"""Aliasing of dicts and sets, and of containers inside containers."""


def main() -> None:
    d = {"a": [1]}
    alias = d
    inner = d["a"]
    alias["b"] = inner
    inner.append(2)
    print(d, d["a"] is d["b"])
    s = {1}
    t = s
    t.add(2)
    print(sorted(s))
    snapshot = {k: v[:] for k, v in d.items()}
    d["a"].append(3)
    print(d, snapshot)


if __name__ == "__main__":
    main()
