# error: 4:20: the !a conversion (ascii()) is not supported
def main() -> None:
    name = "pythos"
    print(f"name: {name!a}")


if __name__ == "__main__":
    main()
