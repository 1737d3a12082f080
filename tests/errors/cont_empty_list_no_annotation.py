# error: 3:10: need a type annotation for an empty list (e.g. 'xs: list[int] = []')
def main() -> None:
    xs = []
    print(len(xs))


if __name__ == "__main__":
    main()
