# error: 4:12: '/' is true division, and Pythos has no floats; use '//'
def main() -> None:
    n = 7
    half = n / 2
    print(half)


if __name__ == "__main__":
    main()
