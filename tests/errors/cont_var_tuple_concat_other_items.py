# error: 4:14: incompatible type "str" for an item of "tuple[i64, ...]"
def main() -> None:
    t: tuple[int, ...] = (1, 2)
    u = t + ("a",)
    print(u)


if __name__ == "__main__":
    main()
