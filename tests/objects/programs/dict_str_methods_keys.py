"""Keys built at run time (non-ASCII, slices, joins) find the same entry
as literals."""


def main() -> None:
    d = {"größe": 1, "naïve": 2, "日本": 3}
    k = "gr" + "öße"
    print(d[k], d["ｘ日本ｘ"[1:3]], d["".join(["na", "ï", "ve"])])
    d[k.upper()] = 4
    print(d, len(d))


if __name__ == "__main__":
    main()
