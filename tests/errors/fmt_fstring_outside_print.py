# error: 4:11: an f-string can only be passed straight to print(), panic() or assert
def main() -> None:
    n = 3
    msg = f"n is {n}"
    print(msg)


if __name__ == "__main__":
    main()
