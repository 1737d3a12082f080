# error: 3:14: cannot format a bytes
def main() -> None:
    print(f"{b'x':>5}")


if __name__ == "__main__":
    main()
