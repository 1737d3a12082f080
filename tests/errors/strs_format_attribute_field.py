# error: 3:11: looks up an attribute or an item
def main() -> None:
    print("{0.real}".format(5))


if __name__ == "__main__":
    main()
