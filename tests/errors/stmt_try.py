# error: 3:5: 'try' is not supported: Pythos has no exceptions
def main() -> None:
    try:
        print(1)
    except ValueError:
        print(2)


if __name__ == "__main__":
    main()
