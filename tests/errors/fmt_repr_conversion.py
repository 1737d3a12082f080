# error: 4:20: !r, !s and !a conversions
def main() -> None:
    name = "pythos"
    print(f"name: {name!r}")


if __name__ == "__main__":
    main()
