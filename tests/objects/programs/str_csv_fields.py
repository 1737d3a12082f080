"""Parsing CSV-like records with split and maxsplit, rsplit for the last
field, and partition for key=value options; a report with format."""


def parse(line: str) -> tuple[str, int, list[str]]:
    name, count, rest = line.split(",", 2)
    tags = [t.strip() for t in rest.split(";") if t.strip()]
    return name.strip(), int(count), tags


def main() -> None:
    records = ["café, 3, hot; sweet", "tea,12,green;;", " mate ,7, bitter ; ", "eau,0,"]
    total = 0
    for line in records:
        name, count, tags = parse(line)
        total += count
        print("{:<6}|{:>3}|{}".format(name, count, "/".join(tags) or "-"))
    print("total {0} over {1} records".format(total, len(records)))
    path = "usr/local/lib/python3.11/site.py"
    print(path.rsplit("/", 1), path.rsplit("/", 2)[0], path.split("/", 1)[1])
    for opt in ["debug=1", "level = high", "quiet", "x=y=z"]:
        key, eq, value = opt.partition("=")
        print(repr(key.strip()), bool(eq), repr(value.strip()))


if __name__ == "__main__":
    main()
