# error: 3:14: tuple[None, ...] is not a useful type
def main() -> None:
    t: tuple[None, ...] = (None,)
    print(t)


if __name__ == "__main__":
    main()
