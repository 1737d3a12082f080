# error: 4:9: no binding for nonlocal 'counter' found
def main() -> None:
    def bump() -> None:
        nonlocal counter
        counter = 1

    bump()


if __name__ == "__main__":
    main()
