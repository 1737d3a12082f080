# error: 7:9: no binding for nonlocal 'total' found
def main() -> None:
    count = 0

    def bump() -> None:
        nonlocal count
        nonlocal total
        count += 1

    bump()
    print(count)


if __name__ == "__main__":
    main()
