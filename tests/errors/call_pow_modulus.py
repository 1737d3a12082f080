# error: 3:23: pow() with a modulus is not supported (write a loop of multiplications modulo m)
def main() -> None:
    print(pow(3, 200, 1000))


if __name__ == "__main__":
    main()
