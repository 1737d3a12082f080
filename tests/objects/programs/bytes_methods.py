"""Common bytes methods: find, startswith, split, join, upper, strip,
replace, count, slicing and concatenation."""


def main() -> None:
    b = b"  GET /index.html HTTP/1.1  "
    line = b.strip()
    method, path, version = line.split(b" ")
    print(method, path, version, line.startswith(b"GET"), line.find(b"HTTP"), line.count(b"/"))
    print(b"-".join([method, version]), path.upper(), path.replace(b".html", b".htm"), path[1:6])
    print(b"ab" + b"cd", b"ab" * 2, b"x" in b"xyz", b"ab" == b"ab", b"ab" < b"b")


if __name__ == "__main__":
    main()
