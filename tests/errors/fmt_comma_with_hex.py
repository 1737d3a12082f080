# error: 4:23: cannot specify ',' with 'x'
def main() -> None:
    x = 255
    print(f"value: {x:,x}")


if __name__ == "__main__":
    main()
