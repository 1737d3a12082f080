"""partition and rpartition: found, not found, at the edges."""


def main() -> None:
    for s in ["key=value", "noequals", "=lead", "trail=", "a=b=c"]:
        print(s.partition("="), s.rpartition("="))
    head, sep, tail = "path/to/file.txt".rpartition("/")
    name, _, ext = tail.partition(".")
    print(head, sep, name, ext)


if __name__ == "__main__":
    main()
