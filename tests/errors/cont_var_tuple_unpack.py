# error: 4:5: unpacking a tuple[i64, ...] is not supported: its length is known only at run time
def main() -> None:
    t: tuple[int, ...] = (1, 2)
    a, b = t
    print(a, b)


if __name__ == "__main__":
    main()
