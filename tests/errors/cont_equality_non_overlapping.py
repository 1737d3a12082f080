# error: 4:11: non-overlapping equality check (left operand type: "list[i64]", right op
def main() -> None:
    xs = [1, 2, 3]
    print(xs == "123")


if __name__ == "__main__":
    main()
