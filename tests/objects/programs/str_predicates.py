"""isdigit, isalpha, isspace, startswith, endswith on many inputs."""


def main() -> None:
    for s in ["123", "12a", "", "abc", "ÄÖü", " \t\n", "a b", "٤٥"]:
        print(repr(s), s.isdigit(), s.isalpha(), s.isspace())
    url = "https://pythos.dev/docs"
    print(url.startswith("https"), url[19:].startswith("docs"), url.endswith("/docs"), url.endswith(""))


if __name__ == "__main__":
    main()
