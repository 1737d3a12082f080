# error: 3:5: 'continue' outside a loop
def main() -> None:
    continue


if __name__ == "__main__":
    main()
