# error: 4:19: expected i64, got str
def main() -> None:
    ages: dict[str, int] = {}
    ages["ann"] = "thirty"


if __name__ == "__main__":
    main()
