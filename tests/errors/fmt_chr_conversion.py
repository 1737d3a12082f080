# error: 3:15: !r, !s and !a conversions
def main() -> None:
    print(f"[{chr(65)!r}]")


if __name__ == "__main__":
    main()
