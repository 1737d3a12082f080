# error: 4:5: "list[i64]" not callable ('xs' is not a function)
def main() -> None:
    xs = [1, 2]
    xs()


if __name__ == "__main__":
    main()
