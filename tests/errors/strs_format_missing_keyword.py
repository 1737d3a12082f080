# error: 3:11: no argument name= for the field '{name}'
def main() -> None:
    print("{name}".format(x=1))


if __name__ == "__main__":
    main()
