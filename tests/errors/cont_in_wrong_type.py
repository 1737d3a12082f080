# error: 4:11: non-overlapping container check (element type: "str", container item typ
def main() -> None:
    xs = [1, 2, 3]
    print("a" in xs)


if __name__ == "__main__":
    main()
